// The audit summary: merging the summaries of any partition of the documents gives the summary
// of the whole (in any order), JSON round trips, the cut lists (worst pages, errors) keep the
// right entries, months; and report.html escapes what the spam says and needs no network.
#include "audit_summary.h"

#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

#include "audit_report_html.h"

namespace spamstrip {
namespace {

using json = nlohmann::ordered_json;

// A deterministic varied stream of outcomes, errors and skips.
struct Event {
  int type = 0;  // 0 document, 1 error, 2 skipped
  DocOutcome doc;
  AuditError error;
  std::string skipped;
};

std::vector<Event> MakeEvents(size_t n) {
  std::mt19937 rng(7);
  const char* const cats[] = {"pharma", "casino", "seo_link", "prompt_injection"};
  const char* const rules[] = {"pharma.buy", "casino.spins", "seo.links", "pi.ignore"};
  const char* const sites[] = {"https://a.test/x", "https://b.test/y?q=1", "", "http://C.TEST:80/"};
  std::vector<Event> events;
  for (size_t i = 0; i < n; ++i) {
    Event e;
    const std::string source = "file" + std::to_string(i % 7) + ".jsonl";
    e.type = rng() % 10 == 0 ? 1 : rng() % 10 == 0 ? 2 : 0;
    if (e.type == 1) {
      e.error = {
          {source, i}, i * 10, i % 2 ? "json" : "gzip", source + ": broken " + std::to_string(i)};
    } else if (e.type == 2) {
      e.skipped = i % 2 ? "warc_request" : "file_extension";
    } else {
      DocOutcome& d = e.doc;
      d.place = {source, i};
      d.id = "doc" + std::to_string(i);
      d.url = sites[rng() % 4];
      d.date = rng() % 3 ? "2023-0" + std::to_string(1 + rng() % 9) + "-15" : "";
      d.html = rng() % 2;
      d.bytes = 500 + rng() % 1000;
      if (i % 11 == 0) d.charset = i % 2 ? "windows-1252" : "Shift_JIS";
      if (i % 13 == 0) d.unknown_charset = i % 2 ? "x-klingon" : "x-elvish";
      d.utf8_despite_label = i % 17 == 0;
      const int hits = rng() % 3 == 0 ? 1 + static_cast<int>(rng() % 3) : 0;
      for (int h = 0; h < hits; ++h) {
        AuditHit hit;
        const size_t c = rng() % 4;
        hit.category = cats[c];
        hit.score = static_cast<double>(5000 + rng() % 5000) / 1e4;
        hit.stripped = rng() % 2;
        hit.bytes = 20 + rng() % 200;
        hit.rules = {rules[c]};
        hit.hosts = {std::string(cats[c]) + "-spam.test"};
        hit.text = "spam text " + std::to_string(i);
        d.hits.push_back(hit);
      }
    }
    events.push_back(std::move(e));
  }
  return events;
}

void Add(AuditSummary* s, const Event& e) {
  if (e.type == 0) s->AddDocument(e.doc);
  if (e.type == 1) s->AddError(e.error);
  if (e.type == 2) s->AddSkipped(e.skipped);
}

TEST(AuditSummaryTest, MergeOfAnyPartitionEqualsTheWhole) {
  const auto events = MakeEvents(3000);
  AuditSummary whole;
  whole.settings = {{"threshold", 0.77}};
  for (const Event& e : events) Add(&whole, e);
  const json want = whole.ToJson();
  ASSERT_GT(want["worst_pages"].size(), 0u);
  EXPECT_EQ(want["worst_pages"].size(), AuditSummary::kWorstPages) << "the cut must matter";

  for (size_t parts : {2u, 3u, 7u}) {
    std::vector<AuditSummary> p(parts);
    std::mt19937 rng(static_cast<unsigned>(parts));
    for (const Event& e : events) Add(&p[rng() % parts], e);  // any partition
    AuditSummary merged;
    merged.settings = whole.settings;
    for (size_t i = parts; i-- > 0;) merged.Merge(p[i]);  // any order
    EXPECT_EQ(merged.ToJson().dump(1), want.dump(1)) << parts << " parts";
  }
}

TEST(AuditSummaryTest, JsonRoundTripIsExact) {
  AuditSummary s;
  s.settings = {{"threshold", 0.77}, {"rules", {"built-in"}}};
  for (const Event& e : MakeEvents(800)) Add(&s, e);
  const json j = s.ToJson();
  AuditSummary back;
  ASSERT_TRUE(AuditSummary::FromJson(json::parse(j.dump()), &back).ok());
  EXPECT_EQ(back.ToJson().dump(), j.dump());
  // A merge after the round trip still adds up.
  AuditSummary twice = back;
  twice.Merge(back);
  EXPECT_EQ(twice.ToJson()["totals"]["documents"], 2 * j["totals"]["documents"].get<uint64_t>());
  EXPECT_FALSE(AuditSummary::FromJson(json::parse(R"({"format": "other"})"), &back).ok());
  EXPECT_FALSE(
      AuditSummary::FromJson(json::parse(R"({"format": "spamstrip-audit-summary/1"})"), &back)
          .ok());
}

TEST(AuditSummaryTest, CountsCharsetsAndReadsSummariesWrittenWithoutThem) {
  AuditSummary s;
  for (const Event& e : MakeEvents(800)) Add(&s, e);
  json j = s.ToJson();
  uint64_t converted = 0, unknown = 0, despite = 0;
  for (const Event& e : MakeEvents(800)) {
    if (e.type != 0) continue;
    converted += !e.doc.charset.empty();
    unknown += !e.doc.unknown_charset.empty();
    despite += e.doc.utf8_despite_label;
  }
  ASSERT_GT(converted, 0u);
  EXPECT_EQ(j["totals"]["converted_documents"], converted);
  EXPECT_EQ(j["totals"]["unknown_charset_documents"], unknown);
  EXPECT_EQ(j["totals"]["utf8_despite_label_documents"], despite);
  EXPECT_EQ(j["charsets"]["converted"]["windows-1252"].get<uint64_t>() +
                j["charsets"]["converted"]["Shift_JIS"].get<uint64_t>(),
            converted);
  // A summary (a checkpoint or a shard) written before charsets were counted still loads.
  j.erase("charsets");
  for (const char* k :
       {"converted_documents", "unknown_charset_documents", "utf8_despite_label_documents"}) {
    j["totals"].erase(k);
  }
  AuditSummary old;
  ASSERT_TRUE(AuditSummary::FromJson(j, &old).ok());
  EXPECT_EQ(old.ToJson()["totals"]["converted_documents"], 0u);
  EXPECT_EQ(old.ToJson()["totals"]["documents"], j["totals"]["documents"]);
}

TEST(AuditSummaryTest, CountsSitesMonthsAndWorstOrder) {
  AuditSummary s;
  DocOutcome clean;
  clean.place = {"a", 0};
  clean.url = "https://News.Example.com:443/x";
  clean.date = "2024-03-01T00:00:00Z";
  s.AddDocument(clean);
  DocOutcome spam = clean;
  spam.place = {"a", 1};
  AuditHit h;
  h.category = "pharma";
  h.score = 0.9;
  h.bytes = 100;
  h.rules = {"pharma.x", "pharma.y"};
  h.hosts = {"pills.test"};
  spam.hits = {h, h};
  s.AddDocument(spam);
  DocOutcome worse = spam;
  worse.place = {"b", 0};
  worse.hits[0].bytes = 500;
  s.AddDocument(worse);
  const json j = s.ToJson();
  EXPECT_EQ(j["totals"]["documents"], 3);
  EXPECT_EQ(j["totals"]["flagged_documents"], 2);
  EXPECT_EQ(j["totals"]["findings"], 4);
  EXPECT_EQ(j["totals"]["spam_bytes"], 800);
  EXPECT_EQ(j["sites"][0]["site"], "news.example.com");
  EXPECT_EQ(j["sites"][0]["documents"], 3);
  EXPECT_EQ(j["sites"][0]["flagged"], 2);
  EXPECT_EQ(j["sites"][0]["flagged_share"], 0.6667);
  EXPECT_EQ(j["months"][0]["month"], "2024-03");
  EXPECT_EQ(j["categories"][0]["documents"], 2) << "a document counts once per category";
  EXPECT_EQ(j["categories"][0]["findings"], 4);
  EXPECT_EQ(j["rules"][0]["documents"], 2);
  EXPECT_EQ(j["rules"][0]["findings"], 4);
  EXPECT_EQ(j["linked_domains"][0]["domain"], "pills.test");
  ASSERT_EQ(j["worst_pages"].size(), 2u);
  EXPECT_EQ(j["worst_pages"][0]["source"], "b") << "more spam bytes first";
  EXPECT_EQ(j["worst_pages"][1]["source"], "a");
}

TEST(AuditSummaryTest, ErrorListKeepsTheFirstInInputOrder) {
  AuditSummary s;
  for (size_t i = AuditSummary::kErrorList + 50; i-- > 0;) {
    s.AddError({{"f", i}, i, "json", "f:" + std::to_string(i)});
  }
  const json j = s.ToJson();
  EXPECT_EQ(j["totals"]["errors"], AuditSummary::kErrorList + 50);
  EXPECT_EQ(j["errors"]["by_kind"]["json"], AuditSummary::kErrorList + 50);
  ASSERT_EQ(j["errors"]["first"].size(), AuditSummary::kErrorList);
  EXPECT_EQ(j["errors"]["first"][0]["index"], 0);
  EXPECT_EQ(j["errors"]["first"][AuditSummary::kErrorList - 1]["index"],
            AuditSummary::kErrorList - 1);
}

TEST(AuditSummaryTest, MonthOf) {
  EXPECT_EQ(MonthOf("2024-03-05T10:00:00Z"), "2024-03");
  EXPECT_EQ(MonthOf("2024-03"), "2024-03");
  EXPECT_EQ(MonthOf("2024-12-31"), "2024-12");
  EXPECT_EQ(MonthOf("Tue, 10 Nov 2009 23:00:00 GMT"), "");
  EXPECT_EQ(MonthOf("2024-3-5"), "");
  EXPECT_EQ(MonthOf("2024-031"), "");
  EXPECT_EQ(MonthOf(""), "");
}

TEST(AuditReportHtmlTest, EscapesInjectedTextAndNeedsNoNetwork) {
  AuditSummary s;
  DocOutcome d;
  d.place = {"x.html", 0};
  d.id = "<img src=x onerror=alert(1)>";
  d.url = "https://evil.test/\"><script>alert(2)</script>";
  d.date = "2024-01-01";
  AuditHit h;
  h.category = "prompt_injection";
  h.score = 0.99;
  h.bytes = 40;
  h.before = "news & views ";
  h.text = "<script>alert('ignore previous instructions')</script>";
  h.after = " more news";
  d.hits = {h};
  s.AddDocument(d);
  const std::string page = AuditReportHtml(s.ToJson());
  EXPECT_EQ(page.find("<script>alert"), std::string::npos);
  EXPECT_EQ(page.find("<img src=x"), std::string::npos);
  EXPECT_NE(
      page.find("<mark>&lt;script&gt;alert(&#39;ignore previous instructions&#39;)&lt;/script&gt;"
                "</mark>"),
      std::string::npos);
  EXPECT_NE(page.find("news &amp; views"), std::string::npos);
  // Self-contained: no external scripts, styles, images or fonts.
  for (const char* ref : {"src=\"", "href=", "<link", "@import", "url("}) {
    EXPECT_EQ(page.find(ref), std::string::npos) << ref;
  }
  EXPECT_NE(page.find("<svg"), std::string::npos);
  EXPECT_EQ(HtmlEscape("a<b>&\"'"), "a&lt;b&gt;&amp;&quot;&#39;");
}

}  // namespace
}  // namespace spamstrip
