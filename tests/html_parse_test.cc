// Tests for html_rawtext_elide.h (which script and style contents the pre-scan takes out, and
// the offset map back) and html_parse.h (the tree parsed from the reduced page is the tree of
// the page itself, node for node and offset for offset, or the page is parsed whole), and that
// ReadHtml reads the same document either way.
#include "html_parse.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "html_rawtext_elide.h"
#include "html_reader.h"
#include "html_tree_util.h"

namespace spamstrip {
namespace {

using html_internal::Arena;
using html_internal::ParseHtml;
using html_internal::ParseInfo;
using testing_html::CompareTrees;

// Some script text longer than the minimum, with markup-like characters in it.
const std::string kJs =
    "var a = 1 < 2 && b > 3; if (x) { document.title = \"<b>bold</b>\"; } /* long enough */";
const std::string kCss = "body { color: #333; } p > a:hover { text-decoration: underline; } /**/";

std::vector<std::string> Elided(std::string_view html, size_t min = 1) {
  RawTextElision e;
  std::vector<std::string> out;
  if (!e.Build(html, min)) return out;
  for (const ElidedRegion& g : e.regions()) out.emplace_back(html.substr(g.start, g.length));
  return out;
}

TEST(RawTextElision, ScriptAndStyleContentsTakenOut) {
  const std::string html =
      "<p>a</p><script>" + kJs + "</script><style media=x>" + kCss + "</style><p>b</p>";
  RawTextElision e;
  ASSERT_TRUE(e.Build(html));
  ASSERT_EQ(e.regions().size(), 2u);
  EXPECT_TRUE(e.regions()[0].script);
  EXPECT_FALSE(e.regions()[1].script);
  EXPECT_EQ(html.substr(e.regions()[0].start, e.regions()[0].length), kJs);
  EXPECT_EQ(html.substr(e.regions()[1].start, e.regions()[1].length), kCss);
  EXPECT_EQ(e.reduced(), "<p>a</p><script></script><style media=x></style><p>b</p>");
  // Offsets back: before, at and after a region.
  const size_t r0 = e.regions()[0].reduced_start;
  EXPECT_EQ(e.ToOriginal(3, true), 3u);
  EXPECT_EQ(e.ToOriginal(r0, false), e.regions()[0].start);
  EXPECT_EQ(e.ToOriginal(r0, true), e.regions()[0].start + kJs.size());
  EXPECT_EQ(e.ToOriginal(e.reduced().size(), true), html.size());
  // With a hint carried between calls, in any order, the same answers.
  size_t hint = 0;
  for (size_t r = 0; r <= e.reduced().size(); ++r) {
    for (bool after : {false, true}) {
      EXPECT_EQ(e.ToOriginal(r, after, &hint), e.ToOriginal(r, after)) << r;
      const size_t back = e.reduced().size() - r;
      EXPECT_EQ(e.ToOriginal(back, after, &hint), e.ToOriginal(back, after)) << back;
    }
  }
}

TEST(RawTextElision, QuotedGreaterThanInAttributes) {
  EXPECT_EQ(Elided("<script data-x=\"a>b\" y='c>d'>code</script>"),
            std::vector<std::string>{"code"});
  // A quote opens a value only after '=': here the tag ends at the first '>'.
  EXPECT_EQ(Elided("<script a\"b>code\"</script>"), std::vector<std::string>{"code\""});
  // Unquoted values end at '>'.
  EXPECT_EQ(Elided("<script src=x.js>code</script>"), std::vector<std::string>{"code"});
  EXPECT_EQ(Elided("<script / async>code</script>"), std::vector<std::string>{"code"});
}

TEST(RawTextElision, TagNamesAnyCaseAndDelimited) {
  EXPECT_EQ(Elided("<SCRIPT>x</ScRiPt >"), std::vector<std::string>{"x"});
  EXPECT_EQ(Elided("<Style>x</STYLE/>"), std::vector<std::string>{"x"});
  EXPECT_EQ(Elided("<script\n>x</script\t>"), std::vector<std::string>{"x"});
  // Not these tags at all.
  EXPECT_TRUE(Elided("<scripts>x</scripts>").empty());
  EXPECT_TRUE(Elided("<styles>x</styles>").empty());
}

TEST(RawTextElision, EndTagNeedsADelimiter) {
  EXPECT_EQ(Elided("<script>a</scripts>b</script>"), std::vector<std::string>{"a</scripts>b"});
  EXPECT_EQ(Elided("<style>a</stylex>b</style>"), std::vector<std::string>{"a</stylex>b"});
  // "</script" at the very end is no end tag: the script runs to the end, left alone.
  EXPECT_TRUE(Elided("<script>abc</script").empty());
}

TEST(RawTextElision, EscapedScriptLeftAlone) {
  EXPECT_TRUE(Elided("<script><!-- document.write('<script>x</script>') --></script>").empty());
  // A style has no escaped states: "<!--" in it is text.
  EXPECT_EQ(Elided("<style><!-- p {} --></style>"), std::vector<std::string>{"<!-- p {} -->"});
  // The next script is still found.
  EXPECT_EQ(Elided("<script><!-- a --></script><script>b</script>"), std::vector<std::string>{"b"});
}

TEST(RawTextElision, UnterminatedAndShortLeftAlone) {
  EXPECT_TRUE(Elided("<p>x</p><script>var a = 1;").empty());
  EXPECT_TRUE(Elided("<script src='a.js'").empty());
  RawTextElision e;
  EXPECT_FALSE(e.Build("<script>short</script>"));  // below the default minimum
  EXPECT_TRUE(e.regions().empty());
  EXPECT_TRUE(e.Build("<script>" + kJs + "</script>"));
}

TEST(RawTextElision, CommentsSkipped) {
  EXPECT_TRUE(Elided("<!-- <script>x</script> -->").empty());
  EXPECT_EQ(Elided("<!--><script>x</script>"), std::vector<std::string>{"x"});
  EXPECT_EQ(Elided("<!-- a --!><script>x</script>"), std::vector<std::string>{"x"});
  EXPECT_TRUE(Elided("<!-- never closed <script>x</script>").empty());
}

// Parses `html` with and without elision; the trees must be the same.
ParseInfo ExpectSameTree(const std::string& html) {
  Arena fast_arena, whole_arena;
  ParseInfo info;
  GumboOutput* fast = ParseHtml(html, true, &fast_arena, &info);
  GumboOutput* whole = ParseHtml(html, false, &whole_arena);
  EXPECT_EQ(CompareTrees(fast->document, whole->document, html), "") << html;
  return info;
}

TEST(HtmlParse, ElidedTreeIsTheWholeTree) {
  const std::string page = "<!DOCTYPE html><html><head><title>T</title><style>" + kCss +
                           "</style><script type=\"text/javascript\">" + kJs +
                           "</script></head><body><p class=a>One &amp; two</p><script>" + kJs +
                           "</script><div id=x>text<script async>" + kJs +
                           "</script>more</div><table><script>" + kJs +
                           "</script><tr><td>cell</td></tr></table></body></html>";
  const ParseInfo info = ExpectSameTree(page);
  EXPECT_EQ(info.elided, 5u);
  EXPECT_FALSE(info.fell_back);
}

TEST(HtmlParse, ScriptTextKeepsCarriageReturnsNulsAndWhitespace) {
  const std::string page = "<p>a</p><script>" + kJs + "\r\nx\ry\r\n" + std::string(1, '\0') +
                           "z</script><script>" + std::string(80, ' ') + "\n</script><p>b</p>";
  const ParseInfo info = ExpectSameTree(page);
  EXPECT_EQ(info.elided, 2u);
  EXPECT_FALSE(info.fell_back);
}

TEST(HtmlParse, NotRawTextFallsBackToTheWholePage) {
  // Each "<script>" or "<style>" below is no raw-text element: the check fails and the page is
  // parsed whole.
  const std::vector<std::string> pages = {
      "<svg><style>" + kCss + "</style></svg><p>x</p>",
      "<textarea><script>" + kJs + "</script></textarea>",
      "<title><script>" + kJs + "</script></title>",
      "<div title=\"<script>" + kJs + "</script>\">x</div>",
      "<div title='<script>" + kJs + "</script>'>x</div>",
      "<math><style>" + kCss + "</style></math>",
      "<xmp><style>" + kCss + "</style></xmp>",
  };
  for (const std::string& page : pages) {
    const ParseInfo info = ExpectSameTree(page);
    EXPECT_TRUE(info.fell_back) << page;
    EXPECT_EQ(info.elided, 0u) << page;
  }
}

TEST(HtmlParse, ScriptInsideCommentNotElided) {
  const ParseInfo info = ExpectSameTree("<!-- <script>" + kJs + "</script> --><p>x</p>");
  EXPECT_FALSE(info.fell_back);
  EXPECT_EQ(info.elided, 0u);
}

TEST(HtmlParse, OddPlacesStillTheSameTree) {
  // Whatever the check decides, the tree is the page's.
  for (const std::string& page : {
           "<frameset><script>" + kJs + "</script></frameset>",
           "<select><script>" + kJs + "</script><option>a</select>",
           "<html><head></head><body></body></html><script>" + kJs + "</script>",
           "<noscript><style>" + kCss + "</style></noscript>",
           "<template><style>" + kCss + "</style></template>",
           "<svg><foreignObject><script>" + kJs + "</script></foreignObject></svg>",
           "<script>" + kJs + "</script ></p></script>",
           "<table><tr><style>" + kCss + "</style><td>a</td></tr></table>",
       }) {
    ExpectSameTree(page);
  }
}

void ExpectSameDocument(const std::string& html) {
  HtmlReadOptions fast, whole;
  whole.elide_raw_text = false;
  HtmlDocument a, b;
  ReadHtml(html, fast, &a);
  ReadHtml(html, whole, &b);
  EXPECT_EQ(a.text, b.text);
  EXPECT_EQ(a.page_site, b.page_site);
  ASSERT_EQ(a.blocks.size(), b.blocks.size());
  for (size_t i = 0; i < a.blocks.size(); ++i) {
    const HtmlBlock& x = a.blocks[i];
    const HtmlBlock& y = b.blocks[i];
    EXPECT_EQ(x.text.start, y.text.start);
    EXPECT_EQ(x.text.end, y.text.end);
    EXPECT_EQ(x.source.start, y.source.start);
    EXPECT_EQ(x.source.end, y.source.end);
    EXPECT_EQ(x.kind, y.kind);
    EXPECT_EQ(x.facts.hidden, y.facts.hidden);
    EXPECT_EQ(x.facts.region, y.facts.region);
    EXPECT_EQ(x.facts.links, y.facts.links);
    EXPECT_EQ(x.facts.link_text_bytes, y.facts.link_text_bytes);
    EXPECT_EQ(x.facts.foreign_links, y.facts.foreign_links);
    EXPECT_EQ(x.facts.depth, y.facts.depth);
    EXPECT_EQ(x.links.size(), y.links.size());
  }
  ASSERT_EQ(a.pieces.size(), b.pieces.size());
  for (size_t i = 0; i < a.pieces.size(); ++i) {
    EXPECT_EQ(a.pieces[i].text_start, b.pieces[i].text_start);
    EXPECT_EQ(a.pieces[i].text_end, b.pieces[i].text_end);
    EXPECT_EQ(a.pieces[i].source_start, b.pieces[i].source_start);
    EXPECT_EQ(a.pieces[i].source_end, b.pieces[i].source_end);
    EXPECT_EQ(a.pieces[i].node, b.pieces[i].node);
    EXPECT_EQ(a.pieces[i].exact, b.pieces[i].exact);
  }
  ASSERT_EQ(a.nodes.size(), b.nodes.size());
  for (size_t i = 0; i < a.nodes.size(); ++i) {
    EXPECT_EQ(a.nodes[i].parent, b.nodes[i].parent);
    EXPECT_EQ(a.nodes[i].source_start, b.nodes[i].source_start);
    EXPECT_EQ(a.nodes[i].source_end, b.nodes[i].source_end);
    EXPECT_EQ(a.nodes[i].text_first, b.nodes[i].text_first);
    EXPECT_EQ(a.nodes[i].text_end, b.nodes[i].text_end);
    EXPECT_EQ(a.nodes[i].widenable, b.nodes[i].widenable);
  }
  EXPECT_EQ(a.block_roots, b.block_roots);
}

TEST(HtmlParse, ReadHtmlSameDocumentWithAndWithoutElision) {
  ExpectSameDocument("<html><head><script>" + kJs + "</script><link rel=canonical " +
                     "href=\"https://www.example.com/a\"></head><body><nav><a href=/>Home</a>" +
                     "<script>" + kJs + "</script></nav><article><h1>Title</h1><p>First " +
                     "<a href=\"https://spam.example.net/\">link</a> para.</p><style>" + kCss +
                     "</style><p style=\"display:none\">hidden buy pills</p><div>Loose text " +
                     "<script>" + kJs + "</script>and more.<br><br>After breaks.</div>" +
                     "</article><footer>Foot</footer></body></html>");
  // A cut that would straddle a script: the block's source still spans its real bytes.
  ExpectSameDocument("<div>before <b>bold</b><script>" + kJs + "</script> after</div><p>x</p>");
  // And a page that falls back.
  ExpectSameDocument("<svg><style>" + kCss + "</style></svg><p>text</p><script>" + kJs +
                     "</script><p>more</p>");
}

}  // namespace
}  // namespace spamstrip
