// Tests for charset_label.h: WHATWG label mapping, the charset parameter of a Content-Type or
// meta content, the meta prescan of the first 1024 bytes, and the order BOM > header > meta.
#include "charset_label.h"

#include <gtest/gtest.h>

#include <string>

namespace spamstrip {
namespace {

std::string NameOf(std::string_view label) {
  const Encoding* e = EncodingForLabel(label);
  return e == nullptr ? "" : e->name;
}

TEST(CharsetLabel, WhatwgLabelsMapToTheirEncoding) {
  EXPECT_EQ(NameOf("iso-8859-1"), "windows-1252");
  EXPECT_EQ(NameOf("Latin1"), "windows-1252");
  EXPECT_EQ(NameOf("US-ASCII"), "windows-1252");
  EXPECT_EQ(NameOf(" utf8 "), "UTF-8");
  EXPECT_EQ(NameOf("UTF-8"), "UTF-8");
  EXPECT_EQ(NameOf("x-sjis"), "Shift_JIS");
  EXPECT_EQ(NameOf("Shift_JIS"), "Shift_JIS");
  EXPECT_EQ(NameOf("windows-31j"), "Shift_JIS");
  EXPECT_EQ(NameOf("gb2312"), "GBK");
  EXPECT_EQ(NameOf("ks_c_5601-1987"), "EUC-KR");
  EXPECT_EQ(NameOf("koi8-r"), "KOI8-R");
  EXPECT_EQ(NameOf("iso-8859-9"), "windows-1254");
  EXPECT_EQ(NameOf("tis-620"), "windows-874");
  EXPECT_EQ(NameOf("utf-16"), "UTF-16LE");
  // Unknown, or not decodable here ("replacement", ISO-8859-16).
  EXPECT_EQ(EncodingForLabel("klingon-1"), nullptr);
  EXPECT_EQ(EncodingForLabel("iso-2022-kr"), nullptr);
  EXPECT_EQ(EncodingForLabel("iso-8859-16"), nullptr);
  EXPECT_EQ(EncodingForLabel(""), nullptr);
  EXPECT_FALSE(EncodingForLabel("utf-16le")->ascii_compatible);
  EXPECT_FALSE(EncodingForLabel("iso-2022-jp")->ascii_compatible);
  EXPECT_TRUE(EncodingForLabel("sjis")->ascii_compatible);
}

TEST(CharsetLabel, EveryEncodingOfTheTableOpensInIcu) {
  for (const char* label :
       {"ibm866",       "iso-8859-2",     "iso-8859-3",   "iso-8859-4",   "iso-8859-5",
        "iso-8859-6",   "iso-8859-7",     "iso-8859-8",   "iso-8859-8-i", "iso-8859-10",
        "iso-8859-13",  "iso-8859-14",    "iso-8859-15",  "koi8-r",       "koi8-u",
        "macintosh",    "windows-874",    "windows-1250", "windows-1251", "windows-1252",
        "windows-1253", "windows-1254",   "windows-1255", "windows-1256", "windows-1257",
        "windows-1258", "x-mac-cyrillic", "gbk",          "gb18030",      "big5",
        "euc-jp",       "iso-2022-jp",    "shift_jis",    "euc-kr",       "utf-16le",
        "utf-16be"}) {
    const Encoding* e = EncodingForLabel(label);
    ASSERT_NE(e, nullptr) << label;
    EXPECT_STRNE(e->icu, "") << label;
  }
}

TEST(CharsetLabel, CharsetParameter) {
  EXPECT_EQ(CharsetParameter("text/html; charset=windows-1252"), "windows-1252");
  EXPECT_EQ(CharsetParameter("text/html;charset=\"Shift_JIS\""), "shift_jis");
  EXPECT_EQ(CharsetParameter("text/html; CHARSET = 'koi8-r' ; q=1"), "koi8-r");
  EXPECT_EQ(CharsetParameter("text/html; charset=utf-8;format=flowed"), "utf-8");
  EXPECT_EQ(CharsetParameter("text/html"), "");
  EXPECT_EQ(CharsetParameter("text/html; charset="), "");
  EXPECT_EQ(CharsetParameter("text/html; charset=\"unterminated"), "");
  // "charset" not followed by '=' is passed over for a later one.
  EXPECT_EQ(CharsetParameter("x-charset-note; charset=gbk"), "gbk");
}

TEST(CharsetLabel, MetaPrescan) {
  EXPECT_EQ(MetaCharsetLabel("<html><head><meta charset=\"windows-1252\"><title>x</title>"),
            "windows-1252");
  EXPECT_EQ(MetaCharsetLabel("<meta charset=Shift_JIS>"), "shift_jis");
  EXPECT_EQ(MetaCharsetLabel("<META HTTP-EQUIV=\"Content-Type\" "
                             "CONTENT=\"text/html; charset=EUC-KR\">"),
            "euc-kr");
  EXPECT_EQ(MetaCharsetLabel("<meta content='text/html; charset=koi8-r' "
                             "http-equiv='content-type'/>"),
            "koi8-r");
  // content without http-equiv="Content-Type" declares nothing.
  EXPECT_EQ(MetaCharsetLabel("<meta name=x content=\"text/html; charset=gbk\">"), "");
  // Comments and other tags' attributes are skipped ('>' inside a quoted value included).
  EXPECT_EQ(MetaCharsetLabel("<!-- <meta charset=gbk> --><meta charset=euc-jp>"), "euc-jp");
  EXPECT_EQ(MetaCharsetLabel("<div title=\"<meta charset=gbk>\"><meta charset=big5>"), "big5");
  EXPECT_EQ(MetaCharsetLabel("<metadata charset=gbk>"), "");
  // Only tags that start in the first 1024 bytes are looked at, but such a tag is read to its
  // end; a value cut short by the end of the input is none (former bug: "ut" for a page whose
  // <meta charset="utf-8"> straddled byte 1024).
  EXPECT_EQ(MetaCharsetLabel(std::string(1100, ' ') + "<meta charset=gbk>"), "");
  EXPECT_EQ(MetaCharsetLabel(std::string(1000, ' ') + "<meta charset=gbk>"), "gbk");
  EXPECT_EQ(MetaCharsetLabel(std::string(1010, ' ') + "<meta charset=\"utf-8\">"), "utf-8");
  EXPECT_EQ(MetaCharsetLabel(std::string(1010, ' ') + "<meta charset=\"ut"), "");
  EXPECT_EQ(MetaCharsetLabel("<meta charset='koi8-r"), "");
  // An unknown label is passed over for a later known one, and kept if there is none.
  EXPECT_EQ(MetaCharsetLabel("<meta charset=klingon><meta charset=latin1>"), "latin1");
  EXPECT_EQ(MetaCharsetLabel("<meta charset=klingon>"), "klingon");
}

TEST(CharsetLabel, BomThenHeaderThenMeta) {
  const std::string meta = "<html><head><meta charset=\"shift_jis\"></head>";
  using Source = CharsetDecl::Source;
  // BOM beats the header and the meta.
  CharsetDecl d = DeclaredCharset("\xFF\xFE<\0h\0" + meta, "windows-1252", true);
  EXPECT_EQ(d.source, Source::kBom);
  EXPECT_STREQ(d.encoding->name, "UTF-16LE");
  EXPECT_EQ(d.bom_bytes, 2u);
  d = DeclaredCharset("\xEF\xBB\xBF" + meta, "windows-1252", true);
  EXPECT_EQ(d.source, Source::kBom);
  EXPECT_STREQ(d.encoding->name, "UTF-8");
  EXPECT_EQ(d.bom_bytes, 3u);
  // The header beats the meta.
  d = DeclaredCharset(meta, "windows-1252", true);
  EXPECT_EQ(d.source, Source::kHeader);
  EXPECT_STREQ(d.encoding->name, "windows-1252");
  EXPECT_EQ(d.bom_bytes, 0u);
  // No header: the meta.
  d = DeclaredCharset(meta, "", true);
  EXPECT_EQ(d.source, Source::kMeta);
  EXPECT_STREQ(d.encoding->name, "Shift_JIS");
  // An unknown header label is passed over for the meta.
  d = DeclaredCharset(meta, "x-klingon", true);
  EXPECT_EQ(d.source, Source::kMeta);
  EXPECT_STREQ(d.encoding->name, "Shift_JIS");
  // Not HTML: no meta.
  d = DeclaredCharset(meta, "", false);
  EXPECT_EQ(d.source, Source::kNone);
  EXPECT_EQ(d.encoding, nullptr);
  EXPECT_EQ(d.label, "");
  // Only unknown labels: none, the first unknown one kept.
  d = DeclaredCharset("<meta charset=x-elvish>", "x-klingon", true);
  EXPECT_EQ(d.encoding, nullptr);
  EXPECT_EQ(d.label, "x-klingon");
  d = DeclaredCharset("<meta charset=x-elvish>", "", true);
  EXPECT_EQ(d.label, "x-elvish");
  // A meta saying UTF-16 means UTF-8 (it was read as ASCII).
  d = DeclaredCharset("<meta charset=utf-16>", "", true);
  EXPECT_STREQ(d.encoding->name, "UTF-8");
}

}  // namespace
}  // namespace spamstrip
