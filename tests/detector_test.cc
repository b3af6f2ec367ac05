// End-to-end tests of spamstrip/detector.h on small pages: creation errors, report invariants
// (offsets are the contract), decisions, options, determinism and thread safety.
#include "spamstrip/detector.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "block_features.h"
#include "ngram_model.h"
#include "spamstrip/report_json.h"
#include "temp_dir.h"

namespace spamstrip {
namespace {

std::unique_ptr<Detector> Make(const Options& o = Options()) {
  std::unique_ptr<Detector> d;
  Status s = Detector::Create(o, &d);
  EXPECT_TRUE(s.ok()) << s.ToString();
  return d;
}

bool IsSpace(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v';
}

// The report invariants that hold for any input.
void CheckReport(std::string_view in, const Report& r, bool flag_only = false) {
  size_t prev_end = 0;
  for (size_t i = 0; i < r.blocks.size(); ++i) {
    const BlockReport& b = r.blocks[i];
    SCOPED_TRACE("block " + std::to_string(i));
    EXPECT_LE(prev_end, b.block.start);
    EXPECT_LT(b.block.start, b.block.end);
    EXPECT_LE(b.block.end, in.size());
    EXPECT_GE(b.block.score, 0.0);
    EXPECT_LE(b.block.score, 1.0);
    for (const Finding& s : b.spans) {
      EXPECT_LE(b.block.start, s.start);
      EXPECT_LE(s.end, b.block.end);
      EXPECT_LT(s.start, s.end);
    }
    prev_end = b.block.end;
  }
  size_t prev = 0;
  for (const auto& rm : r.removed) {
    EXPECT_LE(prev, rm.start) << "removals overlap or are unsorted";
    EXPECT_LE(rm.start, rm.end);
    EXPECT_LE(rm.end, in.size());
    ASSERT_LT(rm.block, r.blocks.size());
    const Finding& f = r.FindingOf(rm);
    EXPECT_EQ(f.decision, Decision::kStrip);
    // A removal is its finding plus whitespace only.
    for (size_t k = rm.start; k < rm.end; ++k) {
      if (k < f.start || k >= f.end) {
        EXPECT_TRUE(IsSpace(in[k]))
            << "removal takes non-space byte " << k << " outside its finding";
      }
    }
    prev = rm.end;
  }
  EXPECT_EQ(r.stripped_any, !r.removed.empty());
  if (flag_only) {
    EXPECT_TRUE(r.removed.empty());
  }
}

const char kSeedLikePage[] =
    "Coalition Mission Ends in Iraq\n"
    "\n"
    "351\n"
    "A soldier carries a launcher during an exercise near the border.\n"
    "\n"
    "Baghdad, 29 December (TDI): The prime minister confirmed on Wednesday the end of the "
    "coalition's combat mission after the withdrawal of the remaining forces from the country.\n"
    "\n"
    "The decision comes weeks after the anniversary of the declaration of victory.\n"
    "\n"
    "buy cipro online https://www.pills-example.com/cipro.html no prescription pharmacy\n"
    "\n"
    "In this sense, the strategic partnership would continue in training, advice and support "
    "for the country's forces.\n";

TEST(Detector, CreateWithDefaults) {
  std::unique_ptr<Detector> d;
  Status s = Detector::Create(Options(), &d);
  ASSERT_TRUE(s.ok()) << s.ToString();
  ASSERT_NE(d, nullptr);
  EXPECT_GE(d->threshold(), 0.0);
  EXPECT_LE(d->threshold(), 1.0);
  EXPECT_LE(d->flag_threshold(), d->threshold());
}

TEST(Detector, ThresholdOptionsApply) {
  Options o;
  o.threshold = 0.8;
  o.flag_threshold = 0.9;  // above the strip threshold: clamped to it
  auto d = Make(o);
  EXPECT_DOUBLE_EQ(d->threshold(), 0.8);
  EXPECT_DOUBLE_EQ(d->flag_threshold(), 0.8);
  Report r;
  d->Analyze("Some text.", &r);
  EXPECT_DOUBLE_EQ(r.threshold, 0.8);
}

TEST(Detector, CreateFailsOnBadThreshold) {
  Options o;
  o.threshold = 1.5;
  std::unique_ptr<Detector> d;
  Status s = Detector::Create(o, &d);
  EXPECT_EQ(s.code(), Status::Code::kInvalidArgument);
  EXPECT_EQ(d, nullptr);
}

class DetectorFiles : public testing::TempDirTest {};

TEST_F(DetectorFiles, MissingRuleFileIsNotFound) {
  Options o;
  o.rule_files = {(dir_ / "missing.rules").string()};
  std::unique_ptr<Detector> d;
  Status s = Detector::Create(o, &d);
  EXPECT_EQ(s.code(), Status::Code::kNotFound);
  EXPECT_NE(s.message().find("missing.rules"), std::string::npos) << s.message();
  EXPECT_EQ(d, nullptr);
}

TEST_F(DetectorFiles, BadRuleFileNamesFileAndLine) {
  Options o;
  o.rule_files = {Write("bad.rules", "rule a pharma 1\n  pattern (x\n")};
  std::unique_ptr<Detector> d;
  Status s = Detector::Create(o, &d);
  EXPECT_EQ(s.code(), Status::Code::kCorrupt);
  EXPECT_NE(s.message().find("bad.rules:1: "), std::string::npos) << s.message();
  EXPECT_NE(s.message().find("missing )"), std::string::npos) << s.message();
}

TEST_F(DetectorFiles, CustomRuleFileIsUsed) {
  Options o;
  o.use_model = false;
  o.rule_files = {Write(
      "mine.rules", "rule my.zebra other_spam 9\n  pattern \\bzebra\\s+stripes\\b\n  about x\n")};
  auto d = Make(o);
  const std::string in =
      "The zoo opened a new enclosure on Monday for its growing herd of animals.\n\n"
      "Zebra stripes for sale, zebra stripes cheap, order zebra stripes today at our shop\n\n"
      "Visitors said the enclosure was spacious and the animals seemed calm.\n";
  Report r;
  d->Analyze(in, &r);
  CheckReport(in, r);
  ASSERT_EQ(r.blocks.size(), 3u);
  ASSERT_FALSE(r.blocks[1].block.reasons.empty());
  EXPECT_EQ(r.blocks[1].block.reasons[0].name, "my.zebra");
  EXPECT_EQ(r.blocks[1].block.category, "other_spam");
}

TEST_F(DetectorFiles, MissingModelFileIsNotFound) {
  Options o;
  o.model_file = (dir_ / "none.model").string();
  std::unique_ptr<Detector> d;
  Status s = Detector::Create(o, &d);
  EXPECT_EQ(s.code(), Status::Code::kNotFound);
  EXPECT_NE(s.message().find("none.model"), std::string::npos);
}

TEST_F(DetectorFiles, CorruptModelFileIsCorrupt) {
  Options o;
  o.model_file = Write("junk.model", "SPAMSTRP this is not a model at all, just text");
  std::unique_ptr<Detector> d;
  Status s = Detector::Create(o, &d);
  EXPECT_EQ(s.code(), Status::Code::kCorrupt);
  EXPECT_NE(s.message().find("junk.model"), std::string::npos) << s.message();
  EXPECT_EQ(d, nullptr);
}

// A well-formed model whose trees read features this build does not compute (a model from a
// newer build, or a crafted file) is refused: its trees would read past the feature vector.
TEST_F(DetectorFiles, ModelWithMoreFeaturesThanTheBuildIsCorrupt) {
  NgramConfig c;
  c.hash_bits = 10;
  NgramModel m;
  const size_t features = kNumFeatures + 6;
  m.Set(c, 0.0f, std::vector<float>(size_t(1) << c.hash_bits, 0.1f),
        std::vector<float>(features, 0.5f), 0.7, 0.4, 0.6);
  Forest f;
  f.depth = 1;
  f.trees.push_back(Tree{{static_cast<int32_t>(features - 1)}, {0.5f}, {0.0f}, {-1.0f, 1.0f}});
  m.set_forest(std::move(f));
  Options o;
  o.model_file = Write("newer.model", m.Serialize());
  std::unique_ptr<Detector> d;
  Status s = Detector::Create(o, &d);
  EXPECT_EQ(s.code(), Status::Code::kCorrupt);
  EXPECT_NE(s.message().find("newer.model"), std::string::npos) << s.message();
  EXPECT_NE(s.message().find("features"), std::string::npos) << s.message();
  EXPECT_EQ(d, nullptr);
}

TEST(Detector, EmptyInput) {
  auto d = Make();
  Report r;
  r.blocks.resize(3);  // previous content is discarded
  d->Analyze("", &r);
  EXPECT_TRUE(r.blocks.empty());
  EXPECT_TRUE(r.removed.empty());
  EXPECT_FALSE(r.flagged_any);
  d->Analyze("\n\n  \n", &r);
  EXPECT_TRUE(r.blocks.empty());
}

TEST(Detector, StripsInjectedPharmacyLine) {
  auto d = Make();
  Report r;
  d->Analyze(kSeedLikePage, &r);
  CheckReport(kSeedLikePage, r);
  const std::string out = Clean(kSeedLikePage, r);
  EXPECT_EQ(out.find("buy cipro"), std::string::npos) << out;
  EXPECT_NE(out.find("Coalition Mission Ends in Iraq\n\n351\n"), std::string::npos) << out;
  EXPECT_NE(out.find("The decision comes weeks after"), std::string::npos);
  EXPECT_NE(out.find("In this sense, the strategic partnership"), std::string::npos);
  // The blank line of the removed paragraph goes with it.
  EXPECT_NE(out.find("declaration of victory.\n\nIn this sense"), std::string::npos) << out;
  ASSERT_EQ(r.removed.size(), 1u);
  EXPECT_EQ(r.FindingOf(r.removed[0]).category, "pharma");
  EXPECT_TRUE(r.stripped_any);
  EXPECT_TRUE(r.flagged_any);
}

TEST(Detector, ExplainsDecisions) {
  auto d = Make();
  Report r;
  d->Analyze(kSeedLikePage, &r);
  ASSERT_FALSE(r.removed.empty());
  const Finding& f = r.FindingOf(r.removed[0]);
  ASSERT_FALSE(f.reasons.empty());
  bool has_rule = false;
  for (const Reason& reason : f.reasons) {
    EXPECT_TRUE(reason.source == "rule" || reason.source == "feature") << reason.source;
    EXPECT_FALSE(reason.name.empty());
    if (reason.source == "rule") {
      has_rule = true;
      EXPECT_FALSE(reason.detail.empty()) << "a rule reason must show the text it matched";
    }
  }
  EXPECT_TRUE(has_rule);
}

TEST(Detector, KeepsCleanArticleWithBaitWords) {
  const std::string in =
      "Antibiotic Supplies Run Low\n"
      "\n"
      "Hospitals say stocks of ciprofloxacin and amoxicillin have fallen to their lowest level "
      "in a decade, and pharmacists are rationing prescriptions.\n"
      "\n"
      "Regulators warned patients not to buy pills from unlicensed websites, which often sell "
      "counterfeit medicines without a prescription.\n"
      "\n"
      "The health ministry said new deliveries were expected by the end of the month.\n";
  auto d = Make();
  Report r;
  d->Analyze(in, &r);
  CheckReport(in, r);
  EXPECT_TRUE(r.removed.empty()) << ReportToJson(in, r);
  EXPECT_EQ(Clean(in, r), in);
}

TEST(Detector, FlagOnlyRemovesNothing) {
  Options o;
  o.flag_only = true;
  auto d = Make(o);
  Report r;
  d->Analyze(kSeedLikePage, &r);
  CheckReport(kSeedLikePage, r, /*flag_only=*/true);
  EXPECT_TRUE(r.removed.empty());
  EXPECT_FALSE(r.stripped_any);
  EXPECT_TRUE(r.flagged_any);
  EXPECT_EQ(Clean(kSeedLikePage, r), kSeedLikePage);
  bool strip_decision = false;
  for (const auto& b : r.blocks) strip_decision |= b.block.decision == Decision::kStrip;
  EXPECT_TRUE(strip_decision) << "decisions are still computed and reported";
}

TEST(Detector, ThresholdZeroStripsEveryBlock) {
  Options o;
  o.threshold = 0;
  auto d = Make(o);
  Report r;
  d->Analyze(kSeedLikePage, &r);
  CheckReport(kSeedLikePage, r);
  for (const auto& b : r.blocks) EXPECT_EQ(b.block.decision, Decision::kStrip);
  const std::string out = Clean(kSeedLikePage, r);
  EXPECT_EQ(out.find_first_not_of(" \t\r\n"), std::string::npos) << out;
}

TEST(Detector, CutsSpamSentenceFromParagraph) {
  const std::string in =
      "Harbour Reopens\n"
      "\n"
      "The harbour reopened on Tuesday after the storm damaged two piers and a warehouse. "
      "Engineers said repairs to the outer wall would take another month. "
      "Buy cheap viagra online without prescription at http://pills.example.com today.\n"
      "\n"
      "Fishermen said they were relieved to return to work after a fortnight ashore.\n";
  auto d = Make();
  Report r;
  d->Analyze(in, &r);
  CheckReport(in, r);
  const std::string out = Clean(in, r);
  EXPECT_EQ(out.find("viagra"), std::string::npos) << ReportToJson(in, r);
  EXPECT_NE(out.find("The harbour reopened on Tuesday after the storm damaged two piers and a "
                     "warehouse. Engineers said repairs to the outer wall would take another "
                     "month.\n"),
            std::string::npos)
      << out;
}

TEST(Detector, NoSentenceCutsOption) {
  Options o;
  o.sentence_cuts = false;
  auto d = Make(o);
  const std::string in =
      "The harbour reopened on Tuesday after the storm damaged two piers. Engineers said repairs "
      "would take a month. Buy cheap viagra online without prescription now.\n";
  Report r;
  d->Analyze(in, &r);
  CheckReport(in, r);
  for (const auto& b : r.blocks) EXPECT_TRUE(b.spans.empty());
}

TEST(Detector, InvalidUtf8IsToleratedAndPreserved) {
  const std::string in =
      "The market opened higher on Monday \xFF\xFE as traders returned.\n\n"
      "buy cipro online https://pills.example.com/cipro.html no prescription pharmacy\n\n"
      "Analysts expect a quiet week \xC3 ahead.\n";
  auto d = Make();
  Report r;
  d->Analyze(in, &r);
  CheckReport(in, r);
  const std::string out = Clean(in, r);
  EXPECT_NE(out.find("Monday \xFF\xFE as traders"), std::string::npos);
  EXPECT_NE(out.find("quiet week \xC3 ahead."), std::string::npos);
}

TEST(Detector, Deterministic) {
  auto d = Make();
  Report a, b;
  d->Analyze(kSeedLikePage, &a);
  d->Analyze(kSeedLikePage, &b);
  EXPECT_EQ(ReportToJson(kSeedLikePage, a), ReportToJson(kSeedLikePage, b));
  auto d2 = Make();
  Report c;
  d2->Analyze(kSeedLikePage, &c);
  EXPECT_EQ(ReportToJson(kSeedLikePage, a), ReportToJson(kSeedLikePage, c));
}

TEST(Detector, ThreadsShareOneDetector) {
  auto d = Make();
  Report ref;
  d->Analyze(kSeedLikePage, &ref);
  const std::string want = ReportToJson(kSeedLikePage, ref);
  std::vector<std::string> got(4);
  std::vector<std::thread> threads;
  for (size_t t = 0; t < got.size(); ++t) {
    threads.emplace_back([&, t] {
      for (int k = 0; k < 5; ++k) {
        Report r;
        d->Analyze(kSeedLikePage, &r);
        got[t] = ReportToJson(kSeedLikePage, r);
      }
    });
  }
  for (auto& th : threads) th.join();
  for (const auto& g : got) EXPECT_EQ(g, want);
}

TEST(Detector, ArbitraryBytesKeepInvariants) {
  // A cheap deterministic fuzz over pieces that stress segmentation and normalisation.
  auto d = Make();
  uint64_t state = 99;
  auto next = [&]() {
    state = state * 6364136223846793005ull + 1442695040888963407ull;
    return static_cast<uint32_t>(state >> 33);
  };
  const std::string pieces[] = {"word ",
                                "Buy ",
                                "viagra ",
                                "casino ",
                                ". ",
                                "! ",
                                "\n",
                                "\n\n",
                                "\r\n",
                                " ",
                                "\t",
                                "351",
                                "\xFF",
                                "\xE2\x82",
                                u8"\u0456",
                                u8"\u200B",
                                u8"\u2026 ",
                                u8"\u201D ",
                                "http://x.example ",
                                "Photo: ",
                                u8"\u041A\u0430\u0437\u0438\u043D\u043E ",
                                u8"\u30B3\u30D4\u30FC",
                                "c1al1s ",
                                std::string(5000, 'x'),
                                std::string(1, '\0')};
  for (int round = 0; round < 150; ++round) {
    std::string in;
    const int n = static_cast<int>(next() % 60);
    for (int k = 0; k < n; ++k) in += pieces[next() % std::size(pieces)];
    Report r;
    d->Analyze(in, &r);
    CheckReport(in, r);
    if (::testing::Test::HasFailure()) {
      ADD_FAILURE() << "input: " << ::testing::PrintToString(in);
      break;
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Former bugs.

TEST(Detector, LeadingSentenceCutLeavesNoDanglingSpace) {
  // A spam sentence cut from the start of a paragraph used to leave the space after it, so
  // the paragraph began with " Fishermen said ...". Fixed in detector.cc (a leading span takes
  // the space after it).
  const std::string in =
      "Harbour Reopens\n"
      "\n"
      "The harbour reopened on Tuesday after the storm damaged two piers and a warehouse. "
      "Engineers said repairs to the outer wall would take another month.\n"
      "\n"
      "Buy cheap viagra online without prescription at http://pills.example.com today. "
      "Fishermen said they were relieved to return to work after a fortnight ashore.\n"
      "\n"
      "The council will meet on Friday to discuss the cost of the repairs.\n";
  auto d = Make();
  Report r;
  d->Analyze(in, &r);
  CheckReport(in, r);
  const std::string out = Clean(in, r);
  ASSERT_EQ(out.find("viagra"), std::string::npos) << ReportToJson(in, r);
  EXPECT_NE(out.find("\n\nFishermen said they were relieved"), std::string::npos) << out;
  for (size_t k = 1; k < out.size(); ++k) {
    EXPECT_FALSE(out[k - 1] == '\n' && out[k] == ' ') << "dangling space at " << k << ": " << out;
  }
}

// The publisher's copyright notice ending an article reads to the model like the footer of a
// spam e-mail (furniture.h): it is flagged, not stripped, when it ends the article, and cut as
// any foreign line amid the story.
TEST(Detector, CopyrightNoticeEndingTheArticleIsKept) {
  std::ifstream in(std::string(SPAMSTRIP_CORPUS_DIR) + "/police_convoy.txt", std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  const std::string article = ss.str();
  ASSERT_FALSE(article.empty());
  const std::string notice = "Copyright 2026 Harbour Gazette. All rights reserved.";
  auto d = Make();
  Report r;
  const std::string at_end = article + "\n" + notice + "\n";
  d->Analyze(at_end, &r);
  CheckReport(at_end, r);
  // What goes is what goes without the notice (the injected casino sentence).
  const std::string cleaned = Clean(at_end, r);
  ASSERT_GE(cleaned.size(), notice.size() + 1);
  EXPECT_EQ(cleaned.substr(cleaned.size() - notice.size() - 1), notice + "\n");
  Report plain;
  d->Analyze(article, &plain);
  EXPECT_EQ(cleaned, Clean(article, plain) + "\n" + notice + "\n");
  const BlockReport& last = r.blocks.back();
  ASSERT_EQ(at_end.substr(last.block.start, last.block.end - last.block.start), notice);
  EXPECT_EQ(last.block.decision, Decision::kFlag);
  ASSERT_FALSE(last.block.reasons.empty());
  EXPECT_EQ(last.block.reasons.back().source, "hold");
  EXPECT_EQ(last.block.reasons.back().name, "copyright_notice");
  // The same line after the first paragraph is someone else's notice.
  const size_t cut = article.find("\n\n") + 2;
  const std::string amid = article.substr(0, cut) + notice + "\n\n" + article.substr(cut);
  d->Analyze(amid, &r);
  EXPECT_EQ(Clean(amid, r).find(notice), std::string::npos);
}

// A heading-like line amid the story (right after a paragraph, past the first two blocks) whose
// own words read as spam is judged as a paragraph there is, at the strip threshold, with or
// without a title; the same line under the title, where a subtitle stands, is held to the
// heading bar unless it ends in the middle of a sentence or opens in lower case (dangling_line.h,
// the latter whatever its words); above the title, a
// line none of whose words the story uses is not the title; a plain subheading stays.
TEST(Detector, SpamHeadingAmidTheStoryIsStripped) {
  const std::string title = "Harbour council approves new ferry timetable\n\n";
  const std::string first =
      "The Westmere harbour council voted on Tuesday to approve a revised ferry timetable that "
      "adds two early crossings on weekdays, after months of complaints from commuters who said "
      "the first boat left too late for them to reach work on time.\n\n"
      "Council member Ruth Adeyemi, who chaired the transport committee, said the change would "
      "cost the operator about 40,000 pounds a year in extra crew wages and fuel, and that the "
      "council had agreed to cover half of that for the first two years.\n\n";
  const std::string rest =
      "Commuters who spoke to the Gazette at the terminal on Wednesday morning welcomed the "
      "decision, although several said the evening service also needed attention because the "
      "last crossing often runs full in summer.\n\n"
      "The operator said it would review the evening timetable in the autumn and publish "
      "passenger figures for the new crossings after three months.\n";
  // A line the model scores between the strip threshold and the heading bar (0.91 with the
  // shipped model), so that which of the two it is held to decides.
  std::string line = "Lowest premiums on platinum home cover";
  auto d = Make();
  auto decision_of_line = [&](const std::string& text) {
    Report r;
    d->Analyze(text, &r);
    CheckReport(text, r);
    for (const BlockReport& b : r.blocks) {
      if (text.substr(b.block.start, b.block.end - b.block.start) != line) continue;
      EXPECT_EQ(b.kind, BlockKind::kHeading);
      return b.block.decision;
    }
    ADD_FAILURE() << "no block is the line";
    return Decision::kKeep;
  };
  EXPECT_EQ(decision_of_line(title + first + line + "\n\n" + rest), Decision::kStrip);
  EXPECT_EQ(decision_of_line(first + line + "\n\n" + rest), Decision::kStrip);
  EXPECT_EQ(decision_of_line(title + line + "\n\n" + first + rest), Decision::kFlag);
  // After an injected paragraph under the title, it still follows the title.
  const std::string injected =
      "Buy cheap viagra online without a prescription at www.pills-direct.example today!\n\n";
  EXPECT_EQ(decision_of_line(title + injected + line + "\n\n" + first + rest), Decision::kFlag);
  // Above the title, a line whose words the story never uses is not the title.
  line = "Premium protection plans for smart homeowners";
  EXPECT_EQ(decision_of_line(line + "\n\n" + title + first + rest), Decision::kStrip);
  // Under the title too, a line that ends in the middle of a sentence is no subtitle.
  line = "Lowest premiums on platinum home cover";
  line += " and";
  EXPECT_EQ(decision_of_line(title + line + "\n\n" + first + rest), Decision::kStrip);
  // Nor is one that opens in lower case, as a comment or a line of running text does.
  line = "lowest premiums on platinum home cover";
  EXPECT_EQ(decision_of_line(title + line + "\n\n" + first + rest), Decision::kStrip);
  const std::string sub = "Evening service under review\n\n";
  const std::string with_sub = title + first + sub + rest;
  Report r;
  d->Analyze(with_sub, &r);
  EXPECT_EQ(Clean(with_sub, r), with_sub);
}

// A title or caption never holds a URL with a scheme, "www." or a path, an e-mail address or a
// machine-made token: a line that does is judged at the strip threshold, not held to the heading
// bar (set here so high that a held line is never stripped), while a title naming a bare host name
// is still a title.
TEST(Detector, HeadingHoldingAnAddressIsNoTitle) {
  Options o;
  o.heading_threshold = 1.0;
  auto d = Make(o);
  const std::string title = "Amazon.com posts record quarterly profit as cloud sales climb\n\n";
  const std::string story =
      "SEATTLE, Oct 27 - Amazon.com Inc reported a record quarterly profit on Thursday, helped by "
      "strong demand for its cloud computing services and a busy holiday season in its retail "
      "business.\n\n"
      "Net income rose to 9.9 billion dollars from 2.9 billion a year earlier, the company said, "
      "beating the average analyst estimate.\n\n"
      "Sales at Amazon Web Services grew 12 percent, a slower pace than last year, as business "
      "customers continued to trim their technology budgets.\n";
  auto judge = [&](const std::string& line) {
    const std::string text = title + line + "\n\n" + story;
    Report r;
    d->Analyze(text, &r);
    CheckReport(text, r);
    EXPECT_EQ(r.blocks[0].block.decision, Decision::kKeep) << line;  // the title
    EXPECT_EQ(Clean(text, r).find(title), 0u);
    const BlockReport& b = r.blocks[1];
    EXPECT_EQ(text.substr(b.block.start, b.block.end - b.block.start), line);
    EXPECT_EQ(b.kind, BlockKind::kHeading) << line;
    // Spam by its words, at the strip threshold: what differs is the bar.
    EXPECT_TRUE(b.block.decision == Decision::kStrip ||
                (!b.block.reasons.empty() && b.block.reasons.back().name == "heading_bar"))
        << line;
    return b.block.decision;
  };
  EXPECT_EQ(judge("Mother's Day Roses from $19.99"), Decision::kFlag);
  EXPECT_EQ(judge("Mother's Day Roses from $19.99 www.roses-direct.example"), Decision::kStrip);
  EXPECT_EQ(judge("Mother's Day Roses from $19.99 https://roses-direct.example/sale"),
            Decision::kStrip);
  EXPECT_EQ(judge("Mother's Day Roses from $19.99 orders@roses-direct.example"), Decision::kStrip);
  EXPECT_EQ(judge("Mother's Day Roses from $19.99 roses-direct.com/sale"), Decision::kStrip);
  EXPECT_EQ(judge("Mother's Day Roses from $19.99 at roses-direct.com"), Decision::kFlag);
  // Nor a machine-made token (random_token.h); a product code is no such token.
  EXPECT_EQ(judge("Mother's Day Roses from $19.99 code Xk7pQ2mW9zLa"), Decision::kStrip);
  EXPECT_EQ(judge("Mother's Day Roses from $19.99 code XK7"), Decision::kFlag);
}

}  // namespace
}  // namespace spamstrip
