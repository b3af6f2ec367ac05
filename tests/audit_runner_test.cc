// The audit runner: results reach the sink in input order whatever order the workers finish in,
// the number of items in flight stays bounded, a stop request ends the run after a prefix, and a
// sink error aborts it. A fake Detector with uneven delays shuffles the finishing order.
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <fstream>
#include <nlohmann/json.hpp>
#include <thread>

#include "audit.h"
#include "temp_dir.h"

namespace spamstrip {
namespace {

// Flags every document whose text contains "spam"; takes longer on some documents than others.
class FakeDetector : public Detector {
 public:
  void Analyze(std::string_view text, Report* report) const override {
    const int now = in_analyze_.fetch_add(1) + 1;
    int seen = max_in_analyze_.load();
    while (now > seen && !max_in_analyze_.compare_exchange_weak(seen, now)) {
    }
    const int delay = static_cast<int>(std::hash<std::string_view>()(text) % 7);
    std::this_thread::sleep_for(std::chrono::microseconds(200 * delay));
    *report = Report();
    if (text.find("spam") != std::string_view::npos) {
      BlockReport b;
      b.block.start = 0;
      b.block.end = text.size();
      b.block.score = 0.99;
      b.block.decision = Decision::kStrip;
      b.block.category = "pharma";
      report->blocks.push_back(b);
    }
    in_analyze_.fetch_sub(1);
  }
  void AnalyzeHtml(std::string_view html, std::string_view, Report* report) const override {
    Analyze(html, report);
  }
  double threshold() const override { return 0.5; }
  double flag_threshold() const override { return 0.5; }

  mutable std::atomic<int> in_analyze_{0};
  mutable std::atomic<int> max_in_analyze_{0};
};

class AuditRunnerTest : public testing::TempDirTest {
 protected:
  void SetUp() override {
    TempDirTest::SetUp();
    if (HasFatalFailure()) return;
    std::ofstream f(dir_ / "docs.jsonl");
    for (int i = 0; i < 400; ++i) {
      f << nlohmann::json(
               {{"id", i}, {"text", (i % 5 == 0 ? "spam " : "news ") + std::to_string(i)}})
               .dump()
        << "\n";
      if (i % 97 == 0) f << "{broken\n";
    }
  }
  // The sink's view of a run: one line per event.
  std::vector<std::string> Run(int jobs, const std::atomic<bool>* stop = nullptr,
                               size_t stop_after = 0, std::atomic<bool>* stop_flag = nullptr) {
    std::vector<InputEntry> entries;
    WalkInputs({dir_.string()}, &entries);
    DocSource source(entries, DocSource::Options());
    AuditRunOptions o;
    o.jobs = jobs;
    o.stop = stop;
    std::vector<std::string> seen;
    Status s = RunAudit(detector_, &source, o, [&](AuditEvent& e) {
      seen.push_back(std::to_string(e.item.index) + ":" + e.item.id + ":" + e.item.what + ":" +
                     std::to_string(e.outcome.hits.size()) + ":" + e.findings);
      if (stop_flag != nullptr && seen.size() == stop_after) stop_flag->store(true);
      return Status::Ok();
    });
    EXPECT_TRUE(s.ok()) << s.ToString();
    return seen;
  }

  FakeDetector detector_;
};

TEST_F(AuditRunnerTest, InputOrderForAnyNumberOfJobs) {
  const auto one = Run(1);
  ASSERT_EQ(one.size(), 400u + 5u);
  for (size_t i = 0; i < one.size(); ++i) {
    EXPECT_EQ(one[i].substr(0, one[i].find(':')), std::to_string(i));
  }
  EXPECT_EQ(detector_.max_in_analyze_.load(), 1);
  for (int jobs : {2, 3, 8}) EXPECT_EQ(Run(jobs), one) << jobs << " jobs";
  EXPECT_GT(detector_.max_in_analyze_.load(), 1) << "the workers never ran side by side";
}

TEST_F(AuditRunnerTest, StopEndsAfterAPrefix) {
  const auto all = Run(1);
  std::atomic<bool> stop{false};
  const auto part = Run(4, &stop, 50, &stop);
  ASSERT_GE(part.size(), 50u);
  ASSERT_LT(part.size(), all.size());
  EXPECT_TRUE(std::equal(part.begin(), part.end(), all.begin()));
}

TEST_F(AuditRunnerTest, SinkErrorAbortsTheRun) {
  std::vector<InputEntry> entries;
  WalkInputs({dir_.string()}, &entries);
  DocSource source(entries, DocSource::Options());
  AuditRunOptions o;
  o.jobs = 3;
  size_t calls = 0;
  Status s = RunAudit(detector_, &source, o, [&](AuditEvent&) {
    return ++calls == 10 ? Status::IoError("disk full") : Status::Ok();
  });
  EXPECT_EQ(s.code(), Status::Code::kIoError);
  EXPECT_EQ(calls, 10u);
  o.jobs = 0;
  EXPECT_EQ(RunAudit(detector_, &source, o, [](AuditEvent&) { return Status::Ok(); }).code(),
            Status::Code::kInvalidArgument);
}

}  // namespace
}  // namespace spamstrip
