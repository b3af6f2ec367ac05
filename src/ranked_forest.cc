#include "ranked_forest.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>

#include "gbdt.h"
#include "tree_depth.h"

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#define SPAMSTRIP_AVX2_KERNEL 1
#include <immintrin.h>
#else
#define SPAMSTRIP_AVX2_KERNEL 0
#endif

namespace spamstrip {
namespace {

constexpr uint8_t kNeverRight = 127;  // above every rank (at most 126)
constexpr size_t kMaxThresholds = 126;
constexpr size_t kLanes = 32;     // trees per AVX2 group
constexpr int kMaxAvx2Depth = 6;  // every node is compared: 2^depth - 1 per tree
constexpr size_t kMaxAvx2Features = 32;

// Whether the plain walk's sum base + leaf + leaf + ... (at most one leaf per tree) is exact in
// double whatever the leaves and their order: all values multiples of 2^-s, and |base| plus each
// tree's largest |leaf| below 2^53 * 2^-s. Also false for a base of -0.0: the plain walk can then
// return -0.0, an order-free sum cannot.
bool SumIsExact(float base, const std::vector<Tree>& trees) {
  if (base == 0 && std::signbit(base)) return false;
  int s = std::numeric_limits<int>::min();
  auto scale = [&](float v) {
    if (v == 0 || !std::isfinite(v)) return;
    int e = 0;
    std::frexp(v, &e);  // |v| = m * 2^e, m in [0.5, 1) with at most 24 significant bits
    s = std::max(s, 24 - e);
  };
  bool finite = std::isfinite(base);
  scale(base);
  for (const Tree& t : trees) {
    for (float v : t.leaf) {
      finite = finite && std::isfinite(v);
      scale(v);
    }
  }
  if (!finite) return false;
  if (s == std::numeric_limits<int>::min()) return true;  // every value is zero
  // In units of 2^-s every value is an integer; add the magnitudes exactly.
  constexpr double kLimit = 9007199254740992.0;  // 2^53
  auto units = [&](float v) { return std::ldexp(std::fabs(static_cast<double>(v)), s); };
  double total = units(base);  // each step adds integers below 2^53: exact while below it
  if (total >= kLimit) return false;
  for (const Tree& t : trees) {
    double largest = 0;
    for (float v : t.leaf) largest = std::max(largest, units(v));
    total += largest;
    if (total >= kLimit) return false;
  }
  return true;
}

// The portable walk: eight trees side by side (independent chains of loads), leaves added into
// four sums (any order gives the same exact sum; see SumIsExact).
template <int D>
double WalkPortable(const uint8_t* nodes, const float* leaves, size_t trees, const uint8_t* rank) {
  constexpr size_t kInternal = (size_t(1) << D) - 1;
  constexpr size_t kLeaves = size_t(1) << D;
  double acc[4] = {0, 0, 0, 0};
  size_t t = 0;
  for (; t + 8 <= trees; t += 8) {
    size_t k[8] = {0, 0, 0, 0, 0, 0, 0, 0};
    for (int level = 0; level < D; ++level) {
      for (size_t j = 0; j < 8; ++j) {
        const uint8_t* n = nodes + 2 * (j * kInternal + k[j]);
        k[j] = 2 * k[j] + 1 + static_cast<size_t>(rank[n[0]] > n[1]);
      }
    }
    for (size_t j = 0; j < 8; ++j) acc[j & 3] += leaves[j * kLeaves + k[j] - kInternal];
    nodes += 2 * 8 * kInternal;
    leaves += 8 * kLeaves;
  }
  for (; t < trees; ++t) {
    size_t k = 0;
    for (int level = 0; level < D; ++level) {
      const uint8_t* n = nodes + 2 * k;
      k = 2 * k + 1 + static_cast<size_t>(rank[n[0]] > n[1]);
    }
    acc[0] += leaves[k - kInternal];
    nodes += 2 * kInternal;
    leaves += kLeaves;
  }
  return (acc[0] + acc[1]) + (acc[2] + acc[3]);
}

// Each tree's leaf index, one tree at a time.
template <int D>
double PathsPortable(const uint8_t* nodes, size_t trees, const uint8_t* rank, uint8_t* out) {
  constexpr size_t kInternal = (size_t(1) << D) - 1;
  for (size_t t = 0; t < trees; ++t) {
    size_t k = 0;
    for (int level = 0; level < D; ++level) {
      const uint8_t* n = nodes + 2 * k;
      k = 2 * k + 1 + static_cast<size_t>(rank[n[0]] > n[1]);
    }
    out[t] = static_cast<uint8_t>(k - kInternal);
    nodes += 2 * kInternal;
  }
  return 0;
}

#if SPAMSTRIP_AVX2_KERNEL

// Groups of 32 trees, one per byte lane. Each node's lane holds the rank of its feature,
// looked up in the 32 ranks by two byte shuffles, and compares it with the node's threshold
// rank: all-ones where x goes right. Level by level, a tree's step is chosen among the nodes of
// that level by the steps before it (a tree of blends, the last step first), and the steps
// spell the leaf's index.
// With kStore, the leaves' indices are written to out (32 per group) instead of added.
template <int D, bool kStore>
__attribute__((target("avx2"))) double GroupsAvx2(const uint8_t* lanes, const float* leaves,
                                                  size_t groups, const uint8_t* rank,
                                                  uint8_t* out) {
  constexpr int kInternal = (1 << D) - 1;
  constexpr int kLeaves = 1 << D;
  const __m256i low =
      _mm256_broadcastsi128_si256(_mm_loadu_si128(reinterpret_cast<const __m128i*>(rank)));
  const __m256i high =
      _mm256_broadcastsi128_si256(_mm_loadu_si128(reinterpret_cast<const __m128i*>(rank + 16)));
  const __m256i offset = _mm256_setr_epi32(0, kLeaves, 2 * kLeaves, 3 * kLeaves, 4 * kLeaves,
                                           5 * kLeaves, 6 * kLeaves, 7 * kLeaves);
  __m256d sum0 = _mm256_setzero_pd(), sum1 = _mm256_setzero_pd();
  for (size_t g = 0; g < groups; ++g) {
    const __m256i* node = reinterpret_cast<const __m256i*>(lanes);
    __m256i right[D];
#pragma GCC unroll 8
    for (int level = 0; level < D; ++level) {
      const int first = (1 << level) - 1;
      const int width = 1 << level;
      __m256i m[(1 << D) / 2 + 1];
#pragma GCC unroll 64
      for (int i = 0; i < width; ++i) {
        const __m256i fl = _mm256_loadu_si256(node + 3 * (first + i));
        const __m256i fh = _mm256_loadu_si256(node + 3 * (first + i) + 1);
        const __m256i t = _mm256_loadu_si256(node + 3 * (first + i) + 2);
        const __m256i r =
            _mm256_or_si256(_mm256_shuffle_epi8(low, fl), _mm256_shuffle_epi8(high, fh));
        const __m256i c = _mm256_cmpgt_epi8(r, t);
        if (level == 0) {
          m[0] = c;
        } else if ((i & 1) == 0) {
          m[i / 2] = c;
        } else {
          m[i / 2] = _mm256_blendv_epi8(m[i / 2], c, right[level - 1]);
        }
      }
#pragma GCC unroll 8
      for (int l = level - 2, w = width / 2; l >= 0; --l) {
        w /= 2;
#pragma GCC unroll 32
        for (int i = 0; i < w; ++i) m[i] = _mm256_blendv_epi8(m[2 * i], m[2 * i + 1], right[l]);
      }
      right[level] = m[0];
    }
    __m256i index = _mm256_setzero_si256();
    for (int level = 0; level < D; ++level) {
      const __m256i bit = _mm256_set1_epi8(static_cast<char>(1 << (D - 1 - level)));
      index = _mm256_or_si256(index, _mm256_and_si256(right[level], bit));
    }
    if constexpr (kStore) {
      _mm256_storeu_si256(reinterpret_cast<__m256i*>(out + g * kLanes), index);
      lanes += 3 * kInternal * kLanes;
      continue;
    }
    // Eight trees' leaves at a time: lane j reads leaves[j * kLeaves + index[j]].
#pragma GCC unroll 4
    for (int q = 0; q < 4; ++q) {
      const __m128i bytes =
          q < 2 ? _mm256_castsi256_si128(index) : _mm256_extracti128_si256(index, 1);
      const __m256i at = _mm256_add_epi32(
          _mm256_cvtepu8_epi32(q % 2 == 0 ? bytes : _mm_srli_si128(bytes, 8)), offset);
      const __m256 v = _mm256_i32gather_ps(leaves + q * 8 * kLeaves, at, 4);
      sum0 = _mm256_add_pd(sum0, _mm256_cvtps_pd(_mm256_castps256_ps128(v)));
      sum1 = _mm256_add_pd(sum1, _mm256_cvtps_pd(_mm256_extractf128_ps(v, 1)));
    }
    lanes += 3 * kInternal * kLanes;
    leaves += kLanes * kLeaves;
  }
  alignas(32) double acc[8];
  _mm256_store_pd(acc, sum0);
  _mm256_store_pd(acc + 4, sum1);
  return ((acc[0] + acc[1]) + (acc[2] + acc[3])) + ((acc[4] + acc[5]) + (acc[6] + acc[7]));
}

bool CpuHasAvx2() {
  static const bool has = __builtin_cpu_supports("avx2") != 0;
  return has;
}

#endif  // SPAMSTRIP_AVX2_KERNEL

}  // namespace

bool RankedForest::Build(int depth, float base, const std::vector<Tree>& trees) {
  *this = RankedForest();
  if (depth < 1 || depth > 8 || trees.empty() || !SumIsExact(base, trees)) return false;
  const size_t internal = (size_t(1) << depth) - 1;
  // Each feature's distinct thresholds.
  std::vector<std::vector<double>> split;
  for (const Tree& t : trees) {
    if (t.feature.size() != internal || t.threshold.size() != internal ||
        t.leaf.size() != internal + 1) {
      return false;
    }
    for (size_t k = 0; k < internal; ++k) {
      const int32_t f = t.feature[k];
      if (f < 0 || std::isnan(t.threshold[k])) continue;  // never goes right
      if (f > 255) return false;
      if (split.size() <= static_cast<size_t>(f)) split.resize(static_cast<size_t>(f) + 1);
      split[static_cast<size_t>(f)].push_back(static_cast<double>(t.threshold[k]));
    }
  }
  for (auto& s : split) {
    std::sort(s.begin(), s.end());
    s.erase(std::unique(s.begin(), s.end()), s.end());
    if (s.size() > kMaxThresholds) return false;
  }
  RankedForest r;
  r.depth_ = depth;
  r.base_ = static_cast<double>(base);
  r.trees_ = trees.size();
  r.features_ = split.size();
  for (size_t f = 0; f < split.size(); ++f) {
    if (split[f].empty()) continue;
    uint32_t width = 1;
    while (width < split[f].size()) width *= 2;
    r.ranked_.push_back(
        Ranked{static_cast<uint32_t>(f), static_cast<uint32_t>(r.thresholds_.size()), width});
    r.thresholds_.insert(r.thresholds_.end(), split[f].begin(), split[f].end());
    r.thresholds_.resize(r.thresholds_.size() + width - split[f].size(),
                         std::numeric_limits<double>::infinity());
  }
  const size_t padded = (trees.size() + kLanes - 1) / kLanes * kLanes;
  r.leaves_.assign(padded * (internal + 1), 0.0f);
  r.nodes_.reserve(2 * internal * trees.size());
  for (size_t i = 0; i < trees.size(); ++i) {
    const Tree& t = trees[i];
    for (size_t k = 0; k < internal; ++k) {
      const int32_t f = t.feature[k];
      if (f < 0 || std::isnan(t.threshold[k])) {
        r.nodes_.insert(r.nodes_.end(), {0, kNeverRight});
        continue;
      }
      const std::vector<double>& s = split[static_cast<size_t>(f)];
      const auto at = std::lower_bound(s.begin(), s.end(), static_cast<double>(t.threshold[k]));
      r.nodes_.insert(r.nodes_.end(),
                      {static_cast<uint8_t>(f), static_cast<uint8_t>(at - s.begin())});
    }
    std::copy(t.leaf.begin(), t.leaf.end(), r.leaves_.begin() + i * (internal + 1));
  }
  if (depth <= kMaxAvx2Depth && r.features_ <= kMaxAvx2Features) {
    r.lanes_.assign(padded / kLanes * internal * 3 * kLanes, 0);
    for (size_t i = 0; i < padded; ++i) {
      uint8_t* group = &r.lanes_[i / kLanes * internal * 3 * kLanes];
      for (size_t k = 0; k < internal; ++k) {
        uint8_t f = 0, rank = kNeverRight;
        if (i < trees.size()) {
          f = r.nodes_[2 * (i * internal + k)];
          rank = r.nodes_[2 * (i * internal + k) + 1];
        }
        // A shuffle index with its high bit set reads 0: each feature is read from one table.
        group[(3 * k) * kLanes + i % kLanes] = f < 16 ? f : 0x80;
        group[(3 * k + 1) * kLanes + i % kLanes] = f < 16 ? 0x80 : static_cast<uint8_t>(f - 16);
        group[(3 * k + 2) * kLanes + i % kLanes] = rank;
      }
    }
  }
  r.kernel_ = r.Supported(Kernel::kAvx2) ? Kernel::kAvx2 : Kernel::kPortable;
  *this = std::move(r);
  return true;
}

bool RankedForest::Supported(Kernel kernel) const {
  if (empty()) return false;
  if (kernel == Kernel::kPortable) return true;
#if SPAMSTRIP_AVX2_KERNEL
  return !lanes_.empty() && CpuHasAvx2();
#else
  return false;
#endif
}

void RankedForest::Rank(const double* x, uint8_t* rank) const {
  for (const Ranked& f : ranked_) {
    const double* t = &thresholds_[f.offset];
    const double v = x[f.feature];
    // The number of thresholds below v: a branch-free binary search over the padded row.
    size_t pos = 0;
    for (size_t step = f.width / 2; step > 0; step /= 2) {
      pos += t[pos + step - 1] < v ? step : 0;
    }
    rank[f.feature] = static_cast<uint8_t>(pos + (t[pos] < v ? 1 : 0));
  }
}

double RankedForest::PredictPortable(const uint8_t* rank) const {
  const uint8_t* n = nodes_.data();
  const float* l = leaves_.data();
  const size_t count = trees_;
  return WithDepth(depth_,
                   [&](auto d) { return WalkPortable<decltype(d)::value>(n, l, count, rank); });
}

double RankedForest::PredictAvx2(const uint8_t* rank, uint8_t* out) const {
#if SPAMSTRIP_AVX2_KERNEL
  const uint8_t* lanes = lanes_.data();
  const float* l = leaves_.data();
  const size_t groups = leaves_.size() / (kLanes << depth_);
  return WithDepth(std::min(depth_, kMaxAvx2Depth), [&](auto d) {
    constexpr int kDepth = std::min(decltype(d)::value, kMaxAvx2Depth);
    return out != nullptr ? GroupsAvx2<kDepth, true>(lanes, l, groups, rank, out)
                          : GroupsAvx2<kDepth, false>(lanes, l, groups, rank, nullptr);
  });
#else
  (void)out;
  return PredictPortable(rank);
#endif
}

void RankedForest::Leaves(const double* x, uint8_t* leaf, Kernel kernel) const {
  uint8_t rank[256 + 32];
  std::memset(rank, 0, std::max<size_t>(features_, 32));
  Rank(x, rank);
  if (kernel == Kernel::kAvx2) {
    PredictAvx2(rank, leaf);
    return;
  }
  const uint8_t* n = nodes_.data();
  WithDepth(depth_,
            [&](auto d) { return PathsPortable<decltype(d)::value>(n, trees_, rank, leaf); });
}

double RankedForest::Predict(const double* x, Kernel kernel) const {
  // Features 0..31 always have a rank (0 when not split on): the AVX2 lookup reads all 32.
  uint8_t rank[256 + 32];
  std::memset(rank, 0, std::max<size_t>(features_, 32));
  Rank(x, rank);
  const double sum = kernel == Kernel::kAvx2 ? PredictAvx2(rank, nullptr) : PredictPortable(rank);
  return base_ + sum;
}

}  // namespace spamstrip
