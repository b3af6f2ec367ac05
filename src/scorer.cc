#include "scorer.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <string>

namespace spamstrip {

std::vector<float> DefaultCombiner() {
  std::vector<float> w(kNumFeatures, 0.0f);
  w[kBias] = -4.0f;
  w[kNgram] = 0.0f;
  w[kRules] = 1.0f;
  w[kNovelty] = 2.0f;
  w[kScriptMismatch] = 3.5f;
  w[kMixedScript] = 4.0f;
  w[kUrls] = 1.0f;
  w[kForeignDomains] = 0.8f;
  w[kLogWords] = 0.0f;
  w[kDigitShare] = 0.0f;
  w[kUpperShare] = 1.0f;
  w[kLeet] = 1.5f;
  w[kNoLetters] = -3.0f;
  w[kHeading] = -1.0f;
  w[kCaption] = -2.0f;
  w[kSpan] = 0.0f;
  return w;
}

Scorer::Scorer(std::vector<float> weights, const Forest* forest)
    : w_(std::move(weights)), forest_(forest != nullptr && !forest->empty() ? forest : nullptr) {
  w_.resize(kNumFeatures, 0.0f);
}

double Scorer::Logit(const FeatureVector& f) const {
  if (forest_ != nullptr) return forest_->Predict(f.data());
  double z = 0;
  for (int i = 0; i < kNumFeatures; ++i)
    z += static_cast<double>(w_[static_cast<size_t>(i)]) * f[static_cast<size_t>(i)];
  return z;
}

double Scorer::Probability(const FeatureVector& f) const {
  return 1.0 / (1.0 + std::exp(-Logit(f)));
}

void Scorer::Explain(const FeatureVector& f, size_t limit, std::vector<Reason>* out) const {
  FeatureVector credit{};
  if (forest_ != nullptr) forest_->Explain(f.data(), credit.data());
  // The features whose contribution reaches 0.05, largest first (ties in feature order), at
  // most `limit`; only those are rendered as text.
  struct Credit {
    int feature;
    double value;
  };
  std::array<Credit, kNumFeatures> top;
  size_t n = 0;
  for (int i = 1; i < kNumFeatures; ++i) {
    const double c = forest_ != nullptr ? credit[static_cast<size_t>(i)]
                                        : static_cast<double>(w_[static_cast<size_t>(i)]) *
                                              f[static_cast<size_t>(i)];
    if (std::fabs(c) < 0.05) continue;
    top[n++] = Credit{i, c};
  }
  std::stable_sort(
      top.begin(), top.begin() + static_cast<long>(n),
      [](const Credit& a, const Credit& b) { return std::fabs(a.value) > std::fabs(b.value); });
  n = std::min(n, limit);
  for (size_t k = 0; k < n; ++k) {
    // "%.3g" as printf writes it (to_chars with a precision is specified so), without printf's
    // format parsing and locale.
    char buf[32];
    const auto r = std::to_chars(buf, buf + sizeof(buf), f[static_cast<size_t>(top[k].feature)],
                                 std::chars_format::general, 3);
    out->push_back(Reason{"feature", FeatureName(top[k].feature), top[k].value,
                          std::string(buf, static_cast<size_t>(r.ptr - buf))});
  }
}

}  // namespace spamstrip
