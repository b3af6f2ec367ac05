// Tests for spamstrip/report_json.h: the JSON report, JSONL result and error lines are valid
// JSON (also for invalid UTF-8 input), offsets are the input's bytes, removed text is present.
#include "spamstrip/report_json.h"

#include <gtest/gtest.h>

#include <limits>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "spamstrip/detector.h"
#include "utf8.h"

namespace spamstrip {
namespace {

using nlohmann::json;

json Parse(const std::string& s) {
  json j = json::parse(s, nullptr, /*allow_exceptions=*/false);
  EXPECT_FALSE(j.is_discarded()) << "not JSON: " << s;
  return j;
}

// Input: a heading, a paragraph with a spam sentence (span cut), a spam line (block cut).
const std::string kInput =
    "Harbour News\n"  // [0, 12)
    "\n"
    "The ferry left at noon. Buy cheap pills now!\n"  // [14, 58), span [38, 58)
    "Visit http://spam.example for casino bonus\n";   // [59, 101)

Report MakeReport() {
  Report r;
  r.threshold = 0.6;
  r.flag_threshold = 0.35;
  r.blocks.resize(3);
  r.blocks[0].kind = BlockKind::kHeading;
  r.blocks[0].paragraph = 0;
  r.blocks[0].block = Finding{0, 12, 0.01, Decision::kKeep, "", {}};
  r.blocks[1].kind = BlockKind::kLine;
  r.blocks[1].paragraph = 1;
  r.blocks[1].block = Finding{14, 58, 0.2, Decision::kKeep, "", {}};
  r.blocks[1].spans.push_back(Finding{38,
                                      58,
                                      0.91,
                                      Decision::kStrip,
                                      "pharma",
                                      {Reason{"rule", "pharma.cheap", 3.0, "cheap pills"},
                                       Reason{"feature", "novelty", 1.23456, "0.8"}}});
  r.blocks[2].kind = BlockKind::kLine;
  r.blocks[2].paragraph = 1;
  r.blocks[2].block = Finding{59, 101, 0.4, Decision::kFlag, "casino", {}};
  r.removed.push_back(Report::Removal{37, 58, 1, 0});  // the span plus the space before it
  r.stripped_any = true;
  r.flagged_any = true;
  return r;
}

TEST(ReportJson, TopLevelFields) {
  json j = Parse(ReportToJson(kInput, MakeReport()));
  EXPECT_DOUBLE_EQ(j["threshold"].get<double>(), 0.6);
  EXPECT_DOUBLE_EQ(j["flag_threshold"].get<double>(), 0.35);
  EXPECT_EQ(j["bytes"].get<size_t>(), kInput.size());
  EXPECT_TRUE(j["stripped"].get<bool>());
  EXPECT_TRUE(j["flagged"].get<bool>());
  ASSERT_TRUE(j["blocks"].is_array());
  EXPECT_EQ(j["blocks"].size(), 3u);
}

TEST(ReportJson, BlocksCarryRangeKindScoreDecision) {
  json j = Parse(ReportToJson(kInput, MakeReport()));
  const json& b0 = j["blocks"][0];
  EXPECT_EQ(b0["start"], 0);
  EXPECT_EQ(b0["end"], 12);
  EXPECT_EQ(b0["kind"], "heading");
  EXPECT_EQ(b0["paragraph"], 0);
  EXPECT_EQ(b0["decision"], "keep");
  EXPECT_DOUBLE_EQ(b0["score"].get<double>(), 0.01);
  EXPECT_FALSE(b0.contains("text"));  // kept blocks do not repeat the article
  const json& b2 = j["blocks"][2];
  EXPECT_EQ(b2["decision"], "flag");
  EXPECT_EQ(b2["category"], "casino");
  EXPECT_EQ(b2["text"], kInput.substr(59, 42));
}

TEST(ReportJson, SpansAndReasons) {
  json j = Parse(ReportToJson(kInput, MakeReport()));
  const json& spans = j["blocks"][1]["spans"];
  ASSERT_EQ(spans.size(), 1u);
  EXPECT_EQ(spans[0]["start"], 38);
  EXPECT_EQ(spans[0]["end"], 58);
  EXPECT_EQ(spans[0]["decision"], "strip");
  EXPECT_EQ(spans[0]["category"], "pharma");
  EXPECT_EQ(spans[0]["text"], "Buy cheap pills now!");
  const json& reasons = spans[0]["reasons"];
  ASSERT_EQ(reasons.size(), 2u);
  EXPECT_EQ(reasons[0]["source"], "rule");
  EXPECT_EQ(reasons[0]["name"], "pharma.cheap");
  EXPECT_DOUBLE_EQ(reasons[0]["value"].get<double>(), 3.0);
  EXPECT_EQ(reasons[0]["detail"], "cheap pills");
  EXPECT_EQ(reasons[1]["source"], "feature");
  EXPECT_NEAR(reasons[1]["value"].get<double>(), 1.235, 1e-9);  // rounded to 3 places
}

TEST(ReportJson, RemovedRangesWithText) {
  json j = Parse(ReportToJson(kInput, MakeReport()));
  const json& rm = j["removed"];
  ASSERT_EQ(rm.size(), 1u);
  EXPECT_EQ(rm[0]["start"], 37);
  EXPECT_EQ(rm[0]["end"], 58);
  EXPECT_EQ(rm[0]["text"], " Buy cheap pills now!");
  EXPECT_EQ(rm[0]["category"], "pharma");
  EXPECT_DOUBLE_EQ(rm[0]["score"].get<double>(), 0.91);
  EXPECT_EQ(rm[0]["reasons"].size(), 2u);
}

TEST(ReportJson, CompactWhenIndentNegative) {
  const std::string s = ReportToJson(kInput, MakeReport(), -1);
  EXPECT_EQ(s.find('\n'), std::string::npos);
  Parse(s);
}

TEST(ReportJson, EmptyReport) {
  json j = Parse(ReportToJson("", Report()));
  EXPECT_EQ(j["bytes"], 0);
  EXPECT_TRUE(j["blocks"].empty());
  EXPECT_TRUE(j["removed"].empty());
  EXPECT_FALSE(j["stripped"].get<bool>());
}

TEST(ReportJson, InvalidUtf8InputYieldsValidJson) {
  // Bad bytes inside kept and removed text, and a removal that cuts a character in half.
  const std::string in = "Ok \xFF text.\n\xC3\xA9SPAM \xE2\x82 here\n";
  Report r;
  r.blocks.resize(2);
  r.blocks[0].block = Finding{0, 10, 0.1, Decision::kFlag, "", {Reason{"rule", "x", 1, "\xFF"}}};
  r.blocks[1].block = Finding{11, in.size() - 1, 0.9, Decision::kStrip, "other_spam", {}};
  r.removed.push_back(Report::Removal{12, in.size(), 1, -1});  // starts inside "\xC3\xA9"
  r.stripped_any = r.flagged_any = true;
  std::string s;
  ASSERT_NO_THROW(s = ReportToJson(in, r));
  EXPECT_EQ(FindInvalidUtf8(s), std::string::npos);
  json j = Parse(s);
  // Offsets still refer to the original bytes.
  EXPECT_EQ(j["removed"][0]["start"], 12);
  EXPECT_EQ(j["removed"][0]["end"], in.size());
  EXPECT_EQ(j["blocks"][0]["text"], "Ok \xEF\xBF\xBD text.");
  EXPECT_EQ(j["blocks"][0]["reasons"][0]["detail"], "\xEF\xBF\xBD");

  std::string line;
  ASSERT_NO_THROW(line = JsonlResult("\"doc-1\"", in, r));
  json l = Parse(line);
  EXPECT_EQ(l["id"], "doc-1");
  EXPECT_EQ(FindInvalidUtf8(line), std::string::npos);
}

TEST(ReportJson, JsonlResult) {
  const std::string line = JsonlResult("17", kInput, MakeReport());
  EXPECT_EQ(line.find('\n'), std::string::npos);
  json j = Parse(line);
  EXPECT_EQ(j["id"], 17);
  EXPECT_EQ(j["text"], Clean(kInput, MakeReport()));
  ASSERT_EQ(j["removed"].size(), 1u);
  const size_t a = j["removed"][0]["start"], b = j["removed"][0]["end"];
  EXPECT_EQ(j["removed"][0]["text"], kInput.substr(a, b - a));
  // The flagged (kept) block is listed too.
  ASSERT_EQ(j["flagged"].size(), 1u);
  EXPECT_EQ(j["flagged"][0]["start"], 59);
  EXPECT_EQ(j["flagged"][0]["decision"], "flag");
}

TEST(ReportJson, JsonlResultWithoutFindingsHasNoFlagged) {
  Report r;
  json j = Parse(JsonlResult("\"a\"", "clean text", r));
  EXPECT_EQ(j["text"], "clean text");
  EXPECT_TRUE(j["removed"].empty());
  EXPECT_FALSE(j.contains("flagged"));
}

// JsonlResult writes the line itself (not through a json object); it must be exactly what
// json::dump() writes for the same content: keys sorted, no spaces, the same escapes (control
// characters, quotes, backslashes; non-ASCII copied; invalid UTF-8 as U+FFFD).
TEST(ReportJson, JsonlResultIsTheCanonicalDump) {
  const std::vector<std::string> texts = {
      "",
      "plain",
      "quote \" backslash \\ slash / tab \t nl \n cr \r ff \f bs \b",
      std::string("nul \0 soh \x01 us \x1f del \x7f", 22),
      "caf\xC3\xA9 \xE2\x80\x9Cquoted\xE2\x80\x9D \xF0\x9F\x98\x80 \xEF\xBF\xBD",
      "bad \xFF \xC3 \xE2\x80 \xED\xA0\x80 end",
      kInput};
  for (const std::string& text : texts) {
    for (const Report& r : {Report(), MakeReport()}) {
      if (r.blocks.size() == 3 && text != kInput) continue;  // MakeReport's offsets are kInput's
      for (const std::string id : {"17", "\"a\\\"b\"", "1.5e3"}) {
        const std::string line = JsonlResult(id, text, r);
        const json j = Parse(line);
        EXPECT_EQ(j.dump(), line) << ::testing::PrintToString(text);
        EXPECT_EQ(j["text"], ToValidUtf8(Clean(text, r)));
        EXPECT_EQ(j["id"], json::parse(id));
        // The removals as the full report gives them; flagged findings as its blocks do.
        const json full = Parse(ReportToJson(text, r));
        EXPECT_EQ(j["removed"], full["removed"]);
        json flagged = json::array();
        for (const auto& b : full["blocks"]) {
          if (b["decision"] == "flag") {
            json f = b;
            f.erase("kind");
            f.erase("paragraph");
            f.erase("spans");
            flagged.push_back(f);
          }
          for (const auto& sp : b.value("spans", json::array())) {
            if (sp["decision"] == "flag") flagged.push_back(sp);
          }
        }
        EXPECT_EQ(j.value("flagged", json::array()), flagged);
      }
    }
  }
}

// Numbers are formatted as json::dump() formats them (shortest round trip, "1.0" for whole
// numbers, "-0.0", exponents, "null" for what is not finite), also when written directly.
TEST(ReportJson, NumbersAreWrittenAsJsonDumpWritesThem) {
  Report r = MakeReport();
  std::vector<Reason>& reasons = r.blocks[1].spans[0].reasons;
  reasons.clear();
  for (double v : {0.0, -0.0, 1.0, -3.5, 0.1, 1e-7, 2.5e-3, 12345.678, 1e17, 1e22, -1e300, 1e300,
                   std::numeric_limits<double>::quiet_NaN(),
                   std::numeric_limits<double>::infinity(), 4.9e-324}) {
    reasons.push_back(Reason{"feature", "x", v, ""});
  }
  for (double score : {0.91, 1.0, 0.0, 0.33333333333}) {
    r.blocks[1].spans[0].score = score;
    const std::string line = JsonlResult("1", kInput, r);
    EXPECT_EQ(Parse(line).dump(), line);
    const std::string report = ReportToJson(kInput, r, -1);
    EXPECT_EQ(Parse(report).dump(), report);
  }
}

TEST(ReportJson, JsonlError) {
  json j = Parse(JsonlError("", 7, "malformed JSON"));
  EXPECT_TRUE(j["id"].is_null());
  EXPECT_EQ(j["line"], 7);
  EXPECT_EQ(j["error"], "malformed JSON");
  j = Parse(JsonlError("\"x\"", 3, "bad \xFF byte"));
  EXPECT_EQ(j["id"], "x");
  EXPECT_EQ(j["error"], "bad \xEF\xBF\xBD byte");
}

TEST(ReportJson, DetectorReportRoundTrip) {
  // The real detector's report on a page with a spam line: offsets in the JSON match the input.
  std::unique_ptr<Detector> d;
  ASSERT_TRUE(Detector::Create(Options(), &d).ok());
  const std::string in =
      "Council Approves Budget\n\nThe council approved the budget on Monday after a long "
      "debate about road repairs and school meals.\n\nbuy cipro online "
      "https://pills.example/cipro.html no prescription pharmacy\n\nThe mayor said the vote "
      "was a relief for residents.\n";
  Report r;
  d->Analyze(in, &r);
  json j = Parse(ReportToJson(in, r));
  ASSERT_EQ(j["blocks"].size(), r.blocks.size());
  for (size_t i = 0; i < r.blocks.size(); ++i) {
    EXPECT_EQ(j["blocks"][i]["start"], r.blocks[i].block.start);
    EXPECT_EQ(j["blocks"][i]["end"], r.blocks[i].block.end);
  }
  for (const json& rm : j["removed"]) {
    const size_t a = rm["start"], b = rm["end"];
    EXPECT_EQ(rm["text"], in.substr(a, b - a));
  }
}

}  // namespace
}  // namespace spamstrip
