// ngram_hash.h — the exact, portable hash behind every n-gram feature.
//
// A model file means the same thing on every machine only if features hash identically, so the
// hash is specified here bit for bit and pinned by golden values in tests/ngram_hash_test.cc:
//   HashBytes(b, seed): 64-bit FNV-1a over the bytes read as uint8_t, starting from
//     0xcbf29ce484222325 XOR seed, then the SplitMix64 finaliser.
//   word unigram id  = Mix(HashBytes(word, seed) ^ 0x1)
//   word bigram id   = Mix(HashBytes(w1, seed) * 0x9E3779B97F4A7C15 + HashBytes(w2, seed) ^ 0x2)
//   char n-gram id   = Mix(HashBytes(gram, seed) ^ (0x10 + n)), gram = n code points of the
//                      word padded as "<word>" (bytes of '<' and '>')
//   bucket           = id >> (64 - bits)
// Words are runs of letters and digits of the canonical text (normalizer.h), every ASCII
// digit written as '0'. Never std::hash: it differs between standard libraries.
#ifndef SPAMSTRIP_SRC_NGRAM_HASH_H_
#define SPAMSTRIP_SRC_NGRAM_HASH_H_

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace spamstrip {

inline uint64_t Mix(uint64_t z) {
  z += 0x9E3779B97F4A7C15ull;
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  return z ^ (z >> 31);
}

inline uint64_t Fnv1a(std::string_view bytes, uint64_t seed) {
  uint64_t h = 0xcbf29ce484222325ull ^ seed;
  for (char c : bytes) {
    h ^= static_cast<uint8_t>(c);
    h *= 0x100000001b3ull;
  }
  return h;
}

inline uint64_t HashBytes(std::string_view bytes, uint64_t seed) { return Mix(Fnv1a(bytes, seed)); }

inline uint64_t UnigramId(uint64_t word_hash) { return Mix(word_hash ^ 0x1); }
inline uint64_t BigramId(uint64_t h1, uint64_t h2) {
  return Mix((h1 * 0x9E3779B97F4A7C15ull + h2) ^ 0x2);
}
inline uint64_t CharGramId(std::string_view gram, size_t n, uint64_t seed) {
  return Mix(HashBytes(gram, seed) ^ (0x10 + n));
}
inline uint32_t Bucket(uint64_t id, int bits) { return static_cast<uint32_t>(id >> (64 - bits)); }

}  // namespace spamstrip

#endif  // SPAMSTRIP_SRC_NGRAM_HASH_H_
