// Tests for tokenizer.h: words of a canonical text as the n-gram model and context features
// see them.
#include "tokenizer.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "normalizer.h"

namespace spamstrip {
namespace {

std::vector<std::string> Words(std::string_view canonical) {
  Tokens t;
  Tokenize(canonical, &t);
  std::vector<std::string> out;
  for (const Token& w : t.words) out.emplace_back(t.Word(w));
  return out;
}

using W = std::vector<std::string>;

TEST(Tokenizer, SplitsOnPunctuationAndSpace) {
  EXPECT_EQ(Words("hello, world"), (W{"hello", "world"}));
  EXPECT_EQ(Words("  buy-now!!! (cheap)  "), (W{"buy", "now", "cheap"}));
  EXPECT_EQ(Words("don't"), (W{"don", "t"}));
  EXPECT_EQ(Words("www.example.com/path?q=1"), (W{"www", "example", "com", "path", "q", "0"}));
}

TEST(Tokenizer, EmptyAndPunctuationOnly) {
  EXPECT_TRUE(Words("").empty());
  EXPECT_TRUE(Words(" \t\n").empty());
  EXPECT_TRUE(Words("... !!! ---").empty());
}

TEST(Tokenizer, DigitsFoldToZero) {
  EXPECT_EQ(Words("call 0800 123 456"), (W{"call", "0000", "000", "000"}));
  EXPECT_EQ(Words("covid19"), (W{"covid00"}));
  EXPECT_EQ(Words("$4.99"), (W{"0", "00"}));
}

TEST(Tokenizer, HasLetterAndCharCount) {
  Tokens t;
  Tokenize(u8"2024 a1 \u043F\u0440\u0438\u0432\u0435\u0442", &t);
  ASSERT_EQ(t.words.size(), 3u);
  EXPECT_FALSE(t.words[0].has_letter);
  EXPECT_EQ(t.words[0].chars, 4u);
  EXPECT_TRUE(t.words[1].has_letter);
  EXPECT_EQ(t.words[1].chars, 2u);
  EXPECT_TRUE(t.words[2].has_letter);
  EXPECT_EQ(t.words[2].chars, 6u);            // code points
  EXPECT_EQ(t.Word(t.words[2]).size(), 12u);  // bytes
  EXPECT_EQ(t.Word(t.words[2]), u8"\u043F\u0440\u0438\u0432\u0435\u0442");
}

TEST(Tokenizer, HanAndKanaAreOneCharacterWords) {
  // Japanese brand-copy spam: every kana and Han character is a word of its own.
  EXPECT_EQ(Words(u8"\u30B3\u30D4\u30FC\u54C1"),
            (W{u8"\u30B3", u8"\u30D4", u8"\u30FC", u8"\u54C1"}));
  EXPECT_EQ(Words(u8"abc\u65E5\u672Cdef"), (W{"abc", u8"\u65E5", u8"\u672C", "def"}));
  EXPECT_EQ(Words(u8"\u65E5 \u672C"), (W{u8"\u65E5", u8"\u672C"}));
}

TEST(Tokenizer, OtherScriptsFormRuns) {
  EXPECT_EQ(Words(u8"\u0645\u0631\u062D\u0628\u0627 \u0628\u0643\u0645"),
            (W{u8"\u0645\u0631\u062D\u0628\u0627", u8"\u0628\u0643\u0645"}));
  // Hangul separates words with spaces and is not split per character.
  EXPECT_EQ(Words(u8"\uD55C\uAD6D\uC5B4 \uB274\uC2A4"),
            (W{u8"\uD55C\uAD6D\uC5B4", u8"\uB274\uC2A4"}));
}

TEST(Tokenizer, BufferOffsetsAreConsistent) {
  Tokens t;
  Tokenize(u8"one, two 33 \u0434\u0432\u0430 \u65E5x", &t);
  size_t prev_end = 0;
  for (const Token& w : t.words) {
    EXPECT_LE(prev_end, w.begin);
    EXPECT_LT(w.begin, w.end);
    EXPECT_LE(w.end, t.buffer.size());
    prev_end = w.end;
  }
  EXPECT_EQ(prev_end, t.buffer.size());
}

TEST(Tokenizer, WorksOnNormalizerOutput) {
  CanonicalText ct;
  Normalize(u8"BUY V\u0456AGRA \uFF2E\uFF2F\uFF37 for $5", &ct);
  EXPECT_EQ(Words(ct.text), (W{"buy", "viagra", "now", "for", "0"}));
}

TEST(Tokenizer, ReplacementCharacterIsNotAWord) {
  EXPECT_EQ(Words("ab\xEF\xBF\xBD"
                  "cd"),
            (W{"ab", "cd"}));
}

TEST(Tokenizer, ReusesOutputObject) {
  Tokens t;
  Tokenize("many words in here", &t);
  Tokenize("one", &t);
  ASSERT_EQ(t.words.size(), 1u);
  EXPECT_EQ(t.buffer, "one");
}

}  // namespace
}  // namespace spamstrip
