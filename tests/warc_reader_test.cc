// WARC reading: records from plain and gzip files (one member per record, or one for all),
// offsets, skipped types, HTTP bodies (chunked, gzip), and recovery after a corrupt gzip
// member, a malformed record, an oversized record and a truncated file. Every file is written
// by the test itself.
#include "warc_reader.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "audit_fixtures.h"
#include "http_payload.h"
#include "temp_dir.h"

namespace spamstrip {
namespace {

using testing::GzipMember;
using testing::HttpMessage;
using testing::MakeWarcRecord;
using testing::ResponseRecord;

class WarcReaderTest : public testing::TempDirTest {
 protected:
  static std::vector<WarcItem> ReadAll(const std::string& path, bool gzip,
                                       WarcReader::Options options = WarcReader::Options()) {
    WarcReader r;
    EXPECT_TRUE(r.Open(path, gzip, options).ok());
    std::vector<WarcItem> items;
    WarcItem item;
    while (r.Next(&item)) {
      items.push_back(item);
      if (items.size() > 1000) break;  // a reader that never ends fails here, not by hanging
    }
    return items;
  }

  // Four records: warcinfo, request, an HTML response, a plain-text resource.
  std::vector<std::string> Records() const {
    return {MakeWarcRecord("warcinfo", "info", "", "2024-01-01T00:00:00Z",
                           "application/warc-fields", "software: test\r\n"),
            MakeWarcRecord("request", "req-1", "https://news.example.com/a?x=1&y=2",
                           "2024-01-02T00:00:00Z", "application/http; msgtype=request",
                           "GET /a?x=1&y=2 HTTP/1.1\r\nHost: news.example.com\r\n\r\n"),
            ResponseRecord("resp-1", "https://news.example.com/a?x=1&y=2", "2024-01-02T00:00:01Z",
                           HttpMessage("text/html; charset=utf-8", "<p>Hello</p>")),
            MakeWarcRecord("resource", "res-1", "file:///notes.txt", "2024-02-03T04:05:06Z",
                           "text/plain", "Plain notes.\n")};
  }
};

void ExpectRecords(const std::vector<WarcItem>& items, const std::vector<uint64_t>& offsets) {
  ASSERT_EQ(items.size(), 4u);
  for (const WarcItem& i : items) ASSERT_FALSE(i.is_error) << i.error.message;
  EXPECT_EQ(items[0].record.type, "warcinfo");
  EXPECT_FALSE(items[0].record.loaded);
  EXPECT_EQ(items[1].record.type, "request");
  EXPECT_FALSE(items[1].record.loaded) << "request blocks are not loaded";
  const WarcRecord& resp = items[2].record;
  EXPECT_EQ(resp.type, "response");
  EXPECT_EQ(resp.record_id, "<urn:uuid:resp-1>");
  EXPECT_EQ(resp.target_uri, "https://news.example.com/a?x=1&y=2") << "the whole URI is kept";
  EXPECT_EQ(resp.date, "2024-01-02T00:00:01Z");
  EXPECT_TRUE(resp.loaded);
  EXPECT_EQ(resp.block, HttpMessage("text/html; charset=utf-8", "<p>Hello</p>"));
  EXPECT_EQ(items[3].record.type, "resource");
  EXPECT_EQ(items[3].record.block, "Plain notes.\n");
  EXPECT_EQ(items[3].record.content_type, "text/plain");
  for (size_t i = 0; i < 4; ++i) EXPECT_EQ(items[i].record.offset, offsets[i]) << i;
}

TEST_F(WarcReaderTest, PlainFileRecordsAndOffsets) {
  std::string file;
  std::vector<uint64_t> offsets;
  for (const std::string& r : Records()) {
    offsets.push_back(file.size());
    file += r;
  }
  ExpectRecords(ReadAll(Write("a.warc", file), false), offsets);
}

TEST_F(WarcReaderTest, GzipOneMemberPerRecordGivesMemberOffsets) {
  std::string file;
  std::vector<uint64_t> offsets;
  for (const std::string& r : Records()) {
    offsets.push_back(file.size());
    file += GzipMember(r);
  }
  ExpectRecords(ReadAll(Write("a.warc.gz", file), true), offsets);
}

TEST_F(WarcReaderTest, GzipOneMemberForAll) {
  std::string plain;
  for (const std::string& r : Records()) plain += r;
  ExpectRecords(ReadAll(Write("a.warc.gz", GzipMember(plain)), true), {0, 0, 0, 0});
}

TEST_F(WarcReaderTest, LargeRecordAcrossManyChunks) {
  std::string body(3 << 20, 'x');  // larger than the stream's chunks
  for (size_t i = 0; i < body.size(); i += 997) body[i] = '\n';
  const std::string rec =
      MakeWarcRecord("resource", "big", "https://e.test/big", "2024-01-01", "text/plain", body);
  const std::string small =
      MakeWarcRecord("resource", "small", "https://e.test/s", "2024-01-01", "text/plain", "tail");
  for (bool gzip : {false, true}) {
    const std::string file = gzip ? GzipMember(rec) + GzipMember(small) : rec + small;
    auto items = ReadAll(Write(gzip ? "big.warc.gz" : "big.warc", file), gzip);
    ASSERT_EQ(items.size(), 2u);
    EXPECT_EQ(items[0].record.block, body);
    EXPECT_EQ(items[1].record.block, "tail");
    EXPECT_EQ(items[1].record.offset, gzip ? GzipMember(rec).size() : rec.size());
  }
}

TEST_F(WarcReaderTest, CorruptGzipMemberIsReportedAndReadingGoesOn) {
  const auto recs = Records();
  std::vector<std::string> members;
  for (const auto& r : recs) members.push_back(GzipMember(r));
  // Member 2 (the response): the first deflate block gets the reserved block type 11.
  members[2][10] = static_cast<char>(0xFF);
  std::string file;
  std::vector<uint64_t> offsets;
  for (const auto& m : members) {
    offsets.push_back(file.size());
    file += m;
  }
  auto items = ReadAll(Write("c.warc.gz", file), true);
  ASSERT_EQ(items.size(), 4u);
  EXPECT_EQ(items[0].record.type, "warcinfo");
  EXPECT_EQ(items[1].record.type, "request");
  ASSERT_TRUE(items[2].is_error);
  EXPECT_EQ(items[2].error.kind, "gzip");
  EXPECT_EQ(items[2].error.offset, offsets[2]);
  EXPECT_NE(items[2].error.message.find("c.warc.gz"), std::string::npos);
  EXPECT_NE(items[2].error.message.find("byte " + std::to_string(offsets[2])), std::string::npos)
      << items[2].error.message;
  ASSERT_FALSE(items[3].is_error);
  EXPECT_EQ(items[3].record.record_id, "<urn:uuid:res-1>");
  EXPECT_EQ(items[3].record.offset, offsets[3]);
  EXPECT_EQ(items[3].record.block, "Plain notes.\n");
}

TEST_F(WarcReaderTest, GarbageBetweenMembersIsSkipped) {
  const auto recs = Records();
  const std::string file = GzipMember(recs[2]) + "this is not gzip at all" + GzipMember(recs[3]);
  auto items = ReadAll(Write("g.warc.gz", file), true);
  ASSERT_EQ(items.size(), 3u);
  EXPECT_EQ(items[0].record.type, "response");
  ASSERT_TRUE(items[1].is_error);
  EXPECT_EQ(items[1].error.kind, "gzip");
  EXPECT_EQ(items[1].error.offset, GzipMember(recs[2]).size());
  EXPECT_EQ(items[2].record.type, "resource");
}

TEST_F(WarcReaderTest, TruncatedLastRecord) {
  const auto recs = Records();
  const std::string whole = recs[0] + recs[2] + recs[3];
  const std::string cut = whole.substr(0, whole.size() - 12);  // inside the last block
  auto items = ReadAll(Write("t.warc", cut), false);
  ASSERT_EQ(items.size(), 3u);
  EXPECT_EQ(items[1].record.type, "response");
  ASSERT_TRUE(items[2].is_error);
  EXPECT_EQ(items[2].error.kind, "truncated");
  EXPECT_EQ(items[2].error.offset, recs[0].size() + recs[2].size());

  const std::string gz = GzipMember(recs[0]) + GzipMember(recs[3]);
  auto gz_items = ReadAll(Write("t.warc.gz", gz.substr(0, gz.size() - 20)), true);
  ASSERT_GE(gz_items.size(), 2u);
  EXPECT_EQ(gz_items[0].record.type, "warcinfo");
  for (size_t i = 1; i < gz_items.size(); ++i) {
    ASSERT_TRUE(gz_items[i].is_error);
    EXPECT_EQ(gz_items[i].error.kind, "truncated");
    EXPECT_EQ(gz_items[i].error.offset, GzipMember(recs[0]).size());
  }
}

TEST_F(WarcReaderTest, MalformedRecordsAreReportedThenSkippedToTheNextRecord) {
  const auto recs = Records();
  const std::string no_length =
      "WARC/1.1\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:bad>\r\n\r\nsome block\r\n\r\n";
  const std::string not_warc = "HTTP/1.1 200 OK\r\nX: y\r\n\r\nstray bytes\n";
  const std::string file = recs[2] + no_length + recs[3] + not_warc + recs[0];
  auto items = ReadAll(Write("m.warc", file), false);
  ASSERT_EQ(items.size(), 5u);
  EXPECT_EQ(items[0].record.type, "response");
  ASSERT_TRUE(items[1].is_error);
  EXPECT_EQ(items[1].error.kind, "warc");
  EXPECT_EQ(items[1].error.offset, recs[2].size());
  EXPECT_NE(items[1].error.message.find("Content-Length"), std::string::npos);
  EXPECT_EQ(items[2].record.type, "resource");
  EXPECT_EQ(items[2].record.offset, recs[2].size() + no_length.size());
  ASSERT_TRUE(items[3].is_error);
  EXPECT_EQ(items[3].error.kind, "warc");
  EXPECT_EQ(items[3].error.offset, recs[2].size() + no_length.size() + recs[3].size());
  EXPECT_EQ(items[4].record.type, "warcinfo");
}

TEST_F(WarcReaderTest, RecordOverTheLimitIsSkippedNotLoaded) {
  const auto recs = Records();
  WarcReader::Options o;
  o.max_record = 20;
  auto items = ReadAll(Write("l.warc", recs[2] + recs[3]), false, o);
  ASSERT_EQ(items.size(), 2u);
  ASSERT_TRUE(items[0].is_error);
  EXPECT_EQ(items[0].error.kind, "too_large");
  EXPECT_EQ(items[0].error.offset, 0u);
  EXPECT_EQ(items[1].record.block, "Plain notes.\n");
}

TEST_F(WarcReaderTest, EmptyAndMissingFiles) {
  EXPECT_TRUE(ReadAll(Write("e.warc", ""), false).empty());
  EXPECT_TRUE(ReadAll(Write("e.warc.gz", ""), true).empty());
  WarcReader r;
  Status s = r.Open((dir_ / "none.warc").string(), false, WarcReader::Options());
  EXPECT_EQ(s.code(), Status::Code::kNotFound);
  EXPECT_NE(s.message().find("none.warc"), std::string::npos);
}

// ---------------------------------------------------------------------------------------------
// HTTP payloads

TEST(HttpPayloadTest, SplitsHeadersFromBody) {
  HttpResponse r;
  std::string error;
  ASSERT_TRUE(
      ParseHttpResponse(HttpMessage("Text/HTML; charset=UTF-8", "<p>x</p>"), 1 << 20, &r, &error))
      << error;
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.content_type, "text/html; charset=utf-8");
  EXPECT_EQ(r.body, "<p>x</p>");
}

TEST(HttpPayloadTest, ChunkedAndGzipBodies) {
  const std::string body = "<html><body><p>Chunked and compressed.</p></body></html>";
  const std::string gz = GzipMember(body);
  std::string chunked;
  for (size_t i = 0; i < gz.size(); i += 7) {
    const std::string piece = gz.substr(i, 7);
    char size[16];
    std::snprintf(size, sizeof(size), "%zx", piece.size());
    chunked += std::string(size) + (i == 0 ? ";ext=1" : "") + "\r\n" + piece + "\r\n";
  }
  chunked += "0\r\n\r\n";
  HttpResponse r;
  std::string error;
  ASSERT_TRUE(ParseHttpResponse(
      HttpMessage("text/html", chunked, "Transfer-Encoding: chunked\r\nContent-Encoding: gzip\r\n"),
      1 << 20, &r, &error))
      << error;
  EXPECT_EQ(r.body, body);
  // Already decoded by the crawler, headers kept: taken as it is.
  ASSERT_TRUE(ParseHttpResponse(
      HttpMessage("text/html", body, "Transfer-Encoding: chunked\r\nContent-Encoding: gzip\r\n"),
      1 << 20, &r, &error))
      << error;
  EXPECT_EQ(r.body, body);
}

TEST(HttpPayloadTest, Failures) {
  HttpResponse r;
  std::string error;
  EXPECT_FALSE(ParseHttpResponse("not http", 100, &r, &error));
  EXPECT_NE(error.find("status line"), std::string::npos);
  EXPECT_FALSE(ParseHttpResponse(
      HttpMessage("text/html", "5\r\nab", "Transfer-Encoding: chunked\r\n"), 100, &r, &error));
  EXPECT_NE(error.find("chunk"), std::string::npos) << error;
  EXPECT_FALSE(ParseHttpResponse(HttpMessage("text/html", "xx", "Content-Encoding: br\r\n"), 100,
                                 &r, &error));
  EXPECT_NE(error.find("br"), std::string::npos);
  const std::string bomb = GzipMember(std::string(10000, 'a'));
  EXPECT_FALSE(ParseHttpResponse(HttpMessage("text/html", bomb, "Content-Encoding: gzip\r\n"), 1000,
                                 &r, &error));
  EXPECT_NE(error.find("larger than 1000"), std::string::npos) << error;
}

}  // namespace
}  // namespace spamstrip
