#include "normalizer.h"

#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <array>
#include <cstring>

#include "char_table.h"
#include "swar.h"
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

constexpr char LeetLetter(char32_t c) {
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

using swar::kLittleEndian;  // the eight-byte path assumes little-endian loads

// Per ASCII byte, packed in one word (one load): bits 0-7 its canonical form (0: dropped),
// bit 8 set when it is part of a word, bits 16-23 the letter it reads as between two letters
// (leet; 0 if none).
constexpr std::array<uint32_t, 128> MakeAsciiFolds() {
  std::array<uint32_t, 128> t{};
  for (int c = 0; c < 128; ++c) {
    // Control characters other than whitespace are format characters: dropped, as the general
    // path drops them.
    const bool dropped =
        (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != 0x0B && c != 0x0C) || c == 0x7F;
    const uint32_t out =
        dropped ? 0 : static_cast<uint32_t>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    const bool word = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    const auto leet = static_cast<uint8_t>(LeetLetter(static_cast<char32_t>(c)));
    t[static_cast<size_t>(c)] = out | (word ? 1u << 8 : 0u) | (uint32_t{leet} << 16);
  }
  return t;
}
constexpr std::array<uint32_t, 128> kAsciiFolds = MakeAsciiFolds();

// The whole input is ASCII: lower-case it and fold leet digits in place. Same result as the
// general path (NFKC_Casefold of ASCII is lower-casing; control characters other than
// whitespace are format characters and are dropped there, so they are here too). Returns false
// at the first byte beyond ASCII (output unspecified). kMap: whether to fill out->src.
template <bool kMap>
bool NormalizeAscii(std::string_view input, CanonicalText* out) {
  out->text.resize(input.size());
  if (kMap) out->src.resize(input.size() + 1);
  char* text = out->text.data();
  uint32_t* src = kMap ? out->src.data() : nullptr;
  thread_local std::vector<uint32_t> leet_at;  // canonical offsets of leet candidates
  leet_at.clear();
  size_t n = 0;
  uint32_t in_word = 0;
  int words = 0;
  size_t slow_until = 0;  // bytes before this go one at a time (a chunk there was not plain)
  for (size_t i = 0; i < input.size(); ++i) {
    if (kLittleEndian && i >= slow_until && i + 8 <= input.size()) {
      // Eight plain bytes at a time: printable ASCII with no digit or '$' (no leet candidate),
      // so each byte maps to itself lower-cased and every word character is a letter.
      const uint64_t w = swar::Load8(input.data() + i);
      if ((w & swar::kHighs) == 0 &&
          (swar::BytesBelow(w, 0x20) | swar::BytesEqual(w, 0x7F) | swar::BytesInRange(w, '0', '9') |
           swar::BytesEqual(w, '$')) == 0) {
        const uint64_t lower = w | (swar::BytesInRange(w, 'A', 'Z') >> 2);  // sets 0x20
        const uint64_t letters = swar::BytesInRange(lower, 'a', 'z');
        // A word starts at a letter whose previous byte (the chunk's first: the previous
        // chunk's last) is no word character. Byte k is bits 8k..8k+7 (little-endian load).
        const uint64_t starts = letters & ~((letters << 8) | (in_word ? 0x80u : 0u));
        words += swar::CountMarked(starts);
        in_word = static_cast<uint32_t>(letters >> 63);
        std::memcpy(text + n, &lower, 8);
        if (kMap) {
          for (uint32_t k = 0; k < 8; ++k) src[n + k] = static_cast<uint32_t>(i) + k;
        }
        n += 8;
        i += 7;
        continue;
      }
      slow_until = i + 8;
    }
    const unsigned char c = static_cast<unsigned char>(input[i]);
    if (c >= 0x80) return false;
    const uint32_t f = kAsciiFolds[c];
    if ((f & 0xFF) == 0) continue;
    const uint32_t word = (f >> 8) & 1;
    words += static_cast<int>(word & ~in_word);
    in_word = word;
    if (f >> 16) leet_at.push_back(static_cast<uint32_t>(n));
    text[n] = static_cast<char>(f & 0xFF);
    if (kMap) src[n] = static_cast<uint32_t>(i);
    ++n;
  }
  out->words = words;
  out->text.resize(n);
  if (kMap) {
    out->src[n] = static_cast<uint32_t>(input.size());
    out->src.resize(n + 1);
  }
  for (uint32_t k : leet_at) {
    if (k == 0 || k + 1 >= n) continue;
    if (IsAsciiLower(text[k - 1]) && IsAsciiLower(text[k + 1])) {
      text[k] = static_cast<char>(kAsciiFolds[static_cast<unsigned char>(text[k])] >> 16);
      ++out->leet_folds;
    }
  }
  return true;
}

// Text with characters beyond ASCII, in one pass without the general path's per-character
// units, when neither of the general path's two multi-character steps applies:
//   - no character combines with the one before it (no run for ICU to compose), and
//   - no word can mix Latin with Cyrillic/Greek letters (the text does not have both),
// so every character maps to its own NFKC_Casefold form and only leet folding looks at
// neighbours. This is most non-ASCII text: English with typographic quotes and dashes,
// Arabic without vowel marks, Russian, Chinese. Returns false (output unspecified) for the
// rest, which takes the general path. kMap: whether to fill out->src.
template <bool kMap>
class SimpleNormalizer {
 public:
  SimpleNormalizer(std::string_view input, CanonicalText* out) : in_(input), out_(out) {}

  bool Run() {
    out_->text.resize(in_.size() + 16);
    if (kMap) out_->src.resize(in_.size() + 17);
    size_t i = 0;
    while (i < in_.size()) {
      const unsigned char b = static_cast<unsigned char>(in_[i]);
      if (b < 0x80) {
        if (!AddAscii(b, i)) return false;
        ++i;
        continue;
      }
      size_t len;
      const char32_t c = DecodeUtf8(in_, i, &len);
      const CharInfo& info = GetCharInfo(c);
      if (info.cls == CharClass::kIgnorable) {  // dropped; not a unit, so it splits no word
        i += len;
        continue;
      }
      if (!info.boundary_before) return false;  // combines with the character before it
      if (info.cls == CharClass::kLetter && !NoteScript(info.script)) return false;
      const bool word = info.cls == CharClass::kLetter || info.cls == CharClass::kDigit;
      const bool letter_out =
          info.folded.size() == 1 && IsAsciiLower(info.folded[0]);  // IsAsciiLetterOut()
      Emit(info.folded, i, word, letter_out, /*leet=*/0);
      i += len;
    }
    ResolvePendingLeet(false);
    out_->text.resize(n_);
    if (kMap) {
      out_->src.resize(n_ + 1);
      out_->src[n_] = static_cast<uint32_t>(in_.size());
    }
    return true;
  }

 private:
  // False when the text needs the general path after all.
  bool AddAscii(unsigned char c, size_t at) {
    // Control characters other than whitespace are format characters: dropped (as in
    // NormalizeAscii()).
    if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != 0x0B && c != 0x0C) || c == 0x7F) {
      return true;
    }
    if (c >= 'A' && c <= 'Z') c = static_cast<unsigned char>(c - 'A' + 'a');
    const bool letter = c >= 'a' && c <= 'z';
    if (letter && !NoteScript(Script::kLatin)) return false;
    const bool word = letter || (c >= '0' && c <= '9');
    const char ch = static_cast<char>(c);
    Emit(std::string_view(&ch, 1), at, word, letter, LeetLetter(c));
    return true;
  }

  // Records a letter's script; false once the text has both Latin and Cyrillic/Greek letters.
  bool NoteScript(Script s) {
    if (s == Script::kLatin) latin_ = true;
    if (s == Script::kCyrillic || s == Script::kGreek) cyrillic_greek_ = true;
    return !(latin_ && cyrillic_greek_);
  }

  // Appends one unit's output. `leet`: the letter this unit reads as between two letters.
  void Emit(std::string_view folded, size_t at, bool word, bool letter_out, char leet) {
    ResolvePendingLeet(letter_out);
    if (word && !in_word_) ++out_->words;
    in_word_ = word;
    if (leet && prev_letter_out_) pending_ = static_cast<long>(n_), pending_letter_ = leet;
    Reserve(folded.size());
    for (char ch : folded) {
      out_->text[n_] = ch;
      if (kMap) out_->src[n_] = static_cast<uint32_t>(at);
      ++n_;
    }
    prev_letter_out_ = letter_out;
  }

  // A digit or $ after a letter is read as a letter when the next unit is one too.
  void ResolvePendingLeet(bool next_letter_out) {
    if (pending_ < 0) return;
    if (next_letter_out) {
      out_->text[static_cast<size_t>(pending_)] = pending_letter_;
      ++out_->leet_folds;
    }
    pending_ = -1;
  }

  void Reserve(size_t more) {
    if (n_ + more + 1 <= out_->text.size()) return;
    const size_t want = 2 * (n_ + more) + 16;
    out_->text.resize(want);
    if (kMap) out_->src.resize(want + 1);
  }

  std::string_view in_;
  CanonicalText* out_;
  size_t n_ = 0;
  bool in_word_ = false;
  bool prev_letter_out_ = false;
  long pending_ = -1;  // output offset of a leet candidate waiting for its right neighbour
  char pending_letter_ = 0;
  bool latin_ = false, cyrillic_greek_ = false;
};

template <bool kMap>
void NormalizeImpl(std::string_view input, CanonicalText* out) {
  out->text.clear();
  out->src.clear();
  out->words = out->mixed_script_words = out->leet_folds = 0;
  if (NormalizeAscii<kMap>(input, out)) return;
  {
    SimpleNormalizer<kMap> simple(input, out);
    if (simple.Run()) return;
    out->text.clear();
    out->src.clear();
    out->words = out->mixed_script_words = out->leet_folds = 0;
  }
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
  if (kMap) out->src.reserve(input.size() + 1);
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
    if (kMap) out->src.insert(out->src.end(), out->text.size() - before, u.src);
  }
  if (kMap) out->src.push_back(static_cast<uint32_t>(input.size()));
}

}  // namespace

void Normalize(std::string_view input, CanonicalText* out) { NormalizeImpl<true>(input, out); }

void NormalizeText(std::string_view input, CanonicalText* out) { NormalizeImpl<false>(input, out); }

}  // namespace spamstrip
