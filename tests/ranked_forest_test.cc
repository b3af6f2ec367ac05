// RankedForest tests: both kernels return the plain tree walk's double bit for bit (ties, NaN,
// infinities, "always left" nodes, features of both shuffle tables, partial groups of 32), and
// Build() refuses what it cannot compile exactly.
#include "ranked_forest.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstring>
#include <limits>
#include <random>
#include <vector>

#include "gbdt.h"

namespace spamstrip {
namespace {

// The plain walk (gbdt.h): right when x[f] > threshold, leaves added to the base in tree order.
double PlainWalk(const Forest& f, const double* x) {
  const size_t internal = (size_t(1) << f.depth) - 1;
  double z = f.base;
  for (const Tree& t : f.trees) {
    size_t k = 0;
    while (k < internal) {
      const int32_t fe = t.feature[k];
      k = 2 * k + 1 + (fe >= 0 && x[fe] > static_cast<double>(t.threshold[k]) ? 1 : 0);
    }
    z += t.leaf[k - internal];
  }
  return z;
}

bool SameBits(double a, double b) { return std::memcmp(&a, &b, sizeof(a)) == 0; }

// A random forest on a coarse grid of thresholds (many ties and repeats), leaves that are
// multiples of 2^-10 (so sums are exact), some of them -0.0 as training writes empty leaves.
Forest RandomForest(std::mt19937* rng, int depth, int trees, int features) {
  Forest f;
  f.depth = depth;
  f.base = -1.5f;
  const size_t internal = (size_t(1) << depth) - 1;
  for (int t = 0; t < trees; ++t) {
    Tree tree;
    for (size_t k = 0; k < internal; ++k) {
      tree.feature.push_back(static_cast<int32_t>((*rng)() % static_cast<unsigned>(features + 1)) -
                             1);
      tree.threshold.push_back(static_cast<float>(static_cast<int>((*rng)() % 41) - 20) / 8.0f);
      tree.value.push_back(0.0f);
    }
    for (size_t k = 0; k <= internal; ++k) {
      const int v = static_cast<int>((*rng)() % 2001) - 1000;
      tree.leaf.push_back(v == 0 ? -0.0f : static_cast<float>(v) / 1024.0f);
    }
    f.trees.push_back(std::move(tree));
  }
  return f;
}

void RandomInput(std::mt19937* rng, std::vector<double>* x) {
  for (double& v : *x) {
    switch ((*rng)() % 8) {
      case 0:
        v = std::numeric_limits<double>::quiet_NaN();
        break;
      case 1:
        v = ((*rng)() % 2 ? 1 : -1) * std::numeric_limits<double>::infinity();
        break;
      case 2:
      case 3:
      case 4:  // on the grid: ties with thresholds
        v = static_cast<double>(static_cast<int>((*rng)() % 45) - 22) / 8.0;
        break;
      default:  // just above or below a grid point
        v = static_cast<double>(static_cast<int>((*rng)() % 45) - 22) / 8.0 +
            ((*rng)() % 2 ? 1e-9 : -1e-9);
    }
  }
}

TEST(RankedForest, KernelsEqualThePlainWalk) {
  std::mt19937 rng(7);
  for (int depth = 1; depth <= 8; ++depth) {
    for (int trees : {1, 31, 32, 33, 70}) {
      for (int features : {3, 24}) {
        Forest f = RandomForest(&rng, depth, trees, features);
        RankedForest r;
        ASSERT_TRUE(r.Build(f.depth, f.base, f.trees)) << depth << " " << trees;
        ASSERT_TRUE(r.Supported(RankedForest::Kernel::kPortable));
        f.Pack();
        std::vector<double> x(static_cast<size_t>(features));
        for (int i = 0; i < 100; ++i) {
          RandomInput(&rng, &x);
          const double z = PlainWalk(f, x.data());
          EXPECT_TRUE(SameBits(r.Predict(x.data(), RankedForest::Kernel::kPortable), z))
              << "depth " << depth << ", " << trees << " trees";
          if (r.Supported(RankedForest::Kernel::kAvx2)) {
            EXPECT_TRUE(SameBits(r.Predict(x.data(), RankedForest::Kernel::kAvx2), z))
                << "depth " << depth << ", " << trees << " trees";
          }
          EXPECT_TRUE(SameBits(f.Predict(x.data()), z));
        }
      }
    }
  }
}

// Leaves() finds the plain walk's leaf in every tree, and Forest::Explain(), which follows
// those paths, gives the plain walk's credits and bias bit for bit.
TEST(RankedForest, LeavesAndExplainFollowThePlainWalk) {
  std::mt19937 rng(13);
  for (int depth = 1; depth <= 8; ++depth) {
    for (int trees : {1, 33, 70}) {
      Forest f = RandomForest(&rng, depth, trees, 24);
      for (Tree& t : f.trees) {
        for (float& v : t.value)
          v = static_cast<float>(static_cast<int>(rng() % 2001) - 1000) / 512.0f;
      }
      const Forest plain = f;  // never packed: Explain() walks the trees
      f.Pack();
      RankedForest r;
      ASSERT_TRUE(r.Build(f.depth, f.base, f.trees));
      const size_t internal = (size_t(1) << depth) - 1;
      std::vector<double> x(24);
      std::vector<uint8_t> leaf(r.padded_trees());
      for (int i = 0; i < 50; ++i) {
        RandomInput(&rng, &x);
        for (auto kernel : {RankedForest::Kernel::kPortable, RankedForest::Kernel::kAvx2}) {
          if (!r.Supported(kernel)) continue;
          r.Leaves(x.data(), leaf.data(), kernel);
          for (size_t t = 0; t < f.trees.size(); ++t) {
            size_t k = 0;
            while (k < internal) {
              const int32_t fe = f.trees[t].feature[k];
              k = 2 * k + 1 +
                  (fe >= 0 &&
                           x[static_cast<size_t>(fe)] > static_cast<double>(f.trees[t].threshold[k])
                       ? 1
                       : 0);
            }
            ASSERT_EQ(leaf[t], k - internal) << "depth " << depth << ", tree " << t;
          }
        }
        std::vector<double> credit(24, 0.0), plain_credit(24, 0.0);
        EXPECT_TRUE(SameBits(f.Explain(x.data(), credit.data()),
                             plain.Explain(x.data(), plain_credit.data())));
        for (size_t c = 0; c < credit.size(); ++c)
          EXPECT_TRUE(SameBits(credit[c], plain_credit[c]));
      }
    }
  }
}

TEST(RankedForest, RefusesWhatItCannotCompileExactly) {
  std::mt19937 rng(3);
  Forest f = RandomForest(&rng, 3, 10, 4);
  RankedForest r;
  ASSERT_TRUE(r.Build(f.depth, f.base, f.trees));
  // A leaf far finer than the rest: base + leaves would round.
  f.trees[4].leaf[2] = 1e-30f;
  EXPECT_FALSE(r.Build(f.depth, f.base, f.trees));
  EXPECT_TRUE(r.empty());
  // Forest::Predict() then keeps the plain order.
  f.Pack();
  std::vector<double> x(4);
  for (int i = 0; i < 50; ++i) {
    RandomInput(&rng, &x);
    EXPECT_TRUE(SameBits(f.Predict(x.data()), PlainWalk(f, x.data())));
  }
  f.trees[4].leaf[2] = 0.5f;
  EXPECT_TRUE(r.Build(f.depth, f.base, f.trees));
  // A base of -0.0: the plain walk may return -0.0.
  EXPECT_FALSE(r.Build(f.depth, -0.0f, f.trees));
  // More than 126 distinct thresholds for one feature.
  Forest wide = RandomForest(&rng, 8, 2, 1);
  for (size_t k = 0; k < wide.trees[0].threshold.size(); ++k) {
    wide.trees[0].feature[k] = 0;
    wide.trees[0].threshold[k] = static_cast<float>(k);
  }
  EXPECT_FALSE(r.Build(wide.depth, wide.base, wide.trees));
  // Depth out of range, malformed trees.
  EXPECT_FALSE(r.Build(9, f.base, f.trees));
  EXPECT_FALSE(r.Build(2, f.base, f.trees));
}

TEST(RankedForest, FeaturesBeyondThirtyTwoUseThePortableWalk) {
  std::mt19937 rng(9);
  Forest f = RandomForest(&rng, 4, 40, 40);
  f.trees[0].feature[0] = 39;
  RankedForest r;
  ASSERT_TRUE(r.Build(f.depth, f.base, f.trees));
  EXPECT_FALSE(r.Supported(RankedForest::Kernel::kAvx2));
  std::vector<double> x(40);
  for (int i = 0; i < 100; ++i) {
    RandomInput(&rng, &x);
    EXPECT_TRUE(SameBits(r.Predict(x.data()), PlainWalk(f, x.data())));
  }
}

}  // namespace
}  // namespace spamstrip
