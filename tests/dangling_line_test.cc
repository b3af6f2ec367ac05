// Unit tests of dangling_line.h: a line that ends in the middle of a sentence.
#include "dangling_line.h"

#include <gtest/gtest.h>

namespace spamstrip {
namespace {

TEST(EndsDangling, LinesCutFromWrappedText) {
  EXPECT_TRUE(EndsDangling("Find out how thousands are saving on their"));
  EXPECT_TRUE(EndsDangling("Lowest prices ever on all of"));
  EXPECT_TRUE(EndsDangling("A new way to double THE\n"));
  EXPECT_TRUE(EndsDangling("Get the facts about your  \r\n"));
  EXPECT_TRUE(EndsDangling("Fast approval and"));
  EXPECT_TRUE(EndsDangling("Protect what matters to you and an"));
}

TEST(EndsDangling, TitlesAndOtherEndings) {
  EXPECT_FALSE(EndsDangling("Harbour council approves new ferry timetable"));
  EXPECT_FALSE(EndsDangling("Mobile multimedia slow to catch on"));
  EXPECT_FALSE(EndsDangling("Something to talk about"));
  EXPECT_FALSE(EndsDangling("Who is it for"));
  EXPECT_FALSE(EndsDangling("Vitamin A"));  // a capital A alone is a name
  EXPECT_TRUE(EndsDangling("YOUR CHANCE TO WIN AN"));
  EXPECT_FALSE(EndsDangling("and"));  // a word alone
  EXPECT_FALSE(EndsDangling("Made in the U.S.A"));
  EXPECT_FALSE(EndsDangling("Theatre"));
  EXPECT_FALSE(EndsDangling(""));
  EXPECT_FALSE(EndsDangling("   \n"));
}

}  // namespace
}  // namespace spamstrip
