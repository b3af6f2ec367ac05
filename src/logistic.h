// logistic.h — the two logistic regressions the trainer fits.
//
// SparseLogistic: hashed sparse features, AdaGrad SGD, per-example weights, L2; deterministic
// (our own shuffle from a SplitMix64 stream, no std::shuffle, single-threaded).
// DenseLogistic: a handful of dense features, Newton's method (IRLS) with L2.
#ifndef SPAMSTRIP_SRC_LOGISTIC_H_
#define SPAMSTRIP_SRC_LOGISTIC_H_

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace spamstrip {

// Sparse examples: features of example i are idx[off[i]..off[i+1]) with values val[...].
struct SparseExamples {
  std::vector<uint32_t> off{0};
  std::vector<uint32_t> idx;
  std::vector<float> val;
  std::vector<float> label;   // 0 or 1
  std::vector<float> weight;  // per-example weight
  size_t size() const { return label.size(); }
  // Adds an example from raw buckets (repeats allowed): values count/sqrt(total).
  void Add(std::vector<uint32_t> buckets, float y, float w);
};

struct SparseModel {
  std::vector<float> w;
  float bias = 0;
};

struct SgdOptions {
  int epochs = 6;
  double learning_rate = 0.2;
  double l2 = 1e-6;
  uint64_t seed = 1;
};

// Trains on the examples whose index is in `use` (all when empty).
SparseModel TrainSparse(const SparseExamples& ex, const std::vector<uint32_t>& use, size_t dim,
                        const SgdOptions& o, const std::function<void(const std::string&)>& log);

// Dense L2-regularised logistic regression; x is row-major n x d. Returns d weights.
// `offset` (empty, or one per example) is a fixed log-odds added to each example's score: the
// weights then learn only what the features add to it.
std::vector<double> TrainDense(const std::vector<double>& x, const std::vector<double>& y,
                               const std::vector<double>& w, size_t d, double l2, int iters,
                               const std::vector<double>& offset = {});

// Deterministic pseudo-random stream (SplitMix64).
class Rng {
 public:
  explicit Rng(uint64_t seed) : s_(seed) {}
  uint64_t Next();
  double Uniform() { return static_cast<double>(Next() >> 11) * (1.0 / 9007199254740992.0); }
  size_t Below(size_t n) { return n == 0 ? 0 : static_cast<size_t>(Next() % n); }

 private:
  uint64_t s_;
};

}  // namespace spamstrip

#endif  // SPAMSTRIP_SRC_LOGISTIC_H_
