// Tests for lazy_regexp.h: the RE2 is built by the first Get(), once published every thread
// sees the same one, and a pattern RE2 rejects gives an RE2 that is !ok() and matches nothing.
#include "lazy_regexp.h"

#include <gtest/gtest.h>

#include <atomic>
#include <thread>
#include <vector>

namespace spamstrip {
namespace {

RE2::Options Quiet() {
  RE2::Options o;
  o.set_log_errors(false);
  return o;
}

TEST(LazyRegexp, BuiltByFirstGet) {
  LazyRegexp lazy;
  const std::string pattern = "buy\\s+viagra";
  EXPECT_FALSE(lazy.built());
  const RE2& re = lazy.Get(pattern, Quiet());
  EXPECT_TRUE(lazy.built());
  EXPECT_TRUE(re.ok());
  EXPECT_EQ(re.pattern(), pattern);
  EXPECT_EQ(&lazy.Get(pattern, Quiet()), &re);
  EXPECT_TRUE(RE2::PartialMatch("please buy  viagra", re));
}

TEST(LazyRegexp, RejectedPatternMatchesNothing) {
  LazyRegexp lazy;
  const RE2& re = lazy.Get("(unclosed", Quiet());
  EXPECT_FALSE(re.ok());
  EXPECT_EQ(re.error(), "missing ): (unclosed");
  EXPECT_FALSE(RE2::PartialMatch("(unclosed", re));
}

// Threads released together all ask for the same unbuilt RE2: all get one and the same object.
TEST(LazyRegexp, ThreadsRacingOnFirstUseShareOneRe2) {
  constexpr int kThreads = 8;
  for (int round = 0; round < 20; ++round) {
    LazyRegexp lazy;
    const std::string pattern = "(cheap|discount)\\s+(pills|meds)\\b";
    std::atomic<int> ready{0};
    std::vector<const RE2*> seen(kThreads, nullptr);
    std::vector<int> matched(kThreads, 0);
    std::vector<std::thread> threads;
    for (int t = 0; t < kThreads; ++t) {
      threads.emplace_back([&, t] {
        ready.fetch_add(1);
        while (ready.load() < kThreads) {
        }
        const RE2& re = lazy.Get(pattern, Quiet());
        seen[static_cast<size_t>(t)] = &re;
        matched[static_cast<size_t>(t)] = RE2::PartialMatch("get cheap pills now", re) ? 1 : 0;
      });
    }
    for (auto& th : threads) th.join();
    for (int t = 0; t < kThreads; ++t) {
      EXPECT_EQ(seen[static_cast<size_t>(t)], seen[0]);
      EXPECT_EQ(matched[static_cast<size_t>(t)], 1);
    }
  }
}

}  // namespace
}  // namespace spamstrip
