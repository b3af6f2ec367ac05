// Audit inputs: the sorted walk over files and directories (kinds, skipped extensions, missing
// paths, a symbolic-link loop) and the documents a DocSource yields from each kind of file,
// with ids, URLs, dates, places and the problems it reports.
#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "audit_fixtures.h"
#include "doc_source.h"
#include "input_walker.h"
#include "temp_dir.h"

namespace spamstrip {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;
using Kind = SourceItem::Kind;

class AuditInputsTest : public testing::TempDirTest {
 protected:
  std::vector<SourceItem> ReadAll(const std::vector<std::string>& inputs,
                                  DocSource::Options options = DocSource::Options()) {
    std::vector<InputEntry> entries;
    WalkInputs(inputs, &entries);
    DocSource source(entries, options);
    std::vector<SourceItem> items;
    SourceItem item;
    while (source.Next(&item) && items.size() < 10000) items.push_back(item);
    EXPECT_EQ(source.bytes_read(), source.total_bytes());
    return items;
  }
};

TEST_F(AuditInputsTest, WalkIsSortedClassifiedAndSafeFromLinkLoops) {
  Write("b/z.txt", "z");
  Write("b/a.HTML", "<p>a</p>");
  Write("a.warc.gz", "");
  Write("c.jsonl", "");
  Write("c.json", "");
  Write("notes.md", "skip me");
  Write("b/c/page.htm", "<p>x</p>");
  Write("d.warc", "");
  fs::create_directory_symlink("..", dir_ / "b" / "c" / "up");  // a loop back to b/
  std::vector<InputEntry> entries;
  const std::string root = dir_.string();
  WalkInputs({root, root + "/b/z.txt", root + "/missing.txt"}, &entries);
  std::vector<std::string> names;
  std::vector<InputKind> kinds;
  for (const InputEntry& e : entries) {
    names.push_back(e.path.substr(root.size() + 1));
    kinds.push_back(e.kind);
  }
  const std::vector<std::string> want_names = {"a.warc.gz", "b/a.HTML",    "b/c/page.htm",
                                               "b/z.txt",   "c.json",      "c.jsonl",
                                               "d.warc",    "missing.txt", "notes.md"};
  EXPECT_EQ(names, want_names);
  const std::vector<InputKind> want_kinds = {
      InputKind::kWarcGz, InputKind::kHtml,  InputKind::kHtml,
      InputKind::kText,   InputKind::kJsonl, InputKind::kJsonl,
      InputKind::kWarc,   InputKind::kError, InputKind::kSkipped};
  EXPECT_EQ(kinds, want_kinds);
  EXPECT_NE(entries[7].error.find("missing.txt"), std::string::npos) << entries[7].error;
  EXPECT_EQ(entries[3].size, 1u);
}

TEST_F(AuditInputsTest, JsonlDocumentsAndProblemsByLine) {
  const std::string path = Write(
      "docs.jsonl",
      json({{"id", "a1"}, {"text", "one"}, {"url", "https://x.test/1"}, {"date", "2024-03-05"}})
              .dump() +
          "\n\n" +  // line 2 blank
          json({{"id", 7}, {"html", "<p>two</p>"}, {"published", "2023-01-09T10:00:00Z"}}).dump() +
          "\n" + "{not json\n" + json({{"id", "n"}, {"body", "x"}}).dump() + "\n" +
          json({{"text", "five"}}).dump());  // no trailing newline
  auto items = ReadAll({path});
  ASSERT_EQ(items.size(), 5u);
  EXPECT_EQ(items[0].kind, Kind::kDocument);
  EXPECT_EQ(items[0].id, "a1");
  EXPECT_EQ(items[0].url, "https://x.test/1");
  EXPECT_EQ(items[0].date, "2024-03-05");
  EXPECT_EQ(items[0].bytes, "one");
  EXPECT_FALSE(items[0].html);
  EXPECT_EQ(items[0].line, 1u);
  EXPECT_EQ(items[0].offset, 0u);
  EXPECT_EQ(items[1].id, "7");
  EXPECT_TRUE(items[1].html);
  EXPECT_EQ(items[1].date, "2023-01-09T10:00:00Z");
  EXPECT_EQ(items[1].line, 3u);
  EXPECT_TRUE(items[1].unicode);  // a JSON string: its charset is never converted
  EXPECT_EQ(items[1].charset_label, "");
  EXPECT_EQ(items[2].kind, Kind::kError);
  EXPECT_EQ(items[2].what, "json");
  EXPECT_NE(items[2].message.find(path + ":4:"), std::string::npos) << items[2].message;
  EXPECT_EQ(items[3].kind, Kind::kError);
  EXPECT_EQ(items[3].what, "missing_field");
  EXPECT_NE(items[3].message.find(path + ":5:"), std::string::npos) << items[3].message;
  EXPECT_EQ(items[4].id, path + ":6");
  EXPECT_EQ(items[4].bytes, "five");
  for (size_t i = 0; i < items.size(); ++i) {
    EXPECT_EQ(items[i].index, i);
    EXPECT_EQ(items[i].source, path);
  }
  // --format html reads "text" fields as HTML too.
  DocSource::Options html;
  html.format = DocFormat::kHtml;
  EXPECT_TRUE(ReadAll({path}, html)[0].html);
}

TEST_F(AuditInputsTest, OverlongJsonlLineIsReportedAndSkipped) {
  const std::string path = Write("long.jsonl", json({{"text", std::string(5000, 'a')}}).dump() +
                                                   "\n" + json({{"text", "ok"}}).dump() + "\n");
  DocSource::Options o;
  o.max_document = 1000;
  auto items = ReadAll({path}, o);
  ASSERT_EQ(items.size(), 2u);
  EXPECT_EQ(items[0].kind, Kind::kError);
  EXPECT_EQ(items[0].what, "too_large");
  EXPECT_EQ(items[0].line, 1u);
  EXPECT_EQ(items[1].bytes, "ok");
  EXPECT_EQ(items[1].line, 2u);
}

TEST_F(AuditInputsTest, WarcDocumentsKeepTheirRecordIdUriAndDate) {
  using testing::HttpMessage;
  using testing::MakeWarcRecord;
  using testing::ResponseRecord;
  const std::string file =
      MakeWarcRecord("warcinfo", "i", "", "2024-01-01T00:00:00Z", "application/warc-fields", "x") +
      MakeWarcRecord("request", "q", "https://n.test/a?p=1", "2024-01-01T00:00:00Z",
                     "application/http; msgtype=request", "GET / HTTP/1.1\r\n\r\n") +
      ResponseRecord("r1", "https://n.test/a?p=1", "2024-01-01T00:00:01Z",
                     HttpMessage("text/html; Charset=\"KOI8-R\"", "<p>page</p>")) +
      ResponseRecord("r2", "https://n.test/missing", "2024-01-01T00:00:02Z",
                     HttpMessage("text/html", "gone", "", 404)) +
      ResponseRecord("r3", "https://n.test/logo.png", "2024-01-01T00:00:03Z",
                     HttpMessage("image/png", "PNG")) +
      MakeWarcRecord("resource", "r4", "https://n.test/notes.txt", "2024-02-01T00:00:00Z",
                     "text/plain; charset=windows-1251", "notes") +
      ResponseRecord("r5", "https://n.test/bad", "2024-01-01T00:00:04Z", "garbage, not HTTP");
  const std::string path = Write("crawl.warc", file);
  auto items = ReadAll({path});
  ASSERT_EQ(items.size(), 7u);
  EXPECT_EQ(items[0].kind, Kind::kSkipped);
  EXPECT_EQ(items[0].what, "warc_warcinfo");
  EXPECT_EQ(items[1].what, "warc_request");
  ASSERT_EQ(items[2].kind, Kind::kDocument);
  EXPECT_EQ(items[2].id, "<urn:uuid:r1>");
  EXPECT_EQ(items[2].record_id, "<urn:uuid:r1>");
  EXPECT_EQ(items[2].url, "https://n.test/a?p=1");
  EXPECT_EQ(items[2].date, "2024-01-01T00:00:01Z");
  EXPECT_TRUE(items[2].html);
  EXPECT_EQ(items[2].bytes, "<p>page</p>");
  EXPECT_EQ(items[2].charset_label, "koi8-r");  // the HTTP Content-Type's, for audit_text.h
  EXPECT_FALSE(items[2].unicode);
  EXPECT_EQ(items[3].what, "http_status");
  EXPECT_EQ(items[4].what, "content_type");
  ASSERT_EQ(items[5].kind, Kind::kDocument);
  EXPECT_FALSE(items[5].html);
  EXPECT_EQ(items[5].bytes, "notes");
  EXPECT_EQ(items[5].charset_label, "windows-1251");  // a resource record's own Content-Type
  EXPECT_EQ(items[6].kind, Kind::kError);
  EXPECT_EQ(items[6].what, "http");
  EXPECT_NE(items[6].message.find("<urn:uuid:r5>"), std::string::npos) << items[6].message;
}

TEST_F(AuditInputsTest, WholeFilesAndUnreadableOnes) {
  const std::string txt = Write("a.txt", "some text");
  const std::string html = Write("b.html", "<p>x</p>");
  fs::create_symlink(dir_ / "nowhere", dir_ / "c.txt");  // dangling: cannot be read
  Write("d.bin", "skipped");
  auto items = ReadAll({dir_.string()});
  ASSERT_EQ(items.size(), 4u);
  EXPECT_EQ(items[0].id, txt);
  EXPECT_FALSE(items[0].html);
  EXPECT_EQ(items[0].bytes, "some text");
  EXPECT_EQ(items[1].id, html);
  EXPECT_TRUE(items[1].html);
  EXPECT_EQ(items[2].kind, Kind::kError);
  EXPECT_EQ(items[2].what, "unreadable");
  EXPECT_NE(items[2].message.find("c.txt"), std::string::npos);
  EXPECT_EQ(items[3].kind, Kind::kSkipped);
  EXPECT_EQ(items[3].what, "file_extension");
}

TEST_F(AuditInputsTest, SeekSkipsWhatWasDone) {
  std::string lines;
  for (int i = 0; i < 5; ++i) lines += json({{"id", i}, {"text", "t"}}).dump() + "\n";
  Write("a.jsonl", lines);
  Write("b.jsonl", lines);
  std::vector<InputEntry> entries;
  WalkInputs({dir_.string()}, &entries);
  DocSource source(entries, DocSource::Options());
  source.Seek(1, 3);
  std::vector<std::string> got;
  SourceItem item;
  while (source.Next(&item)) got.push_back(std::to_string(item.file) + ":" + item.id);
  EXPECT_EQ(got, (std::vector<std::string>{"1:3", "1:4"}));
}

// A compressed feed reads like the plain one; a line may span two gzip members, and the
// offsets are those of the decompressed lines.
TEST_F(AuditInputsTest, GzipJsonlIsReadLineByLine) {
  const std::string first = json({{"id", "g1"}, {"text", "first article"}}).dump() + "\n";
  const std::string second = json({{"id", "g2"}, {"text", "second article"}}).dump() + "\n";
  const std::string third = json({{"id", "g3"}, {"html", "<p>third</p>"}}).dump();
  const std::string plain = first + second + "{broken\n" + third;
  const size_t cut = first.size() + 10;  // inside the second line
  const std::string path = Write("feed.jsonl.gz", testing::GzipMember(plain.substr(0, cut)) +
                                                      testing::GzipMember(plain.substr(cut)));
  std::vector<InputEntry> entries;
  WalkInputs({path}, &entries);
  ASSERT_EQ(entries.size(), 1u);
  EXPECT_EQ(entries[0].kind, InputKind::kJsonlGz);
  EXPECT_STREQ(InputKindName(entries[0].kind), "jsonl.gz");
  auto items = ReadAll({path});
  ASSERT_EQ(items.size(), 4u);
  EXPECT_EQ(items[0].id, "g1");
  EXPECT_EQ(items[0].bytes, "first article");
  EXPECT_EQ(items[1].id, "g2");
  EXPECT_EQ(items[1].bytes, "second article");
  EXPECT_EQ(items[1].offset, first.size());
  EXPECT_EQ(items[1].line, 2u);
  EXPECT_EQ(items[2].kind, Kind::kError);
  EXPECT_EQ(items[2].what, "json");
  EXPECT_NE(items[2].message.find(path + ":3:"), std::string::npos) << items[2].message;
  EXPECT_EQ(items[3].id, "g3");
  EXPECT_TRUE(items[3].html);
  EXPECT_EQ(items[3].offset, first.size() + second.size() + 8);
  // The same content, uncompressed, gives the same documents.
  auto plain_items = ReadAll({Write("feed.jsonl", plain)});
  ASSERT_EQ(plain_items.size(), items.size());
  for (size_t i = 0; i < items.size(); ++i) {
    EXPECT_EQ(plain_items[i].bytes, items[i].bytes);
    EXPECT_EQ(plain_items[i].offset, items[i].offset);
  }
}

}  // namespace
}  // namespace spamstrip
