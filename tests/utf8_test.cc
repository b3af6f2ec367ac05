// Tests for utf8.h: total decoding (every byte sequence decodes, nothing is read past the end),
// FindInvalidUtf8 offsets and ToValidUtf8.
#include "utf8.h"

#include <gtest/gtest.h>

#include <string>
#include <string_view>

namespace spamstrip {
namespace {

struct DecodeCase {
  const char* name;
  std::string bytes;
  char32_t cp;  // expected code point of the first character
  size_t len;   // expected bytes consumed
};

const DecodeCase kDecodeCases[] = {
    // Well-formed, one per length and at the length boundaries.
    {"ascii", "A", U'A', 1},
    {"nul", std::string(1, '\0'), 0, 1},
    {"del", "\x7F", 0x7F, 1},
    {"two_byte_min", "\xC2\x80", 0x80, 2},
    {"two_byte_e_acute", "\xC3\xA9", 0xE9, 2},
    {"two_byte_max", "\xDF\xBF", 0x7FF, 2},
    {"three_byte_min", "\xE0\xA0\x80", 0x800, 3},
    {"three_byte_euro", "\xE2\x82\xAC", 0x20AC, 3},
    {"three_byte_before_surrogates", "\xED\x9F\xBF", 0xD7FF, 3},
    {"three_byte_after_surrogates", "\xEE\x80\x80", 0xE000, 3},
    {"three_byte_max", "\xEF\xBF\xBF", 0xFFFF, 3},
    {"real_replacement_char", "\xEF\xBF\xBD", 0xFFFD, 3},
    {"four_byte_min", "\xF0\x90\x80\x80", 0x10000, 4},
    {"four_byte_emoji", "\xF0\x9F\x98\x80", 0x1F600, 4},
    {"four_byte_max", "\xF4\x8F\xBF\xBF", 0x10FFFF, 4},
    // Overlong encodings: U+0000 and '/' in two bytes, U+07FF in three, U+FFFF in four.
    {"overlong_c0", "\xC0\x80", kReplacementChar, 1},
    {"overlong_c1", "\xC1\xAF", kReplacementChar, 1},
    {"overlong_three", "\xE0\x9F\xBF", kReplacementChar, 1},
    {"overlong_four", "\xF0\x8F\xBF\xBF", kReplacementChar, 1},
    // UTF-16 surrogates encoded in UTF-8 (CESU-8 style) are not scalar values.
    {"surrogate_high", "\xED\xA0\x80", kReplacementChar, 1},
    {"surrogate_low", "\xED\xBF\xBF", kReplacementChar, 1},
    // Above U+10FFFF, and lead bytes that can never start a sequence.
    {"above_max", "\xF4\x90\x80\x80", kReplacementChar, 1},
    {"lead_f5", "\xF5\x80\x80\x80", kReplacementChar, 1},
    {"lead_fe", "\xFE", kReplacementChar, 1},
    {"lead_ff", "\xFF", kReplacementChar, 1},
    // Stray continuation bytes.
    {"lone_continuation", "\x80", kReplacementChar, 1},
    {"lone_continuation_bf",
     "\xBF"
     "abc",
     kReplacementChar, 1},
    // Truncated sequences, at the end of input and followed by ASCII.
    {"truncated_two_at_end", "\xC3", kReplacementChar, 1},
    {"truncated_three_at_end", "\xE2\x82", kReplacementChar, 1},
    {"truncated_four_at_end", "\xF0\x9F\x98", kReplacementChar, 1},
    {"truncated_two_then_ascii",
     "\xC3"
     "a",
     kReplacementChar, 1},
    {"truncated_three_then_ascii",
     "\xE2\x82"
     "a",
     kReplacementChar, 1},
    {"truncated_four_then_ascii",
     "\xF0\x9F\x98"
     "a",
     kReplacementChar, 1},
};

class DecodeTest : public ::testing::TestWithParam<DecodeCase> {};

TEST_P(DecodeTest, DecodesFirstCharacter) {
  const DecodeCase& c = GetParam();
  size_t len = 0;
  char32_t cp = DecodeUtf8(c.bytes, 0, &len);
  EXPECT_EQ(static_cast<uint32_t>(cp), static_cast<uint32_t>(c.cp));
  EXPECT_EQ(len, c.len);
}

INSTANTIATE_TEST_SUITE_P(Utf8, DecodeTest, ::testing::ValuesIn(kDecodeCases),
                         [](const ::testing::TestParamInfo<DecodeCase>& p) {
                           return std::string(p.param.name);
                         });

TEST(Utf8, DecodeNeverReadsPastTheView) {
  // The bytes after the view would complete the sequence; the decoder must not look at them.
  const std::string buffer = "\xE2\x82\xAC\xF0\x9F\x98\x80";
  for (size_t n = 1; n < 3; ++n) {
    size_t len = 0;
    EXPECT_EQ(DecodeUtf8(std::string_view(buffer.data(), n), 0, &len), kReplacementChar) << n;
    EXPECT_EQ(len, 1u);
  }
  for (size_t n = 4; n < 7; ++n) {
    size_t len = 0;
    EXPECT_EQ(DecodeUtf8(std::string_view(buffer.data(), n), 3, &len), kReplacementChar) << n;
    EXPECT_EQ(len, 1u);
  }
}

TEST(Utf8, DecodeAtOffset) {
  const std::string s = "a\xC3\xA9\xE2\x82\xAC";
  size_t len = 0;
  EXPECT_EQ(DecodeUtf8(s, 1, &len), char32_t{0xE9});
  EXPECT_EQ(len, 2u);
  EXPECT_EQ(DecodeUtf8(s, 3, &len), char32_t{0x20AC});
  EXPECT_EQ(len, 3u);
  // Starting inside a character: the continuation byte alone is invalid.
  EXPECT_EQ(DecodeUtf8(s, 2, &len), kReplacementChar);
  EXPECT_EQ(len, 1u);
}

TEST(Utf8, EveryTwoByteSequenceIsTotal) {
  // Exhaustive over two bytes: always consumes 1 or 2 bytes, never more than there are.
  for (int a = 0; a < 256; ++a) {
    for (int b = 0; b < 256; ++b) {
      std::string s{static_cast<char>(a), static_cast<char>(b)};
      size_t len = 0;
      char32_t c = DecodeUtf8(s, 0, &len);
      ASSERT_GE(len, 1u);
      ASSERT_LE(len, 2u);
      ASSERT_LE(static_cast<uint32_t>(c), 0x10FFFFu);
      ASSERT_FALSE(c >= 0xD800 && c <= 0xDFFF);
    }
  }
}

TEST(Utf8, AppendRoundTripsAtBoundaries) {
  const char32_t kCodePoints[] = {0,      0x7F,   0x80,   0x7FF,   0x800,   0xD7FF,
                                  0xE000, 0xFFFD, 0xFFFF, 0x10000, 0x1F600, 0x10FFFF};
  const size_t kLengths[] = {1, 1, 2, 2, 3, 3, 3, 3, 3, 4, 4, 4};
  for (size_t i = 0; i < std::size(kCodePoints); ++i) {
    std::string s;
    AppendUtf8(kCodePoints[i], &s);
    EXPECT_EQ(s.size(), kLengths[i]) << std::hex << static_cast<uint32_t>(kCodePoints[i]);
    size_t len = 0;
    EXPECT_EQ(DecodeUtf8(s, 0, &len), kCodePoints[i]);
    EXPECT_EQ(len, s.size());
  }
}

struct InvalidCase {
  std::string bytes;
  size_t offset;  // npos when valid
};

TEST(Utf8, FindInvalidUtf8Offsets) {
  const size_t npos = std::string_view::npos;
  const InvalidCase kCases[] = {
      {"", npos},
      {"plain ascii", npos},
      {"caf\xC3\xA9 \xE2\x82\xAC \xF0\x9F\x98\x80", npos},
      {"\xEF\xBF\xBD", npos},  // a real U+FFFD in the input is valid
      {"\xFF", 0},
      {"ab\xFF", 2},
      {"caf\xC3\xA9\x80", 5},  // stray continuation after a valid character
      {"\xE2\x82", 0},         // truncated at end
      {"abc\xE2\x82"
       "d",
       3},                                      // truncated, followed by ASCII
      {"a\xED\xA0\x80", 1},                     // surrogate
      {"a\xC0\xAF", 1},                         // overlong '/'
      {"\xC3\xA9\xC3\xA9\xF4\x90\x80\x80", 4},  // above U+10FFFF
      {"ok\xC3\xA9ok\xFE", 6},
  };
  for (const auto& c : kCases) {
    EXPECT_EQ(FindInvalidUtf8(c.bytes), c.offset) << "input: " << ::testing::PrintToString(c.bytes);
  }
}

TEST(Utf8, ToValidUtf8ReplacesEachBadByte) {
  EXPECT_EQ(ToValidUtf8("plain"), "plain");
  EXPECT_EQ(ToValidUtf8("caf\xC3\xA9"), "caf\xC3\xA9");
  EXPECT_EQ(ToValidUtf8("a\xFF"
                        "b"),
            "a\xEF\xBF\xBD"
            "b");
  // A truncated sequence: one U+FFFD per byte (the decoder consumes one byte on error).
  EXPECT_EQ(ToValidUtf8("\xE2\x82"), "\xEF\xBF\xBD\xEF\xBF\xBD");
  EXPECT_EQ(ToValidUtf8("x\xED\xA0\x80y"), "x\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBDy");
  // The result is always valid.
  std::string all;
  for (int b = 0; b < 256; ++b) all.push_back(static_cast<char>(b));
  EXPECT_EQ(FindInvalidUtf8(ToValidUtf8(all)), std::string_view::npos);
}

}  // namespace
}  // namespace spamstrip
