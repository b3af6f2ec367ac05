// Unit tests of furniture.h: copyright notices and reported speech, the page text the model
// cannot judge.
#include "furniture.h"

#include <gtest/gtest.h>

namespace spamstrip {
namespace {

TEST(IsCopyrightNotice, APublishersNotice) {
  EXPECT_TRUE(IsCopyrightNotice("Copyright 2026 Hillcrest Courier. All rights reserved."));
  EXPECT_TRUE(IsCopyrightNotice("  copyright: Valley Ledger 2025\n"));
  EXPECT_TRUE(IsCopyrightNotice("\xC2\xA9 2026 Harbour Gazette Ltd"));  // ©
  EXPECT_TRUE(IsCopyrightNotice("Copyright \xC2\xA9 2019 Hawaii News Now"));
  EXPECT_TRUE(IsCopyrightNotice("(c) 2024 The Northern Post. All rights reserved."));
}

TEST(IsCopyrightNotice, NotANoticeOrMoreThanOne) {
  // Prose about copyright, a word that only starts with the marker.
  EXPECT_FALSE(IsCopyrightNotice("Copyrighted songs were removed from the platform on Monday."));
  EXPECT_FALSE(IsCopyrightNotice("The court ruled that copyright 2026 claims were void."));
  EXPECT_FALSE(IsCopyrightNotice("Copyright"));
  // A notice carrying a link or an address to write to.
  EXPECT_FALSE(IsCopyrightNotice("Copyright 2026 Pills Direct. Order at https://pills.example"));
  EXPECT_FALSE(IsCopyrightNotice("\xC2\xA9 2026 Offers, www.offers.example"));
  EXPECT_FALSE(IsCopyrightNotice("\xC2\xA9 2026 Offers. Write to deals@offers.example"));
  // Too long to be a notice alone.
  EXPECT_FALSE(IsCopyrightNotice(
      "Copyright 2026 Acme. All rights reserved. Reproduction in whole or in part in any form "
      "or medium without express written permission is prohibited by law."));
}

TEST(IsReportedSpeech, AQuotationAndItsAttribution) {
  EXPECT_TRUE(IsReportedSpeech(
      "\"Hands! Let me see your hands!\" a deputy shouted. \"Walk towards me. Slowly.\""));
  EXPECT_TRUE(IsReportedSpeech("\"We are not seeing the numbers we saw last year,\" he said."));
  EXPECT_TRUE(IsReportedSpeech("\"It was a long night,\" Sheriff Okafor said."));
  // Typographic quotes: “…,” and „…“ and «…».
  EXPECT_TRUE(IsReportedSpeech("\xE2\x80\x9CWe will rebuild,\xE2\x80\x9D the mayor said."));
  EXPECT_TRUE(IsReportedSpeech("\xE2\x80\x9EWir bauen neu auf,\xE2\x80\x9C sagte sie."));
  EXPECT_TRUE(IsReportedSpeech("\xC2\xAB Nous reconstruirons. \xC2\xBB a dit le maire."));
}

TEST(IsReportedSpeech, NotSpeech) {
  // No opening quote, a quoted name, a one-word quotation.
  EXPECT_FALSE(IsReportedSpeech("He said: \"We will rebuild.\""));
  EXPECT_FALSE(IsReportedSpeech("\"BidsToGo\" is places to go, things to do"));
  EXPECT_FALSE(IsReportedSpeech("\"Yes,\" he said."));
  // A slogan in quotes and an advertisement after it: no lower-case word within three.
  EXPECT_FALSE(IsReportedSpeech("\"Best prices online!\" VISIT CHEAP MEDS NOW"));
  // Quotation that never closes, or nothing after it.
  EXPECT_FALSE(IsReportedSpeech("\"We will rebuild, he said."));
  EXPECT_FALSE(IsReportedSpeech("\"We will rebuild.\""));
  EXPECT_FALSE(IsReportedSpeech(""));
}

}  // namespace
}  // namespace spamstrip
