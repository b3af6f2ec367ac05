// ngram_model.h — the trained model: hashed n-gram weights plus the scorer's combination weights.
//
// File format, version 3 (all integers and floats little-endian, IEEE-754 binary32):
//   offset  size  field
//   0       8     magic "SPAMSTRP"
//   8       4     u32 version = 3      (1 and 2 are read too; 3 has the layout of 2, its trees
//                                       may name the punctuation features, kExclaims onwards,
//                                       which a version-2 reader does not compute)
//   12      4     u32 hash_bits        (buckets = 2^hash_bits, 10..24)
//   16      4     u32 word_max_n       (word n-grams 1..word_max_n, 0..2)
//   20      4     u32 char_min_n       (character n-grams char_min_n..char_max_n; 0 = none)
//   24      4     u32 char_max_n
//   28      4     u32 n_combiner       (number of combination weights, = kNumFeatures of scorer.h)
//   32      8     u64 seed             (hash seed, ngram_hash.h)
//   40      4     f32 ngram_bias
//   44      4     f32 weight_scale     (bucket weight = int16 value * weight_scale)
//   48      4     f32 threshold        (default strip threshold on the final probability)
//   52      4     f32 flag_threshold
//   56      4     f32 span_threshold   (default threshold for cutting a sentence run out of a
//                                       block)
//   60      4*n   f32 combiner[n_combiner]  (linear combination weights, used when no trees)
//   ..      4     u32 n_trees              (0: the linear combiner scores)
//   ..      4     u32 tree_depth           (D, 1..8)
//   ..      4     f32 forest_base          (initial log-odds)
//   ..            per tree: (2^D - 1) x {i32 feature, f32 threshold, f32 value}, 2^D x f32 leaf
//   ..      4     u32 n_html               (version 2; absent in version 1, read as 0)
//   ..      4*n   f32 html[n_html]         (log-odds added per HTML fact, html_features.h)
//   ..      2*2^b i16 bucket weights
//   ..      4     u32 CRC-32 (zlib) of every byte before it
// Loading is one read and a checksum; a model of 2^20 buckets is ~2 MB.
//
// Immutable after Load(); all methods const and thread-safe.
#ifndef SPAMSTRIP_SRC_NGRAM_MODEL_H_
#define SPAMSTRIP_SRC_NGRAM_MODEL_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "gbdt.h"
#include "ngram_hash.h"
#include "spamstrip/status.h"
#include "tokenizer.h"

namespace spamstrip {

struct NgramConfig {
  int hash_bits = 20;
  int word_max_n = 2;
  int char_min_n = 3;
  int char_max_n = 5;
  uint64_t seed = 0x5350414d53545250ull;  // "SPAMSTRP"
};

// Calls sink(bucket) for every n-gram feature of `tokens` (with repeats), in a fixed order:
// per word, its unigram, the bigram with the previous word, then its character n-grams by
// increasing n and position.
template <typename Sink>
void ForEachNgram(const Tokens& tokens, const NgramConfig& config, Sink&& sink) {
  const int bits = config.hash_bits;
  uint64_t prev = 0;
  bool have_prev = false;
  thread_local std::string padded;
  thread_local std::vector<uint32_t> cp_starts;
  for (const Token& t : tokens.words) {
    std::string_view w = tokens.Word(t);
    const uint64_t h = HashBytes(w, config.seed);
    if (config.word_max_n >= 1) sink(Bucket(UnigramId(h), bits));
    if (config.word_max_n >= 2 && have_prev) sink(Bucket(BigramId(prev, h), bits));
    prev = h;
    have_prev = true;
    if (config.char_min_n <= 0 || !t.has_letter) continue;
    padded.clear();
    padded.push_back('<');
    padded.append(w);
    padded.push_back('>');
    cp_starts.clear();
    for (size_t i = 0; i < padded.size(); ++i) {
      if ((static_cast<uint8_t>(padded[i]) & 0xC0) != 0x80)
        cp_starts.push_back(static_cast<uint32_t>(i));
    }
    const size_t ncp = cp_starts.size();
    cp_starts.push_back(static_cast<uint32_t>(padded.size()));
    for (int n = config.char_min_n; n <= config.char_max_n; ++n) {
      const size_t un = static_cast<size_t>(n);
      if (ncp < un) break;
      for (size_t i = 0; i + un <= ncp; ++i) {
        std::string_view g(padded.data() + cp_starts[i], cp_starts[i + un] - cp_starts[i]);
        sink(Bucket(CharGramId(g, un, config.seed), bits));
      }
    }
  }
}

// Appends the bucket of every n-gram feature of `tokens` to *buckets (with repeats).
void ExtractNgrams(const Tokens& tokens, const NgramConfig& config, std::vector<uint32_t>* buckets);

struct NgramScore {
  double sum = 0;  // sum of bucket weights over the n-grams
  int count = 0;   // number of n-grams
};

class NgramModel {
 public:
  NgramModel() = default;
  NgramModel(const NgramModel&) = delete;  // holds megabytes of weights; share by pointer
  NgramModel& operator=(const NgramModel&) = delete;

  // Parses a model file image. `name` appears in errors ("name: truncated at byte N ...").
  Status Load(std::string_view bytes, const std::string& name);
  // Serialises the model in the format above.
  std::string Serialize() const;

  // Sum of weights of the n-grams in `tokens`: the same sum as over ForEachNgram(), computed
  // faster (see ngram_model.cc: a word's own n-grams are cached per thread).
  NgramScore Score(const Tokens& tokens) const;
  // The model's log-odds for a text whose n-gram score is s: bias + sum / sqrt(count).
  double Logit(const NgramScore& s) const;

  const NgramConfig& config() const { return config_; }
  float bias() const { return bias_; }
  double threshold() const { return threshold_; }
  double flag_threshold() const { return flag_threshold_; }
  double span_threshold() const { return span_threshold_; }
  const std::vector<float>& combiner() const { return combiner_; }
  const Forest& forest() const { return forest_; }
  // Weights of the HTML facts (html_features.h), in its order; empty: HTML facts add nothing.
  const std::vector<float>& html_weights() const { return html_weights_; }
  void set_html_weights(std::vector<float> w) { html_weights_ = std::move(w); }
  void set_forest(Forest f) {
    forest_ = std::move(f);
    forest_.Pack();
  }

  // Used by the trainer to build a model.
  void Set(const NgramConfig& config, float bias, const std::vector<float>& weights,
           const std::vector<float>& combiner, double threshold, double flag_threshold,
           double span_threshold);

 private:
  struct WordScore {
    int32_t sum = 0;  // of the int16 bucket weights
    int32_t count = 0;
  };
  // The unigram and character n-grams of one word (all of its n-grams but the bigram).
  WordScore ScoreWord(std::string_view word, uint64_t hash, bool has_letter) const;

  // Identifies the weights for per-thread caches: a new value at every Load() or Set(), never
  // reused in the process (an address could be, by a later model).
  uint64_t instance_ = 0;
  NgramConfig config_;
  float bias_ = 0;
  float scale_ = 1;
  double threshold_ = 0.5;
  double flag_threshold_ = 0.3;
  double span_threshold_ = 0.5;
  std::vector<int16_t> weights_;
  std::vector<float> combiner_;
  Forest forest_;
  std::vector<float> html_weights_;
};

}  // namespace spamstrip

#endif  // SPAMSTRIP_SRC_NGRAM_MODEL_H_
