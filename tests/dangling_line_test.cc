// Unit tests of dangling_line.h: a line that ends in the middle of a sentence or opens in lower
// case.
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

TEST(OpensInLowerCase, RunningTextAndComments) {
  EXPECT_TRUE(OpensInLowerCase("check out eminem latest track survival if u didnt"));
  EXPECT_TRUE(OpensInLowerCase("to the point of them hanging up when you call"));
  EXPECT_TRUE(OpensInLowerCase("  plz subscribe to my channel\n"));
  EXPECT_TRUE(OpensInLowerCase("me, shaking it on my channel"));
}

TEST(OpensInLowerCase, TitlesBrandsAndSingleWords) {
  EXPECT_FALSE(OpensInLowerCase("Harbour council approves new ferry timetable"));
  EXPECT_FALSE(OpensInLowerCase("iPhone sales slow in China"));  // an inner capital: a brand
  EXPECT_FALSE(OpensInLowerCase("eBay results beat forecasts"));
  EXPECT_FALSE(OpensInLowerCase("e-commerce sales soar"));
  EXPECT_FALSE(OpensInLowerCase("bit.ly links banned"));
  EXPECT_FALSE(OpensInLowerCase("\"Hands up\" he said"));
  EXPECT_FALSE(OpensInLowerCase("2024 budget approved"));
  EXPECT_FALSE(OpensInLowerCase("\u00e9t\u00e9 record"));  // non-ASCII: not judged
  EXPECT_FALSE(OpensInLowerCase("analysis"));              // one word alone: a kicker
  EXPECT_FALSE(OpensInLowerCase("analysis   \n"));
  EXPECT_FALSE(OpensInLowerCase(""));
}

}  // namespace
}  // namespace spamstrip
