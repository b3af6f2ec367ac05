// HandleClean: what `spamstrip serve` answers, checked against the library's own Analyze and
// Clean on the corpus pages, and its errors.
#include "clean_service.h"

#include <gtest/gtest.h>

#include <memory>
#include <nlohmann/json.hpp>
#include <string>

#include "charset_fixtures.h"
#include "spamstrip/detector.h"
#include "spamstrip/report.h"
#include "test_files.h"

namespace spamstrip {
namespace {

using nlohmann::json;
using testing::BytesMinus;
using testing::Encode;
using testing::HarbourCharsetPage;
using testing::JapanesePage;
using testing::kCasinoLine;
using testing::kHarbourSpamLine;
using testing::ReadWholeFile;

class CleanServiceTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { ASSERT_TRUE(Detector::Create(Options(), &detector_).ok()); }
  static void TearDownTestSuite() { detector_.reset(); }

  static json Call(const std::string& content_type, const std::string& body,
                   const std::string& format = "auto", int want_status = 200) {
    CleanRequest r;
    r.content_type = content_type;
    r.body = body;
    r.format = format;
    CleanResponse out = HandleClean(*detector_, r);
    EXPECT_EQ(out.status, want_status) << out.body;
    return json::parse(out.body);
  }
  static std::string Corpus(const std::string& name) {
    return ReadWholeFile(std::string(SPAMSTRIP_CORPUS_DIR) + "/" + name);
  }

  static std::unique_ptr<Detector> detector_;
};

std::unique_ptr<Detector> CleanServiceTest::detector_;

TEST_F(CleanServiceTest, TextArticleCleanedAsTheLibraryCleansIt) {
  const std::string page = Corpus("antibiotic_shortage.txt");
  const json out = Call("text/plain; charset=utf-8", page);
  Report want;
  detector_->Analyze(page, &want);
  EXPECT_EQ(out["format"], "text");
  EXPECT_EQ(out["text"], Clean(page, want));
  EXPECT_TRUE(out["stripped"].get<bool>());
  ASSERT_EQ(out["removed"].size(), want.removed.size());
  for (size_t i = 0; i < want.removed.size(); ++i) {
    EXPECT_EQ(out["removed"][i]["start"], want.removed[i].start);
    EXPECT_EQ(out["removed"][i]["end"], want.removed[i].end);
  }
  // The injected pharmacy lines are gone, the reporting on the shortage stays.
  const std::string cleaned = out["text"];
  EXPECT_EQ(cleaned.find("cipro-rx-store.example"), std::string::npos);
  EXPECT_NE(cleaned.find("Hospitals Ration Antibiotics"), std::string::npos);
  // Every block is in the report, with its reasons.
  ASSERT_TRUE(out.contains("report"));
  EXPECT_EQ(out["report"]["blocks"].size(), want.blocks.size());
  EXPECT_FALSE(out.contains("id"));
}

TEST_F(CleanServiceTest, HtmlPageInAJsonBodyKeepsItsIdAndUrl) {
  const std::string page = Corpus("html/harbour_dredging.html");
  const json out =
      Call("application/json",
           json{{"id", 42}, {"html", page}, {"url", "https://harbour.example/news/1"}}.dump());
  Report want;
  detector_->AnalyzeHtml(page, "https://harbour.example/news/1", &want);
  EXPECT_EQ(out["id"], 42);
  EXPECT_EQ(out["format"], "html");
  EXPECT_EQ(out["html"], Clean(page, want));
  EXPECT_EQ(out["article_text"], want.article_text);
  const std::string cleaned = out["html"];
  EXPECT_EQ(cleaned.find("pharmacy-cheap-meds.example"), std::string::npos);
}

TEST_F(CleanServiceTest, ContentTypeAndFormatChooseTheReading) {
  const std::string markup = "<p>The council met on Monday.</p>";
  EXPECT_EQ(Call("text/html", markup)["format"], "html");
  EXPECT_EQ(Call("text/plain", markup)["format"], "html") << "auto: it looks like HTML";
  EXPECT_EQ(Call("text/plain", markup, "text")["format"], "text");
  EXPECT_EQ(Call("text/plain", markup, "text")["text"], markup);
  EXPECT_EQ(Call("application/json", json{{"text", markup}}.dump())["format"], "text");
}

TEST_F(CleanServiceTest, ReportCanBeLeftOut) {
  CleanRequest r;
  r.content_type = "text/plain";
  r.body = Corpus("antibiotic_shortage.txt");
  r.report = false;
  const json out = json::parse(HandleClean(*detector_, r).body);
  EXPECT_FALSE(out.contains("report"));
  EXPECT_FALSE(out["removed"].empty());
}

TEST_F(CleanServiceTest, InvalidUtf8IsAWarningAndTheBytesStay) {
  const std::string text = "The mayor spoke \xFF\xC3 on Monday about the harbour.\n";
  const json out = Call("text/plain", text);
  ASSERT_TRUE(out.contains("warnings"));
  EXPECT_NE(out["warnings"][0].get<std::string>().find("byte 16"), std::string::npos)
      << out["warnings"];
}

TEST_F(CleanServiceTest, BadRequestsSayWhatIsWrong) {
  EXPECT_NE(Call("application/json", "{\"text\": ", "auto", 400)["error"].get<std::string>().find(
                "not a JSON object"),
            std::string::npos);
  EXPECT_NE(
      Call("application/json", "{\"body\": \"x\"}", "auto", 400)["error"].get<std::string>().find(
          "\"text\" or \"html\""),
      std::string::npos);
  EXPECT_NE(Call("image/png", "x", "auto", 415)["error"].get<std::string>().find("image/png"),
            std::string::npos);
  EXPECT_NE(Call("text/plain", "x", "pdf", 400)["error"].get<std::string>().find("pdf"),
            std::string::npos);
}

// An HTML body declared in another charset is analysed decoded, as `audit` reads it; the offsets
// are bytes of the body as posted and "html" is the cleaned page in UTF-8.
TEST_F(CleanServiceTest, Windows1252PageDeclaredByTheContentType) {
  // No <meta>: the request's Content-Type says it, as a WARC record's header does for audit. A
  // <meta> saying otherwise loses to it.
  for (const std::string head : {"", "<meta charset=\"utf-8\">"}) {
    const std::string page = Encode(HarbourCharsetPage(head), "windows-1252");
    const std::string spam = Encode(kHarbourSpamLine, "windows-1252");
    const size_t at = page.find(spam);
    ASSERT_NE(at, std::string::npos);
    const json out = Call("text/html; charset=windows-1252", page);
    EXPECT_EQ(out["format"], "html");
    EXPECT_EQ(out["charset"], "windows-1252");
    EXPECT_FALSE(out.contains("warnings")) << out["warnings"];
    ASSERT_EQ(out["removed"].size(), 1u) << out["removed"].dump();
    const size_t s = out["removed"][0]["start"], e = out["removed"][0]["end"];
    EXPECT_LE(s, at);
    EXPECT_GE(e, at + spam.size());
    EXPECT_NE(out["removed"][0]["text"].get<std::string>().find(kHarbourSpamLine),
              std::string::npos);
    // The page's bytes minus the removed ranges are the cleaned page, in windows-1252.
    const std::string cleaned = BytesMinus(page, out["removed"]);
    EXPECT_EQ(cleaned.size(), page.size() - spam.size() - (e - s - spam.size()));
    EXPECT_EQ(Encode(out["html"].get<std::string>(), "windows-1252"), cleaned);
    EXPECT_NE(out["article_text"].get<std::string>().find("d\u00e9bat about costs \u2014"),
              std::string::npos);
    // The per-block report is in the body's bytes too.
    EXPECT_EQ(out["report"]["bytes"], page.size());
    ASSERT_EQ(out["report"]["removed"].size(), 1u);
    EXPECT_EQ(out["report"]["removed"][0]["start"], s);
    EXPECT_EQ(out["report"]["removed"][0]["end"], e);
  }
}

TEST_F(CleanServiceTest, ShiftJisPageDeclaredByMetaButNeverAJsonString) {
  const std::string page = Encode(JapanesePage("<meta charset=\"Shift_JIS\">"), "Shift_JIS");
  const size_t at = page.find(kCasinoLine);
  ASSERT_NE(at, std::string::npos);
  const json out = Call("text/html", page);
  EXPECT_EQ(out["charset"], "Shift_JIS");
  EXPECT_FALSE(out.contains("warnings"));
  ASSERT_EQ(out["removed"].size(), 1u) << out["removed"].dump();
  EXPECT_EQ(Encode(out["html"].get<std::string>(), "Shift_JIS"), BytesMinus(page, out["removed"]));
  EXPECT_EQ(out["html"].get<std::string>().find("casino"), std::string::npos);
  // In a JSON body the page is a Unicode string already: its <meta> is not looked at.
  const std::string utf8 = JapanesePage("<meta charset=\"Shift_JIS\">");
  const json in_json = Call("application/json", json{{"html", utf8}}.dump());
  EXPECT_FALSE(in_json.contains("charset"));
  Report want;
  detector_->AnalyzeHtml(utf8, "", &want);
  EXPECT_EQ(in_json["html"], Clean(utf8, want));
}

TEST_F(CleanServiceTest, UnknownCharsetLabelIsReadAsUtf8AndNamed) {
  const std::string page = HarbourCharsetPage("<meta charset=\"x-martian-7\">");
  const json out = Call("text/html", page);
  EXPECT_FALSE(out.contains("charset"));
  EXPECT_EQ(out["charset_unknown"], "x-martian-7");
  Report want;
  detector_->AnalyzeHtml(page, "", &want);
  EXPECT_EQ(out["html"], Clean(page, want));
  EXPECT_EQ(out["html"].get<std::string>().find("cipro"), std::string::npos);
}

}  // namespace
}  // namespace spamstrip
