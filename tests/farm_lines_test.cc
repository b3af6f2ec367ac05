// Tests for farm_lines.h: a flagged line goes with a paragraph whose other lines were stripped.
#include "farm_lines.h"

#include <gtest/gtest.h>

#include <vector>

namespace spamstrip {
namespace {

// One block per decision; `paragraph` numbers them; scores are given per block.
struct Fixture {
  std::vector<Segment> segs;
  Report report;
  void Add(size_t paragraph, Decision d, double score) {
    Segment s;
    s.paragraph = paragraph;
    segs.push_back(s);
    BlockReport b;
    b.paragraph = paragraph;
    b.block.decision = d;
    b.block.score = score;
    report.blocks.push_back(b);
  }
  Decision At(size_t i) const { return report.blocks[i].block.decision; }
};

TEST(FarmLines, FlaggedLineOfAMostlyStrippedParagraphIsStripped) {
  Fixture f;
  f.report.flag_threshold = 0.4;
  f.Add(0, Decision::kKeep, 0.01);  // a real paragraph before the farm
  f.Add(1, Decision::kStrip, 0.99);
  f.Add(1, Decision::kFlag, 0.6);
  f.Add(1, Decision::kStrip, 0.98);
  f.Add(1, Decision::kStrip, 0.97);
  StripFarmLines(f.segs, &f.report);
  EXPECT_EQ(f.At(0), Decision::kKeep);
  EXPECT_EQ(f.At(2), Decision::kStrip);
}

TEST(FarmLines, LinesBelowTheFlagThresholdStay) {
  Fixture f;
  f.report.flag_threshold = 0.4;
  f.Add(0, Decision::kStrip, 0.99);
  f.Add(0, Decision::kKeep, 0.1);
  f.Add(0, Decision::kStrip, 0.98);
  StripFarmLines(f.segs, &f.report);
  EXPECT_EQ(f.At(1), Decision::kKeep);
}

TEST(FarmLines, NeedsTwoStrippedLinesAndTwoThirdsOfTheOthers) {
  Fixture two;  // a heading over a paragraph with one spam line: not a farm
  two.report.flag_threshold = 0.4;
  two.Add(0, Decision::kFlag, 0.7);
  two.Add(0, Decision::kStrip, 0.99);
  StripFarmLines(two.segs, &two.report);
  EXPECT_EQ(two.At(0), Decision::kFlag);

  Fixture half;  // two of four others stripped
  half.report.flag_threshold = 0.4;
  half.Add(0, Decision::kFlag, 0.7);
  half.Add(0, Decision::kStrip, 0.99);
  half.Add(0, Decision::kKeep, 0.01);
  half.Add(0, Decision::kStrip, 0.99);
  half.Add(0, Decision::kKeep, 0.02);
  StripFarmLines(half.segs, &half.report);
  EXPECT_EQ(half.At(0), Decision::kFlag);
}

TEST(FarmLines, ANarrowedLineGoesWhole) {
  Fixture f;
  f.report.flag_threshold = 0.4;
  f.Add(0, Decision::kStrip, 0.99);
  f.Add(0, Decision::kKeep, 0.9);  // judged spam whole, then narrowed to a sentence run
  f.report.blocks[1].spans.push_back(Finding{});
  f.Add(0, Decision::kStrip, 0.99);
  StripFarmLines(f.segs, &f.report);
  EXPECT_EQ(f.At(1), Decision::kStrip);
  EXPECT_TRUE(f.report.blocks[1].spans.empty());
}

}  // namespace
}  // namespace spamstrip
