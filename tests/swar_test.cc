// Tests for swar.h: every byte value at every position of the word, against the byte-by-byte
// definition, with the other seven bytes set to values on both sides of each test.
#include "swar.h"

#include <gtest/gtest.h>

#include <cstring>

namespace spamstrip {
namespace {

uint64_t WordWith(uint8_t fill, int pos, uint8_t b) {
  unsigned char bytes[8];
  std::memset(bytes, fill, 8);
  bytes[pos] = b;
  return swar::Load8(reinterpret_cast<const char*>(bytes));
}

TEST(Swar, EveryByteAtEveryPosition) {
  for (uint8_t fill : {uint8_t{'a'}, uint8_t{0x20}, uint8_t{0x7F}, uint8_t{0x80}, uint8_t{0xFF}}) {
    for (int pos = 0; pos < 8; ++pos) {
      for (int b = 0; b < 256; ++b) {
        const uint64_t w = WordWith(fill, pos, static_cast<uint8_t>(b));
        const uint64_t bit = uint64_t{0x80} << (8 * pos);
        EXPECT_EQ((swar::BytesEqual(w, '"') & bit) != 0, b == '"') << b;
        EXPECT_EQ((swar::BytesEqual(w, 0xE2) & bit) != 0, b == 0xE2) << b;
        EXPECT_EQ((swar::BytesBelow(w, 0x20) & bit) != 0, b < 0x20) << b;
        EXPECT_EQ((swar::BytesBelow(w, 0x80) & bit) != 0, b < 0x80) << b;
        const bool fill_stops = fill < 0x20 || fill == '"' || fill == '\\';
        EXPECT_EQ(swar::HasJsonStringStop(w), fill_stops || b < 0x20 || b == '"' || b == '\\') << b;
      }
    }
  }
}

}  // namespace
}  // namespace spamstrip
