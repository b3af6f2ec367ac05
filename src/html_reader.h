// html_reader.h — an HTML page read as blocks of text, each tied to the bytes of the page it
// came from.
//
// The page is parsed with gumbo (a conforming HTML5 parser). Every block is a piece of text a
// reader sees as one unit — a p, li, h1..h6, figcaption, blockquote, td/th, dd/dt, pre, a run of
// text directly inside a div/section/article/span, a <br><br>-separated run — and keeps the
// byte range of the element(s) it came from, so stripping a block is "copy the page minus that
// range" and leaves every other byte (markup, attributes, scripts, whitespace) as it was.
// An element holding only inline content (a div of text, a styled span) is one block, tags and
// all; an inline element hidden by its own style or attributes is a block of its own, so the
// reason it is hidden stays attached to exactly its text.
//
// The text of all blocks is laid out in HtmlDocument::text, one block per paragraph ("\n\n"
// between blocks), entities decoded, runs of whitespace (no-break spaces too) collapsed to one
// space (a single <br> becomes "\n"). That text is what the detector scores; SourceRange() maps
// a range of it back to the page.
//
// Never fails: any bytes parse (gumbo recovers from every error). Invalid UTF-8 is read as
// U+FFFD. Pure; thread-safe.
#ifndef SPAMSTRIP_SRC_HTML_READER_H_
#define SPAMSTRIP_SRC_HTML_READER_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "segmenter.h"
#include "spamstrip/report.h"

namespace spamstrip {

// Where in the page a block sits, from the nearest enclosing landmark: an HTML5 sectioning
// element, an ARIA role, or a class/id naming one (nav, menu, footer, sidebar, comments, ...).
enum class HtmlRegion : uint8_t {
  kContent,     // article body or anything not recognised as below
  kNavigation,  // nav, role=navigation, menus, breadcrumbs
  kHeader,      // the page header (not an article's <header>)
  kFooter,      // the page footer
  kAside,       // aside, sidebars, "related", widgets, share bars
  kComments,    // user comments
  kForm,        // forms (search boxes, newsletter sign-ups)
};
const char* HtmlRegionName(HtmlRegion region);

struct HtmlFacts {
  // Why the block is hidden from a reader, or nullptr when it is visible. Inherited from
  // ancestors. One of: "display:none", "visibility:hidden", "font-size:0", "off-screen",
  // "text-indent", "zero-size", "same-colour", "hidden-attribute", "aria-hidden".
  const char* hidden = nullptr;
  HtmlRegion region = HtmlRegion::kContent;
  uint32_t links = 0;            // <a href> elements in the block
  uint32_t link_text_bytes = 0;  // bytes of the block's text inside those links
  uint32_t foreign_links = 0;    // links to a site other than the page's own (see page_site)
  uint32_t depth = 0;            // element nesting depth of the block
  // Inside the article body: the deepest element holding most (80%) of the text of the page's
  // visible content paragraphs, where the story's paragraphs sit. False on a page without
  // such paragraphs (HtmlDocument::has_article_body).
  bool in_article_body = false;
  // An item of a link farm, and where the links ending the block begin when they go to sites
  // the page links nowhere else (kNoStrayLinks: they do not); see html_stray_links.h.
  bool link_farm = false;
  // The list the block is an item of (html_lists.h): the index of its first block and its number
  // of items. A block that is no list item is a list of one.
  size_t list_first = 0;
  uint32_t list_items = 1;
  static constexpr size_t kNoStrayLinks = static_cast<size_t>(-1);
  size_t stray_links = kNoStrayLinks;
};

// An <a href> inside a block.
struct HtmlLink {
  Range text;            // the link's text in HtmlDocument::text (may be empty: an image link)
  std::string host;      // lower case; "" for a relative or non-http(s) link (the page's own site)
  bool foreign = false;  // host's site differs from page_site (false when page_site is unknown)
};

struct HtmlBlock {
  Range text;    // in HtmlDocument::text, trimmed
  Range source;  // the page bytes to cut when the whole block goes: from the '<' of the first
                 // start tag to the '>' of the last end tag (or the end of the last child when
                 // an end tag is implied); always balanced (see SourceRange). Empty (start ==
                 // end) when the block's markup is tangled with markup outside it (misnested
                 // formatting tags the parser re-opened elsewhere, table content the parser
                 // moved): no cut removes exactly the block then, and SourceRange returns false.
  // The page bytes to cut when the whole block goes as hidden text: the element that hides it
  // (inline style or attribute) when that element holds nothing but the block (whitespace and
  // comments aside), so that no empty hidden wrapper is left behind; else `source`.
  Range hidden_source;
  BlockKind kind = BlockKind::kParagraph;
  HtmlFacts facts;
  std::vector<HtmlLink> links;  // the block's <a href> elements, in text order
};

struct HtmlReadOptions {
  // The page's own URL. Empty: taken from <link rel=canonical>, else <meta property=og:url>,
  // else <base href>; links are "foreign" only when the page's site is known.
  std::string url;
  // Parse with the long contents of <script> and <style> taken out and put back (html_parse.h):
  // the same tree, faster. False parses the page as it is (for tests and comparisons).
  bool elide_raw_text = true;
};

class HtmlDocument {
 public:
  std::string text;  // the blocks' text, "\n\n" between blocks
  std::vector<HtmlBlock> blocks;
  std::string page_site;          // registrable domain of the page ("bbc.co.uk"), "" when unknown
  bool has_article_body = false;  // some block is in_article_body

  // The smallest range of the page that holds exactly text[r] of block `block` (plus any markup
  // wrapped around it entirely, e.g. the <a ...> and </a> around a link's whole text) and can
  // be removed leaving well-formed markup: it starts and ends at the same nesting level, never
  // inside a tag, and entities are cut whole. Returns false when no such range exists (e.g. the
  // text range starts inside one element and ends inside a sibling).
  bool SourceRange(size_t block, Range r, Range* source) const;

  // Implementation detail (filled by ReadHtml, read by SourceRange).
  static constexpr uint32_t kNoNode = 0xFFFFFFFF;
  static constexpr size_t kNoText = static_cast<size_t>(-1);
  // A piece of `text` and the page bytes it came from, in text order. An exact piece maps byte
  // for byte (a literal run); any other piece maps as a unit (a character reference, a
  // collapsed whitespace run, the "\n" of a <br>).
  struct Piece {
    size_t text_start = 0;
    size_t text_end = 0;
    size_t source_start = 0;
    size_t source_end = 0;
    uint32_t node = kNoNode;  // the text node or <br> it came from, in `nodes`
    bool exact = false;
  };
  // The nodes of a block: its root (the block element, or a tagless stand-in for a run of
  // nodes), and every element and text node below it that produced text.
  struct Node {
    uint32_t parent = kNoNode;
    uint32_t depth = 0;
    bool widenable = false;  // an inline element whose tags may go with its whole text
    size_t source_start = 0;
    size_t source_end = 0;
    size_t text_first = kNoText;  // first and end of its non-space text (elements only)
    size_t text_end = 0;
  };
  std::vector<Piece> pieces;
  std::vector<Node> nodes;
  std::vector<uint32_t> block_roots;  // per block, its root in `nodes`
};

// Reads `html` into *out (previous content discarded).
void ReadHtml(std::string_view html, const HtmlReadOptions& options, HtmlDocument* out);

// True when `bytes` look like HTML rather than plain text (a doctype, <html, <head, <body, or
// several block-level tags near the start).
bool LooksLikeHtml(std::string_view bytes);

// The registrable domain of a host: "www.news.bbc.co.uk" -> "bbc.co.uk", "example.com" ->
// "example.com" (a small built-in list of two-level public suffixes; no network).
std::string SiteOf(std::string_view host);

}  // namespace spamstrip

#endif  // SPAMSTRIP_SRC_HTML_READER_H_
