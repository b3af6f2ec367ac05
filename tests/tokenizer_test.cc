// Tests for tokenizer.h: words of a canonical text as the n-gram model and context features
// see them.
#include "tokenizer.h"

#include <gtest/gtest.h>

#include <cctype>
#include <random>
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

// ASCII words go eight lower-case letters at a time where they can and byte by byte elsewhere;
// both give what this reference gives: runs of letters and digits, digits as '0', one
// character per byte, across every alignment of words to eight-byte chunks.
TEST(Tokenizer, AsciiRunsMatchTheByteRules) {
  std::mt19937 rng(11);
  const std::string pieces[] = {"a",     "word", "abcdefgh", "abcdefghijklmnop",
                                " ",     "  ",   ".",        "-",
                                "0",     "42",   "x9y",      "Upper",
                                "mIxEd", "\n",   "zz",       "qwertyuiopasdf"};
  Tokens t;
  for (int round = 0; round < 3000; ++round) {
    std::string in;
    const size_t n = rng() % 24;
    for (size_t k = 0; k < n; ++k) in += pieces[rng() % std::size(pieces)];
    std::vector<std::string> want;
    std::vector<bool> want_letter;
    std::string cur;
    bool letter = false;
    for (size_t i = 0; i <= in.size(); ++i) {
      const char c = i < in.size() ? in[i] : ' ';
      if (std::isalnum(static_cast<unsigned char>(c))) {
        cur += std::isdigit(static_cast<unsigned char>(c)) ? '0' : c;
        letter |= std::isalpha(static_cast<unsigned char>(c)) != 0;
      } else if (!cur.empty()) {
        want.push_back(cur);
        want_letter.push_back(letter);
        cur.clear();
        letter = false;
      }
    }
    Tokenize(in, &t);
    ASSERT_EQ(t.words.size(), want.size()) << in;
    for (size_t k = 0; k < want.size(); ++k) {
      ASSERT_EQ(t.Word(t.words[k]), want[k]) << in;
      ASSERT_EQ(t.words[k].chars, want[k].size()) << in;
      ASSERT_EQ(t.words[k].has_letter, want_letter[k]) << in;
    }
  }
}

}  // namespace
}  // namespace spamstrip
