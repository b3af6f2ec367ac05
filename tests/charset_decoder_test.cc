// Tests for charset_decoder.h: decoded text and the map of every character back to its input
// bytes, in single- and multi-byte encodings, across ICU call boundaries, with invalid bytes.
#include "charset_decoder.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "charset_fixtures.h"
#include "utf8.h"

namespace spamstrip {
namespace {

using testing::Encode;

// Decodes Encode(utf8, charset) and checks that the text comes back and that every character
// boundary, and every byte inside a character, maps to the right input bytes.
void ExpectRoundTrip(const std::string& utf8, const char* charset) {
  SCOPED_TRACE(charset);
  std::vector<size_t> starts, source;  // per character: its UTF-8 start and its input start
  size_t in = 0;
  for (size_t i = 0; i < utf8.size();) {
    size_t len = 0;
    DecodeUtf8(utf8, i, &len);
    starts.push_back(i);
    source.push_back(in);
    in += Encode(utf8.substr(i, len), charset).size();
    i += len;
  }
  const std::string bytes = Encode(utf8, charset);
  ASSERT_EQ(in, bytes.size());
  DecodedText d;
  ASSERT_TRUE(DecodeToUtf8(bytes, 0, charset, &d).ok());
  ASSERT_EQ(d.text, utf8);
  for (size_t c = 0; c < starts.size(); ++c) {
    const size_t next_in = c + 1 < starts.size() ? source[c + 1] : bytes.size();
    const size_t next = c + 1 < starts.size() ? starts[c + 1] : utf8.size();
    ASSERT_EQ(d.map.ToSourceStart(starts[c]), source[c]) << "character " << c;
    ASSERT_EQ(d.map.ToSourceEnd(starts[c]), source[c]) << "character " << c;
    for (size_t inside = starts[c] + 1; inside < next; ++inside) {
      ASSERT_EQ(d.map.ToSourceStart(inside), source[c]) << "character " << c;
      ASSERT_EQ(d.map.ToSourceEnd(inside), next_in) << "character " << c;
    }
  }
  EXPECT_EQ(d.map.ToSourceStart(utf8.size()), bytes.size());
  EXPECT_EQ(d.map.ToSourceEnd(utf8.size()), bytes.size());
}

TEST(CharsetDecoder, SingleByteEncodings) {
  ExpectRoundTrip("L\u2019\u00e9t\u00e9 fut \u201cchaud\u201d \u2014 29\u00a0\u00b0C \u20ac",
                  "windows-1252");
  ExpectRoundTrip(
      "\u041c\u043e\u0441\u043a\u0432\u0430: \u043d\u043e\u0432\u043e\u0441\u0442\u0438 "
      "\u0434\u043d\u044f",
      "KOI8-R");
  ExpectRoundTrip("Za\u017c\u00f3\u0142\u0107 g\u0119\u015bl\u0105 ja\u017a\u0144", "ISO-8859-2");
}

TEST(CharsetDecoder, MultiByteEncodings) {
  const std::string ja =
      "\u6771\u4eac\u90fd\u306f\u6708\u66dc\u65e5\u3001\u65b0\u3057\u3044"
      "\u56f3\u66f8\u9928 (library) \u3092\u958b\u3044\u305f\u3002";
  ExpectRoundTrip(ja, "Shift_JIS");
  ExpectRoundTrip(ja, "EUC-JP");
  ExpectRoundTrip("\u5317\u4eac\u5e02\u4eca\u5929\u53d1\u5e03\u4e86\u65b0\u95fb abc", "GBK");
  ExpectRoundTrip("\uc11c\uc6b8\uc2dc\ub294 \uc624\ub298 \ubc1c\ud45c\ud588\ub2e4.", "windows-949");
  ExpectRoundTrip("\U00020000 gb18030 \u4e2d", "gb18030");
}

TEST(CharsetDecoder, CharactersAcrossCallBoundaries) {
  // Well over one ICU call (64 KiB) of Shift_JIS whose 2-byte characters straddle the cuts.
  std::string ja;
  while (ja.size() < 300000) ja += "\u65b0\u805e\u8a18\u4e8b abc \u3002";
  ExpectRoundTrip(ja, "Shift_JIS");
}

TEST(CharsetDecoder, InvalidBytesBecomeReplacementCharacters) {
  DecodedText d;
  // 0x80 is unassigned in Shift_JIS (ICU's own callback would write U+001A); 0x82 at the end
  // is cut short.
  ASSERT_TRUE(DecodeToUtf8("a\x80"
                           "b\x82",
                           0, "windows-31j", &d)
                  .ok());
  EXPECT_EQ(d.text,
            "a\uFFFD"
            "b\uFFFD");
  EXPECT_EQ(d.map.ToSourceStart(1), 1u);
  EXPECT_EQ(d.map.ToSourceStart(4), 2u);
  EXPECT_EQ(d.map.ToSourceStart(5), 3u);
  EXPECT_EQ(d.map.ToSourceEnd(d.text.size()), 4u);
  // 0xC9 0x41 is no windows-949 character (ICU takes both bytes for its U+FFFD).
  ASSERT_TRUE(DecodeToUtf8("x\xC9\x41y", 0, "windows-949", &d).ok());
  EXPECT_EQ(d.text, "x\uFFFDy");
  EXPECT_EQ(d.map.ToSourceStart(1), 1u);
  EXPECT_EQ(d.map.ToSourceEnd(2), 3u);
  EXPECT_EQ(d.map.ToSourceStart(4), 3u);
}

TEST(CharsetDecoder, ByteOrderMarkIsSkippedButCounted) {
  const std::string bytes = std::string("\xFF\xFE", 2) + std::string("h\0i\0", 4);
  DecodedText d;
  ASSERT_TRUE(DecodeToUtf8(bytes, 2, "UTF-16LE", &d).ok());
  EXPECT_EQ(d.text, "hi");
  EXPECT_EQ(d.map.ToSourceStart(0), 2u);
  EXPECT_EQ(d.map.ToSourceStart(1), 4u);
  EXPECT_EQ(d.map.ToSourceEnd(2), 6u);
}

TEST(CharsetDecoder, MapIsRunsNotBytes) {
  DecodedText d;
  ASSERT_TRUE(DecodeToUtf8(std::string(5000, 'a'), 0, "windows-1252", &d).ok());
  EXPECT_EQ(d.map.runs(), 1u);
  ASSERT_TRUE(
      DecodeToUtf8(Encode(std::string(5000, 'a') + "\u00e9\u00e9\u00e9" + std::string(5000, 'b'),
                          "windows-1252"),
                   0, "windows-1252", &d)
          .ok());
  EXPECT_EQ(d.map.runs(), 3u);
}

TEST(CharsetDecoder, UnknownConverterFails) {
  DecodedText d;
  EXPECT_FALSE(DecodeToUtf8("abc", 0, "x-no-such-charset", &d).ok());
}

}  // namespace
}  // namespace spamstrip
