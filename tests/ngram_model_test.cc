// Tests for ngram_model.h: feature extraction, scoring, and the model file format (round trip
// and every kind of damage: a damaged file yields a clear Status, never a crash).
#include "ngram_model.h"

#include <gtest/gtest.h>
#include <zlib.h>

#include <algorithm>
#include <cmath>
#include <random>
#include <string>
#include <vector>

#include "block_features.h"
#include "ngram_hash.h"
#include "normalizer.h"
#include "tokenizer.h"

namespace spamstrip {
namespace {

Tokens Tok(std::string_view text) {
  CanonicalText ct;
  Normalize(text, &ct);
  Tokens t;
  Tokenize(ct.text, &t);
  return t;
}

NgramConfig SmallConfig() {
  NgramConfig c;
  c.hash_bits = 10;
  return c;
}

// The weights of MakeModel(): every one different.
std::vector<float> ModelWeights(const NgramConfig& c) {
  std::vector<float> w(size_t(1) << c.hash_bits);
  for (size_t i = 0; i < w.size(); ++i) w[i] = std::sin(static_cast<float>(i) * 0.37f) * 0.8f;
  return w;
}

// A deterministic model with 2^10 buckets and every weight different.
void MakeModel(NgramModel* m, NgramConfig c = SmallConfig()) {
  std::vector<float> w = ModelWeights(c);
  std::vector<float> comb(kNumFeatures);
  for (size_t i = 0; i < comb.size(); ++i) comb[i] = static_cast<float>(i) * 0.25f - 1.0f;
  m->Set(c, -1.5f, w, comb, 0.62, 0.41, 0.55);
}

// The fixed part of the header: magic through flag_threshold (the fields this test checks by
// offset); the format has more fields after it.
constexpr size_t kHeader = 56;

// Where the 2^bits int16 bucket weights start: they are followed only by the CRC-32.
size_t WeightsAt(const std::string& b, int bits) { return b.size() - 4 - 2 * (size_t(1) << bits); }

uint32_t GetU32(const std::string& b, size_t at) {
  uint32_t v = 0;
  for (int i = 0; i < 4; ++i) v |= uint32_t(static_cast<uint8_t>(b[at + i])) << (8 * i);
  return v;
}

void PutU32(std::string* b, size_t at, uint32_t v) {
  for (int i = 0; i < 4; ++i) (*b)[at + i] = static_cast<char>((v >> (8 * i)) & 0xFF);
}

// ---------------------------------------------------------------------------------------------
// Feature extraction.

TEST(NgramModel, ExtractCountsWordAndCharGrams) {
  NgramConfig c;  // words 1..2, chars 3..5
  std::vector<uint32_t> b;
  ExtractNgrams(Tok("abc"), c, &b);
  // unigram + "<abc>" (5 code points): 3 trigrams, 2 four-grams, 1 five-gram.
  EXPECT_EQ(b.size(), 1u + 3 + 2 + 1);
  b.clear();
  ExtractNgrams(Tok("abc de"), c, &b);
  // 2 unigrams, 1 bigram, "<abc>" 6 grams, "<de>" (4 code points): 2 trigrams + 1 four-gram.
  EXPECT_EQ(b.size(), 2u + 1 + 6 + 3);
  b.clear();
  ExtractNgrams(Tok("2024"), c, &b);  // digits only: no character n-grams
  EXPECT_EQ(b.size(), 1u);
  b.clear();
  ExtractNgrams(Tok(u8"\u043F\u0440\u0438\u0432\u0435\u0442"), c, &b);  // 6 + 2 code points
  EXPECT_EQ(b.size(), 1u + 6 + 5 + 4);
}

TEST(NgramModel, ExtractFollowsTheHashSpec) {
  NgramConfig c;
  std::vector<uint32_t> b;
  ExtractNgrams(Tok("Buy Viagra"), c, &b);
  const uint64_t buy = HashBytes("buy", c.seed), viagra = HashBytes("viagra", c.seed);
  ASSERT_GE(b.size(), 4u);
  EXPECT_EQ(b[0], Bucket(UnigramId(buy), c.hash_bits));
  EXPECT_EQ(b[1], Bucket(CharGramId("<bu", 3, c.seed), c.hash_bits));
  // After "buy": 3 + 2 + 1 character grams of "<buy>", then "viagra" and the bigram.
  EXPECT_EQ(b[1 + 6], Bucket(UnigramId(viagra), c.hash_bits));
  EXPECT_EQ(b[2 + 6], Bucket(BigramId(buy, viagra), c.hash_bits));
  // Digits are folded to '0' before hashing.
  b.clear();
  ExtractNgrams(Tok("call 555"), c, &b);
  EXPECT_NE(std::find(b.begin(), b.end(), Bucket(UnigramId(HashBytes("000", c.seed)), c.hash_bits)),
            b.end());
  // Multi-byte characters are never split in a character n-gram.
  b.clear();
  ExtractNgrams(Tok(u8"\u043F\u0440\u0438"), c, &b);
  EXPECT_EQ(b[1], Bucket(CharGramId(u8"<\u043F\u0440", 3, c.seed), c.hash_bits));
}

TEST(NgramModel, ExtractRespectsConfig) {
  NgramConfig c;
  c.word_max_n = 1;
  c.char_min_n = 0;
  std::vector<uint32_t> b;
  ExtractNgrams(Tok("one two three"), c, &b);
  EXPECT_EQ(b.size(), 3u);  // unigrams only
  c.hash_bits = 10;
  c.word_max_n = 2;
  b.clear();
  ExtractNgrams(Tok("one two three four five six"), c, &b);
  for (uint32_t x : b) EXPECT_LT(x, 1024u);
}

// ---------------------------------------------------------------------------------------------
// Scoring.

TEST(NgramModel, EmptyModelScoresZero) {
  NgramModel m;
  NgramScore s = m.Score(Tok("anything at all"));
  EXPECT_EQ(s.count, 0);
  EXPECT_EQ(s.sum, 0);
  EXPECT_EQ(m.Logit(s), 0);
}

TEST(NgramModel, ScoreSumsQuantisedWeights) {
  NgramConfig c = SmallConfig();
  std::vector<float> w(size_t(1) << c.hash_bits, 0.0f);
  Tokens t = Tok("cheap pills online");
  std::vector<uint32_t> b;
  ExtractNgrams(t, c, &b);
  for (uint32_t x : b) w[x] = 0.5f;
  w[0] = -2.0f;  // the largest magnitude sets the quantisation scale
  NgramModel m;
  m.Set(c, 0.25f, w, std::vector<float>(kNumFeatures, 0.0f), 0.5, 0.3, 0.5);
  NgramScore s = m.Score(t);
  ASSERT_EQ(s.count, static_cast<int>(b.size()));
  double want = 0;
  for (uint32_t x : b) want += w[x];
  EXPECT_NEAR(s.sum, want, static_cast<double>(b.size()) * 2.0 / 32767);
  EXPECT_NEAR(m.Logit(s), 0.25 + s.sum / std::sqrt(static_cast<double>(s.count)), 1e-9);
  EXPECT_FLOAT_EQ(static_cast<float>(m.Logit(NgramScore{})), 0.25f);
}

// Score() caches each word's own n-grams per thread; it must still be exactly the sum over
// ExtractNgrams() of the quantised weights, for repeated, non-ASCII, digit-only and uncacheably
// long words, under other n-gram orders, and with two models taking turns on one thread.
TEST(NgramModel, ScoreEqualsTheSumOverExtractedNgrams) {
  const std::string long_word(40, 'x');
  const std::vector<std::string> texts = {
      "the cat and the hat and the cat",
      u8"\u043F\u0440\u0438\u0432\u0435\u0442 \u043C\u0438\u0440 the \u043F\u0440\u0438",
      "2024 price 99 in 2024 " + long_word + " " + long_word + "y " + long_word,
      u8"caf\u00E9 caf\u00E9 \u4E2D\u6587 a b c ab abc abcd abcde abcdef", ""};
  NgramConfig other = SmallConfig();
  other.word_max_n = 1;
  other.char_min_n = 2;
  other.char_max_n = 7;
  other.seed = 42;
  NgramModel a, b;
  MakeModel(&a);
  MakeModel(&b, other);
  for (int round = 0; round < 3; ++round) {
    for (const NgramModel* m : {&a, &b}) {
      // The quantisation of NgramModel::Set().
      const std::vector<float> w = ModelWeights(m->config());
      float maxabs = 0;
      for (float x : w) maxabs = std::max(maxabs, std::fabs(x));
      const float scale = maxabs / 32767.0f;
      for (const auto& text : texts) {
        const Tokens t = Tok(text);
        std::vector<uint32_t> buckets;
        ExtractNgrams(t, m->config(), &buckets);
        int64_t sum = 0;
        for (uint32_t x : buckets) sum += std::lround(w[x] / scale);
        const NgramScore got = m->Score(t);
        EXPECT_EQ(got.count, static_cast<int>(buckets.size())) << text;
        EXPECT_EQ(got.sum, static_cast<double>(sum) * scale) << text;
      }
    }
  }
}

// The cache holds 16,384 words in sets of four: with far more distinct words than that, sets
// overflow, words are evicted and move within their set, and every sum must stay exact.
TEST(NgramModel, ScoreStaysExactWhenTheWordCacheOverflows) {
  NgramModel m;
  MakeModel(&m);
  const std::vector<float> w = ModelWeights(m.config());
  float maxabs = 0;
  for (float x : w) maxabs = std::max(maxabs, std::fabs(x));
  const float scale = maxabs / 32767.0f;
  std::mt19937 rng(7);
  std::vector<std::string> words;
  for (int i = 0; i < 40000; ++i) {
    std::string word;
    const size_t len = 1 + rng() % 24;  // some too long to cache
    for (size_t k = 0; k < len; ++k) word.push_back(static_cast<char>('a' + rng() % 26));
    words.push_back(word);
  }
  for (int round = 0; round < 3; ++round) {
    for (size_t first = 0; first < words.size(); first += 16) {
      std::string text;
      for (size_t k = 0; k < 16; ++k) {
        // Mostly the next words, some from anywhere: frequent words recur, rare ones do not.
        const size_t i = rng() % 4 == 0 ? rng() % 64 : (first + k) % words.size();
        text += words[i] + " ";
      }
      const Tokens t = Tok(text);
      std::vector<uint32_t> buckets;
      ExtractNgrams(t, m.config(), &buckets);
      int64_t sum = 0;
      for (uint32_t x : buckets) sum += std::lround(w[x] / scale);
      const NgramScore got = m.Score(t);
      ASSERT_EQ(got.count, static_cast<int>(buckets.size())) << text;
      ASSERT_EQ(got.sum, static_cast<double>(sum) * scale) << text;
    }
  }
}

// ---------------------------------------------------------------------------------------------
// File format.

TEST(NgramModel, SerializeLayout) {
  NgramModel m;
  MakeModel(&m);
  const std::string b = m.Serialize();
  // Fixed header, combiner, (optional forest), 2^bits int16 weights, CRC-32.
  ASSERT_GE(b.size(), kHeader + 4 * kNumFeatures + 2 * 1024 + 4);
  EXPECT_EQ(b.substr(0, 8), "SPAMSTRP");
  EXPECT_EQ(GetU32(b, 12), 10u);  // hash_bits
  EXPECT_EQ(GetU32(b, 16), 2u);   // word_max_n
  EXPECT_EQ(GetU32(b, 20), 3u);   // char_min_n
  EXPECT_EQ(GetU32(b, 24), 5u);   // char_max_n
  EXPECT_EQ(GetU32(b, 28), static_cast<uint32_t>(kNumFeatures));
  // Seed, little-endian: the bytes of 0x5350414d53545250 reversed spell "PRTSMAPS".
  EXPECT_EQ(b.substr(32, 8), "PRTSMAPS");
  // The last four bytes are zlib's CRC-32 of everything before them.
  const uLong crc = crc32(crc32(0L, Z_NULL, 0), reinterpret_cast<const Bytef*>(b.data()),
                          static_cast<uInt>(b.size() - 4));
  EXPECT_EQ(GetU32(b, b.size() - 4), static_cast<uint32_t>(crc));
}

TEST(NgramModel, RoundTrip) {
  NgramModel a;
  MakeModel(&a);
  const std::string bytes = a.Serialize();
  NgramModel b;
  Status s = b.Load(bytes, "m.model");
  ASSERT_TRUE(s.ok()) << s.ToString();
  EXPECT_EQ(b.config().hash_bits, a.config().hash_bits);
  EXPECT_EQ(b.config().word_max_n, a.config().word_max_n);
  EXPECT_EQ(b.config().char_min_n, a.config().char_min_n);
  EXPECT_EQ(b.config().char_max_n, a.config().char_max_n);
  EXPECT_EQ(b.config().seed, a.config().seed);
  EXPECT_EQ(b.bias(), a.bias());
  EXPECT_FLOAT_EQ(static_cast<float>(b.threshold()), 0.62f);
  EXPECT_FLOAT_EQ(static_cast<float>(b.flag_threshold()), 0.41f);
  EXPECT_FLOAT_EQ(static_cast<float>(b.span_threshold()), 0.55f);
  EXPECT_EQ(b.combiner(), a.combiner());
  // Byte-identical re-serialisation and identical scores.
  EXPECT_EQ(b.Serialize(), bytes);
  for (const char* text : {"buy cheap viagra online", u8"\u043A\u0443\u043F\u0438\u0442\u044C", "",
                           "The council met on Tuesday to discuss the budget."}) {
    Tokens t = Tok(text);
    NgramScore sa = a.Score(t), sb = b.Score(t);
    EXPECT_EQ(sa.count, sb.count) << text;
    EXPECT_EQ(sa.sum, sb.sum) << text;
  }
}

TEST(NgramModel, RoundTripOtherConfig) {
  NgramConfig c;
  c.hash_bits = 12;
  c.word_max_n = 1;
  c.char_min_n = 0;
  c.char_max_n = 0;
  c.seed = 42;
  NgramModel a;
  MakeModel(&a, c);
  NgramModel b;
  ASSERT_TRUE(b.Load(a.Serialize(), "m").ok());
  EXPECT_EQ(b.config().hash_bits, 12);
  EXPECT_EQ(b.config().char_min_n, 0);
  EXPECT_EQ(b.config().seed, 42u);
  EXPECT_EQ(b.Serialize(), a.Serialize());
}

TEST(NgramModel, EveryTruncationIsRejected) {
  NgramModel a;
  MakeModel(&a);
  const std::string bytes = a.Serialize();
  for (size_t n = 0; n < bytes.size(); ++n) {
    NgramModel b;
    Status s = b.Load(std::string_view(bytes.data(), n), "cut.model");
    ASSERT_FALSE(s.ok()) << "accepted a file cut to " << n << " bytes";
    ASSERT_EQ(s.code(), Status::Code::kCorrupt);
    ASSERT_EQ(s.message().rfind("cut.model: ", 0), 0u) << s.message();
    ASSERT_NE(s.message().find("truncated"), std::string::npos) << n << ": " << s.message();
  }
}

TEST(NgramModel, TrailingBytesAreRejected) {
  NgramModel a;
  MakeModel(&a);
  NgramModel b;
  Status s = b.Load(a.Serialize() + "x", "long.model");
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.message().find("trailing"), std::string::npos) << s.message();
}

TEST(NgramModel, BadMagicIsRejected) {
  NgramModel a;
  MakeModel(&a);
  std::string bytes = a.Serialize();
  bytes[0] = 'X';
  NgramModel b;
  Status s = b.Load(bytes, "bad.model");
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.code(), Status::Code::kCorrupt);
  EXPECT_NE(s.message().find("bad.model"), std::string::npos);
  EXPECT_NE(s.message().find("magic"), std::string::npos) << s.message();
  // Something else entirely (a rules file passed as a model).
  s = b.Load(std::string(200, '#'), "rules.model");
  EXPECT_NE(s.message().find("magic"), std::string::npos) << s.message();
}

TEST(NgramModel, WrongVersionIsRejected) {
  NgramModel a;
  MakeModel(&a);
  std::string bytes = a.Serialize();
  PutU32(&bytes, 8, 4);
  NgramModel b;
  Status s = b.Load(bytes, "v4.model");
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.message().find("version 4"), std::string::npos) << s.message();
  PutU32(&bytes, 8, 0);
  EXPECT_FALSE(b.Load(bytes, "v0.model").ok());
}

TEST(NgramModel, HtmlWeightsRoundTrip) {
  NgramModel a;
  MakeModel(&a);
  a.set_html_weights({2.5f, -1.25f, 0.5f});
  NgramModel b;
  ASSERT_TRUE(b.Load(a.Serialize(), "html.model").ok());
  EXPECT_EQ(b.html_weights(), a.html_weights());
}

// A version-1 file (no HTML section) still loads, with no HTML weights.
TEST(NgramModel, VersionOneStillLoads) {
  NgramModel a;
  MakeModel(&a);
  std::string v2 = a.Serialize();
  // Drop the u32 n_html = 0 that follows the forest, set version 1, fix the checksum.
  const size_t weights_bytes = 2 * (size_t(1) << a.config().hash_bits);
  const size_t n_html_at = v2.size() - 4 - weights_bytes - 4;
  std::string v1 = v2.substr(0, n_html_at) + v2.substr(n_html_at + 4, weights_bytes);
  PutU32(&v1, 8, 1);
  uLong crc = crc32(0L, Z_NULL, 0);
  crc = crc32(crc, reinterpret_cast<const Bytef*>(v1.data()), static_cast<uInt>(v1.size()));
  const uint32_t c = static_cast<uint32_t>(crc);
  for (int i = 0; i < 4; ++i) v1.push_back(static_cast<char>((c >> (8 * i)) & 0xFF));
  NgramModel b;
  Status s = b.Load(v1, "v1.model");
  ASSERT_TRUE(s.ok()) << s.ToString();
  EXPECT_TRUE(b.html_weights().empty());
  EXPECT_EQ(b.Serialize(), v2);
}

TEST(NgramModel, HeaderFieldsOutOfRangeAreRejected) {
  NgramModel a;
  MakeModel(&a);
  const std::string good = a.Serialize();
  struct Damage {
    size_t at;
    uint32_t value;
    const char* says;
  };
  const Damage kDamage[] = {
      {12, 9, "hash_bits"},
      {12, 25, "hash_bits"},
      {12, 64, "hash_bits"},
      {12, 0xFFFFFFFF, "hash_bits"},
      {16, 3, "orders"},
      {24, 9, "orders"},
      {20, 6, "orders"},
      {28, 257, "n_combiner"},
      {28, 0xFFFFFFFF, "n_combiner"},
      {12, 11, "flip"},
      {28, 3, "flip"},
  };
  for (const auto& d : kDamage) {
    std::string bytes = good;
    PutU32(&bytes, d.at, d.value);
    NgramModel b;
    Status s = b.Load(bytes, "h.model");
    ASSERT_FALSE(s.ok()) << d.at << "=" << d.value;
    // Range-checked fields name themselves; other size changes are caught one way or another.
    if (std::string(d.says) != "flip") {
      EXPECT_NE(s.message().find(d.says), std::string::npos) << s.message();
    }
  }
}

TEST(NgramModel, EveryFlippedByteIsDetected) {
  NgramModel a;
  MakeModel(&a);
  const std::string good = a.Serialize();
  const size_t weights_at = WeightsAt(good, 10);
  for (size_t i = 0; i < good.size(); ++i) {
    std::string bytes = good;
    bytes[i] = static_cast<char>(bytes[i] ^ 0x01);
    NgramModel b;
    Status s = b.Load(bytes, "flip.model");
    ASSERT_FALSE(s.ok()) << "flipped byte " << i << " not detected";
    ASSERT_EQ(s.code(), Status::Code::kCorrupt);
    ASSERT_EQ(s.message().rfind("flip.model: ", 0), 0u) << s.message();
    if (i >= weights_at) {  // no structure to check there: the checksum must catch it
      ASSERT_NE(s.message().find("checksum"), std::string::npos) << i << ": " << s.message();
    }
  }
}

TEST(NgramModel, RoundTripWithForest) {
  NgramModel a;
  MakeModel(&a);
  Forest f;
  f.depth = 2;
  f.base = -0.75f;
  for (int t = 0; t < 3; ++t) {
    Tree tree;
    tree.feature = {kRules, kNovelty, -1};
    tree.threshold = {1.5f, 0.25f * static_cast<float>(t), 0.0f};
    tree.value = {0.1f, -0.2f, 0.3f};
    tree.leaf = {-1.0f, 0.5f, 0.25f * static_cast<float>(t), 2.0f};
    f.trees.push_back(tree);
  }
  a.set_forest(f);
  const std::string bytes = a.Serialize();
  NgramModel b;
  Status s = b.Load(bytes, "forest.model");
  ASSERT_TRUE(s.ok()) << s.ToString();
  ASSERT_EQ(b.forest().trees.size(), 3u);
  EXPECT_EQ(b.forest().depth, 2);
  EXPECT_EQ(b.forest().base, -0.75f);
  EXPECT_EQ(b.forest().trees[2].feature, f.trees[2].feature);
  EXPECT_EQ(b.forest().trees[2].threshold, f.trees[2].threshold);
  EXPECT_EQ(b.forest().trees[2].value, f.trees[2].value);
  EXPECT_EQ(b.forest().trees[2].leaf, f.trees[2].leaf);
  EXPECT_EQ(b.Serialize(), bytes);
  // Damage anywhere in the trees is caught.
  for (size_t i = 0; i < WeightsAt(bytes, 10); ++i) {
    std::string d = bytes;
    d[i] = static_cast<char>(d[i] ^ 0x10);
    NgramModel c;
    ASSERT_FALSE(c.Load(d, "forest.model").ok()) << "byte " << i;
  }
  // Every truncation too.
  for (size_t n = 0; n < bytes.size(); ++n) {
    NgramModel c;
    ASSERT_FALSE(c.Load(std::string_view(bytes.data(), n), "forest.model").ok()) << n;
  }
}

TEST(NgramModel, FailedLoadLeavesModelUntouched) {
  NgramModel a;
  MakeModel(&a);
  std::string bytes = a.Serialize();
  NgramModel b;
  ASSERT_TRUE(b.Load(bytes, "m").ok());
  bytes[WeightsAt(bytes, 10) + 100] ^= 0x40;
  ASSERT_FALSE(b.Load(bytes, "m").ok());
  EXPECT_EQ(b.Serialize(), a.Serialize());
}

}  // namespace
}  // namespace spamstrip
