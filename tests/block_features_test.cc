// Tests for block_features.h: the shape counts of CountShape (against a byte-by-byte reference
// on every alignment, since ASCII is counted eight bytes at a time) and the punctuation and
// capitalisation features built from them.
#include "block_features.h"

#include <gtest/gtest.h>

#include <random>
#include <string>

#include "segmenter.h"

namespace spamstrip {
namespace {

SentenceStats Shape(std::string_view s) {
  SentenceStats st;
  CountShape(s, &st);
  return st;
}

TEST(CountShape, ShoutingAdLine) {
  // '★' is U+2605, a dingbat-range symbol; "!!!" three marks; every word capitalised.
  const SentenceStats st = Shape("Earn Money Fast!!! Click Here \xE2\x98\x85 Win Big?");
  EXPECT_EQ(st.exclaims, 3);
  EXPECT_EQ(st.symbols, 1);
  EXPECT_EQ(st.ascii_words, 7);
  EXPECT_EQ(st.capitalised_words, 7);
}

TEST(CountShape, ReportingKeepsItsShape) {
  // A Reuters stock line: the ticker's angle brackets are symbols; numbers are words but not
  // capitalised ones; the pound sign, '%' and '©' are not counted as symbols.
  SentenceStats st = Shape("International Paper <IP> fell 4-3/8 to 95-1/2.");
  EXPECT_EQ(st.symbols, 2);
  EXPECT_EQ(st.exclaims, 0);
  EXPECT_EQ(st.ascii_words, 11);  // International Paper IP fell 4 3 8 to 95 1 2
  EXPECT_EQ(st.capitalised_words, 3);
  st = Shape(
      "Shares rose 5% to \xC2\xA3"
      "3.20 (\xC2\xA9 Reuters), the firm said.");
  EXPECT_EQ(st.symbols, 0);
  EXPECT_EQ(st.capitalised_words, 2);  // Shares, Reuters
}

TEST(CountShape, OtherScriptsMarks) {
  // Arabic question mark U+061F, fullwidth '!' U+FF01 and '?' U+FF1F; an emoji U+1F4B0.
  const SentenceStats st =
      Shape("\xD9\x87\xD9\x84 \xD8\x9F \xEF\xBC\x81\xEF\xBC\x9F \xF0\x9F\x92\xB0 ok");
  EXPECT_EQ(st.exclaims, 1);
  EXPECT_EQ(st.symbols, 1);
  EXPECT_EQ(st.ascii_words, 1);  // the Arabic word has no ASCII letter to start with
}

TEST(CountShape, WordsAfterNonAsciiLettersAreNotNewWords) {
  // "Café" then "Bar": the 'B' starts a word, nothing inside "Café" does after the 'é'.
  const SentenceStats st = Shape(
      "Caf\xC3\xA9"
      "Bar Caf\xC3\xA9 bar");
  EXPECT_EQ(st.ascii_words, 3);  // "Caf\xC3\xA9Bar" is one word, then "Caf\xC3\xA9", "bar"
  EXPECT_EQ(st.capitalised_words, 2);
}

// Byte-by-byte reference for the ASCII counts.
struct Ref {
  int exclaims = 0, symbols = 0, words = 0, capitalised = 0, upper = 0, digits = 0;
};
Ref Reference(const std::string& s) {
  Ref r;
  bool in_word = false;
  for (unsigned char c : s) {
    const bool letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    const bool digit = c >= '0' && c <= '9';
    if (c == '!') ++r.exclaims;
    if (std::string("#*+<=>[\\]^_{|}~").find(static_cast<char>(c)) != std::string::npos) {
      ++r.symbols;
    }
    if (c >= 'A' && c <= 'Z') ++r.upper;
    if (digit) ++r.digits;
    if ((letter || digit) && !in_word) {
      ++r.words;
      if (c >= 'A' && c <= 'Z') ++r.capitalised;
    }
    in_word = letter || digit;
  }
  return r;
}

TEST(CountShape, EightBytesAtATimeMatchesByteByByte) {
  std::mt19937 rng(7);
  const std::string alphabet = "aZ9 !?#*+<=>[\\]^_{|}~.,'-\"@$%&()/:;`AbYz0";
  for (int round = 0; round < 2000; ++round) {
    std::string s(rng() % 40, ' ');
    for (char& c : s) c = alphabet[rng() % alphabet.size()];
    const Ref want = Reference(s);
    const SentenceStats got = Shape(s);
    ASSERT_EQ(got.exclaims, want.exclaims) << s;
    ASSERT_EQ(got.symbols, want.symbols) << s;
    ASSERT_EQ(got.ascii_words, want.words) << s;
    ASSERT_EQ(got.capitalised_words, want.capitalised) << s;
    ASSERT_EQ(got.upper, want.upper) << s;
    ASSERT_EQ(got.digits, want.digits) << s;
  }
}

FeatureVector RunFeatures(std::string_view text) {
  SentenceStats st;
  ComputeSentenceStats(text, Range{0, text.size()}, nullptr, nullptr, &st);
  DocContext doc;
  doc.Add(st);
  doc.EndParagraph(0);
  std::vector<SentenceStats> sents{st};
  doc.Annotate(&sents);
  return doc.Features(sents, 0, 1, BlockKind::kParagraph, true, nullptr, nullptr);
}

TEST(PunctuationFeatures, CappedCountsAndCapitalisedShare) {
  FeatureVector f = RunFeatures("Act Now!!!! Limited Offer?? Only Today!");
  EXPECT_EQ(f[kExclaims], 3);  // five marks, capped at 3
  EXPECT_DOUBLE_EQ(f[kCapitalised], 1.0);
  f = RunFeatures("The council said the new rules would apply from May.");
  EXPECT_EQ(f[kExclaims], 0);
  EXPECT_DOUBLE_EQ(f[kCapitalised], 2.0 / 10);  // The, May of ten words
  f = RunFeatures("Big Win");                   // fewer than three words: no share
  EXPECT_EQ(f[kCapitalised], 0);
  f = RunFeatures("=-=-=-=-= Rankings =-=-=-=-=");
  EXPECT_EQ(f[kSymbols], 10);  // ten '=' signs
  EXPECT_STREQ(FeatureName(kCapitalised), "capitalised");
}

}  // namespace
}  // namespace spamstrip
