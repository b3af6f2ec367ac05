// gbdt.h — gradient-boosted decision trees: the scorer's learned, non-linear combination of
// block features (rules, n-gram log-odds, context, shape).
//
// Trees are complete binary trees of fixed depth stored as arrays (node k has children 2k+1 and
// 2k+2); an internal node sends x to the left child when x[feature] <= threshold (feature -1:
// always left). Each node also stores its value (the Newton step of the examples that reached
// it during training), so a prediction can be explained exactly: the change of value along the
// path is credited to the feature split on (Saabas attribution); the credits plus the bias add
// up to the log-odds. Training is deterministic: no sampling, fixed bin edges from quantiles.
#ifndef SPAMSTRIP_SRC_GBDT_H_
#define SPAMSTRIP_SRC_GBDT_H_

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "ranked_forest.h"

namespace spamstrip {

struct Tree {
  std::vector<int32_t> feature;  // 2^depth - 1 internal nodes
  std::vector<float> threshold;
  std::vector<float> value;  // internal node values
  std::vector<float> leaf;   // 2^depth leaves
};

class Forest {
 public:
  int depth = 0;
  float base = 0;  // initial log-odds
  std::vector<Tree> trees;

  bool empty() const { return trees.empty(); }
  // Packs the trees into contiguous arrays for Predict(); call after filling `trees`.
  void Pack();
  // Log-odds for feature vector x (size >= number of features the forest was trained on).
  double Predict(const double* x) const;
  // Adds each feature's credit to contrib[f] and returns the bias part (base + root values).
  double Explain(const double* x, double* contrib) const;

 private:
  // All trees' internal nodes back to back (feature, threshold, value), then all leaves.
  // Thresholds are widened to double once here (exactly: the comparison is the same as
  // training's) so the walk compares without converting. packed_split_ is the feature as
  // trained (-1: "always left", credited to no feature), for Explain().
  std::vector<int32_t> packed_feature_;
  std::vector<double> packed_threshold_;
  std::vector<int32_t> packed_split_;
  std::vector<float> packed_value_;
  std::vector<float> packed_leaf_;
  // The same trees compiled for Predict(), when that is exact (ranked_forest.h); else empty.
  // Explain() then follows its paths, adding packed_delta_ (per tree, per child node c at c - 1:
  // the child's value minus its parent's) and returning explain_bias_ (base + root values).
  RankedForest ranked_;
  std::vector<double> packed_delta_;
  double explain_bias_ = 0;
  // The same steps by tree and leaf: for tree t and leaf p, the `depth` steps of its path from
  // the root at ((t << depth) + p) * depth, each the feature credited and the value added
  // (feature 0 and +0.0 for an "always left" node: adding +0.0 changes no credit that is not
  // -0.0, and a credit summed from +0.0 never is). Empty when a feature does not fit a byte.
  std::vector<uint8_t> path_feature_;
  std::vector<double> path_delta_;
};

struct ForestOptions {
  int trees = 200;
  int depth = 4;
  double learning_rate = 0.1;
  double l2 = 1.0;
  double min_child_hessian = 2.0;
  int bins = 64;
};

// Fits a forest to rows x (row-major n x d) with labels y in {0,1} and example weights w.
Forest TrainForest(const std::vector<double>& x, const std::vector<double>& y,
                   const std::vector<double>& w, size_t d, const ForestOptions& o,
                   const std::function<void(const std::string&)>& log);

}  // namespace spamstrip

#endif  // SPAMSTRIP_SRC_GBDT_H_
