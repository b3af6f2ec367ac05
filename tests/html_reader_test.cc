// Tests for html_reader.h on hand-written pages: blocks, kinds, regions, hidden reasons, links,
// the page's site, entities, <br> handling, text-to-source mapping, and the cut property (a
// block's source removed from the page leaves the same tree minus that block).
#include "html_reader.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "html_tree_util.h"
#include "site.h"

namespace spamstrip {
namespace {

using testing_html::CheckCut;

std::string TextOf(const HtmlDocument& d, size_t i) {
  const Range r = d.blocks[i].text;
  return d.text.substr(r.start, r.size());
}

std::string SourceOf(std::string_view html, Range r) {
  return std::string(html.substr(r.start, r.size()));
}

HtmlDocument Read(std::string_view html, const std::string& url = "") {
  HtmlDocument d;
  HtmlReadOptions o;
  o.url = url;
  ReadHtml(html, o, &d);
  return d;
}

// Index of the block whose text is `text` (or contains it, with `contains`), or -1.
int Find(const HtmlDocument& d, std::string_view text, bool contains = false) {
  for (size_t i = 0; i < d.blocks.size(); ++i) {
    const std::string t = TextOf(d, i);
    if (contains ? t.find(text) != std::string::npos : t == text) return static_cast<int>(i);
  }
  return -1;
}

// Invariants of every read: text ranges inside the text and in order, "\n\n" between blocks,
// sources inside the page, sorted and disjoint, SourceRange of the whole text inside the source.
void CheckInvariants(std::string_view html, const HtmlDocument& d) {
  size_t prev_text = 0, prev_src = 0;
  ASSERT_EQ(d.blocks.size(), d.block_roots.size());
  for (size_t i = 0; i < d.blocks.size(); ++i) {
    SCOPED_TRACE("block " + std::to_string(i));
    const HtmlBlock& b = d.blocks[i];
    ASSERT_LT(b.text.start, b.text.end);
    ASSERT_LE(b.text.end, d.text.size());
    EXPECT_EQ(b.text.start, i == 0 ? 0 : prev_text + 2);
    if (i > 0) {
      EXPECT_EQ(d.text.substr(prev_text, 2), "\n\n");
    }
    EXPECT_NE(d.text[b.text.start], ' ');
    EXPECT_NE(d.text[b.text.end - 1], ' ');
    prev_text = b.text.end;
    ASSERT_LE(b.source.start, b.source.end);
    ASSERT_LE(b.source.end, html.size());
    if (b.source.start == b.source.end) continue;
    EXPECT_LE(prev_src, b.source.start);
    prev_src = b.source.end;
    Range whole;
    ASSERT_TRUE(d.SourceRange(i, b.text, &whole));
    EXPECT_GE(whole.start, b.source.start);
    EXPECT_LE(whole.end, b.source.end);
  }
  EXPECT_EQ(prev_text, d.text.size());
}

// Every block's source can be cut leaving the same tree minus the block.
void CheckCuts(std::string_view html, const HtmlDocument& d) {
  for (size_t i = 0; i < d.blocks.size(); ++i) {
    const Range s = d.blocks[i].source;
    if (s.start == s.end) continue;
    EXPECT_EQ(CheckCut(html, s), "") << "block " << i << ": " << TextOf(d, i);
  }
}

// A news page as a CMS renders it: masthead, menu, article, an injected hidden link farm,
// sidebar, comments and footer. The text is made up.
const char kPage[] = R"html(<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Harbour bridge reopens after repairs | The Coastal Herald</title>
  <link rel="canonical" href="https://www.coastalherald.co.uk/news/2024/harbour-bridge-reopens">
  <script>window.dataLayer = window.dataLayer || []; var x = "<p>not text</p>";</script>
  <style>.hidden { display: none }</style>
</head>
<body class="single-post has-sidebar with-comments">
<header id="masthead" class="site-header">
  <div class="site-branding"><a href="/">The Coastal Herald</a></div>
  <nav class="main-navigation" aria-label="Primary">
    <ul id="primary-menu" class="menu">
      <li class="menu-item"><a href="/news/">News</a></li>
      <li class="menu-item"><a href="/sport/">Sport</a></li>
      <li class="menu-item menu-item-article"><a href="/opinion/">Opinion</a></li>
    </ul>
  </nav>
</header>
<main id="main" class="site-main">
<article class="post type-post">
  <header class="entry-header">
    <h1 class="entry-title">Harbour bridge reopens after six months of repairs</h1>
    <div class="byline">By Morag Lindsay &middot; 3 March 2024</div>
  </header>
  <div class="entry-content">
    <p>The swing bridge over the inner harbour reopened to traffic on Monday morning, ending
       six months of diversions for drivers between the two halves of the town.</p>
    <p>Engineers replaced the bridge&#8217;s corroded bearings and the hydraulic rams that lift
       the deck, the council said. The work cost &pound;4.2m &amp; ran three weeks late.</p>
    <figure class="wp-block-image">
      <img src="/img/bridge.jpg" alt="">
      <figcaption>The bridge deck was lifted for the first time since October.</figcaption>
    </figure>
    <p>Councillor Ewan Baird, who chairs the transport committee, said the delay was caused by
       <a href="https://www.coastalherald.co.uk/news/2023/steel-shortage">a shortage of steel</a>
       and by <a href="https://www.example-engineering.com/report">an engineering report</a> that
       found further damage.</p>
    <div style="DISPLAY: none !important"><a href="https://cheap-pills.example.net/">buy cheap pills online</a> <a href="https://casino-bonus.example.org/">best casino bonus</a></div>
    <p>Harbour users welcomed the news. &ldquo;It&#8217;s been a long winter,&rdquo; said one
       fisherman.</p>
  </div>
</article>
<aside id="secondary" class="widget-area">
  <section class="widget"><h2 class="widget-title">Most read</h2>
    <ul><li><a href="/news/2024/ferry-timetable">New ferry timetable announced</a></li></ul>
  </section>
</aside>
<section id="comments" class="comments-area">
  <ol class="comment-list">
    <li class="comment"><div class="comment-content"><p>About time too. My commute doubled.</p></div></li>
  </ol>
</section>
</main>
<footer id="colophon" class="site-footer">
  <p>&copy; 2024 The Coastal Herald. All rights reserved.</p>
</footer>
</body>
</html>
)html";

TEST(HtmlReader, NewsPageBlocksKindsAndRegions) {
  const std::string html = kPage;
  const HtmlDocument d = Read(html);
  CheckInvariants(html, d);
  EXPECT_EQ(d.page_site, "coastalherald.co.uk");

  const int brand = Find(d, "The Coastal Herald");
  ASSERT_GE(brand, 0);
  EXPECT_EQ(d.blocks[brand].facts.region, HtmlRegion::kHeader);

  const int menu = Find(d, "Opinion");
  ASSERT_GE(menu, 0);
  EXPECT_EQ(d.blocks[menu].facts.region, HtmlRegion::kNavigation);
  EXPECT_EQ(d.blocks[menu].kind, BlockKind::kLinkList);
  EXPECT_EQ(d.blocks[menu].facts.links, 1u);
  ASSERT_EQ(d.blocks[menu].links.size(), 1u);
  for (const HtmlLink& l : d.blocks[menu].links) {
    EXPECT_EQ(l.host, "");  // relative link: the page's own site
    EXPECT_FALSE(l.foreign);
  }

  const int title = Find(d, "Harbour bridge reopens after six months of repairs");
  ASSERT_GE(title, 0);
  EXPECT_EQ(d.blocks[title].kind, BlockKind::kHeading);
  EXPECT_EQ(d.blocks[title].facts.region, HtmlRegion::kContent);  // the article's own header
  const int byline = Find(d, "By Morag Lindsay \xC2\xB7 3 March 2024");
  ASSERT_GE(byline, 0);
  EXPECT_EQ(d.blocks[byline].facts.region, HtmlRegion::kContent);

  const int first = Find(d,
                         "The swing bridge over the inner harbour reopened to traffic on Monday "
                         "morning, ending six months of diversions for drivers between the two "
                         "halves of the town.");
  ASSERT_GE(first, 0);
  EXPECT_EQ(first, byline + 1);
  EXPECT_EQ(d.blocks[first].kind, BlockKind::kParagraph);
  EXPECT_EQ(d.blocks[first].facts.hidden, nullptr);
  EXPECT_EQ(d.blocks[first].facts.links, 0u);
  EXPECT_EQ(SourceOf(html, d.blocks[first].source).substr(0, 30), "<p>The swing bridge over the i");
  EXPECT_EQ(SourceOf(html, d.blocks[first].source).substr(d.blocks[first].source.size() - 13),
            "the town.</p>");

  const int second = Find(d, "Engineers replaced the bridge\xE2\x80\x99s corroded bearings", true);
  ASSERT_GE(second, 0);
  const std::string cost =
      "cost \xC2\xA3"
      "4.2m & ran three weeks late.";
  EXPECT_EQ(TextOf(d, second).substr(TextOf(d, second).size() - cost.size()), cost);

  const int caption = Find(d, "The bridge deck was lifted for the first time since October.");
  ASSERT_GE(caption, 0);
  EXPECT_EQ(d.blocks[caption].kind, BlockKind::kCaption);

  const int linked = Find(d, "Councillor Ewan Baird", true);
  ASSERT_GE(linked, 0);
  const HtmlBlock& lb = d.blocks[linked];
  EXPECT_EQ(lb.facts.links, 2u);
  EXPECT_EQ(lb.facts.foreign_links, 1u);
  ASSERT_EQ(lb.links.size(), 2u);
  EXPECT_EQ(lb.links[0].host, "www.coastalherald.co.uk");
  EXPECT_EQ(lb.links[1].host, "www.example-engineering.com");
  EXPECT_EQ(lb.facts.link_text_bytes, std::string("a shortage of steel").size() +
                                          std::string("an engineering report").size());

  const int farm = Find(d, "buy cheap pills online best casino bonus");
  ASSERT_GE(farm, 0);
  EXPECT_STREQ(d.blocks[farm].facts.hidden, "display:none");
  EXPECT_EQ(d.blocks[farm].facts.links, 2u);
  EXPECT_EQ(d.blocks[farm].facts.foreign_links, 2u);
  EXPECT_EQ(d.blocks[farm].facts.region, HtmlRegion::kContent);
  EXPECT_EQ(SourceOf(html, d.blocks[farm].source).substr(0, 20), "<div style=\"DISPLAY:");

  const int quote = Find(d,
                         "Harbour users welcomed the news. \xE2\x80\x9CIt\xE2\x80\x99s been a long "
                         "winter,\xE2\x80\x9D said one fisherman.");
  ASSERT_GE(quote, 0);

  const int most_read = Find(d, "Most read");
  ASSERT_GE(most_read, 0);
  EXPECT_EQ(d.blocks[most_read].facts.region, HtmlRegion::kAside);
  EXPECT_EQ(d.blocks[most_read].kind, BlockKind::kHeading);

  const int comment = Find(d, "About time too. My commute doubled.");
  ASSERT_GE(comment, 0);
  EXPECT_EQ(d.blocks[comment].facts.region, HtmlRegion::kComments);

  const int footer = Find(d, "\xC2\xA9 2024 The Coastal Herald. All rights reserved.");
  ASSERT_GE(footer, 0);
  EXPECT_EQ(d.blocks[footer].facts.region, HtmlRegion::kFooter);

  // Nothing from head, scripts or styles.
  EXPECT_EQ(d.text.find("dataLayer"), std::string::npos);
  EXPECT_EQ(d.text.find("not text"), std::string::npos);
  EXPECT_EQ(d.text.find("Herald</title>"), std::string::npos);
  CheckCuts(html, d);
}

TEST(HtmlReader, PageSiteSources) {
  EXPECT_EQ(Read(kPage, "http://m.bbc.co.uk/news").page_site, "bbc.co.uk");  // url wins
  EXPECT_EQ(Read("<meta property=\"og:url\" content=\"https://news.example.com.au/a\"><p>x</p>")
                .page_site,
            "example.com.au");
  EXPECT_EQ(Read("<base href=\"http://WWW.Example.ORG:8080/\"><p>x</p>").page_site, "example.org");
  const HtmlDocument none = Read("<p>See <a href=\"https://other.example/\">this</a>.</p>");
  EXPECT_EQ(none.page_site, "");
  ASSERT_EQ(none.blocks.size(), 1u);
  EXPECT_EQ(none.blocks[0].facts.links, 1u);
  EXPECT_EQ(none.blocks[0].facts.foreign_links, 0u);  // unknown without the page's site
  ASSERT_EQ(none.blocks[0].links.size(), 1u);
  EXPECT_EQ(none.blocks[0].links[0].host, "other.example");
}

TEST(HtmlReader, EntitiesMapBackExactly) {
  const std::string html =
      "<p>Tom&amp;Jerry&#8217;s  caf&eacute;&nbsp;opened &#x2014; at\r\n   last &copy2024.</p>";
  const HtmlDocument d = Read(html);
  CheckInvariants(html, d);
  ASSERT_EQ(d.blocks.size(), 1u);
  const std::string t = TextOf(d, 0);
  EXPECT_EQ(t,
            "Tom&Jerry\xE2\x80\x99s caf\xC3\xA9 opened \xE2\x80\x94 at last \xC2\xA9"
            "2024.");
  auto source_of = [&](std::string_view piece) {
    const size_t at = d.blocks[0].text.start + t.find(piece);
    Range src;
    EXPECT_TRUE(d.SourceRange(0, Range{at, at + piece.size()}, &src)) << piece;
    return SourceOf(html, src);
  };
  EXPECT_EQ(source_of("Tom&Jerry"), "Tom&amp;Jerry");
  EXPECT_EQ(source_of("&"), "&amp;");
  EXPECT_EQ(source_of("\xE2\x80\x99"), "&#8217;");
  EXPECT_EQ(source_of("Jerry\xE2\x80\x99s caf\xC3\xA9"), "Jerry&#8217;s  caf&eacute;");
  EXPECT_EQ(source_of("caf\xC3\xA9 opened"), "caf&eacute;&nbsp;opened");
  EXPECT_EQ(source_of("\xE2\x80\x94"), "&#x2014;");
  EXPECT_EQ(source_of("at last"), "at\r\n   last");
  EXPECT_EQ(source_of("\xC2\xA9"
                      "2024."),
            "&copy2024.");
  // Part of a multi-byte entity maps to the whole entity.
  const size_t dash = d.blocks[0].text.start + t.find("\xE2\x80\x94");
  Range src;
  ASSERT_TRUE(d.SourceRange(0, Range{dash + 1, dash + 2}, &src));
  EXPECT_EQ(SourceOf(html, src), "&#x2014;");
}

TEST(HtmlReader, SourceRangeTakesWholeInlineElements) {
  const std::string html =
      "<div class=\"story\"><p>Prices rose again. <a href=\"https://pills.example/\" "
      "rel=\"nofollow\"><b>Cheap pills here</b></a> and <em>more</em> text. "
      "Read <i>the <b>full</b> report</i> today.</p></div>";
  const HtmlDocument d = Read(html);
  CheckInvariants(html, d);
  ASSERT_EQ(d.blocks.size(), 1u);
  const std::string t = TextOf(d, 0);
  auto cut = [&](std::string_view piece, Range* src) {
    const size_t at = d.blocks[0].text.start + t.find(piece);
    return d.SourceRange(0, Range{at, at + piece.size()}, src);
  };
  Range src;
  ASSERT_TRUE(cut("Cheap pills here", &src));
  EXPECT_EQ(SourceOf(html, src),
            "<a href=\"https://pills.example/\" rel=\"nofollow\"><b>Cheap pills here</b></a>");
  EXPECT_EQ(CheckCut(html, src), "");
  ASSERT_TRUE(cut("Cheap pills here and more", &src));
  EXPECT_EQ(SourceOf(html, src),
            "<a href=\"https://pills.example/\" rel=\"nofollow\"><b>Cheap pills here</b></a> and "
            "<em>more</em>");
  EXPECT_EQ(CheckCut(html, src), "");
  // Part of an element's text: the text alone.
  ASSERT_TRUE(cut("pills", &src));
  EXPECT_EQ(SourceOf(html, src), "pills");
  // Starts inside one element and ends inside another: no balanced range.
  EXPECT_FALSE(cut("pills here and mo", &src));
  EXPECT_FALSE(cut("full report today", &src));
  ASSERT_TRUE(cut("the full report", &src));
  EXPECT_EQ(SourceOf(html, src), "<i>the <b>full</b> report</i>");
  // The whole block text: everything between the block's tags.
  ASSERT_TRUE(d.SourceRange(0, d.blocks[0].text, &src));
  EXPECT_EQ(src.start, html.find("Prices"));
  EXPECT_EQ(src.end, html.find("</p>"));
  // Out of range.
  EXPECT_FALSE(d.SourceRange(1, Range{0, 1}, &src));
  EXPECT_FALSE(d.SourceRange(0, Range{0, d.text.size() + 1}, &src));
  EXPECT_FALSE(d.SourceRange(0, Range{3, 3}, &src));
}

TEST(HtmlReader, LineBreaks) {
  const std::string html =
      "<div class=\"text\">First line of the notice<br>second line of it<br /><br />"
      "A separate paragraph with <b>bold</b> words.<br>\n<br>\n<br>Third one.<br></div>";
  const HtmlDocument d = Read(html);
  CheckInvariants(html, d);
  ASSERT_EQ(d.blocks.size(), 3u);
  EXPECT_EQ(TextOf(d, 0), "First line of the notice\nsecond line of it");
  EXPECT_EQ(TextOf(d, 1), "A separate paragraph with bold words.");
  EXPECT_EQ(TextOf(d, 2), "Third one.");
  EXPECT_EQ(SourceOf(html, d.blocks[0].source), "First line of the notice<br>second line of it");
  EXPECT_EQ(SourceOf(html, d.blocks[1].source), "A separate paragraph with <b>bold</b> words.");
  EXPECT_EQ(SourceOf(html, d.blocks[2].source), "Third one.");
  CheckCuts(html, d);
}

TEST(HtmlReader, AnonymousRunsBetweenBlocks) {
  const std::string html =
      "<body><div id=\"story\">Lead text in a bare div, <a href=\"/x\">with a link</a>."
      "<p>A paragraph.</p>  Trailing words <span>after it</span>  <!-- note -->"
      "<ul><li>One item</li><li>Two <a href=\"/a\">a</a><ul><li>Nested</li></ul></li></ul>"
      "</div>Loose body text</body>";
  const HtmlDocument d = Read(html);
  CheckInvariants(html, d);
  ASSERT_EQ(d.blocks.size(), 7u);
  EXPECT_EQ(TextOf(d, 0), "Lead text in a bare div, with a link.");
  EXPECT_EQ(SourceOf(html, d.blocks[0].source),
            "Lead text in a bare div, <a href=\"/x\">with a link</a>.");
  EXPECT_EQ(TextOf(d, 1), "A paragraph.");
  EXPECT_EQ(TextOf(d, 2), "Trailing words after it");
  EXPECT_EQ(SourceOf(html, d.blocks[2].source), "  Trailing words <span>after it</span>");
  EXPECT_EQ(TextOf(d, 3), "One item");
  EXPECT_EQ(d.blocks[3].kind, BlockKind::kListItem);
  EXPECT_EQ(TextOf(d, 4), "Two a");  // the li's own run; the nested li is its own block
  EXPECT_EQ(d.blocks[4].kind, BlockKind::kListItem);
  EXPECT_EQ(TextOf(d, 5), "Nested");
  EXPECT_EQ(TextOf(d, 6), "Loose body text");
  EXPECT_GT(d.blocks[5].facts.depth, d.blocks[3].facts.depth);
  CheckCuts(html, d);
}

TEST(HtmlReader, ImpliedEndTagsCutCleanly) {
  const std::string html =
      "<html><body><div><p>One without an end tag<p>Two, also open<ul><li>alpha<li>beta</ul>"
      "<table><tr><td>cell one<td>cell <b>two</b></tr></table><dl><dt>term<dd>meaning</dl>"
      "<p>closed by the div</div><p>last";
  const HtmlDocument d = Read(html);
  CheckInvariants(html, d);
  std::vector<std::string> texts;
  for (size_t i = 0; i < d.blocks.size(); ++i) texts.push_back(TextOf(d, i));
  EXPECT_EQ(texts, (std::vector<std::string>{"One without an end tag", "Two, also open", "alpha",
                                             "beta", "cell one", "cell two", "term", "meaning",
                                             "closed by the div", "last"}));
  EXPECT_EQ(SourceOf(html, d.blocks[0].source), "<p>One without an end tag");
  EXPECT_EQ(SourceOf(html, d.blocks[8].source), "<p>closed by the div");
  for (const HtmlBlock& b : d.blocks) EXPECT_LT(b.source.start, b.source.end);
  CheckCuts(html, d);
}

TEST(HtmlReader, TangledMarkupHasNoCut) {
  // A <b> left open across paragraphs is re-opened by the parser in the next one: cutting the
  // first paragraph would change the second, so it has no source; the rest still cut cleanly.
  const std::string html =
      "<p>Plain first.</p><p><b>bold start<p>bold continues</b> end</p>"
      "<p>Plain last.</p>";
  const HtmlDocument d = Read(html);
  CheckInvariants(html, d);
  ASSERT_EQ(d.blocks.size(), 4u);
  EXPECT_EQ(TextOf(d, 1), "bold start");
  EXPECT_EQ(d.blocks[1].source.size(), 0u);
  EXPECT_EQ(d.blocks[2].source.size(), 0u);  // holds the parser's copy of <b>
  Range src;
  EXPECT_FALSE(d.SourceRange(1, d.blocks[1].text, &src));
  EXPECT_GT(d.blocks[0].source.size(), 0u);
  EXPECT_GT(d.blocks[3].source.size(), 0u);
  CheckCuts(html, d);
}

TEST(HtmlReader, CutThatWouldReopenTheElementBeforeHasNoSource) {
  // "<li>two" closes the first item; cut it and "tail text" would join the first item.
  const std::string html =
      "<ul><li>one<li>two</li> tail text</ul><div><p>intro<div>box</div> more</div>";
  const HtmlDocument d = Read(html);
  CheckInvariants(html, d);
  const int two = Find(d, "two");
  const int box = Find(d, "box");
  ASSERT_GE(two, 0);
  ASSERT_GE(box, 0);
  EXPECT_EQ(d.blocks[two].source.size(), 0u);
  EXPECT_EQ(d.blocks[box].source.size(), 0u);
  EXPECT_GT(d.blocks[Find(d, "one")].source.size(), 0u);
  CheckCuts(html, d);
  // With only whitespace after it, the cut stays: the first item takes in that whitespace
  // (the one change to the tree, and no change to any text).
  const std::string ws = "<ul><li>one<li>two</li>\n  <li>three</li></ul>";
  const HtmlDocument w = Read(ws);
  ASSERT_EQ(w.blocks.size(), 3u);
  ASSERT_GT(w.blocks[1].source.size(), 0u);
  EXPECT_EQ(CheckCut(ws, w.blocks[1].source).rfind(testing_html::kWhitespaceOnly, 0), 0u);
}

TEST(HtmlReader, HiddenReasons) {
  struct Case {
    const char* attrs;
    const char* reason;
  } cases[] = {
      {"style=\"display:none\"", "display:none"},
      {"style=\"color:red; Display : None !important\"", "display:none"},
      {"style=\"visibility: hidden\"", "visibility:hidden"},
      {"style=\"font-size:0\"", "font-size:0"},
      {"style=\"font-size: 0px;\"", "font-size:0"},
      {"style=\"font-size:0pt\"", "font-size:0"},
      {"style=\"font-size:0em\"", "font-size:0"},
      {"style=\"position:absolute; left:-9999px\"", "off-screen"},
      {"style=\"position: fixed; top: -1200px;\"", "off-screen"},
      {"style=\"text-indent:-999px\"", "text-indent"},
      {"style=\"height:0;overflow:hidden\"", "zero-size"},
      {"style=\"overflow:hidden; max-height:0px\"", "zero-size"},
      {"style=\"width:0px; overflow: hidden\"", "zero-size"},
      {"style=\"color:#fff; background-color:#FFFFFF\"", "same-colour"},
      {"style=\"color:white;background:#ffffff url(x.png) no-repeat\"", "same-colour"},
      {"style=\"color: rgb(255, 255, 255); background-color: white\"", "same-colour"},
      {"hidden", "hidden-attribute"},
      {"aria-hidden=\"true\"", "aria-hidden"},
      // Visible.
      {"style=\"display:block\"", nullptr},
      {"style=\"position:absolute; left:10px\"", nullptr},
      {"style=\"left:-9999px\"", nullptr},  // not positioned
      {"style=\"height:0\"", nullptr},      // overflow visible
      {"style=\"font-size:10px\"", nullptr},
      {"style=\"color:#fff; background-color:#000\"", nullptr},
      {"style=\"text-indent:2em\"", nullptr},
      {"aria-hidden=\"false\"", nullptr},
      {"class=\"hidden\"", nullptr},  // style sheets are not read
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.attrs);
    const std::string html = std::string("<p>Visible text before.</p><div ") + c.attrs +
                             "><p>Some words <a href=\"http://x.example/\">here</a></p></div>";
    const HtmlDocument d = Read(html);
    CheckInvariants(html, d);
    ASSERT_EQ(d.blocks.size(), 2u);
    EXPECT_EQ(d.blocks[0].facts.hidden, nullptr);
    if (c.reason) {
      EXPECT_STREQ(d.blocks[1].facts.hidden, c.reason);
    } else {
      EXPECT_EQ(d.blocks[1].facts.hidden, nullptr);
    }
  }
}

TEST(HtmlReader, HiddenSourceTakesTheHidingWrapperWhenItHoldsOnlyTheBlock) {
  const std::string page =
      "<div><p>Visible first paragraph of the story.</p>"
      "<div style=\"display:none\"><p>cheap pills one</p></div>"
      "<div style=\"font-size:0\"> <!-- x --> <div><p>cheap pills two</p></div> </div>"
      "<div hidden><p>cheap pills three</p><p>cheap pills four</p></div>"
      "<p style=\"display:none\">cheap pills five</p></div>";
  const HtmlDocument d = Read(page);
  CheckInvariants(page, d);
  auto hidden_source = [&](std::string_view text) {
    const int i = Find(d, text);
    EXPECT_GE(i, 0) << text;
    return i < 0 ? std::string() : SourceOf(page, d.blocks[static_cast<size_t>(i)].hidden_source);
  };
  EXPECT_EQ(hidden_source("cheap pills one"),
            "<div style=\"display:none\"><p>cheap pills one</p></div>");
  EXPECT_EQ(hidden_source("cheap pills two"),
            "<div style=\"font-size:0\"> <!-- x --> <div><p>cheap pills two</p></div> </div>");
  // The wrapper holds two blocks; the block hides itself; a visible block: its own source.
  EXPECT_EQ(hidden_source("cheap pills three"), "<p>cheap pills three</p>");
  EXPECT_EQ(hidden_source("cheap pills five"), "<p style=\"display:none\">cheap pills five</p>");
  EXPECT_EQ(hidden_source("Visible first paragraph of the story."),
            "<p>Visible first paragraph of the story.</p>");
  for (const char* t : {"cheap pills one", "cheap pills two"}) {
    const int i = Find(d, t);
    ASSERT_GE(i, 0);
    EXPECT_EQ(CheckCut(page, d.blocks[static_cast<size_t>(i)].hidden_source), "") << t;
  }
}

TEST(HtmlReader, HiddenSpanInsideParagraphIsItsOwnBlock) {
  const std::string html =
      "<p>The council met on Tuesday. <span style=\"position:absolute;left:-5000px\">"
      "<a href=\"https://pay-day.example/\">payday loans</a></span> It agreed the budget.</p>";
  const HtmlDocument d = Read(html, "https://localnews.example/");
  CheckInvariants(html, d);
  ASSERT_EQ(d.blocks.size(), 3u);
  EXPECT_EQ(TextOf(d, 0), "The council met on Tuesday.");
  EXPECT_EQ(TextOf(d, 1), "payday loans");
  EXPECT_STREQ(d.blocks[1].facts.hidden, "off-screen");
  EXPECT_EQ(d.blocks[1].facts.foreign_links, 1u);
  EXPECT_EQ(SourceOf(html, d.blocks[1].source).substr(0, 6), "<span ");
  EXPECT_EQ(TextOf(d, 2), "It agreed the budget.");
  EXPECT_EQ(d.blocks[2].facts.hidden, nullptr);
  CheckCuts(html, d);
}

TEST(HtmlReader, RegionsFromClassTokens) {
  struct Case {
    const char* open;
    const char* close;
    HtmlRegion region;
  } cases[] = {
      {"<div class=\"commentary\">", "</div>", HtmlRegion::kContent},
      {"<div class=\"comment-body\">", "</div>", HtmlRegion::kComments},
      {"<div id=\"disqus_thread\">", "</div>", HtmlRegion::kComments},
      {"<div class=\"commentList\">", "</div>", HtmlRegion::kComments},
      {"<div class=\"mainNav\">", "</div>", HtmlRegion::kNavigation},
      {"<ol class=\"breadcrumbs\">", "</ol>", HtmlRegion::kNavigation},
      {"<div class=\"menu-item-article\">", "</div>", HtmlRegion::kNavigation},
      {"<div class=\"has-sidebar no-comments\">", "</div>", HtmlRegion::kContent},
      {"<div class=\"content-sidebar-wrap\">", "</div>", HtmlRegion::kContent},
      {"<div class=\"entry-footer\">", "</div>", HtmlRegion::kContent},
      {"<div class=\"sidebar-content\">", "</div>", HtmlRegion::kAside},
      {"<div class=\"related-stories\">", "</div>", HtmlRegion::kAside},
      {"<div class=\"social-share-buttons\">", "</div>", HtmlRegion::kAside},
      {"<div class=\"newsletter-signup\">", "</div>", HtmlRegion::kAside},
      {"<div role=\"complementary\">", "</div>", HtmlRegion::kAside},
      {"<div role=\"navigation\">", "</div>", HtmlRegion::kNavigation},
      {"<div id=\"footer\">", "</div>", HtmlRegion::kFooter},
      {"<div role=\"contentinfo\">", "</div>", HtmlRegion::kFooter},
      {"<div class=\"page-header\">", "</div>", HtmlRegion::kHeader},
      {"<form action=\"/search\">", "</form>", HtmlRegion::kForm},
      {"<div class=\"menuette\">", "</div>", HtmlRegion::kContent},  // a word, not a prefix
      {"<div class=\"navigator-review\">", "</div>", HtmlRegion::kContent},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.open);
    const std::string html =
        std::string("<body>") + c.open + "<p>Words in the region.</p>" + c.close + "</body>";
    const HtmlDocument d = Read(html);
    ASSERT_EQ(d.blocks.size(), 1u);
    EXPECT_STREQ(HtmlRegionName(d.blocks[0].facts.region), HtmlRegionName(c.region));
  }
  // A "header" wrapping the whole article (a broken template) is not a region; an article's
  // own <header> and <footer> are content; the nearest landmark wins.
  const HtmlDocument d = Read(
      "<div id=\"header\"><main><p>Story text.</p></main></div>"
      "<article><header><p>Kicker</p></header><footer><p>Tags: bridges</p></footer></article>"
      "<footer><nav><p>Links</p></nav><p>Small print</p></footer>");
  ASSERT_EQ(d.blocks.size(), 5u);
  EXPECT_EQ(d.blocks[0].facts.region, HtmlRegion::kContent);
  EXPECT_EQ(d.blocks[1].facts.region, HtmlRegion::kContent);
  EXPECT_EQ(d.blocks[2].facts.region, HtmlRegion::kContent);
  EXPECT_EQ(d.blocks[3].facts.region, HtmlRegion::kNavigation);
  EXPECT_EQ(d.blocks[4].facts.region, HtmlRegion::kFooter);
}

TEST(HtmlReader, ArticleBodyHoldsTheStorysParagraphs) {
  // The story's paragraphs are split over two chunks with an advert between them; the
  // headline, byline and dateline sit above them, a cookie notice and the sidebar elsewhere.
  const std::string page =
      "<body><div class=\"notice\"><p>This site stores small files on your device so that it "
      "can remember your settings between visits.</p></div>"
      "<div class=\"story\"><div class=\"headline-block\"><h1>Ferry timetable cut for the "
      "winter</h1><p class=\"byline\">By Sunniva Holt</p><p>Updated 09:10, 3 November "
      "2026</p></div><div class=\"story-body\">"
      "<div class=\"chunk\"><p>The island ferry will run four times a day instead of seven from "
      "the first week of December, the operator said on Monday, citing falling winter demand "
      "and the rising cost of fuel.</p><p>Residents say the early last sailing leaves commuters "
      "who work late on the mainland with no way home on weekdays, and the island council has "
      "asked for a later boat on Fridays.</p></div>"
      "<div class=\"ad\">Advertisement</div>"
      "<div class=\"chunk\"><p>The operator said it would review the timetable in March and "
      "publish passenger counts for every sailing on its website each month until then.</p>"
      "<blockquote>We cannot sail empty boats all winter, said the operator's manager.</blockquote>"
      "</div></div></div>"
      "<aside><p>Most read: a long list of other stories that readers opened this week on the "
      "site.</p></aside></body>";
  const HtmlDocument d = Read(page);
  CheckInvariants(page, d);
  EXPECT_TRUE(d.has_article_body);
  auto in_body = [&](std::string_view text) {
    const int i = Find(d, text, true);
    EXPECT_GE(i, 0) << text;
    return i >= 0 && d.blocks[static_cast<size_t>(i)].facts.in_article_body;
  };
  EXPECT_TRUE(in_body("four times a day"));
  EXPECT_TRUE(in_body("early last sailing"));
  EXPECT_TRUE(in_body("review the timetable"));
  EXPECT_TRUE(in_body("We cannot sail empty boats"));
  EXPECT_FALSE(in_body("Ferry timetable cut"));
  EXPECT_FALSE(in_body("Updated 09:10"));
  // Whatever sits between the chunks is inside the body's element, and in the body.
  EXPECT_TRUE(in_body("Advertisement"));
  EXPECT_FALSE(in_body("stores small files"));
  EXPECT_FALSE(in_body("Most read"));

  // No paragraph of any length: no article body, and no block is in one.
  const HtmlDocument menu = Read("<ul><li><a href=\"/a\">Home</a></li><li>Contact</li></ul>");
  EXPECT_FALSE(menu.has_article_body);
  for (const HtmlBlock& b : menu.blocks) EXPECT_FALSE(b.facts.in_article_body);
}

TEST(HtmlReader, CaptionsAndLinkLists) {
  const std::string html =
      "<div class=\"wp-caption\"><img src=\"a.jpg\"><p class=\"wp-caption-text\">Crowds at the "
      "quay.</p></div><span class=\"imageCaption\">Photo: Harbour Trust</span>"
      "<ul><li><a href=\"/a\">Weather warning for the coast</a></li>"
      "<li>Read the <a href=\"/r\">report</a> in full before the meeting</li></ul>"
      "<table><caption>Tide times</caption><tr><th>High</th><td>06:12</td></tr></table>";
  const HtmlDocument d = Read(html);
  CheckInvariants(html, d);
  ASSERT_EQ(d.blocks.size(), 7u);
  EXPECT_EQ(d.blocks[0].kind, BlockKind::kCaption);
  EXPECT_EQ(TextOf(d, 1), "Photo: Harbour Trust");
  EXPECT_EQ(d.blocks[1].kind, BlockKind::kCaption);
  EXPECT_EQ(d.blocks[2].kind, BlockKind::kLinkList);
  EXPECT_EQ(d.blocks[3].kind, BlockKind::kListItem);
  EXPECT_EQ(TextOf(d, 4), "Tide times");
  EXPECT_EQ(d.blocks[4].kind, BlockKind::kCaption);
  EXPECT_EQ(TextOf(d, 5), "High");
  EXPECT_EQ(TextOf(d, 6), "06:12");
  CheckCuts(html, d);
}

TEST(HtmlReader, BlocksInsideALink) {
  // A teaser card: the link holds blocks; they count as link text to that link's host.
  const std::string html =
      "<div class=\"card\"><a href=\"https://partner.example.com/offer\"><h3>Win big "
      "today</h3><p>Claim your welcome bonus</p></a></div>";
  const HtmlDocument d = Read(html, "https://www.news.example.org/story");
  CheckInvariants(html, d);
  ASSERT_EQ(d.blocks.size(), 2u);
  EXPECT_EQ(d.blocks[0].kind, BlockKind::kHeading);
  for (const HtmlBlock& b : d.blocks) {
    EXPECT_EQ(b.facts.links, 1u);
    EXPECT_EQ(b.facts.foreign_links, 1u);
    EXPECT_EQ(b.facts.link_text_bytes, b.text.size());
  }
  CheckCuts(html, d);
}

TEST(HtmlReader, BackToBackLinksReadAsSeparateWords) {
  const std::string html =
      "<div style=\"display:none\"><a href=\"https://a.example/\">cheap viagra</a><a "
      "href=\"https://b.example/\">casino bonus</a>(<a href=\"/c\">c</a>)</div>";
  const HtmlDocument d = Read(html);
  CheckInvariants(html, d);
  ASSERT_EQ(d.blocks.size(), 1u);
  EXPECT_EQ(TextOf(d, 0), "cheap viagra casino bonus(c)");
  EXPECT_EQ(d.blocks[0].facts.link_text_bytes, 12u + 12u + 1u);
  const size_t at = d.blocks[0].text.start + TextOf(d, 0).find("casino");
  Range src;
  ASSERT_TRUE(d.SourceRange(0, Range{at, at + 12}, &src));
  EXPECT_EQ(SourceOf(html, src), "<a href=\"https://b.example/\">casino bonus</a>");
  ASSERT_TRUE(d.SourceRange(0, Range{at - 13, at + 12}, &src));
  EXPECT_EQ(SourceOf(html, src),
            "<a href=\"https://a.example/\">cheap viagra</a><a href=\"https://b.example/\">casino "
            "bonus</a>");
  EXPECT_FALSE(d.SourceRange(0, Range{at - 1, at + 12}, &src));  // from the space alone
}

TEST(HtmlReader, SkippedContent) {
  const std::string html =
      "<p>Kept.</p><script>document.write('<p>no</p>')</script><noscript><p>Enable JS</p>"
      "</noscript><template><p>tpl</p></template><svg><text>svg words</text></svg>"
      "<select><option>Choose</option></select><textarea>typed</textarea>"
      "<button>Subscribe</button><iframe src=\"x\">frame</iframe><p>Also <!-- c --> kept.</p>";
  const HtmlDocument d = Read(html);
  CheckInvariants(html, d);
  ASSERT_EQ(d.blocks.size(), 2u);
  EXPECT_EQ(TextOf(d, 0), "Kept.");
  EXPECT_EQ(TextOf(d, 1), "Also kept.");
}

TEST(HtmlReader, EmptyAndOddInputs) {
  for (const std::string& html :
       {std::string(), std::string("   "), std::string("plain text, no tags"), std::string("<"),
        std::string("</p>"), std::string("<p></p><div> \n </div>"), std::string("<p>a\0b</p>", 9),
        std::string("<p>bad \xFF\xFE utf8 \xE2\x82</p>"),
        std::string("<p>&#0; &#xD800; &#99999999; &unknown; &amp</p>"),
        std::string("<table>stray<tr><td>c</td></tr>text</table>")}) {
    SCOPED_TRACE(html);
    const HtmlDocument d = Read(html);
    CheckInvariants(html, d);
    CheckCuts(html, d);
  }
  const HtmlDocument d = Read("<p>bad \xFF utf8</p>");
  ASSERT_EQ(d.blocks.size(), 1u);
  EXPECT_EQ(TextOf(d, 0), "bad \xEF\xBF\xBD utf8");
  Range src;
  const size_t at = d.blocks[0].text.start + 4;
  ASSERT_TRUE(d.SourceRange(0, Range{at, at + 3}, &src));
  EXPECT_EQ(src.start, 7u);
  EXPECT_EQ(src.end, 8u);
}

TEST(HtmlReader, DeepNestingAndHugeScript) {
  std::string html = "<html><body>";
  for (int i = 0; i < 10000; ++i) html += "<div>";
  html += "<p>Deep text.</p>";
  for (int i = 0; i < 10000; ++i) html += "</div>";
  html += "<script>" + std::string(4 << 20, 'x') + "</script><p>After.</p>";
  for (int i = 0; i < 20000; ++i) html += "<span>";
  html += "deep inline";
  const HtmlDocument d = Read(html);
  ASSERT_EQ(d.blocks.size(), 3u);
  EXPECT_EQ(TextOf(d, 0), "Deep text.");
  EXPECT_EQ(TextOf(d, 1), "After.");
  EXPECT_EQ(TextOf(d, 2), "deep inline");
  Range src;
  EXPECT_TRUE(d.SourceRange(2, d.blocks[2].text, &src));
  // Every unclosed <span> holds just this text, so all of them go with it.
  EXPECT_EQ(src.start, html.find("<span>"));
  EXPECT_EQ(src.end, html.size());
}

TEST(HtmlReader, LooksLikeHtml) {
  for (const char* yes :
       {"<!DOCTYPE html><html>", "\xEF\xBB\xBF  <!doctype HTML>", "<html lang=\"en\">", "\n<HEAD>",
        "<body>", "<!-- generator --> \n<html>", "<div class=\"a\"><p>Hi</p></div>",
        "Intro text <a href=\"x\">link</a><br>more"}) {
    EXPECT_TRUE(LooksLikeHtml(yes)) << yes;
  }
  for (const char* no :
       {"", "Plain text with a stray < sign and 3 < 4.", "x <p> alone", "<header-less note>",
        "<!-- a comment but no html after -->", "if (a<b && c>d) return <pre>;",
        "<html5 is a standard>", "Email <a@b.example>"}) {
    EXPECT_FALSE(LooksLikeHtml(no)) << no;
  }
}

TEST(HtmlReader, UrlHost) {
  EXPECT_EQ(UrlHost("https://www.Example.com/path?q=1"), "www.example.com");
  EXPECT_EQ(UrlHost("  HTTP://user:pw@News.Example.org:8080/x "), "news.example.org");
  EXPECT_EQ(UrlHost("//cdn.example.net/lib.js"), "cdn.example.net");
  EXPECT_EQ(UrlHost("http://example.com."), "example.com");
  EXPECT_EQ(UrlHost("https://example.com#frag"), "example.com");
  EXPECT_EQ(UrlHost("http://[2001:db8::1]:80/"), "[2001:db8::1]");
  EXPECT_EQ(UrlHost("/relative/path"), "");
  EXPECT_EQ(UrlHost("page.html"), "");
  EXPECT_EQ(UrlHost("mailto:desk@example.com"), "");
  EXPECT_EQ(UrlHost("javascript:void(0)"), "");
  EXPECT_EQ(UrlHost("ftp://files.example.com/"), "");
}

TEST(HtmlReader, SiteOf) {
  EXPECT_EQ(SiteOf("www.news.bbc.co.uk"), "bbc.co.uk");
  EXPECT_EQ(SiteOf("example.com"), "example.com");
  EXPECT_EQ(SiteOf("WWW.Example.COM."), "example.com");
  EXPECT_EQ(SiteOf("www.example.com:8080"), "example.com");
  EXPECT_EQ(SiteOf("edition.cnn.com"), "cnn.com");
  EXPECT_EQ(SiteOf("www.smh.com.au"), "smh.com.au");
  EXPECT_EQ(SiteOf("www3.nhk.or.jp"), "nhk.or.jp");
  EXPECT_EQ(SiteOf("g1.globo.com.br"), "globo.com.br");
  EXPECT_EQ(SiteOf("co.uk"), "co.uk");
  EXPECT_EQ(SiteOf("localhost"), "localhost");
  EXPECT_EQ(SiteOf("192.168.1.20"), "192.168.1.20");
  EXPECT_EQ(SiteOf("192.168.1.20:80"), "192.168.1.20");
  EXPECT_EQ(SiteOf("[2001:db8::1]"), "[2001:db8::1]");
  EXPECT_EQ(SiteOf(""), "");
}

}  // namespace
}  // namespace spamstrip
