#include "logistic.h"

#include <algorithm>
#include <cmath>

namespace spamstrip {

uint64_t Rng::Next() {
  uint64_t z = (s_ += 0x9E3779B97F4A7C15ull);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  return z ^ (z >> 31);
}

void SparseExamples::Add(std::vector<uint32_t> buckets, float y, float w) {
  std::sort(buckets.begin(), buckets.end());
  const double norm = buckets.empty() ? 1.0 : 1.0 / std::sqrt(static_cast<double>(buckets.size()));
  for (size_t i = 0; i < buckets.size();) {
    size_t j = i;
    while (j < buckets.size() && buckets[j] == buckets[i]) ++j;
    idx.push_back(buckets[i]);
    val.push_back(static_cast<float>(static_cast<double>(j - i) * norm));
    i = j;
  }
  off.push_back(static_cast<uint32_t>(idx.size()));
  label.push_back(y);
  weight.push_back(w);
}

SparseModel TrainSparse(const SparseExamples& ex, const std::vector<uint32_t>& use, size_t dim,
                        const SgdOptions& o, const std::function<void(const std::string&)>& log) {
  SparseModel m;
  m.w.assign(dim, 0.0f);
  std::vector<float> g2(dim, 0.0f);
  double bias_g2 = 0;
  std::vector<uint32_t> order = use;
  if (order.empty()) {
    order.resize(ex.size());
    for (size_t i = 0; i < order.size(); ++i) order[i] = static_cast<uint32_t>(i);
  }
  Rng rng(o.seed);
  const float eps = 1e-6f;
  for (int epoch = 0; epoch < o.epochs; ++epoch) {
    for (size_t i = order.size(); i > 1; --i) std::swap(order[i - 1], order[rng.Below(i)]);
    double loss = 0, wsum = 0;
    for (uint32_t e : order) {
      double z = m.bias;
      for (uint32_t k = ex.off[e]; k < ex.off[e + 1]; ++k) z += m.w[ex.idx[k]] * ex.val[k];
      const double p = 1.0 / (1.0 + std::exp(-z));
      const double y = ex.label[e];
      const double we = ex.weight[e];
      loss += -we * (y > 0.5 ? std::log(std::max(p, 1e-12)) : std::log(std::max(1 - p, 1e-12)));
      wsum += we;
      const double g = (p - y) * we;
      for (uint32_t k = ex.off[e]; k < ex.off[e + 1]; ++k) {
        const uint32_t j = ex.idx[k];
        const float gj = static_cast<float>(g * ex.val[k] + o.l2 * m.w[j]);
        g2[j] += gj * gj;
        m.w[j] -= static_cast<float>(o.learning_rate) * gj / (std::sqrt(g2[j]) + eps);
      }
      bias_g2 += g * g;
      m.bias -= static_cast<float>(o.learning_rate * g / (std::sqrt(bias_g2) + 1e-6));
    }
    if (log) {
      log("stage 1: epoch " + std::to_string(epoch + 1) + "/" + std::to_string(o.epochs) +
          ", mean loss " + std::to_string(loss / std::max(wsum, 1e-12)));
    }
  }
  return m;
}

std::vector<double> TrainDense(const std::vector<double>& x, const std::vector<double>& y,
                               const std::vector<double>& w, size_t d, double l2, int iters,
                               const std::vector<double>& offset) {
  const size_t n = y.size();
  std::vector<double> beta(d, 0.0);
  for (int it = 0; it < iters; ++it) {
    std::vector<double> grad(d, 0.0), hess(d * d, 0.0);
    for (size_t i = 0; i < n; ++i) {
      const double* xi = &x[i * d];
      double z = offset.empty() ? 0.0 : offset[i];
      for (size_t a = 0; a < d; ++a) z += beta[a] * xi[a];
      const double p = 1.0 / (1.0 + std::exp(-z));
      const double r = w[i] * (p - y[i]);
      const double s = w[i] * std::max(p * (1 - p), 1e-9);
      for (size_t a = 0; a < d; ++a) {
        grad[a] += r * xi[a];
        for (size_t b = 0; b <= a; ++b) hess[a * d + b] += s * xi[a] * xi[b];
      }
    }
    for (size_t a = 0; a < d; ++a) {
      for (size_t b = 0; b < a; ++b) hess[b * d + a] = hess[a * d + b];
      grad[a] += l2 * beta[a];
      hess[a * d + a] += l2 + 1e-9;
    }
    // Solve hess * step = grad by Gaussian elimination with partial pivoting.
    std::vector<double> aug = hess, rhs = grad;
    for (size_t c = 0; c < d; ++c) {
      size_t piv = c;
      for (size_t r = c + 1; r < d; ++r) {
        if (std::fabs(aug[r * d + c]) > std::fabs(aug[piv * d + c])) piv = r;
      }
      if (piv != c) {
        for (size_t k = 0; k < d; ++k) std::swap(aug[c * d + k], aug[piv * d + k]);
        std::swap(rhs[c], rhs[piv]);
      }
      const double diag = aug[c * d + c];
      if (std::fabs(diag) < 1e-12) continue;
      for (size_t r = c + 1; r < d; ++r) {
        const double f = aug[r * d + c] / diag;
        if (f == 0) continue;
        for (size_t k = c; k < d; ++k) aug[r * d + k] -= f * aug[c * d + k];
        rhs[r] -= f * rhs[c];
      }
    }
    std::vector<double> step(d, 0.0);
    for (size_t c = d; c-- > 0;) {
      double v = rhs[c];
      for (size_t k = c + 1; k < d; ++k) v -= aug[c * d + k] * step[k];
      step[c] = std::fabs(aug[c * d + c]) < 1e-12 ? 0 : v / aug[c * d + c];
    }
    double change = 0;
    for (size_t a = 0; a < d; ++a) {
      beta[a] -= step[a];
      change = std::max(change, std::fabs(step[a]));
    }
    if (change < 1e-6) break;
  }
  return beta;
}

}  // namespace spamstrip
