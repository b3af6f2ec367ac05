// shard.h — which shard of an audit an item belongs to.
//
// An item belongs to shard K of N (1-based) when FNV-1a-64(key) % N == K - 1, where key is the
// document id (see SourceItem::ShardKey) as UTF-8 bytes. FNV-1a 64: offset basis
// 0xcbf29ce484222325, prime 0x100000001b3, one byte at a time (xor, then multiply). Fixed
// here so that shards computed by different builds and machines agree.
#ifndef SPAMSTRIP_SRC_SHARD_H_
#define SPAMSTRIP_SRC_SHARD_H_

#include <cstdint>
#include <string>
#include <string_view>

namespace spamstrip {

inline uint64_t Fnv1a64(std::string_view bytes) {
  uint64_t h = 0xcbf29ce484222325ULL;
  for (unsigned char c : bytes) {
    h ^= c;
    h *= 0x100000001b3ULL;
  }
  return h;
}

struct Shard {
  uint32_t k = 1;  // 1-based
  uint32_t n = 1;  // 1: everything
  bool Contains(std::string_view key) const { return n <= 1 || Fnv1a64(key) % n == k - 1; }
  std::string ToString() const { return std::to_string(k) + "/" + std::to_string(n); }
};

// Parses "K/N" with 1 <= K <= N <= 1000000; false otherwise.
inline bool ParseShard(const std::string& s, Shard* out) {
  const size_t slash = s.find('/');
  if (slash == std::string::npos || slash == 0 || slash + 1 >= s.size()) return false;
  uint64_t v[2] = {0, 0};
  const std::string parts[2] = {s.substr(0, slash), s.substr(slash + 1)};
  for (int i = 0; i < 2; ++i) {
    if (parts[i].size() > 7) return false;
    for (char c : parts[i]) {
      if (c < '0' || c > '9') return false;
      v[i] = v[i] * 10 + static_cast<uint64_t>(c - '0');
    }
  }
  if (v[0] < 1 || v[0] > v[1] || v[1] > 1000000) return false;
  out->k = static_cast<uint32_t>(v[0]);
  out->n = static_cast<uint32_t>(v[1]);
  return true;
}

}  // namespace spamstrip

#endif  // SPAMSTRIP_SRC_SHARD_H_
