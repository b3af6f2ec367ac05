// Tests for spamstrip/report.h: Clean() copies the input minus the removed ranges; names of
// kinds and decisions; FindingOf; and Status::ToString (defined alongside).
#include "spamstrip/report.h"

#include <gtest/gtest.h>

#include <string>

#include "spamstrip/status.h"

namespace spamstrip {
namespace {

Report WithRemovals(std::vector<std::pair<size_t, size_t>> ranges) {
  Report r;
  r.blocks.resize(1);
  for (auto [a, b] : ranges) r.removed.push_back(Report::Removal{a, b, 0, -1});
  r.stripped_any = !ranges.empty();
  return r;
}

struct CleanCase {
  const char* name;
  std::string input;
  std::vector<std::pair<size_t, size_t>> removed;
  std::string output;
};

const CleanCase kCleanCases[] = {
    {"nothing_removed", "abc\ndef\n", {}, "abc\ndef\n"},
    {"empty_input", "", {}, ""},
    {"middle", "keep SPAM keep", {{5, 10}}, "keep keep"},
    {"start", "SPAM\nkeep", {{0, 5}}, "keep"},
    {"end", "keep\nSPAM", {{4, 9}}, "keep"},
    {"everything", "SPAM", {{0, 4}}, ""},
    {"two_ranges", "a XX b YY c", {{2, 5}, {7, 10}}, "a b c"},
    {"adjacent_ranges", "aXXYYb", {{1, 3}, {3, 5}}, "ab"},
    {"empty_range", "abc", {{1, 1}}, "abc"},
    // Defensive: overlapping ranges never duplicate or drop kept text.
    {"overlapping_ranges", "0123456789", {{2, 6}, {4, 8}}, "0189"},
    {"contained_range", "0123456789", {{2, 8}, {3, 5}}, "0189"},
    {"invalid_utf8_kept_as_is", "ok \xFF\xFE ok SPAM", {{8, 13}}, "ok \xFF\xFE ok"},
};

class CleanTest : public ::testing::TestWithParam<CleanCase> {};

TEST_P(CleanTest, CopiesInputMinusRemovedRanges) {
  const CleanCase& c = GetParam();
  EXPECT_EQ(Clean(c.input, WithRemovals(c.removed)), c.output);
}

INSTANTIATE_TEST_SUITE_P(Report, CleanTest, ::testing::ValuesIn(kCleanCases),
                         [](const ::testing::TestParamInfo<CleanCase>& p) {
                           return std::string(p.param.name);
                         });

TEST(Report, CleanWithEmbeddedNul) {
  const std::string in("a\0b\0SPAM\0c", 10);
  EXPECT_EQ(Clean(in, WithRemovals({{4, 9}})), std::string("a\0b\0c", 5));
}

TEST(Report, KindAndDecisionNames) {
  EXPECT_STREQ(BlockKindName(BlockKind::kParagraph), "paragraph");
  EXPECT_STREQ(BlockKindName(BlockKind::kLine), "line");
  EXPECT_STREQ(BlockKindName(BlockKind::kHeading), "heading");
  EXPECT_STREQ(BlockKindName(BlockKind::kCaption), "caption");
  EXPECT_STREQ(BlockKindName(BlockKind::kListItem), "list_item");
  EXPECT_STREQ(BlockKindName(BlockKind::kLinkList), "link_list");
  EXPECT_STREQ(BlockKindName(BlockKind::kNoise), "noise");
  EXPECT_STREQ(DecisionName(Decision::kKeep), "keep");
  EXPECT_STREQ(DecisionName(Decision::kFlag), "flag");
  EXPECT_STREQ(DecisionName(Decision::kStrip), "strip");
}

TEST(Report, FindingOf) {
  Report r;
  r.blocks.resize(2);
  r.blocks[1].block.start = 10;
  r.blocks[1].spans.resize(2);
  r.blocks[1].spans[1].start = 20;
  EXPECT_EQ(r.FindingOf(Report::Removal{0, 0, 1, -1}).start, 10u);
  EXPECT_EQ(r.FindingOf(Report::Removal{0, 0, 1, 1}).start, 20u);
}

TEST(Status, ToString) {
  EXPECT_EQ(Status().ToString(), "OK");
  EXPECT_TRUE(Status::Ok().ok());
  EXPECT_EQ(Status::NotFound("x.txt: No such file").ToString(), "not found: x.txt: No such file");
  EXPECT_EQ(Status::Corrupt("m: bad").ToString(), "corrupt input: m: bad");
  EXPECT_EQ(Status::IoError("e").ToString(), "I/O error: e");
  EXPECT_EQ(Status::InvalidArgument("t").ToString(), "invalid argument: t");
  EXPECT_EQ(Status::Corrupt("m").code(), Status::Code::kCorrupt);
  EXPECT_FALSE(Status::IoError("e").ok());
}

}  // namespace
}  // namespace spamstrip
