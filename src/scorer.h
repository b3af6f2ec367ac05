// scorer.h — one calibrated probability from a feature vector, and the reasons behind it.
//
// With a trained model, p = sigmoid(forest(f)): gradient-boosted trees fitted by
// `spamstrip train` (gbdt.h), explained by exact per-feature attribution. Without a model,
// p = sigmoid(sum_i w_i * f_i) with DefaultCombiner(): rules, context and shape only.
// Immutable after construction; thread-safe.
#ifndef SPAMSTRIP_SRC_SCORER_H_
#define SPAMSTRIP_SRC_SCORER_H_

#include <string>
#include <vector>

#include "block_features.h"
#include "gbdt.h"
#include "spamstrip/report.h"

namespace spamstrip {

// Weights for scoring without a trained model (rules, context and shape only). Documented in
// README.md; replaced by fitted weights whenever a model is loaded.
std::vector<float> DefaultCombiner();

class Scorer {
 public:
  // `forest` may be null or empty (then the linear weights score); it must outlive the Scorer.
  Scorer(std::vector<float> weights, const Forest* forest);

  double Logit(const FeatureVector& f) const;
  double Probability(const FeatureVector& f) const;
  // Feature contributions w_i * f_i (bias excluded) with |value| >= 0.05, largest first, at
  // most `limit` of them.
  void Explain(const FeatureVector& f, size_t limit, std::vector<Reason>* out) const;
  const std::vector<float>& weights() const { return w_; }

 private:
  std::vector<float> w_;
  const Forest* forest_ = nullptr;
};

}  // namespace spamstrip

#endif  // SPAMSTRIP_SRC_SCORER_H_
