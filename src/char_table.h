// char_table.h — per-code-point facts used by normalisation and tokenisation.
//
// Built once per process from ICU (NFKC_Casefold, general category, script, confusable
// skeletons) for the whole Basic Multilingual Plane; code points above it are looked up in ICU
// directly. Thread-safe: the table is immutable after its first use (function-local static).
#ifndef SPAMSTRIP_SRC_CHAR_TABLE_H_
#define SPAMSTRIP_SRC_CHAR_TABLE_H_

#include <cstdint>
#include <string_view>

namespace spamstrip {

enum class CharClass : uint8_t { kOther, kLetter, kDigit, kSpace, kPunct, kIgnorable };

// Scripts we tell apart; everything else is kOtherScript.
enum class Script : uint8_t {
  kNone,  // digits, punctuation, symbols: no script of their own
  kLatin,
  kCyrillic,
  kGreek,
  kArabic,
  kHebrew,
  kHan,
  kKana,
  kHangul,
  kThai,
  kDevanagari,
  kOtherScript,
  kCount
};
const char* ScriptName(Script s);
// The writing system a script belongs to: Japanese is written in Han and kana together, so
// kana counts as Han; every other script is its own.
inline Script WritingSystem(Script s) { return s == Script::kKana ? Script::kHan : s; }

struct CharInfo {
  CharClass cls = CharClass::kOther;
  Script script = Script::kNone;
  // ASCII letter this (Cyrillic or Greek) letter is confusable with, after case folding; 0 if none.
  char latin_lookalike = 0;
  // For ASCII letters: the Cyrillic letter it is confusable with (a->а, e->е, ...); 0 if none.
  char16_t cyrillic_lookalike = 0;
  // False when the character may combine with the one before it under NFKC (a combining
  // accent, a voiced-sound mark): such runs are normalised together, not one by one.
  bool boundary_before = true;
  // The NFKC_Casefold form, UTF-8. Empty for ignorable characters (zero-width, bidi controls,
  // soft hyphen, other format characters). Points into static storage; never dangles.
  std::string_view folded;
};

namespace internal {
// The Basic Multilingual Plane's table (built on first use) and the lookup above it.
const CharInfo* BmpTable();
const CharInfo& AstralCharInfo(char32_t c);
}  // namespace internal

// Facts about code point c (any value; invalid ones read as U+FFFD). Inline: the normaliser,
// tokeniser and segmenter ask once per non-ASCII character.
inline const CharInfo& GetCharInfo(char32_t c) {
  static const CharInfo* const bmp = internal::BmpTable();
  if (c < 0x10000) return bmp[c];
  return internal::AstralCharInfo(c);
}

}  // namespace spamstrip

#endif  // SPAMSTRIP_SRC_CHAR_TABLE_H_
