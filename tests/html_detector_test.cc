// End-to-end tests of Detector::AnalyzeHtml on a hand-written news page (corpus/html): what is
// cut is exactly the injected elements, everything else is byte for byte the page, the cleaned
// page parses to the same tree minus the cut nodes, and page furniture survives.
#include <gtest/gtest.h>

#include <string>

#include "html_tree_util.h"
#include "spamstrip/detector.h"
#include "spamstrip/report_json.h"
#include "test_files.h"

namespace spamstrip {
namespace {

std::string ReadCorpus(const std::string& name) {
  return testing::ReadWholeFile(std::string(SPAMSTRIP_CORPUS_DIR) + "/html/" + name);
}

const Detector& Default() {
  static const Detector* d = [] {
    std::unique_ptr<Detector> p;
    Status s = Detector::Create(Options(), &p);
    EXPECT_TRUE(s.ok()) << s.ToString();
    return p.release();
  }();
  return *d;
}

std::string RemovedText(std::string_view html, const Report& r) {
  std::string out;
  for (const auto& rm : r.removed) {
    out += std::string(html.substr(rm.start, rm.end - rm.start));
    out += "\n";
  }
  return out;
}

class HarbourPage : public ::testing::Test {
 protected:
  void SetUp() override {
    html_ = ReadCorpus("harbour_dredging.html");
    ASSERT_FALSE(html_.empty());
    Default().AnalyzeHtml(html_, "", &report_);
    cleaned_ = Clean(html_, report_);
  }
  std::string html_, cleaned_;
  Report report_;
};

TEST_F(HarbourPage, CutsExactlyTheInjectedElements) {
  const std::string pharma_p =
      "<p>Buy cheap Viagra and Cialis online without prescription, fast worldwide shipping, 80% "
      "discount on all generic pills today only.</p>";
  const std::string replica_a =
      "<a href=\"https://www.luxury-replica-watches.example/rolex-submariner-replica\">best Rolex "
      "Submariner replica watches for sale</a>";
  std::vector<std::string> cuts;
  for (const auto& rm : report_.removed)
    cuts.emplace_back(html_.substr(rm.start, rm.end - rm.start));
  ASSERT_EQ(cuts.size(), 3u) << RemovedText(html_, report_);
  EXPECT_EQ(cuts[0], pharma_p);
  EXPECT_EQ(cuts[1], replica_a);
  // The hidden link farm: its links go (with or without the hidden <div> around them).
  EXPECT_NE(cuts[2].find("buy cipro online</a>"), std::string::npos) << cuts[2];
  EXPECT_NE(cuts[2].find("order tramadol overnight delivery</a>"), std::string::npos) << cuts[2];
  EXPECT_EQ(cuts[2].find("regatta"), std::string::npos) << cuts[2];
  // Categories and reasons explain each cut.
  EXPECT_EQ(report_.FindingOf(report_.removed[0]).category, "pharma");
  EXPECT_FALSE(report_.FindingOf(report_.removed[1]).reasons.empty());
}

TEST_F(HarbourPage, EverythingElseIsByteForByteThePage) {
  // Clean() is "the page minus the ranges"; check the ranges hold no real content.
  size_t pos = 0;
  std::string rebuilt;
  for (const auto& rm : report_.removed) {
    rebuilt += html_.substr(pos, rm.start - pos);
    pos = rm.end;
  }
  rebuilt += html_.substr(pos);
  EXPECT_EQ(rebuilt, cleaned_);
  for (const char* kept :
       {"<div class=\"share-count\">351</div>", "<figcaption>Photo: The dredger Ceres",
        "<h2>Fishermen weigh an appeal</h2>", "the spawning season in the spring. </p>",
        "My father fished those beds", "<li><a href=\"/privacy\">Privacy</a></li>",
        "<script>window.dataLayer", "<style>.share-count{font-weight:bold}"}) {
    EXPECT_NE(cleaned_.find(kept), std::string::npos) << kept;
  }
}

TEST_F(HarbourPage, CleanedPageParsesToTheTreeMinusTheCutNodes) {
  testing_html::ParsedPage page(html_);
  for (const auto& rm : report_.removed) {
    EXPECT_EQ(testing_html::CheckCut(page, html_, Range{rm.start, rm.end}), "")
        << html_.substr(rm.start, rm.end - rm.start);
  }
}

TEST_F(HarbourPage, BoilerplateIsReportedAsSuchAndKept) {
  int boilerplate = 0;
  for (const BlockReport& b : report_.blocks) {
    const std::string_view text(html_.data() + b.block.start, b.block.end - b.block.start);
    if (text.find("Business") != std::string_view::npos ||
        text.find("All rights reserved") != std::string_view::npos) {
      EXPECT_EQ(b.kind, BlockKind::kBoilerplate) << text;
      EXPECT_NE(b.block.decision, Decision::kStrip) << text;
      ++boilerplate;
    }
    if (text.find("<figcaption>") != std::string_view::npos) {
      EXPECT_EQ(b.kind, BlockKind::kCaption);
    }
  }
  EXPECT_EQ(boilerplate, 2);
}

TEST_F(HarbourPage, ArticleTextIsTheKeptArticle) {
  const std::string& t = report_.article_text;
  EXPECT_EQ(t.rfind("Harbour dredging to resume after court lifts injunction\n\n", 0), 0u) << t;
  EXPECT_NE(t.find("\u201cWe are relieved that the work can continue,\u201d"), std::string::npos);
  EXPECT_NE(t.find("the spawning season in the spring."), std::string::npos);
  EXPECT_NE(t.find("Photo: The dredger Ceres"), std::string::npos);
  for (const char* gone : {"Viagra", "Rolex", "cipro", "Privacy", "Sport"}) {
    EXPECT_EQ(t.find(gone), std::string::npos) << gone;
  }
}

TEST_F(HarbourPage, FlagOnlyCutsNothingButReportsTheSame) {
  Options o;
  o.flag_only = true;
  std::unique_ptr<Detector> d;
  ASSERT_TRUE(Detector::Create(o, &d).ok());
  Report r;
  d->AnalyzeHtml(html_, "", &r);
  EXPECT_TRUE(r.removed.empty());
  EXPECT_TRUE(r.flagged_any);
  EXPECT_EQ(Clean(html_, r), html_);
  ASSERT_EQ(r.blocks.size(), report_.blocks.size());
  for (size_t i = 0; i < r.blocks.size(); ++i) {
    EXPECT_EQ(r.blocks[i].block.decision, report_.blocks[i].block.decision) << i;
  }
}

TEST_F(HarbourPage, ThePageUrlDecidesWhatIsForeign) {
  // Told the page lives on the replica site, its link is no longer foreign: the score drops.
  Report r;
  Default().AnalyzeHtml(html_, "https://shop.luxury-replica-watches.example/", &r);
  auto replica_score = [&](const Report& rep) {
    for (const BlockReport& b : rep.blocks) {
      for (const Finding& s : b.spans) {
        if (html_.substr(s.start, s.end - s.start).find("replica") != std::string::npos) {
          return s.score;
        }
      }
    }
    return -1.0;
  };
  EXPECT_GT(replica_score(report_), 0.5);
  EXPECT_LT(replica_score(r), replica_score(report_));
}

// Text in a script foreign to the page (foreign_script.h): a Korean keyword hack in the story
// and a hidden Japanese one in the footer go, with the foreign_script reason; a menu of the
// site's editions in other languages stays, as does everything of the page that went before.
TEST(HtmlDetector, ForeignScriptHacksGoAndTheEditionsMenuStays) {
  const std::string page = ReadCorpus("harbour_dredging.html");
  const std::string korean =
      "<p>최고의 온라인 카지노 사이트 지금 가입하면 첫 입금 보너스 300% 지급 안전한 토토사이트 "
      "추천</p>";
  const std::string japanese =
      "<div style=\"display:none\">激安ブランド財布 スーパーコピー 通販 送料無料 "
      "人気商品を今すぐチェック</div>";
  const std::string menu =
      "<li><a href=\"https://ru.coastlinecourier.example/\">Русская версия сайта</a></li>"
      "<li><a href=\"https://ar.coastlinecourier.example/\">النسخة العربية من الموقع</a></li>";
  std::string hacked = page;
  auto insert_before = [&](const std::string& at, const std::string& what) {
    const size_t k = hacked.find(at);
    ASSERT_NE(k, std::string::npos) << at;
    hacked.insert(k, what + "\n");
  };
  insert_before("<h2>Fishermen weigh an appeal</h2>", korean);
  insert_before("<p>&copy; 2026 Coastline Courier.", japanese);
  insert_before("<li><a href=\"/news/\">News</a></li>", menu);
  Report before, after;
  Default().AnalyzeHtml(page, "", &before);
  Default().AnalyzeHtml(hacked, "", &after);
  const std::string removed = RemovedText(hacked, after);
  EXPECT_NE(removed.find(korean), std::string::npos) << removed;
  EXPECT_NE(removed.find(japanese), std::string::npos) << removed;
  EXPECT_EQ(removed.find("Русская"), std::string::npos) << removed;
  EXPECT_EQ(removed.find("العربية"), std::string::npos) << removed;
  // What went from the page before goes now too, and only the two hacks more.
  EXPECT_EQ(after.removed.size(), before.removed.size() + 2);
  int foreign = 0;
  for (const BlockReport& b : after.blocks) {
    for (const Reason& why : b.block.reasons) {
      if (why.name == "foreign_script") {
        ++foreign;
        EXPECT_EQ(b.block.decision, Decision::kStrip);
        EXPECT_TRUE(why.detail == "hangul" || why.detail == "kana") << why.detail;
      }
    }
  }
  EXPECT_EQ(foreign, 2);
}

TEST(HtmlDetector, AnyBytesGiveAValidReport) {
  for (const std::string& page :
       {std::string(), std::string("<"), std::string("<p>unclosed <b>bold <i>both</p>"),
        std::string("<table><tr><td>cell<p>para</table>spill"), std::string("\xff\xfe<p>\x80</p>"),
        std::string(20000, '<') + "div>"}) {
    Report r;
    Default().AnalyzeHtml(page, "", &r);
    for (const auto& rm : r.removed) {
      EXPECT_LE(rm.start, rm.end);
      EXPECT_LE(rm.end, page.size());
    }
    EXPECT_FALSE(ReportToJson(page, r).empty());
  }
}

}  // namespace
}  // namespace spamstrip
