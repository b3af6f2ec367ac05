// ranked_forest.h — Forest::Predict() made fast without changing a bit of its result: the same
// trees compiled so that a prediction compares bytes and adds leaves in any order.
//
// Two exact rewrites of the plain walk (gbdt.h: x goes right when x[f] > threshold, and the
// leaves are added to the base in tree order):
//   - Ranks. Each feature's distinct split thresholds, sorted, t_0 < t_1 < ...: x > t_j exactly
//     when rank(x) > j, where rank(x) is the number of thresholds below x (0 for NaN). A
//     prediction ranks each feature once (a binary search) and the nodes compare one byte with
//     another. An "always left" node (feature -1) compares with a rank no input reaches.
//   - Order-free sums. When the base and every leaf are multiples of 2^-s and |base| plus every
//     tree's largest |leaf| stays below 2^(53-s), every partial sum of the plain walk is exactly
//     representable: no addition rounds, so the result is the exact sum, whatever the order.
//     The default model qualifies with room to spare (s = 42, sums below 2^7); Build() checks.
// With AVX2 (detected at run time on x86-64; the build needs no -mavx2), 32 trees are evaluated
// at once, one per byte lane: every node of the 32 trees is compared, then each tree's path is
// selected level by level. Elsewhere a portable walk over the ranked bytes is used. Both give
// exactly the plain walk's double (tests/ranked_forest_test.cc compares them on random
// forests). Forest::Explain() follows the same paths (Leaves()).
//
// Immutable after Build(); Predict() is thread-safe.
#ifndef SPAMSTRIP_SRC_RANKED_FOREST_H_
#define SPAMSTRIP_SRC_RANKED_FOREST_H_

#include <cstddef>
#include <cstdint>
#include <vector>

namespace spamstrip {

struct Tree;

class RankedForest {
 public:
  enum class Kernel { kPortable, kAvx2 };

  // Compiles the trees (complete, of depth `depth`, as in Forest). Returns false, and leaves
  // the object empty, when they cannot be compiled exactly: a depth outside 1..8, a feature
  // split at more than 126 distinct thresholds, or leaves whose sum could round.
  bool Build(int depth, float base, const std::vector<Tree>& trees);
  bool empty() const { return trees_ == 0; }
  size_t trees() const { return trees_; }
  int depth() const { return depth_; }

  // The plain walk's log-odds for x (size >= the largest feature split on + 1), bit for bit.
  // Requires !empty().
  double Predict(const double* x) const { return Predict(x, kernel_); }
  // The same with a given kernel, which must be Supported(); for tests.
  double Predict(const double* x, Kernel kernel) const;
  // Whether `kernel` can run here for this forest.
  bool Supported(Kernel kernel) const;
  // Each tree's leaf as the plain walk reaches it for x: leaf[t] in [0, 2^depth) for t <
  // trees(); `leaf` must have room for padded_trees() bytes (the rest are scratch).
  void Leaves(const double* x, uint8_t* leaf) const { Leaves(x, leaf, kernel_); }
  void Leaves(const double* x, uint8_t* leaf, Kernel kernel) const;
  size_t padded_trees() const { return leaves_.size() >> depth_; }

 private:
  // Writes rank(x[f]) to rank[f] for every feature split on; leaves the other bytes alone.
  void Rank(const double* x, uint8_t* rank) const;
  double PredictPortable(const uint8_t* rank) const;
  // With `out`, writes the leaves' indices there instead (and returns 0).
  double PredictAvx2(const uint8_t* rank, uint8_t* out) const;

  int depth_ = 0;
  double base_ = 0;
  size_t trees_ = 0;
  size_t features_ = 0;  // 1 + the largest feature split on
  // The features split on, each with its distinct thresholds ascending, padded with +inf to a
  // power of two: thresholds_[offset, offset + width).
  struct Ranked {
    uint32_t feature;
    uint32_t offset;
    uint32_t width;
  };
  std::vector<Ranked> ranked_;
  std::vector<double> thresholds_;
  // Portable walk: per tree, per internal node, {feature, threshold rank} (127: always left).
  std::vector<uint8_t> nodes_;
  std::vector<float> leaves_;  // per tree 2^depth, trees padded to a multiple of 32 with zeros
  // AVX2: per group of 32 trees, per internal node, three rows of 32 bytes (a lane per tree):
  // the feature's index into the ranks of features 0-15 and into those of 16-31 (0x80 in the
  // row that does not hold it: the shuffle then reads 0), and the threshold rank.
  std::vector<uint8_t> lanes_;
  Kernel kernel_ = Kernel::kPortable;
};

}  // namespace spamstrip

#endif  // SPAMSTRIP_SRC_RANKED_FOREST_H_
