// html_index.h — the first pass of the HTML reader: every node of gumbo's tree, in document
// order, with the bytes of the page it owns and what it is to the reader (block, container,
// skipped, hidden by its own style), plus what the second pass asks of the page as a whole:
// which element owns each tag in the page, which start tags the parser re-opened elsewhere, and
// the page's own URL as the markup states it. Internal to the reader.
#ifndef SPAMSTRIP_SRC_HTML_INDEX_H_
#define SPAMSTRIP_SRC_HTML_INDEX_H_

#include <gumbo.h>

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <utility>
#include <vector>

namespace spamstrip {
namespace html_internal {

constexpr uint32_t kNone = 0xFFFFFFFF;

// What a tag is to the reader.
enum TagFlags : uint8_t {
  kTagBlock = 1,       // a block of text of its own (p, li, h1, td, ...)
  kTagContainer = 2,   // holds blocks; its loose text forms runs (div, section, ul, table, ...)
  kTagSkip = 4,        // no reader-visible text (script, style, head, svg, form controls, ...)
  kTagFormatting = 8,  // re-opened by the parser when misnested (b, i, a, font, ...)
};
uint8_t FlagsOfTag(GumboTag tag);

enum NodeFlags : uint16_t {
  kElement = 1,
  kTextNode = 2,           // text or whitespace
  kReal = 4,               // has its own bytes in the page (a start tag, a text)
  kSkip = 8,               // skipped subtree
  kBreaks = 16,            // ends a run of inline content (a block or a container)
  kHasBlockDesc = 32,      // some child breaks
  kHasText = 64,           // non-whitespace text below (outside skipped subtrees)
  kHasMainArticle = 128,   // a <main> or <article> below
  kBlockElem = 256,        // a block tag or a caption-named element
  kEndMatched = 512,       // its own end tag is in the page
  kTangled = 1024,         // moved, cloned or inserted by the parser
  kHasSource = 2048,       // src_start/src_end are meaningful
  kBrBreak = 4096,         // two <br> in a row among its children: its text splits into runs
  kHasArticleBody = 8192,  // it or an element below is named the article body
  kHasH1 = 16384,          // an <h1> below
};

struct IndexedNode {
  const GumboNode* node = nullptr;
  uint32_t parent = kNone;
  uint32_t end = 0;       // one past the last node of the subtree (children are id+1 .. end)
  uint32_t prev = kNone;  // previous sibling
  uint16_t flags = 0;
  uint16_t p_count = 0;  // <p> elements below (capped)
  size_t src_start = 0;  // the node's bytes: start tag to end tag, or to its last child's end
  size_t src_end = 0;    // when the end tag is implied
  const char* own_hidden = nullptr;  // why its own attributes hide it (see HtmlFacts::hidden)
};

class HtmlIndex {
 public:
  // `html` is the buffer gumbo parsed (its tree points into it).
  explicit HtmlIndex(std::string_view html) : html_(html) {}

  void Build(const GumboNode* document);

  const std::vector<IndexedNode>& nodes() const { return nodes_; }
  std::string_view page() const { return html_; }

  // Whether every tag in html[start, end) belongs to a node with an id in [lo, hi).
  bool OwnsTags(size_t start, size_t end, uint32_t lo, uint32_t hi) const;

  // Whether the parser re-opened (cloned) the element whose start tag is `original_tag`.
  bool Reopened(const char* original_tag) const;

  // The page's URL from <link rel=canonical>, else <meta property=og:url>, else <base href>.
  std::string_view StatedUrl() const;

 private:
  void Enter(const GumboNode* n, uint32_t parent, uint32_t prev);
  void Finish(uint32_t id);
  bool InPage(const char* p, size_t len) const {
    return p && p >= html_.data() && len <= html_.size() &&
           static_cast<size_t>(p - html_.data()) <= html_.size() - len;
  }

  std::string_view html_;
  std::vector<IndexedNode> nodes_;
  std::vector<std::pair<size_t, uint32_t>> tags_;  // offsets of real start/end tags, owner
  std::vector<const char*> clone_tags_;            // start tags the parser re-opened
  std::string_view canonical_, og_url_, base_href_;
};

// Attribute helpers.
std::string_view Attr(const GumboElement& e, const char* name);
bool HasAttr(const GumboElement& e, const char* name);

// Whether `s` is nothing but HTML white space (space, tab, LF, CR, FF); true when empty.
inline bool IsSpaceOnly(std::string_view s) {
  for (char c : s) {
    if (!(c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f')) return false;
  }
  return true;
}

}  // namespace html_internal
}  // namespace spamstrip

#endif  // SPAMSTRIP_SRC_HTML_INDEX_H_
