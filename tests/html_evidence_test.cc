// What counts on a page as a sign that text was injected (detector.cc, ShowsInjection): links
// to other sites that stand apart from the article's sentences, not links inside them. Unit
// tests of StartsApart and TrailingForeignLinks (html_features.h), and the whole detector on a
// hand-written page (corpus/html/reservoir_levels.html) whose article cites sources, recommends
// products with links to shops and carries a newsletter promo and a copyright line, next to an
// injected spam paragraph, a hidden pharma paragraph and two casino links slipped in after a
// paragraph's last sentence; above the article body sit a dateline and a cookie notice.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "cleaned_page.h"
#include "html_features.h"
#include "html_reader.h"
#include "html_tree_util.h"
#include "spamstrip/detector.h"

namespace spamstrip {
namespace {

HtmlDocument Read(std::string_view html) {
  HtmlDocument d;
  HtmlReadOptions o;
  o.url = "https://www.valleyledger.example/news/story";
  ReadHtml(html, o, &d);
  return d;
}

// The position in d.text of the first occurrence of `needle`.
size_t At(const HtmlDocument& d, std::string_view needle) {
  const size_t k = d.text.find(needle);
  EXPECT_NE(k, std::string::npos) << needle;
  return k;
}

TEST(StartsApart, AfterASentenceEndOrAtTheBlockStart) {
  const HtmlDocument d = Read(
      "<p>Rain fell. Then it stopped: briefly. \xE2\x80\x9CNo,\xE2\x80\x9D she said (twice.) "
      "After that came sun</p>");
  ASSERT_EQ(d.blocks.size(), 1u);
  const HtmlBlock& b = d.blocks[0];
  EXPECT_TRUE(StartsApart(d, b, At(d, "Rain")));
  EXPECT_TRUE(StartsApart(d, b, At(d, "Then")));
  EXPECT_TRUE(StartsApart(d, b, At(d, "briefly")));  // after a colon
  EXPECT_FALSE(StartsApart(d, b, At(d, "it stopped")));
  EXPECT_FALSE(StartsApart(d, b, At(d, "she said")));  // after a comma and a closing quote
  EXPECT_TRUE(StartsApart(d, b, At(d, "After")));      // after ".)"
  EXPECT_FALSE(StartsApart(d, b, At(d, "came")));
}

TEST(TrailingForeignLinks, LinksAppendedAfterTheLastSentence) {
  const HtmlDocument d = Read(
      "<p>The council met on Monday. <a href=\"https://slots.example/a\">free slots</a> "
      "<a href=\"https://bonus.example/b\">bonus</a></p>"
      "<p>The figures come from the <a href=\"https://stats.example/q3\">statistics office</a></p>"
      "<p>Read the report on <a href=\"/reports/q3\">our site</a>.</p>"
      "<p>See the council's notice. <a href=\"/notices/12\">Notice 12</a></p>"
      "<p>Prices rose. <a href=\"https://a.example/\">one</a>, <a href=\"https://b.example/\">two"
      "</a></p>");
  ASSERT_EQ(d.blocks.size(), 5u);
  // Two foreign links after a full stop: the chain starts at the first of them.
  EXPECT_EQ(TrailingForeignLinks(d, d.blocks[0]), At(d, "free slots"));
  // A link ending the block in the middle of a sentence cites a source.
  EXPECT_EQ(TrailingForeignLinks(d, d.blocks[1]), d.blocks[1].text.end);
  // Text after the link, or a link to the page's own site: no chain.
  EXPECT_EQ(TrailingForeignLinks(d, d.blocks[2]), d.blocks[2].text.end);
  EXPECT_EQ(TrailingForeignLinks(d, d.blocks[3]), d.blocks[3].text.end);
  // Links separated by more than spaces: only the last is trailing, and it follows a comma.
  EXPECT_EQ(TrailingForeignLinks(d, d.blocks[4]), d.blocks[4].text.end);
}

std::string ReadCorpus(const std::string& name) {
  std::ifstream in(std::string(SPAMSTRIP_CORPUS_DIR) + "/html/" + name, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

class ReservoirPage : public testing::CleanedPageTest<> {
 protected:
  void SetUp() override {
    std::string html = ReadCorpus("reservoir_levels.html");
    ASSERT_FALSE(html.empty());
    std::unique_ptr<Detector> d;
    ASSERT_TRUE(Detector::Create(Options(), &d).ok());
    AnalyzePage(*d, std::move(html));
  }
};

std::string Joined(const std::vector<std::string>& v) {
  std::string out;
  for (const std::string& s : v) out += s + "\n";
  return out;
}

TEST_F(ReservoirPage, CutsTheInjectionsAndOnlyThem) {
  ASSERT_EQ(cuts_.size(), 3u) << Joined(cuts_);
  EXPECT_EQ(cuts_[0].rfind("<p>Buy Cialis and Viagra online", 0), 0u) << cuts_[0];
  // The casino links go, the sentence they were appended to stays.
  EXPECT_EQ(cuts_[1],
            "<a href=\"https://bestcasino-bonus.example/slots\">free slots</a> "
            "<a href=\"https://bestcasino-bonus.example/roulette\">online roulette bonus</a>");
  EXPECT_NE(cleaned_.find("questions about their licences. </p>"), std::string::npos);
  // The hidden pharma paragraph goes with the <div> that hides it and holds nothing else.
  EXPECT_EQ(cuts_[2].rfind("<div style=\"position:absolute;left:-9999px\"><p>Cheap tramadol", 0),
            0u)
      << cuts_[2];
  EXPECT_EQ(cuts_[2].substr(cuts_[2].size() - 10), "</p></div>") << cuts_[2];
  testing_html::ParsedPage page(html_);
  for (const auto& rm : report_.removed) {
    EXPECT_EQ(testing_html::CheckCut(page, html_, Range{rm.start, rm.end}), "");
  }
}

TEST_F(ReservoirPage, KeepsArticleTextThatLinksElsewhere) {
  for (const char* kept :
       {// Sentences citing their sources, a one-word link inside a sentence.
        "national weather office said in its monthly summary</a>, and forecasters",
        "shortage is already <a href=\"https://www.farmers-union.example/news/irrigation-"
        "limits\">biting</a>.",
        "department of hydrology</a> found that",
        // A shopping paragraph and list with links to shops (the model alone finds the
        // paragraph spam-like; its link is inside a sentence, so it is no sign of injection).
        "marked down to &euro;19.99 with free delivery</a> on orders over &euro;30",
        "<li>A 200-litre rain barrel with a tap, about &euro;60 at",
        // Furniture inside the article body: a newsletter promo linking to a mail host, a
        // copyright line, an image credit.
        "<p>Sign up for our weekly Valley Ledger newsletter on the <a href=",
        "<p>Copyright 2026 Valley Ledger. All rights reserved.</p>",
        "Image credit: Tobias Wren for the Valley Ledger</figcaption>"}) {
    EXPECT_NE(cleaned_.find(kept), std::string::npos) << kept << "\ncut:\n" << Joined(cuts_);
  }
}

TEST_F(ReservoirPage, FurnitureOutsideTheArticleBodyIsKept) {
  // The dateline above the story scores as spam on its text alone (a line of times and dates
  // found nowhere else); outside the article body, with no sign of injection, it stays.
  for (const BlockReport& b : report_.blocks) {
    const std::string_view text(html_.data() + b.block.start, b.block.end - b.block.start);
    if (text.find("Updated 7:42 am CET") != std::string_view::npos) {
      EXPECT_NE(b.block.decision, Decision::kStrip) << text;
    }
  }
  for (const char* kept : {"<p class=\"dateline\">Updated 7:42 am CET, Tuesday, October 21, "
                           "2026</p>",
                           "<p>We use cookies to improve your experience on our website."}) {
    EXPECT_NE(cleaned_.find(kept), std::string::npos) << kept;
  }
}

TEST_F(ReservoirPage, FurnitureTheModelDoubtsIsNeverCut) {
  // The newsletter promo and the shopping paragraph read like promotions and link out; with no
  // sign of injection they may at most be reported (flagged), never removed, not even in part.
  int seen = 0;
  for (const BlockReport& b : report_.blocks) {
    const std::string_view text(html_.data() + b.block.start, b.block.end - b.block.start);
    if (text.find("Sign up for our weekly") != std::string_view::npos ||
        text.find("The shower heads sold out") != std::string_view::npos) {
      EXPECT_NE(b.block.decision, Decision::kStrip) << text;
      EXPECT_TRUE(b.spans.empty()) << text;
      EXPECT_NE(cleaned_.find(text), std::string::npos) << text;
      ++seen;
    }
  }
  EXPECT_EQ(seen, 2);
}

// corpus/html/hillcrest_standoff.html: a story with reported speech ("Hands! Let me see your
// hands!" a deputy shouted), a list of notices for residents, a credits line and a copyright
// notice, which the model alone scores as spam, and an injected pharmacy paragraph.
class HillcrestPage : public testing::CleanedPageTest<> {
 protected:
  void Analyze(const Options& o) {
    std::string html = ReadCorpus("hillcrest_standoff.html");
    ASSERT_FALSE(html.empty());
    std::unique_ptr<Detector> d;
    ASSERT_TRUE(Detector::Create(o, &d).ok());
    AnalyzePage(*d, std::move(html));
  }
  // The hold reason of the block whose markup holds `needle`, "" when it has none; fails
  // when no block holds it.
  std::string HoldOf(std::string_view needle, Decision* decision) const {
    for (const BlockReport& b : report_.blocks) {
      const std::string_view text(html_.data() + b.block.start, b.block.end - b.block.start);
      if (text.find(needle) == std::string_view::npos) continue;
      *decision = b.block.decision;
      for (const Reason& r : b.block.reasons) {
        if (r.source == "hold") return r.name;
      }
      return "";
    }
    ADD_FAILURE() << "no block holds " << needle;
    return "";
  }
};

TEST_F(HillcrestPage, CutsOnlyTheInjectedParagraph) {
  Analyze(Options());
  ASSERT_EQ(cuts_.size(), 1u) << Joined(cuts_);
  EXPECT_EQ(cuts_[0].rfind("<p>Get cheap Viagra and Cialis online", 0), 0u) << cuts_[0];
  std::string expected = html_;
  expected.erase(html_.find(cuts_[0]), cuts_[0].size());
  EXPECT_EQ(cleaned_, expected);
}

TEST_F(HillcrestPage, FurnitureIsHeldWithoutTheHeadingBar) {
  // With the heading bar lowered to the strip threshold, the model's score alone would cut
  // each of these; what holds them is what they are. (Which lines the shipped model scores that
  // high, and on which words, moves when it is retrained: with the model of 2026-11-28 the
  // credits needed their fifth name for its n-grams to read as news, and the list its fifth
  // item for two stripped items to be fewer than half of it.)
  Options o;
  o.heading_threshold = 0;  // never below the strip threshold
  Analyze(o);
  const struct {
    const char* needle;
    const char* hold;
  } kHeld[] = {
      {"\"Hands! Let me see your hands!\" a deputy shouted.", "reported_speech"},
      {"Copyright 2026 Hillcrest Courier. All rights reserved.", "copyright_notice"},
      // The credits line reads as news to the n-gram model: only its context is against it.
      {"REPORTING_Mara Vell, VIDEO_Lina Oduya", "context_only"},
      // A notice in a list most of which stays.
      {"<li>Claim damage to lawns and fences through the county website</li>", "list_kept"},
  };
  for (const auto& h : kHeld) {
    Decision decision = Decision::kStrip;
    EXPECT_EQ(HoldOf(h.needle, &decision), h.hold) << h.needle;
    EXPECT_EQ(decision, Decision::kFlag) << h.needle;
    EXPECT_NE(cleaned_.find(h.needle), std::string::npos) << h.needle;
  }
  ASSERT_EQ(cuts_.size(), 1u) << Joined(cuts_);
  EXPECT_EQ(cuts_[0].rfind("<p>Get cheap Viagra and Cialis online", 0), 0u) << cuts_[0];
}

}  // namespace
}  // namespace spamstrip
