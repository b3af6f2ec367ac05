#include "normalizer.h"

#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include <algorithm>

#include "char_table.h"
#include "utf8.h"

namespace spamstrip {
namespace {

struct Unit {
  uint32_t src;
  const CharInfo* info;
  char ascii;    // replacement ASCII letter, or 0 to use info->folded
  char16_t cyr;  // replacement Cyrillic letter, or 0
  char32_t cp;
  int composed;  // >= 0: index of a normalised multi-character segment replacing info->folded
};

// NFKC_Casefold of a run of characters that combine (base + accents), UTF-8.
std::string NormalizeSegment(std::string_view utf8) {
  UErrorCode err = U_ZERO_ERROR;
  const icu::Normalizer2* n = icu::Normalizer2::getNFKCCasefoldInstance(err);
  std::string out;
  if (U_FAILURE(err) || n == nullptr) return std::string(utf8);
  icu::UnicodeString src = icu::UnicodeString::fromUTF8(
      icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
  icu::UnicodeString dst = n->normalize(src, err);
  if (U_FAILURE(err)) return std::string(utf8);
  dst.toUTF8String(out);
  return out;
}

bool IsWordUnit(const Unit& u) {
  return u.info->cls == CharClass::kLetter || u.info->cls == CharClass::kDigit;
}

bool IsAsciiLetterOut(const Unit& u) {
  if (u.composed >= 0) return false;
  if (u.ascii) return true;
  return u.info->folded.size() == 1 && u.info->folded[0] >= 'a' && u.info->folded[0] <= 'z' &&
         !u.cyr;
}

char LeetLetter(char32_t c) {
  switch (c) {
    case '0':
      return 'o';
    case '1':
      return 'i';
    case '3':
      return 'e';
    case '4':
      return 'a';
    case '5':
      return 's';
    case '7':
      return 't';
    case '$':
      return 's';
    default:
      return 0;
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

namespace {

bool IsAsciiLower(char c) { return c >= 'a' && c <= 'z'; }

// The whole input is ASCII: lower-case it and fold leet digits in place; offsets are identity.
// Same result as the general path (NFKC_Casefold of ASCII is lower-casing; control characters
// other than whitespace are format characters and are dropped there, so they are here too).
bool NormalizeAscii(std::string_view input, CanonicalText* out) {
  for (char c : input) {
    if (static_cast<unsigned char>(c) >= 0x80) return false;
  }
  out->text.resize(input.size());
  out->src.resize(input.size() + 1);
  size_t n = 0;
  bool in_word = false;
  for (size_t i = 0; i < input.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(input[i]);
    if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != 0x0B && c != 0x0C) continue;
    if (c == 0x7F) continue;
    if (c >= 'A' && c <= 'Z') c = static_cast<unsigned char>(c - 'A' + 'a');
    const bool word = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    if (word && !in_word) ++out->words;
    in_word = word;
    out->text[n] = static_cast<char>(c);
    out->src[n] = static_cast<uint32_t>(i);
    ++n;
  }
  out->text.resize(n);
  out->src[n] = static_cast<uint32_t>(input.size());
  out->src.resize(n + 1);
  for (size_t k = 1; k + 1 < n; ++k) {
    const char l = LeetLetter(static_cast<unsigned char>(out->text[k]));
    if (l && IsAsciiLower(out->text[k - 1]) && IsAsciiLower(out->text[k + 1])) {
      out->text[k] = l;
      ++out->leet_folds;
    }
  }
  return true;
}

}  // namespace

void Normalize(std::string_view input, CanonicalText* out) {
  out->text.clear();
  out->src.clear();
  out->words = out->mixed_script_words = out->leet_folds = 0;
  if (NormalizeAscii(input, out)) return;
  thread_local std::vector<Unit> units;
  thread_local std::vector<std::string> composed;
  units.clear();
  composed.clear();
  units.reserve(input.size());
  size_t i = 0;
  while (i < input.size()) {
    size_t len;
    char32_t c = DecodeUtf8(input, i, &len);
    const CharInfo& info = GetCharInfo(c);
    // Does a combining character follow? Then normalise the whole run at once (NFKC composes
    // "e" + U+0301 into "é"); it counts as one unit placed at the run's first byte.
    size_t j = i + len;
    while (j < input.size() && static_cast<unsigned char>(input[j]) >= 0x80) {
      size_t l2;
      char32_t c2 = DecodeUtf8(input, j, &l2);
      const CharInfo& next = GetCharInfo(c2);
      if (next.boundary_before || next.cls == CharClass::kIgnorable) break;
      j += l2;
    }
    if (j > i + len) {
      composed.push_back(NormalizeSegment(input.substr(i, j - i)));
      units.push_back(
          Unit{static_cast<uint32_t>(i), &info, 0, 0, c, static_cast<int>(composed.size() - 1)});
      i = j;
      continue;
    }
    if (info.cls != CharClass::kIgnorable) {
      units.push_back(Unit{static_cast<uint32_t>(i), &info, 0, 0, c, -1});
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
    if (u.composed >= 0) {
      out->text.append(composed[static_cast<size_t>(u.composed)]);
    } else if (u.ascii) {
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
