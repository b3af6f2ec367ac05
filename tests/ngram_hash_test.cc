// Golden values for ngram_hash.h. A model file is only meaningful if every build hashes
// features identically, so these constants must never change. They were computed once from
// the specification in ngram_hash.h by an independent implementation (Python, arbitrary
// precision integers masked to 64 bits), not by this code. If one of these tests fails, the hash
// changed: every shipped model is invalid. Do not "fix" the constants; fix the hash.
#include "ngram_hash.h"

#include <gtest/gtest.h>

#include <string>

#include "ngram_model.h"

namespace spamstrip {
namespace {

constexpr uint64_t kSeed = 0x5350414d53545250ull;  // "SPAMSTRP", NgramConfig's default

TEST(NgramHash, DefaultSeedIsPinned) { EXPECT_EQ(NgramConfig().seed, kSeed); }

TEST(NgramHash, Fnv1aStandardVectors) {
  // Published FNV-1a 64-bit test vectors (seed 0 leaves the offset basis unchanged).
  EXPECT_EQ(Fnv1a("", 0), 0xcbf29ce484222325ull);
  EXPECT_EQ(Fnv1a("a", 0), 0xaf63dc4c8601ec8cull);
  EXPECT_EQ(Fnv1a("foobar", 0), 0x85944171f73967e8ull);
}

TEST(NgramHash, SeedIsXoredIntoOffsetBasis) {
  EXPECT_EQ(Fnv1a("", 0x1234), 0xcbf29ce484222325ull ^ 0x1234);
}

TEST(NgramHash, MixIsSplitMix64Finaliser) {
  // The first output of SplitMix64 seeded with 0.
  EXPECT_EQ(Mix(0), 0xe220a8397b1dcdafull);
}

struct Golden {
  std::string bytes;
  uint64_t seed;
  uint64_t hash;
};

TEST(NgramHash, HashBytesGoldenValues) {
  const Golden kGolden[] = {
      {"", 0, 0xc3817c016ba4ff30ull},
      {"a", 0, 0x5f29c2aadd9b8527ull},
      {"viagra", 0, 0x03172240c23c1568ull},
      {"viagra", kSeed, 0xc4ea7486afe44183ull},
      {"casino", 1, 0x091dcb8179d38d50ull},
      // Bytes >= 0x80 hash as uint8_t (fastText's signed-char bug would change these).
      {"\xff\x80", 0, 0x1050b38074ac4472ull},
      {u8"\u043F\u0440\u0438\u0432\u0435\u0442", kSeed, 0xedc77a9088d4aa88ull},  // "привет"
  };
  for (const auto& g : kGolden) {
    EXPECT_EQ(HashBytes(g.bytes, g.seed), g.hash)
        << ::testing::PrintToString(g.bytes) << " seed " << g.seed;
  }
}

TEST(NgramHash, FeatureIdGoldenValues) {
  const uint64_t buy = HashBytes("buy", kSeed);
  const uint64_t viagra = HashBytes("viagra", kSeed);
  EXPECT_EQ(UnigramId(viagra), 0xc57851e2aef94c39ull);
  EXPECT_EQ(BigramId(buy, viagra), 0xa4cacca1ea774caaull);
  EXPECT_EQ(CharGramId("<vi", 3, kSeed), 0x855b99a74c8bcac4ull);
  EXPECT_EQ(CharGramId(u8"<\u043F\u0440", 3, kSeed), 0x7402e91ae55830ccull);  // "<пр"
}

TEST(NgramHash, BucketGoldenValues) {
  EXPECT_EQ(Bucket(0xc57851e2aef94c39ull, 20), 808837u);
  EXPECT_EQ(Bucket(0xa4cacca1ea774caaull, 10), 659u);
  EXPECT_EQ(Bucket(0x855b99a74c8bcac4ull, 24), 8739737u);
  EXPECT_EQ(Bucket(~0ull, 10), 1023u);
  EXPECT_EQ(Bucket(0, 24), 0u);
}

TEST(NgramHash, BigramIsOrderSensitive) {
  const uint64_t a = HashBytes("cheap", kSeed), b = HashBytes("pills", kSeed);
  EXPECT_NE(BigramId(a, b), BigramId(b, a));
}

TEST(NgramHash, CharGramLengthIsPartOfTheId) {
  // The same bytes as a 3-gram and as a 4-gram (one 2-byte character) are different features.
  EXPECT_NE(CharGramId(u8"<\u0436>", 3, kSeed), CharGramId(u8"<\u0436>", 4, kSeed));
}

}  // namespace
}  // namespace spamstrip
