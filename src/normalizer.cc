#include "normalizer.h"

#include <algorithm>

#include "char_table.h"
#include "utf8.h"

namespace spamstrip {
namespace {

struct Unit {
  uint32_t src;
  const CharInfo* info;
  char ascii;        // replacement ASCII letter, or 0 to use info->folded
  char16_t cyr;      // replacement Cyrillic letter, or 0
  char32_t cp;
};

bool IsWordUnit(const Unit& u) {
  return u.info->cls == CharClass::kLetter || u.info->cls == CharClass::kDigit;
}

bool IsAsciiLetterOut(const Unit& u) {
  if (u.ascii) return true;
  return u.info->folded.size() == 1 && u.info->folded[0] >= 'a' && u.info->folded[0] <= 'z' &&
         !u.cyr;
}

char LeetLetter(char32_t c) {
  switch (c) {
    case '0': return 'o';
    case '1': return 'i';
    case '3': return 'e';
    case '4': return 'a';
    case '5': return 's';
    case '7': return 't';
    case '$': return 's';
    default: return 0;
  }
}

void FoldWord(std::vector<Unit>& units, size_t b, size_t e, CanonicalText* out) {
  int latin = 0, other = 0;
  for (size_t i = b; i < e; ++i) {
    Script s = units[i].info->script;
    if (units[i].info->cls != CharClass::kLetter) continue;
    if (s == Script::kLatin) ++latin;
    if (s == Script::kCyrillic || s == Script::kGreek) ++other;
  }
  ++out->words;
  if (latin == 0 || other == 0) return;
  ++out->mixed_script_words;
  for (size_t i = b; i < e; ++i) {
    Unit& u = units[i];
    if (latin >= other) {
      if (u.info->latin_lookalike) u.ascii = u.info->latin_lookalike;
    } else if (u.info->script == Script::kLatin && u.info->folded.size() == 1) {
      const CharInfo& lower = GetCharInfo(static_cast<unsigned char>(u.info->folded[0]));
      if (lower.cyrillic_lookalike) u.cyr = lower.cyrillic_lookalike;
    }
  }
}

}  // namespace

size_t CanonicalText::ToCanonical(size_t in) const {
  auto it = std::lower_bound(src.begin(), src.end(), static_cast<uint32_t>(in));
  return static_cast<size_t>(it - src.begin());
}

void Normalize(std::string_view input, CanonicalText* out) {
  out->text.clear();
  out->src.clear();
  out->words = out->mixed_script_words = out->leet_folds = 0;
  std::vector<Unit> units;
  units.reserve(input.size());
  size_t i = 0;
  while (i < input.size()) {
    size_t len;
    char32_t c = DecodeUtf8(input, i, &len);
    const CharInfo& info = GetCharInfo(c);
    if (info.cls != CharClass::kIgnorable) {
      units.push_back(Unit{static_cast<uint32_t>(i), &info, 0, 0, c});
    }
    i += len;
  }
  // Script folding, word by word.
  for (size_t b = 0; b < units.size();) {
    if (!IsWordUnit(units[b])) {
      ++b;
      continue;
    }
    size_t e = b;
    while (e < units.size() && IsWordUnit(units[e])) ++e;
    FoldWord(units, b, e, out);
    b = e;
  }
  // Leet folding: a digit or @/$ between two Latin letters.
  for (size_t k = 1; k + 1 < units.size(); ++k) {
    char l = LeetLetter(units[k].cp);
    if (l && IsAsciiLetterOut(units[k - 1]) && IsAsciiLetterOut(units[k + 1])) {
      units[k].ascii = l;
      ++out->leet_folds;
    }
  }
  out->text.reserve(input.size());
  out->src.reserve(input.size() + 1);
  for (const Unit& u : units) {
    size_t before = out->text.size();
    if (u.ascii) {
      out->text.push_back(u.ascii);
    } else if (u.cyr) {
      AppendUtf8(u.cyr, &out->text);
    } else {
      out->text.append(u.info->folded);
    }
    out->src.insert(out->src.end(), out->text.size() - before, u.src);
  }
  out->src.push_back(static_cast<uint32_t>(input.size()));
}

}  // namespace spamstrip
