#include "ngram_model.h"

#include <zlib.h>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstring>

#include "ngram_hash.h"
#include "utf8.h"

namespace spamstrip {
namespace {

constexpr char kMagic[8] = {'S', 'P', 'A', 'M', 'S', 'T', 'R', 'P'};
constexpr uint32_t kVersion = 3;  // 1 and 2 are read too: 1 has no HTML weights, neither
                                  // has the punctuation features (scorer.h, kExclaims on)
constexpr size_t kHeaderSize = 60;

void PutU32(std::string* out, uint32_t v) {
  for (int i = 0; i < 4; ++i) out->push_back(static_cast<char>((v >> (8 * i)) & 0xFF));
}
void PutU64(std::string* out, uint64_t v) {
  for (int i = 0; i < 8; ++i) out->push_back(static_cast<char>((v >> (8 * i)) & 0xFF));
}
void PutF32(std::string* out, float f) {
  uint32_t v;
  std::memcpy(&v, &f, 4);
  PutU32(out, v);
}
uint32_t GetU32(std::string_view b, size_t at) {
  uint32_t v = 0;
  for (int i = 0; i < 4; ++i) v |= uint32_t(static_cast<uint8_t>(b[at + i])) << (8 * i);
  return v;
}
uint64_t GetU64(std::string_view b, size_t at) {
  uint64_t v = 0;
  for (int i = 0; i < 8; ++i) v |= uint64_t(static_cast<uint8_t>(b[at + i])) << (8 * i);
  return v;
}
float GetF32(std::string_view b, size_t at) {
  uint32_t v = GetU32(b, at);
  float f;
  std::memcpy(&f, &v, 4);
  return f;
}

uint32_t Crc(std::string_view b) {
  uLong crc = crc32(0L, Z_NULL, 0);
  size_t off = 0;
  while (off < b.size()) {
    uInt n = static_cast<uInt>(std::min<size_t>(b.size() - off, 1u << 30));
    crc = crc32(crc, reinterpret_cast<const Bytef*>(b.data() + off), n);
    off += n;
  }
  return static_cast<uint32_t>(crc);
}

uint64_t NextInstance() {
  static std::atomic<uint64_t> next{1};
  return next.fetch_add(1, std::memory_order_relaxed);
}

// Calls sink(id) for every character n-gram id of `word`: the grams of "<word>" with
// config.char_min_n..char_max_n code points, as ForEachNgram() makes them but grouped by start
// position, so the FNV-1a state of a gram is carried on to the longer grams with the same start
// instead of hashing every gram from scratch (the ids are the same; only the order differs).
// Calls sink(id) for every character n-gram id of the padded code point sequence `p` (ncp code
// points; start(k) is the byte offset of code point k, start(ncp) the end): the grams with
// config.char_min_n..char_max_n code points, as ForEachNgram() makes them but grouped by start
// position, so the FNV-1a state of a gram is carried on to the longer grams with the same start
// instead of hashing every gram from scratch (the ids are the same; only the order differs).
template <typename Start, typename Sink>
void ForEachPaddedGramId(const uint8_t* p, size_t ncp, const Start& start,
                         const NgramConfig& config, Sink&& sink) {
  const size_t min_n = static_cast<size_t>(config.char_min_n);
  const size_t max_n = static_cast<size_t>(config.char_max_n);
  for (size_t i = 0; i + min_n <= ncp; ++i) {
    uint64_t h = 0xcbf29ce484222325ull ^ config.seed;  // Fnv1a(), one byte at a time
    for (size_t n = 1; n <= max_n && i + n <= ncp; ++n) {
      for (size_t b = start(i + n - 1); b < start(i + n); ++b) {
        h ^= p[b];
        h *= 0x100000001b3ull;
      }
      if (n >= min_n) sink(Mix(Mix(h) ^ (0x10 + n)));  // CharGramId()
    }
  }
}

// The character n-gram ids of `word` padded as "<word>".
template <typename Sink>
void ForEachCharGramId(std::string_view word, const NgramConfig& config, Sink&& sink) {
  // An ASCII word (the common case): padded on the stack, every byte a code point.
  constexpr size_t kStack = 64;
  bool ascii = word.size() + 2 <= kStack;
  for (size_t i = 0; ascii && i < word.size(); ++i) ascii = static_cast<uint8_t>(word[i]) < 0x80;
  if (ascii) {
    uint8_t padded[kStack];
    padded[0] = '<';
    std::memcpy(padded + 1, word.data(), word.size());
    padded[word.size() + 1] = '>';
    ForEachPaddedGramId(
        padded, word.size() + 2, [](size_t k) { return k; }, config, sink);
    return;
  }
  thread_local std::string padded;
  thread_local std::vector<uint32_t> starts;  // code point starts in `padded`, then its end
  padded.clear();
  padded.push_back('<');
  padded.append(word);
  padded.push_back('>');
  starts.clear();
  for (size_t i = 0; i < padded.size(); ++i) {
    if ((static_cast<uint8_t>(padded[i]) & 0xC0) != 0x80)
      starts.push_back(static_cast<uint32_t>(i));
  }
  const size_t ncp = starts.size();
  starts.push_back(static_cast<uint32_t>(padded.size()));
  const uint32_t* st = starts.data();
  ForEachPaddedGramId(
      reinterpret_cast<const uint8_t*>(padded.data()), ncp, [st](size_t k) { return st[k]; },
      config, sink);
}

// Whether a[0, n) == b[0, n) for n <= 24, inline (a call to memcmp per word cost more than
// the comparison): overlapping loads of 8, 4 or 1 bytes cover every byte.
inline bool SameShortBytes(const char* a, const char* b, size_t n) {
  auto load8 = [](const char* p) {
    uint64_t v;
    std::memcpy(&v, p, 8);
    return v;
  };
  auto load4 = [](const char* p) {
    uint32_t v;
    std::memcpy(&v, p, 4);
    return v;
  };
  if (n >= 8) {
    if (load8(a) != load8(b) || load8(a + n - 8) != load8(b + n - 8)) return false;
    return n <= 16 || load8(a + 8) == load8(b + 8);
  }
  if (n >= 4) return load4(a) == load4(b) && load4(a + n - 4) == load4(b + n - 4);
  return n == 0 || (a[0] == b[0] && a[n / 2] == b[n / 2] && a[n - 1] == b[n - 1]);
}

// A per-thread cache of WordScore by word, four-way set associative. Words repeat (the Zipf
// tail is short in news text), and a word's unigram and character n-grams — about three
// n-grams per character, two SplitMix rounds each — are most of the scoring work. A slot holds
// the word itself and the model it was scored for, so a hit is exact; words longer than
// kMaxBytes are not cached. A word found moves one place towards the front of its set; a new
// word takes the last place, so a word seen once (a third of the distinct words of news text)
// displaces only another such word, not one that has recurred. On the dev split this misses a
// quarter fewer words than a direct-mapped cache of the same size.
struct WordCache {
  static constexpr size_t kWays = 4;
  static constexpr size_t kSets = 4096;  // 16384 slots, 768 KiB per thread
  static constexpr size_t kMaxBytes = 22;
  static_assert(kMaxBytes <= 24, "SameShortBytes() compares at most 24 bytes");
  struct Slot {
    uint64_t model = 0;  // NgramModel::instance_; 0: empty
    uint64_t hash = 0;
    int32_t sum = 0;
    int32_t count = 0;
    uint8_t len = 0;
    char bytes[kMaxBytes] = {};
  };
  std::vector<Slot> slots = std::vector<Slot>(kSets * kWays);

  // The first slot of the set `word` belongs in (null when it is too long to cache).
  Slot* Set(uint64_t hash, std::string_view word) {
    if (word.size() > kMaxBytes) return nullptr;
    return &slots[(hash & (kSets - 1)) * kWays];
  }
  // The slot of `set` holding `word` (moved one place to the front), or null.
  static const Slot* Find(Slot* set, uint64_t model, uint64_t hash, std::string_view word) {
    for (size_t k = 0; k < kWays; ++k) {
      const Slot& s = set[k];
      if (s.hash != hash || s.model != model || s.len != word.size() ||
          !SameShortBytes(s.bytes, word.data(), s.len)) {
        continue;
      }
      if (k == 0) return &set[0];
      std::swap(set[k - 1], set[k]);
      return &set[k - 1];
    }
    return nullptr;
  }
};

}  // namespace

void ExtractNgrams(const Tokens& tokens, const NgramConfig& config,
                   std::vector<uint32_t>* buckets) {
  ForEachNgram(tokens, config, [buckets](uint32_t b) { buckets->push_back(b); });
}

NgramModel::WordScore NgramModel::ScoreWord(std::string_view word, uint64_t hash,
                                            bool has_letter) const {
  const int bits = config_.hash_bits;
  const int16_t* w = weights_.data();
  WordScore s;
  if (config_.word_max_n >= 1) {
    s.sum += w[Bucket(UnigramId(hash), bits)];
    ++s.count;
  }
  if (config_.char_min_n > 0 && has_letter) {
    ForEachCharGramId(word, config_, [&](uint64_t id) {
      s.sum += w[Bucket(id, bits)];
      ++s.count;
    });
  }
  return s;
}

// The same n-grams as ForEachNgram(), summed in another order: the sum is of integers, so it
// is exactly the same.
NgramScore NgramModel::Score(const Tokens& tokens) const {
  NgramScore s;
  if (weights_.empty()) return s;
  thread_local WordCache cache;
  const int bits = config_.hash_bits;
  const int16_t* w = weights_.data();
  int64_t acc = 0;
  int64_t count = 0;
  uint64_t prev = 0;
  bool have_prev = false;
  for (const Token& t : tokens.words) {
    const std::string_view word = tokens.Word(t);
    const uint64_t h = HashBytes(word, config_.seed);
    if (config_.word_max_n >= 2 && have_prev) {
      acc += w[Bucket(BigramId(prev, h), bits)];
      ++count;
    }
    prev = h;
    have_prev = true;
    WordCache::Slot* set = cache.Set(h, word);
    if (set != nullptr) {
      if (const WordCache::Slot* hit = WordCache::Find(set, instance_, h, word)) {
        acc += hit->sum;
        count += hit->count;
        continue;
      }
    }
    // has_letter is a function of the word's bytes, so it need not be part of the key.
    const WordScore ws = ScoreWord(word, h, t.has_letter);
    acc += ws.sum;
    count += ws.count;
    if (set != nullptr) {
      WordCache::Slot* slot = &set[WordCache::kWays - 1];
      slot->model = instance_;
      slot->hash = h;
      slot->sum = ws.sum;
      slot->count = ws.count;
      slot->len = static_cast<uint8_t>(word.size());
      std::memcpy(slot->bytes, word.data(), word.size());
    }
  }
  s.sum = static_cast<double>(acc) * scale_;
  s.count = static_cast<int>(count);
  return s;
}

double NgramModel::Logit(const NgramScore& s) const {
  if (s.count == 0) return bias_;
  return bias_ + s.sum / std::sqrt(static_cast<double>(s.count));
}

void NgramModel::Set(const NgramConfig& config, float bias, const std::vector<float>& weights,
                     const std::vector<float>& combiner, double threshold, double flag_threshold,
                     double span_threshold) {
  instance_ = NextInstance();
  span_threshold_ = span_threshold;
  config_ = config;
  bias_ = bias;
  combiner_ = combiner;
  threshold_ = threshold;
  flag_threshold_ = flag_threshold;
  float maxabs = 0;
  for (float w : weights) maxabs = std::max(maxabs, std::fabs(w));
  scale_ = maxabs > 0 ? maxabs / 32767.0f : 1.0f;
  weights_.resize(weights.size());
  for (size_t i = 0; i < weights.size(); ++i) {
    weights_[i] = static_cast<int16_t>(std::lround(weights[i] / scale_));
  }
}

std::string NgramModel::Serialize() const {
  std::string out(kMagic, 8);
  PutU32(&out, kVersion);
  PutU32(&out, static_cast<uint32_t>(config_.hash_bits));
  PutU32(&out, static_cast<uint32_t>(config_.word_max_n));
  PutU32(&out, static_cast<uint32_t>(config_.char_min_n));
  PutU32(&out, static_cast<uint32_t>(config_.char_max_n));
  PutU32(&out, static_cast<uint32_t>(combiner_.size()));
  PutU64(&out, config_.seed);
  PutF32(&out, bias_);
  PutF32(&out, scale_);
  PutF32(&out, static_cast<float>(threshold_));
  PutF32(&out, static_cast<float>(flag_threshold_));
  PutF32(&out, static_cast<float>(span_threshold_));
  for (float c : combiner_) PutF32(&out, c);
  PutU32(&out, static_cast<uint32_t>(forest_.trees.size()));
  PutU32(&out, static_cast<uint32_t>(forest_.depth));
  PutF32(&out, forest_.base);
  for (const Tree& t : forest_.trees) {
    for (size_t k = 0; k < t.feature.size(); ++k) {
      PutU32(&out, static_cast<uint32_t>(t.feature[k]));
      PutF32(&out, t.threshold[k]);
      PutF32(&out, t.value[k]);
    }
    for (float l : t.leaf) PutF32(&out, l);
  }
  PutU32(&out, static_cast<uint32_t>(html_weights_.size()));
  for (float w : html_weights_) PutF32(&out, w);
  for (int16_t w : weights_) {
    out.push_back(static_cast<char>(static_cast<uint16_t>(w) & 0xFF));
    out.push_back(static_cast<char>(static_cast<uint16_t>(w) >> 8));
  }
  PutU32(&out, Crc(out));
  return out;
}

Status NgramModel::Load(std::string_view b, const std::string& name) {
  if (b.size() < kHeaderSize + 4) {
    return Status::Corrupt(name + ": truncated model file (" + std::to_string(b.size()) +
                           " bytes, the header alone is " + std::to_string(kHeaderSize) + ")");
  }
  if (std::memcmp(b.data(), kMagic, 8) != 0) {
    return Status::Corrupt(name + ": not a spamstrip model (bad magic at byte 0)");
  }
  const uint32_t version = GetU32(b, 8);
  if (version < 1 || version > kVersion) {
    return Status::Corrupt(name + ": model version " + std::to_string(version) +
                           " is not supported (this build reads versions 1 to 3)");
  }
  NgramConfig c;
  const uint32_t bits = GetU32(b, 12);
  if (bits < 10 || bits > 24) {
    return Status::Corrupt(name + ": hash_bits " + std::to_string(bits) +
                           " at byte 12 out of range");
  }
  c.hash_bits = static_cast<int>(bits);
  c.word_max_n = static_cast<int>(GetU32(b, 16));
  c.char_min_n = static_cast<int>(GetU32(b, 20));
  c.char_max_n = static_cast<int>(GetU32(b, 24));
  if (c.word_max_n > 2 || c.char_max_n > 8 || c.char_min_n > c.char_max_n) {
    return Status::Corrupt(name + ": n-gram orders at bytes 16..27 out of range");
  }
  const uint32_t ncomb = GetU32(b, 28);
  if (ncomb > 256) return Status::Corrupt(name + ": n_combiner at byte 28 out of range");
  c.seed = GetU64(b, 32);
  // Variable part: combiner, forest, weights, CRC. Check sizes before every read.
  size_t at = kHeaderSize + 4 * size_t(ncomb);
  auto need = [&](size_t bytes, const char* what) -> Status {
    if (b.size() < at + bytes) {
      return Status::Corrupt(name + ": truncated model file: " + what + " at byte " +
                             std::to_string(at) + " needs " + std::to_string(bytes) +
                             " bytes, the file has " + std::to_string(b.size()));
    }
    return Status::Ok();
  };
  Status st = need(12, "forest header");
  if (!st.ok()) return st;
  const uint32_t ntrees = GetU32(b, at);
  const uint32_t depth = GetU32(b, at + 4);
  const float fbase = GetF32(b, at + 8);
  if (ntrees > 100000 || (ntrees > 0 && (depth < 1 || depth > 8))) {
    return Status::Corrupt(name + ": forest header at byte " + std::to_string(at) +
                           " out of range");
  }
  at += 12;
  const size_t internal = ntrees ? (size_t(1) << depth) - 1 : 0;
  const size_t tree_bytes = internal * 12 + (internal + 1) * 4;
  st = need(size_t(ntrees) * tree_bytes, "trees");
  if (!st.ok()) return st;
  Forest forest;
  forest.depth = static_cast<int>(depth);
  forest.base = fbase;
  for (uint32_t t = 0; t < ntrees; ++t) {
    Tree tree;
    for (size_t k = 0; k < internal; ++k) {
      const int32_t f = static_cast<int32_t>(GetU32(b, at));
      if (f >= static_cast<int32_t>(ncomb) || f < -1) {
        return Status::Corrupt(name + ": tree " + std::to_string(t) + " names feature " +
                               std::to_string(f) + " at byte " + std::to_string(at));
      }
      tree.feature.push_back(f);
      tree.threshold.push_back(GetF32(b, at + 4));
      tree.value.push_back(GetF32(b, at + 8));
      at += 12;
    }
    for (size_t k = 0; k <= internal; ++k) {
      tree.leaf.push_back(GetF32(b, at));
      at += 4;
    }
    forest.trees.push_back(std::move(tree));
  }
  std::vector<float> html;
  if (version >= 2) {
    st = need(4, "HTML weight count");
    if (!st.ok()) return st;
    const uint32_t nhtml = GetU32(b, at);
    if (nhtml > 256) {
      return Status::Corrupt(name + ": n_html at byte " + std::to_string(at) + " out of range");
    }
    at += 4;
    st = need(4 * size_t(nhtml), "HTML weights");
    if (!st.ok()) return st;
    for (uint32_t k = 0; k < nhtml; ++k, at += 4) html.push_back(GetF32(b, at));
  }
  const size_t want = at + 2 * (size_t(1) << bits) + 4;
  if (b.size() != want) {
    return Status::Corrupt(name + ": model file is " + std::to_string(b.size()) +
                           " bytes, its header says " + std::to_string(want) +
                           (b.size() < want ? " (truncated)" : " (trailing bytes)"));
  }
  const uint32_t stored = GetU32(b, want - 4);
  const uint32_t actual = Crc(b.substr(0, want - 4));
  if (stored != actual) {
    return Status::Corrupt(name + ": checksum mismatch at byte " + std::to_string(want - 4) +
                           " (file damaged)");
  }
  instance_ = NextInstance();
  config_ = c;
  bias_ = GetF32(b, 40);
  scale_ = GetF32(b, 44);
  threshold_ = GetF32(b, 48);
  flag_threshold_ = GetF32(b, 52);
  span_threshold_ = GetF32(b, 56);
  combiner_.resize(ncomb);
  for (uint32_t i = 0; i < ncomb; ++i) combiner_[i] = GetF32(b, kHeaderSize + 4 * i);
  forest.Pack();
  forest_ = std::move(forest);
  html_weights_ = std::move(html);
  const size_t woff = at;
  weights_.resize(size_t(1) << bits);
  for (size_t i = 0; i < weights_.size(); ++i) {
    weights_[i] = static_cast<int16_t>(
        static_cast<uint16_t>(static_cast<uint8_t>(b[woff + 2 * i])) |
        (static_cast<uint16_t>(static_cast<uint8_t>(b[woff + 2 * i + 1])) << 8));
  }
  return Status::Ok();
}

}  // namespace spamstrip
