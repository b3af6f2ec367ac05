// End-to-end tests of charset decoding in `spamstrip audit`: pages in windows-1252 (declared by
// the HTTP header of a WARC record, or by a <meta> in a .html file) and Shift_JIS (by <meta>)
// are analysed as decoded UTF-8, and every finding's and removal's range is a byte range of the
// original body that holds exactly the injected line; UTF-8 pages with a wrong or an unknown
// label and JSONL "html" strings are read as UTF-8 with the offsets of a correctly labelled page.
// The non-UTF-8 bytes are made here with ICU (charset_fixtures.h). Spam lines and articles were
// written for this project.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "audit_fixtures.h"
#include "charset_fixtures.h"
#include "shell.h"
#include "temp_dir.h"

namespace spamstrip {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;
using testing::Encode;
using testing::ExitCode;
using testing::HarbourCharsetPage;
using testing::HttpMessage;
using testing::JapanesePage;
using testing::kCasinoLine;
using testing::kHarbourSpamLine;
using testing::MakeWarcRecord;
using testing::Quote;
using testing::ReadWholeFile;
using testing::ResponseRecord;

// A Korean news page with the same casino line.
std::string KoreanPage() {
  return "<!DOCTYPE html>\n<html lang=\"ko\"><head><title>\ud56d\uad6c \uc7ac\uac1c\ubc1c"
         "</title></head>\n<body><article><h1>\uc2dc\uc758\ud68c, \ud56d\uad6c \uc7ac\uac1c\ubc1c "
         "\uacc4\ud68d \uc2b9\uc778</h1>\n"
         "<p>\uc2dc\uc758\ud68c\ub294 \uc6d4\uc694\uc77c \uae34 \ub17c\uc758 \ub05d\uc5d0 "
         "\ud56d\uad6c \uc7ac\uac1c\ubc1c \uacc4\ud68d\uc744 \uc2b9\uc778\ud588\ub2e4. "
         "\uacf5\uc0ac\ub294 2\ub144\uc774 \uac78\ub9b4 \uac83\uc73c\ub85c "
         "\uc608\uc0c1\ub41c\ub2e4.</p>\n" +
         std::string(kCasinoLine) +
         "\n<p>\uc8fc\ubbfc\ub4e4\uc740 \uacb0\uc815\uc744 \ud658\uc601\ud588\uc9c0\ub9cc "
         "\uc18c\uc74c\uacfc \uad50\ud1b5 \uccb4\uc99d\uc744 \uac71\uc815\ud558\ub294 "
         "\ubaa9\uc18c\ub9ac\ub3c4 \uc788\uc5c8\ub2e4.</p>\n</article></body></html>\n";
}

class AuditCharsetTest : public testing::TempDirTest {
 protected:
  // Audits in/ into out/ on one job; returns the findings lines by document id.
  std::map<std::string, json> Audit() {
    const std::string cmd = "cd " + Quote(dir_.string()) + " && " + Quote(SPAMSTRIP_CLI) +
                            " audit in --out out --jobs 1 --quiet </dev/null >/dev/null 2>" +
                            Quote(Path("stderr.txt"));
    const int rc = ExitCode(std::system(cmd.c_str()));
    EXPECT_EQ(rc, 0) << ReadWholeFile(Path("stderr.txt"));
    std::map<std::string, json> by_id;
    std::istringstream in(ReadWholeFile(Path("out/findings.jsonl")));
    std::string line;
    while (std::getline(in, line)) {
      json j = json::parse(line);
      by_id[j.at("id").get<std::string>()] = j;
    }
    summary_ = json::parse(ReadWholeFile(Path("out/summary.json")));
    return by_id;
  }

  // The one finding of `line` (a findings.jsonl object).
  static const json& OnlyFinding(const json& line) {
    EXPECT_EQ(line.at("findings").size(), 1u) << line.dump();
    return line.at("findings").at(0);
  }

  static std::string Cut(const std::string& bytes, const json& start, const json& end) {
    const size_t s = start.get<size_t>(), e = end.get<size_t>();
    EXPECT_LE(s, e);
    EXPECT_LE(e, bytes.size());
    return bytes.substr(s, e - s);
  }

  json summary_;
};

TEST_F(AuditCharsetTest, Windows1252WarcRecordFindingsAreBodyByteRanges) {
  const std::string body = Encode(HarbourCharsetPage(""), "windows-1252");
  ASSERT_EQ(body.find("\xE2\x80"), std::string::npos) << "not windows-1252";
  Write("in/crawl.warc",
        ResponseRecord("cp1252", "https://port.example/plan", "2024-05-01T00:00:00Z",
                       HttpMessage("text/html; charset=windows-1252", body)));
  auto lines = Audit();
  ASSERT_EQ(lines.count("<urn:uuid:cp1252>"), 1u);
  const json& line = lines["<urn:uuid:cp1252>"];
  EXPECT_EQ(line.at("charset"), "windows-1252");
  EXPECT_EQ(line.at("bytes"), body.size());
  const json& f = OnlyFinding(line);
  EXPECT_EQ(f.at("decision"), "strip");
  // The range cuts exactly the spam line out of the original bytes; the text is its UTF-8.
  EXPECT_EQ(Cut(body, f.at("start"), f.at("end")), Encode(kHarbourSpamLine, "windows-1252"));
  EXPECT_EQ(f.at("text"), kHarbourSpamLine);
  ASSERT_EQ(line.at("removed").size(), 1u);
  const std::string removed = Cut(body, line["removed"][0][0], line["removed"][0][1]);
  EXPECT_NE(removed.find(Encode(kHarbourSpamLine, "windows-1252")), std::string::npos) << removed;
  EXPECT_EQ(removed.find("Residents"), std::string::npos) << removed;
  EXPECT_EQ(removed.find("council"), std::string::npos) << removed;
}

TEST_F(AuditCharsetTest, Windows1252HtmlFileDeclaredByMeta) {
  const std::string page =
      Encode(HarbourCharsetPage("<meta charset=\"windows-1252\">"), "windows-1252");
  Write("in/plan.html", page);
  auto lines = Audit();
  ASSERT_EQ(lines.count("in/plan.html"), 1u);
  const json& line = lines["in/plan.html"];
  EXPECT_EQ(line.at("charset"), "windows-1252");
  const json& f = OnlyFinding(line);
  EXPECT_EQ(Cut(page, f.at("start"), f.at("end")), Encode(kHarbourSpamLine, "windows-1252"));
  EXPECT_EQ(f.at("text"), kHarbourSpamLine);
  const std::string removed = Cut(page, line["removed"][0][0], line["removed"][0][1]);
  EXPECT_NE(removed.find(Encode(kHarbourSpamLine, "windows-1252")), std::string::npos) << removed;
}

TEST_F(AuditCharsetTest, ShiftJisPageWithInjectedCasinoLine) {
  const std::string page = Encode(JapanesePage("<meta charset=\"Shift_JIS\">"), "Shift_JIS");
  Write("in/ja.html", page);
  auto lines = Audit();
  ASSERT_EQ(lines.count("in/ja.html"), 1u);
  const json& line = lines["in/ja.html"];
  EXPECT_EQ(line.at("charset"), "Shift_JIS");
  bool casino = false;
  for (const json& f : line.at("findings")) {
    // Every finding's range holds the bytes of its text, in Shift_JIS.
    const std::string text = f.at("text");
    EXPECT_EQ(Cut(page, f.at("start"), f.at("end")), Encode(text, "Shift_JIS"));
    if (text == kCasinoLine) casino = true;
  }
  EXPECT_TRUE(casino) << line.dump();
  bool removed_casino = false;
  for (const json& r : line.at("removed")) {
    const std::string cut = Cut(page, r[0], r[1]);
    if (cut.find(kCasinoLine) != std::string::npos) removed_casino = true;
    EXPECT_EQ(cut.find(Encode("\u5e02\u8b70\u4f1a", "Shift_JIS")), std::string::npos)
        << "an article paragraph was cut";
  }
  EXPECT_TRUE(removed_casino) << line.dump();
}

TEST_F(AuditCharsetTest, Utf8PageWithWrongOrUnknownLabelIsReadAsUtf8) {
  const std::string page = HarbourCharsetPage("");
  Write("in/crawl.warc",
        ResponseRecord("right", "https://a.example/1", "2024-05-01T00:00:00Z",
                       HttpMessage("text/html; charset=utf-8", page)) +
            ResponseRecord("wrong", "https://a.example/2", "2024-05-01T00:00:00Z",
                           HttpMessage("text/html; charset=iso-8859-1", page)) +
            ResponseRecord("unknown", "https://a.example/3", "2024-05-01T00:00:00Z",
                           HttpMessage("text/html; charset=x-klingon", page)));
  auto lines = Audit();
  ASSERT_EQ(lines.size(), 3u);
  const json& right = lines["<urn:uuid:right>"];
  const json& wrong = lines["<urn:uuid:wrong>"];
  const json& unknown = lines["<urn:uuid:unknown>"];
  EXPECT_FALSE(right.contains("charset"));
  EXPECT_FALSE(wrong.contains("charset"));
  EXPECT_FALSE(unknown.contains("charset"));
  EXPECT_EQ(unknown.at("charset_unknown"), "x-klingon");
  const json& f = OnlyFinding(right);
  EXPECT_EQ(Cut(page, f.at("start"), f.at("end")), kHarbourSpamLine);
  EXPECT_EQ(wrong.at("findings"), right.at("findings"));
  EXPECT_EQ(unknown.at("findings"), right.at("findings"));
  EXPECT_EQ(wrong.at("removed"), right.at("removed"));
  EXPECT_EQ(unknown.at("removed"), right.at("removed"));
  const json& t = summary_.at("totals");
  EXPECT_EQ(t.at("converted_documents"), 0);
  EXPECT_EQ(t.at("unknown_charset_documents"), 1);
  EXPECT_EQ(t.at("utf8_despite_label_documents"), 1);
  EXPECT_EQ(summary_.at("charsets").at("unknown").at("x-klingon"), 1);
}

TEST_F(AuditCharsetTest, JsonlHtmlIsNeverConverted) {
  // A JSON string is Unicode already: its <meta> says what the page was, not what it is now
  // (ISO-2022-JP, not ASCII-compatible, would be decoded even though the text is valid UTF-8).
  const std::string page = HarbourCharsetPage("<meta charset=\"iso-2022-jp\">");
  Write("in/feed.jsonl", json({{"id", "j1"}, {"html", page}}).dump() + "\n");
  auto lines = Audit();
  ASSERT_EQ(lines.count("j1"), 1u);
  const json& line = lines["j1"];
  EXPECT_FALSE(line.contains("charset"));
  const json& f = OnlyFinding(line);
  EXPECT_EQ(Cut(page, f.at("start"), f.at("end")), kHarbourSpamLine);
  EXPECT_EQ(f.at("text"), kHarbourSpamLine);
  EXPECT_EQ(summary_.at("totals").at("converted_documents"), 0);
}

TEST_F(AuditCharsetTest, InvalidBytesBecomeReplacementCharacters) {
  // Bytes no Shift_JIS or EUC-KR character starts with, in the article after the spam line.
  std::string ja = Encode(JapanesePage("<meta charset=\"shift_jis\">"), "Shift_JIS");
  ja.insert(ja.rfind("</p>"), "\x80\xA0\xFD\xFE\xFF\x82");
  Write("in/broken_ja.html", ja);
  std::string ko = Encode(KoreanPage(), "windows-949");
  ko.insert(ko.rfind("</p>"), "\xFF\xC9\x41\x80");
  Write("in/crawl.warc", ResponseRecord("ko", "https://b.example/1", "2024-05-01T00:00:00Z",
                                        HttpMessage("text/html; charset=euc-kr", ko)));
  auto lines = Audit();
  ASSERT_EQ(lines.count("in/broken_ja.html"), 1u);
  ASSERT_EQ(lines.count("<urn:uuid:ko>"), 1u);
  EXPECT_EQ(lines["<urn:uuid:ko>"].at("charset"), "EUC-KR");
  for (const auto& [id, bytes] :
       {std::make_pair("in/broken_ja.html", &ja), std::make_pair("<urn:uuid:ko>", &ko)}) {
    bool casino = false;
    for (const json& g : lines[id].at("findings")) {
      if (g.at("text") == kCasinoLine) {
        casino = true;
        EXPECT_EQ(Cut(*bytes, g.at("start"), g.at("end")), kCasinoLine) << id;
      }
    }
    EXPECT_TRUE(casino) << id << ": " << lines[id].dump();
  }
  EXPECT_EQ(summary_.at("totals").at("converted_documents"), 2);
  EXPECT_EQ(summary_.at("totals").at("documents"), 2);
}

TEST_F(AuditCharsetTest, SummaryCountsConversionsByCharset) {
  Write("in/a.html", Encode(HarbourCharsetPage("<meta charset=latin1>"), "windows-1252"));
  Write("in/b.html", Encode(JapanesePage("<meta charset=x-sjis>"), "Shift_JIS"));
  Write("in/c.html", HarbourCharsetPage("<meta charset=utf-8>"));
  Write("in/d.html", Encode(HarbourCharsetPage(""), "windows-1252"));  // nothing declared
  Write("in/e.txt", "\xEF\xBB\xBF" + testing::Article(0, true));
  Audit();
  const json& t = summary_.at("totals");
  EXPECT_EQ(t.at("documents"), 5);
  EXPECT_EQ(t.at("converted_documents"), 2);
  EXPECT_EQ(t.at("unknown_charset_documents"), 0);
  EXPECT_EQ(summary_.at("charsets").at("converted"), json({{"Shift_JIS", 1}, {"windows-1252", 1}}));
}

}  // namespace
}  // namespace spamstrip
