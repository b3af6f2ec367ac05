// Tests for audit_text.h: which documents an audit decodes and which it reads as they are, and
// the offsets of the decoded text given back in the document's bytes.
#include "audit_text.h"

#include <gtest/gtest.h>

#include <string>

#include "charset_fixtures.h"

namespace spamstrip {
namespace {

using testing::Encode;

SourceItem Doc(std::string bytes, bool html, std::string header_label = "") {
  SourceItem item;
  item.bytes = std::move(bytes);
  item.html = html;
  item.charset_label = std::move(header_label);
  return item;
}

TEST(AuditText, ReadsUtf8AndUndeclaredBodiesInPlace) {
  const SourceItem utf8 = Doc("<meta charset=utf-8><p>caf\u00e9</p>", true, "");
  const AuditText a(utf8);
  EXPECT_FALSE(a.converted());
  EXPECT_EQ(a.text().data(), utf8.bytes.data()) << "the fast path copies nothing";
  EXPECT_EQ(a.SourceStart(5), 5u);
  // Nothing declared: read as UTF-8 as before, invalid bytes and all.
  const SourceItem plain = Doc("caf\xE9", true);
  const AuditText b(plain);
  EXPECT_FALSE(b.converted());
  EXPECT_EQ(b.text().data(), plain.bytes.data());
  EXPECT_EQ(b.unknown_label(), "");
}

TEST(AuditText, DecodesDeclaredCharsetsAndMapsBack) {
  const std::string utf8 = "<p>\u201cCaf\u00e9\u201d</p>";
  const SourceItem item = Doc(Encode(utf8, "windows-1252"), true, "iso-8859-1");
  const AuditText t(item);
  ASSERT_TRUE(t.converted());
  EXPECT_EQ(t.charset(), "windows-1252");
  EXPECT_EQ(t.text(), utf8);
  const size_t e = utf8.find("\u00e9");
  EXPECT_EQ(t.SourceStart(e), item.bytes.find('\xE9'));
  EXPECT_EQ(t.SourceEnd(e + 2), item.bytes.find('\xE9') + 1);
  EXPECT_EQ(t.SourceEnd(utf8.size()), item.bytes.size());
}

TEST(AuditText, TextFilesTakeAByteOrderMarkOnly) {
  // A .txt file (not HTML) ignores a meta; UTF-16 with a BOM is decoded.
  const std::string meta = Encode("<meta charset=windows-1252> caf\u00e9", "windows-1252");
  EXPECT_FALSE(AuditText(Doc(meta, false)).converted());
  const SourceItem utf16 = Doc("\xFF\xFE" + Encode("news: caf\u00e9", "UTF-16LE"), false);
  const AuditText t(utf16);
  ASSERT_TRUE(t.converted());
  EXPECT_EQ(t.charset(), "UTF-16LE");
  EXPECT_EQ(t.text(), "news: caf\u00e9");
  EXPECT_EQ(t.SourceStart(0), 2u);  // after the mark
  EXPECT_EQ(t.SourceStart(6), 14u);
}

TEST(AuditText, JsonlBodiesAreNeverConverted) {
  SourceItem item = Doc("<meta charset=iso-2022-jp><p>caf\u00e9</p>", true);
  item.unicode = true;
  const AuditText t(item);
  EXPECT_FALSE(t.converted());
  EXPECT_EQ(t.text().data(), item.bytes.data());
  item.unicode = false;
  EXPECT_TRUE(AuditText(item).converted()) << "ISO-2022-JP is not read as UTF-8";
}

TEST(AuditText, ValidUtf8UnderALegacyLabelIsReadAsUtf8) {
  const SourceItem item = Doc("<p>\u201cCaf\u00e9\u201d</p>", true, "windows-1252");
  const AuditText t(item);
  EXPECT_FALSE(t.converted());
  EXPECT_TRUE(t.utf8_despite_label());
  EXPECT_EQ(t.text().data(), item.bytes.data());
  // Pure ASCII under any ASCII-compatible label decodes to itself: no copy, nothing to report.
  const AuditText ascii(Doc("<p>Cafe</p>", true, "shift_jis"));
  EXPECT_FALSE(ascii.converted());
  EXPECT_FALSE(ascii.utf8_despite_label());
}

TEST(AuditText, UnknownLabelsAreReadAsUtf8AndNamed) {
  const SourceItem item = Doc("<p>caf\u00e9</p>", true, "X-Klingon");
  const AuditText t(item);
  EXPECT_FALSE(t.converted());
  EXPECT_EQ(t.unknown_label(), "x-klingon");
  EXPECT_EQ(AuditText(Doc("<meta charset=\"" + std::string(100, 'z') + "\">", true))
                .unknown_label()
                .size(),
            40u);
}

}  // namespace
}  // namespace spamstrip
