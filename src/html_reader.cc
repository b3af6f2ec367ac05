#include "html_reader.h"

#include <gumbo.h>

#include <algorithm>
#include <cstring>
#include <memory>
#include <utility>

#include "html_landmark.h"
#include "html_style.h"
#include "html_text_map.h"
#include "site.h"

namespace spamstrip {
namespace {

constexpr uint32_t kNone = HtmlDocument::kNoNode;

// Gumbo allocates through this arena and never frees: the whole tree goes at once when the
// reader is done (no recursive destroy, which could overflow the stack on deep trees, and no
// malloc per node).
class Arena {
 public:
  static void* Allocate(void* self, size_t size) { return static_cast<Arena*>(self)->Get(size); }
  static void Deallocate(void* /*self*/, void* /*ptr*/) {}

 private:
  static constexpr size_t kChunk = size_t{1} << 18;

  void* Get(size_t size) {
    size = (size + 15) & ~size_t{15};
    if (size > kChunk / 4) {
      chunks_.emplace_back(new char[size]);
      return chunks_.back().get();
    }
    if (size > left_) {
      chunks_.emplace_back(new char[kChunk]);
      cur_ = chunks_.back().get();
      left_ = kChunk;
    }
    void* p = cur_;
    cur_ += size;
    left_ -= size;
    return p;
  }

  std::vector<std::unique_ptr<char[]>> chunks_;
  char* cur_ = nullptr;
  size_t left_ = 0;
};

// ---- What tags are to the reader.

enum TagFlags : uint8_t {
  kTagBlock = 1,       // a block of text of its own (p, li, h1, td, ...)
  kTagContainer = 2,   // holds blocks; its loose text forms runs (div, section, ul, table, ...)
  kTagSkip = 4,        // no reader-visible text (script, style, head, svg, form controls, ...)
  kTagFormatting = 8,  // re-opened by the parser when misnested (b, i, a, font, ...)
};

class TagTable {
 public:
  TagTable() {
    for (GumboTag t :
         {GUMBO_TAG_P,          GUMBO_TAG_LI,      GUMBO_TAG_H1,         GUMBO_TAG_H2,
          GUMBO_TAG_H3,         GUMBO_TAG_H4,      GUMBO_TAG_H5,         GUMBO_TAG_H6,
          GUMBO_TAG_FIGCAPTION, GUMBO_TAG_CAPTION, GUMBO_TAG_BLOCKQUOTE, GUMBO_TAG_TD,
          GUMBO_TAG_TH,         GUMBO_TAG_DD,      GUMBO_TAG_DT,         GUMBO_TAG_PRE,
          GUMBO_TAG_ADDRESS,    GUMBO_TAG_LEGEND,  GUMBO_TAG_SUMMARY,    GUMBO_TAG_LISTING}) {
      flags_[t] |= kTagBlock;
    }
    for (GumboTag t : {GUMBO_TAG_HTML,     GUMBO_TAG_BODY,    GUMBO_TAG_DIV,      GUMBO_TAG_SECTION,
                       GUMBO_TAG_ARTICLE,  GUMBO_TAG_MAIN,    GUMBO_TAG_HEADER,   GUMBO_TAG_FOOTER,
                       GUMBO_TAG_NAV,      GUMBO_TAG_ASIDE,   GUMBO_TAG_UL,       GUMBO_TAG_OL,
                       GUMBO_TAG_DL,       GUMBO_TAG_MENU,    GUMBO_TAG_DIR,      GUMBO_TAG_TABLE,
                       GUMBO_TAG_TBODY,    GUMBO_TAG_THEAD,   GUMBO_TAG_TFOOT,    GUMBO_TAG_TR,
                       GUMBO_TAG_COLGROUP, GUMBO_TAG_FORM,    GUMBO_TAG_FIELDSET, GUMBO_TAG_FIGURE,
                       GUMBO_TAG_CENTER,   GUMBO_TAG_DETAILS, GUMBO_TAG_HGROUP,   GUMBO_TAG_HR,
                       GUMBO_TAG_FRAMESET, GUMBO_TAG_MARQUEE, GUMBO_TAG_OPTGROUP}) {
      flags_[t] |= kTagContainer;
    }
    for (GumboTag t :
         {GUMBO_TAG_HEAD,     GUMBO_TAG_TITLE,    GUMBO_TAG_SCRIPT,   GUMBO_TAG_STYLE,
          GUMBO_TAG_NOSCRIPT, GUMBO_TAG_TEMPLATE, GUMBO_TAG_SVG,      GUMBO_TAG_MATH,
          GUMBO_TAG_IFRAME,   GUMBO_TAG_OBJECT,   GUMBO_TAG_EMBED,    GUMBO_TAG_APPLET,
          GUMBO_TAG_SELECT,   GUMBO_TAG_OPTION,   GUMBO_TAG_DATALIST, GUMBO_TAG_TEXTAREA,
          GUMBO_TAG_BUTTON,   GUMBO_TAG_CANVAS,   GUMBO_TAG_VIDEO,    GUMBO_TAG_AUDIO,
          GUMBO_TAG_NOEMBED,  GUMBO_TAG_NOFRAMES, GUMBO_TAG_MAP,      GUMBO_TAG_META,
          GUMBO_TAG_LINK,     GUMBO_TAG_BASE,     GUMBO_TAG_INPUT,    GUMBO_TAG_PLAINTEXT}) {
      flags_[t] |= kTagSkip;
    }
    for (GumboTag t : {GUMBO_TAG_A, GUMBO_TAG_B, GUMBO_TAG_BIG, GUMBO_TAG_CODE, GUMBO_TAG_EM,
                       GUMBO_TAG_FONT, GUMBO_TAG_I, GUMBO_TAG_NOBR, GUMBO_TAG_S, GUMBO_TAG_SMALL,
                       GUMBO_TAG_STRIKE, GUMBO_TAG_STRONG, GUMBO_TAG_TT, GUMBO_TAG_U}) {
      flags_[t] |= kTagFormatting;
    }
  }
  uint8_t operator[](GumboTag t) const { return t <= GUMBO_TAG_LAST ? flags_[t] : 0; }

 private:
  uint8_t flags_[GUMBO_TAG_LAST + 1] = {};
};

const TagTable& Tags() {
  static const TagTable table;
  return table;
}

BlockKind KindOfTag(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_H1:
    case GUMBO_TAG_H2:
    case GUMBO_TAG_H3:
    case GUMBO_TAG_H4:
    case GUMBO_TAG_H5:
    case GUMBO_TAG_H6:
      return BlockKind::kHeading;
    case GUMBO_TAG_LI:
      return BlockKind::kListItem;
    case GUMBO_TAG_FIGCAPTION:
    case GUMBO_TAG_CAPTION:
      return BlockKind::kCaption;
    default:
      return BlockKind::kParagraph;
  }
}

char Lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

bool EqualsCi(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (Lower(a[i]) != Lower(b[i])) return false;
  }
  return true;
}

bool ContainsWordCi(std::string_view s, std::string_view word) {
  for (size_t i = 0; i + word.size() <= s.size(); ++i) {
    if (EqualsCi(s.substr(i, word.size()), word)) return true;
  }
  return false;
}

// The tag name in "<name ...>" or "</name ...>".
std::string_view TagName(const GumboStringPiece& tag) {
  std::string_view s(tag.data, tag.length);
  size_t i = 0;
  while (i < s.size() && (s[i] == '<' || s[i] == '/')) ++i;
  size_t j = i;
  while (j < s.size() && s[j] != '>' && s[j] != '/' && s[j] != ' ' && s[j] != '\t' &&
         s[j] != '\n' && s[j] != '\r' && s[j] != '\f') {
    ++j;
  }
  return s.substr(i, j - i);
}

std::string_view Attr(const GumboElement& e, const char* name) {
  const GumboAttribute* a = gumbo_get_attribute(&e.attributes, name);
  return a && a->value ? std::string_view(a->value) : std::string_view();
}

bool HasAttr(const GumboElement& e, const char* name) {
  return gumbo_get_attribute(&e.attributes, name) != nullptr;
}

bool IsSpaceOnly(std::string_view s) {
  for (char c : s) {
    if (!(c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f')) return false;
  }
  return true;
}

// Decoded text the reader collapses to one space.
bool IsCollapsible(std::string_view s) { return !s.empty() && (IsSpaceOnly(s) || s == "\xC2\xA0"); }

constexpr unsigned kMovedFlags =
    GUMBO_INSERTION_BY_PARSER | GUMBO_INSERTION_ADOPTION_AGENCY_MOVED |
    GUMBO_INSERTION_FOSTER_PARENTED | GUMBO_INSERTION_RECONSTRUCTED_FORMATTING_ELEMENT |
    GUMBO_INSERTION_ADOPTION_AGENCY_CLONED | GUMBO_INSERTION_CONVERTED_FROM_END_TAG;

// ---- Pass 1: every node in document order, with its source and what it is to the reader.

enum InfoFlags : uint16_t {
  kElement = 1,
  kTextNode = 2,       // text or whitespace
  kReal = 4,           // has its own bytes in the page (a start tag, a text)
  kSkip = 8,           // skipped subtree
  kBreaks = 16,        // ends a run of inline content (a block or a container)
  kHasBlockDesc = 32,  // some child breaks
  kHasText = 64,       // non-whitespace text below (outside skipped subtrees)
  kHasMainArticle = 128,
  kBlockElem = 256,        // a block tag or a caption-named element
  kEndMatched = 512,       // its own end tag is in the page
  kTangled = 1024,         // moved, cloned or inserted by the parser
  kHasSource = 2048,       // src_start/src_end are meaningful
  kBrBreak = 4096,         // two <br> in a row among its children: its text splits into runs
  kHasArticleBody = 8192,  // it or an element below is named the article body
  kHasH1 = 16384,          // an <h1> below
};

struct Info {
  const GumboNode* node = nullptr;
  uint32_t parent = kNone;
  uint32_t end = 0;  // one past the last node of the subtree
  uint16_t flags = 0;
  uint16_t p_count = 0;
  size_t src_start = 0;
  size_t src_end = 0;
  const char* own_hidden = nullptr;
};

struct State {
  const char* hidden = nullptr;
  HtmlRegion region = HtmlRegion::kContent;
  bool caption = false;
  bool in_article = false;       // inside article
  bool in_section_like = false;  // inside article, main or section
  uint32_t link = kNone;         // nearest enclosing <a href> (a link holding blocks)
  uint32_t depth = 0;
  BlockKind kind = BlockKind::kParagraph;
};

class Reader {
 public:
  Reader(std::string_view html, const HtmlReadOptions& options, HtmlDocument* doc)
      : html_(html), options_(options), doc_(doc) {}

  void Run(const GumboNode* root);

 private:
  // Pass 1.
  void Index(const GumboNode* root);
  void Enter(const GumboNode* n, uint32_t parent);
  void Finish(uint32_t id);
  bool InPage(const char* p, size_t len) const {
    return p && p >= html_.data() && len <= html_.size() &&
           static_cast<size_t>(p - html_.data()) <= html_.size() - len;
  }

  // Pass 2.
  void FindBlocks();
  State EnterElement(uint32_t id, const State& parent) const;
  void EmitRun(uint32_t first, uint32_t last, const State& st);
  void EmitBlock(uint32_t element, uint32_t first, uint32_t last, const State& st);
  void Walk(uint32_t begin, uint32_t stop);
  void CheckElement(uint32_t id);
  void AppendTextNode(uint32_t id);
  void AddText(std::string_view s, size_t src_start, size_t src_end, uint32_t node, bool exact);
  void AddSpace(size_t src_start, size_t src_end, uint32_t node, bool simple);
  void FlushPending();
  uint32_t PushNode(uint32_t parent, size_t src_start, size_t src_end, bool widenable);
  bool OwnsTags(size_t start, size_t end, uint32_t lo, uint32_t hi) const;
  void Finalize();

  std::string_view html_;
  const HtmlReadOptions& options_;
  HtmlDocument* doc_;

  std::vector<Info> info_;
  std::vector<std::pair<size_t, uint32_t>> tags_;  // offsets of real start/end tags, owner
  std::vector<const char*> clone_tags_;            // start tags the parser re-opened
  std::string_view canonical_, og_url_, base_href_;

  // Block being emitted.
  size_t block_text_start_ = 0;
  bool sound_ = true;
  uint32_t links_ = 0;
  uint32_t link_text_ = 0;
  int link_depth_ = 0;
  std::vector<std::string> hosts_;
  std::vector<HtmlLink> block_links_;  // the block's links; text ranges set when they close
  std::vector<uint32_t> open_;         // open elements (indices into doc_->nodes), root first
  size_t awaiting_from_ = 0;           // open_[awaiting_from_..] have produced no text yet
  size_t last_nonspace_end_ = 0;
  struct Pending {
    enum Kind { kNothing, kSpace, kNewline } kind = kNothing;
    size_t src_start = 0;
    size_t src_end = 0;
    uint32_t node = kNone;
    bool simple = false;   // one ' ' in the page: maps byte for byte
    bool in_link = false;  // the whitespace was inside a link
  } pending_;
  size_t last_source_end_ = 0;
};

void Reader::Enter(const GumboNode* n, uint32_t parent) {
  Info in;
  in.node = n;
  in.parent = parent;
  if (n->parse_flags & kMovedFlags) in.flags |= kTangled;
  switch (n->type) {
    case GUMBO_NODE_ELEMENT:
    case GUMBO_NODE_TEMPLATE: {
      const GumboElement& e = n->v.element;
      in.flags |= kElement;
      const uint8_t tf = Tags()[e.tag];
      if ((tf & kTagSkip) || n->type == GUMBO_NODE_TEMPLATE ||
          e.tag_namespace != GUMBO_NAMESPACE_HTML) {
        in.flags |= kSkip;
      }
      if (!(n->parse_flags & GUMBO_INSERTION_BY_PARSER) && e.original_tag.length > 0 &&
          InPage(e.original_tag.data, e.original_tag.length)) {
        in.flags |= kReal | kHasSource;
        in.src_start = static_cast<size_t>(e.original_tag.data - html_.data());
        in.src_end = in.src_start + e.original_tag.length;
      }
      if ((n->parse_flags & GUMBO_INSERTION_BY_PARSER) &&
          (n->parse_flags & (GUMBO_INSERTION_RECONSTRUCTED_FORMATTING_ELEMENT |
                             GUMBO_INSERTION_ADOPTION_AGENCY_CLONED)) &&
          e.original_tag.data) {
        clone_tags_.push_back(e.original_tag.data);
      }
      if (tf & kTagBlock) in.flags |= kBlockElem;
      if (e.attributes.length > 0) {
        const GumboAttribute* style = gumbo_get_attribute(&e.attributes, "style");
        if (style && style->value) in.own_hidden = HiddenByStyle(style->value);
        if (!in.own_hidden && HasAttr(e, "hidden")) in.own_hidden = "hidden-attribute";
        if (!in.own_hidden && EqualsCi(Attr(e, "aria-hidden"), "true")) {
          in.own_hidden = "aria-hidden";
        }
        const bool structural =
            e.tag == GUMBO_TAG_HTML || e.tag == GUMBO_TAG_BODY || e.tag == GUMBO_TAG_MAIN ||
            e.tag == GUMBO_TAG_ARTICLE || e.tag == GUMBO_TAG_SECTION || e.tag == GUMBO_TAG_FORM ||
            e.tag == GUMBO_TAG_HEADER || e.tag == GUMBO_TAG_FOOTER || e.tag == GUMBO_TAG_NAV ||
            e.tag == GUMBO_TAG_ASIDE || e.tag == GUMBO_TAG_TABLE;
        if (NamesArticleBody(Attr(e, "class"), Attr(e, "id"), Attr(e, "itemprop"))) {
          in.flags |= kHasArticleBody;
        }
        if (!structural && !(in.flags & kSkip) && NamesCaption(Attr(e, "class"), Attr(e, "id"))) {
          in.flags |= kBlockElem;
        }
        if (options_.url.empty()) {
          if (e.tag == GUMBO_TAG_LINK && canonical_.empty() &&
              ContainsWordCi(Attr(e, "rel"), "canonical")) {
            canonical_ = Attr(e, "href");
          } else if (e.tag == GUMBO_TAG_META && og_url_.empty() &&
                     (EqualsCi(Attr(e, "property"), "og:url") ||
                      EqualsCi(Attr(e, "name"), "og:url"))) {
            og_url_ = Attr(e, "content");
          } else if (e.tag == GUMBO_TAG_BASE && base_href_.empty()) {
            base_href_ = Attr(e, "href");
          }
        }
      }
      break;
    }
    case GUMBO_NODE_TEXT:
    case GUMBO_NODE_WHITESPACE:
    case GUMBO_NODE_CDATA:
    case GUMBO_NODE_COMMENT: {
      const GumboText& t = n->v.text;
      if (n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_WHITESPACE) {
        in.flags |= kTextNode;
        if (n->type == GUMBO_NODE_TEXT && t.text && !IsSpaceOnly(t.text)) in.flags |= kHasText;
      }
      if (!(n->parse_flags & GUMBO_INSERTION_BY_PARSER) &&
          InPage(t.original_text.data, t.original_text.length)) {
        in.flags |= kReal | kHasSource;
        in.src_start = static_cast<size_t>(t.original_text.data - html_.data());
        in.src_end = in.src_start + t.original_text.length;
      }
      break;
    }
    default:
      break;
  }
  info_.push_back(in);
}

void Reader::Finish(uint32_t id) {
  Info& in = info_[id];
  in.end = static_cast<uint32_t>(info_.size());
  if (!(in.flags & kElement) && in.node->type != GUMBO_NODE_DOCUMENT) return;
  size_t child_start = html_.size() + 1, child_end = 0;
  uint32_t p_count = 0;
  int brs = 0;
  for (uint32_t c = id + 1; c < in.end; c = info_[c].end) {
    const Info& ci = info_[c];
    if ((ci.flags & kElement) && ci.node->v.element.tag == GUMBO_TAG_BR) {
      if (++brs == 2) in.flags |= kBrBreak;
    } else if ((ci.flags & kElement) || (ci.flags & kHasText)) {
      brs = 0;
    }
    if (ci.flags & kHasSource) {
      child_start = std::min(child_start, ci.src_start);
      child_end = std::max(child_end, ci.src_end);
    }
    if (ci.flags & kSkip) continue;
    if (ci.flags & kBreaks) in.flags |= kHasBlockDesc;
    if (ci.flags & kHasText) in.flags |= kHasText;
    in.flags |= ci.flags & (kHasMainArticle | kHasArticleBody | kHasH1);
    p_count += ci.p_count;
    if (ci.flags & kElement) {
      const GumboTag tag = ci.node->v.element.tag;
      if (tag == GUMBO_TAG_MAIN || tag == GUMBO_TAG_ARTICLE) in.flags |= kHasMainArticle;
      if (tag == GUMBO_TAG_P) ++p_count;
      if (tag == GUMBO_TAG_H1) in.flags |= kHasH1;
    }
  }
  in.p_count = static_cast<uint16_t>(std::min<uint32_t>(p_count, 0xFFFF));
  if (in.node->type == GUMBO_NODE_DOCUMENT) return;
  const GumboElement& e = in.node->v.element;
  if (in.flags & kReal) {
    const GumboStringPiece& et = e.original_end_tag;
    if (et.length > 0 && InPage(et.data, et.length) &&
        static_cast<size_t>(et.data - html_.data()) >= in.src_end) {
      const std::string_view want =
          e.tag == GUMBO_TAG_UNKNOWN ? TagName(e.original_tag) : gumbo_normalized_tagname(e.tag);
      if (EqualsCi(TagName(et), want)) {
        in.flags |= kEndMatched;
        tags_.emplace_back(static_cast<size_t>(et.data - html_.data()), id);
        in.src_end = static_cast<size_t>(et.data - html_.data()) + et.length;
      }
    }
    if (!(in.flags & kEndMatched) && child_end > in.src_end) in.src_end = child_end;
    tags_.emplace_back(in.src_start, id);
  } else if (child_end > 0) {
    in.flags |= kHasSource;
    in.src_start = child_start;
    in.src_end = child_end;
  }
  if (!(in.flags & kSkip)) {
    const uint8_t tf = Tags()[e.tag];
    if ((in.flags & kBlockElem) || (tf & kTagContainer) || (in.flags & kHasBlockDesc) ||
        (in.own_hidden && (in.flags & kHasText))) {
      in.flags |= kBreaks;
    }
  }
}

void Reader::Index(const GumboNode* root) {
  std::vector<std::pair<uint32_t, unsigned>> stack;  // node, next child
  Enter(root, kNone);
  stack.emplace_back(0, 0);
  while (!stack.empty()) {
    const uint32_t id = stack.back().first;
    const GumboNode* n = info_[id].node;
    const GumboVector* children =
        n->type == GUMBO_NODE_DOCUMENT ? &n->v.document.children
        : (n->type == GUMBO_NODE_ELEMENT || n->type == GUMBO_NODE_TEMPLATE) ? &n->v.element.children
                                                                            : nullptr;
    const unsigned k = stack.back().second;
    if (children && k < children->length) {
      stack.back().second = k + 1;
      const uint32_t child = static_cast<uint32_t>(info_.size());
      Enter(static_cast<const GumboNode*>(children->data[k]), id);
      stack.emplace_back(child, 0);
    } else {
      Finish(id);
      stack.pop_back();
    }
  }
  std::sort(tags_.begin(), tags_.end());
  std::sort(clone_tags_.begin(), clone_tags_.end());
}

// ---- Pass 2: blocks.

State Reader::EnterElement(uint32_t id, const State& parent) const {
  const Info& in = info_[id];
  const GumboElement& e = in.node->v.element;
  State st = parent;
  st.depth = parent.depth + 1;
  if (!st.hidden) st.hidden = in.own_hidden;
  if (in.flags & kBlockElem) {
    st.kind = KindOfTag(e.tag);
    if (e.tag != GUMBO_TAG_FIGCAPTION && e.tag != GUMBO_TAG_CAPTION &&
        NamesCaption(Attr(e, "class"), Attr(e, "id"))) {
      st.kind = BlockKind::kCaption;
    }
  }
  if (e.tag == GUMBO_TAG_FIGCAPTION || e.tag == GUMBO_TAG_CAPTION ||
      st.kind == BlockKind::kCaption) {
    st.caption = true;
  }
  if (e.tag == GUMBO_TAG_A && HasAttr(e, "href")) st.link = id;

  // Region: the element's tag, else its ARIA role, else its class and id.
  HtmlRegion region;
  bool found = false;
  switch (e.tag) {
    case GUMBO_TAG_NAV:
      region = HtmlRegion::kNavigation;
      found = true;
      break;
    case GUMBO_TAG_ASIDE:
      region = HtmlRegion::kAside;
      found = true;
      break;
    case GUMBO_TAG_FORM:
      region = HtmlRegion::kForm;
      found = in.p_count < 10;  // not a form wrapping the whole page
      break;
    case GUMBO_TAG_HEADER:
      region = HtmlRegion::kHeader;
      found = !parent.in_section_like;
      break;
    case GUMBO_TAG_FOOTER:
      region = HtmlRegion::kFooter;
      found = !parent.in_article;
      break;
    default:
      break;
  }
  if (!found && e.attributes.length > 0) {
    found = RegionFromRole(Attr(e, "role"), &region);
    const bool named = e.tag != GUMBO_TAG_HTML && e.tag != GUMBO_TAG_BODY &&
                       e.tag != GUMBO_TAG_MAIN && e.tag != GUMBO_TAG_ARTICLE;
    if (!found && named) found = RegionFromNames(Attr(e, "class"), Attr(e, "id"), &region);
    if (found && (region == HtmlRegion::kHeader || region == HtmlRegion::kFooter) &&
        parent.in_section_like) {
      found = false;  // an article's own header or footer
    }
  }
  // A page region never holds the article itself: a "header" or "menu" wrapper around <main>
  // or <article> is a layout wrapper, not a region.
  if (found && region != HtmlRegion::kComments && region != HtmlRegion::kAside &&
      (in.flags & kHasMainArticle)) {
    found = false;
  }
  // Nor does one holding many paragraphs: that is the article under a layout class
  // ("l-sidebar-fixed", a page builder's "widget" around the post body).
  if (found && region != HtmlRegion::kComments &&
      (in.p_count >= 8 || (in.flags & kHasArticleBody))) {
    found = false;
  }
  // An aside, menu, footer or form holding the page's <h1> is a layout wrapper too.
  if (found && region != HtmlRegion::kComments && region != HtmlRegion::kHeader &&
      (in.flags & kHasH1)) {
    found = false;
  }
  if (found) st.region = region;
  if (e.tag == GUMBO_TAG_ARTICLE) st.in_article = true;
  if (e.tag == GUMBO_TAG_ARTICLE || e.tag == GUMBO_TAG_MAIN || e.tag == GUMBO_TAG_SECTION) {
    st.in_section_like = true;
  }
  return st;
}

void Reader::FindBlocks() {
  struct Frame {
    uint32_t next;  // next child
    uint32_t stop;  // end of the children
    State st;
    uint32_t run_first = kNone;  // the open run of inline content
    uint32_t run_last = kNone;
    uint32_t before_brs = kNone;  // run_last before the current <br>s
    int brs = 0;
  };
  std::vector<Frame> stack;
  stack.push_back(Frame{1, info_[0].end, State{}});
  auto flush = [this](Frame& f) {
    if (f.run_first != kNone) EmitRun(f.run_first, f.brs > 0 ? f.before_brs : f.run_last, f.st);
    f.run_first = f.run_last = f.before_brs = kNone;
    f.brs = 0;
  };
  while (!stack.empty()) {
    Frame& f = stack.back();
    if (f.next >= f.stop) {
      flush(f);
      stack.pop_back();
      continue;
    }
    const uint32_t c = f.next;
    const Info& ci = info_[c];
    f.next = ci.end;
    if (ci.flags & kElement) {
      if (ci.flags & kSkip) continue;  // inside a run it stays between the run's nodes
      if (ci.flags & kBreaks) {
        flush(f);
        const State st = EnterElement(c, f.st);
        // An element holding only inline content is one block, tags and all (unless <br><br>
        // splits it); html and body stay containers (the parser re-creates them).
        const GumboTag tag = ci.node->v.element.tag;
        if (!(ci.flags & (kHasBlockDesc | kBrBreak)) && tag != GUMBO_TAG_HTML &&
            tag != GUMBO_TAG_BODY) {
          EmitBlock(c, kNone, kNone, st);
        } else {
          stack.push_back(Frame{c + 1, ci.end, st});
        }
        continue;
      }
      if (ci.node->v.element.tag == GUMBO_TAG_BR) {
        if (f.run_first != kNone) {
          if (f.brs == 0) f.before_brs = f.run_last;
          ++f.brs;
        }
        continue;
      }
    } else if (!(ci.flags & kHasText)) {
      continue;  // comments, whitespace
    }
    // Inline content.
    if (f.brs >= 2) flush(f);
    f.brs = 0;
    if (f.run_first == kNone) f.run_first = c;
    f.run_last = c;
  }
}

void Reader::EmitRun(uint32_t first, uint32_t last, const State& st) {
  EmitBlock(kNone, first, last, st);
}

uint32_t Reader::PushNode(uint32_t parent, size_t src_start, size_t src_end, bool widenable) {
  HtmlDocument::Node n;
  n.parent = parent;
  n.depth = parent == kNone ? 0 : doc_->nodes[parent].depth + 1;
  n.widenable = widenable;
  n.source_start = src_start;
  n.source_end = src_end;
  doc_->nodes.push_back(n);
  return static_cast<uint32_t>(doc_->nodes.size() - 1);
}

void Reader::CheckElement(uint32_t id) {
  const Info& in = info_[id];
  if (!(in.flags & kReal) || (in.flags & kTangled)) {
    sound_ = false;
    return;
  }
  // A formatting element left open (its end tag implied) that the parser re-opened later:
  // cutting it would change what gets re-opened.
  const GumboElement& e = in.node->v.element;
  if (!(in.flags & kEndMatched) && (Tags()[e.tag] & kTagFormatting) &&
      std::binary_search(clone_tags_.begin(), clone_tags_.end(), e.original_tag.data)) {
    sound_ = false;
  }
}

void Reader::EmitBlock(uint32_t element, uint32_t first, uint32_t last, const State& st) {
  std::string& text = doc_->text;
  const size_t text_mark = text.size();
  const size_t pieces_mark = doc_->pieces.size();
  const size_t nodes_mark = doc_->nodes.size();
  if (!text.empty()) text += "\n\n";
  block_text_start_ = text.size();
  sound_ = true;
  links_ = 0;
  link_text_ = 0;
  link_depth_ = 0;
  hosts_.clear();
  block_links_.clear();
  pending_ = Pending();
  last_nonspace_end_ = text.size();

  const uint32_t lo = element != kNone ? element : first;
  const uint32_t hi = element != kNone ? info_[element].end : info_[last].end;
  Range source;
  if (element != kNone) {
    CheckElement(element);
    source = Range{info_[element].src_start, info_[element].src_end};
  } else {
    if (!(info_[first].flags & kHasSource) || !(info_[last].flags & kHasSource)) sound_ = false;
    source = Range{info_[first].src_start, info_[last].src_end};
  }
  if (source.end < source.start) {
    source.end = source.start;
    sound_ = false;
  }
  if (st.link != kNone) {
    links_ = 1;
    link_depth_ = 1;
    std::string host = UrlHost(Attr(info_[st.link].node->v.element, "href"));
    block_links_.push_back(HtmlLink{Range{}, host, false});
    if (!host.empty()) hosts_.push_back(std::move(host));
  }
  const uint32_t root = PushNode(kNone, source.start, source.end, false);
  open_.assign(1, root);
  awaiting_from_ = 0;
  Walk(element != kNone ? element + 1 : first, hi);

  if (text.size() == block_text_start_) {  // nothing but whitespace
    text.resize(text_mark);
    doc_->pieces.resize(pieces_mark);
    doc_->nodes.resize(nodes_mark);
    return;
  }
  if (sound_ && (source.start < last_source_end_ || !OwnsTags(source.start, source.end, lo, hi))) {
    sound_ = false;
  }
  if (!sound_) {
    source.end = source.start;
  } else {
    last_source_end_ = source.end;
  }
  HtmlBlock block;
  block.text = Range{block_text_start_, text.size()};
  block.source = source;
  block.kind = st.caption ? BlockKind::kCaption : st.kind;
  if (block.kind == BlockKind::kListItem && size_t{link_text_} * 3 >= block.text.size() * 2) {
    block.kind = BlockKind::kLinkList;
  }
  block.facts.hidden = st.hidden;
  block.facts.region = st.region;
  block.facts.links = links_;
  block.facts.link_text_bytes = link_text_;
  block.facts.depth = element != kNone ? st.depth : st.depth + 1;
  block.link_hosts = hosts_;
  if (st.link != kNone && !block_links_.empty()) block_links_[0].text = block.text;  // all link
  block.links = std::move(block_links_);
  block_links_.clear();
  doc_->blocks.push_back(std::move(block));
  doc_->block_roots.push_back(root);
}

bool Reader::OwnsTags(size_t start, size_t end, uint32_t lo, uint32_t hi) const {
  auto it = std::lower_bound(tags_.begin(), tags_.end(), std::make_pair(start, uint32_t{0}));
  for (; it != tags_.end() && it->first < end; ++it) {
    if (it->second < lo || it->second >= hi) return false;
  }
  return true;
}

// Emits the text of the sibling nodes [begin, stop) and everything below them.
void Reader::Walk(uint32_t begin, uint32_t stop) {
  struct WalkFrame {
    uint32_t next;
    uint32_t stop;
    bool link;
    size_t link_index = 0;  // into block_links_, when `link`
  };
  std::vector<WalkFrame> stack;
  stack.push_back(WalkFrame{begin, stop, false});
  while (!stack.empty()) {
    WalkFrame& f = stack.back();
    if (f.next >= f.stop) {
      if (stack.size() > 1) {  // close an inline element
        HtmlDocument::Node& n = doc_->nodes[open_.back()];
        if (n.text_first != HtmlDocument::kNoText) n.text_end = last_nonspace_end_;
        if (f.link && n.text_first != HtmlDocument::kNoText) {
          block_links_[f.link_index].text = Range{n.text_first, n.text_end};
        }
        open_.pop_back();
        awaiting_from_ = std::min(awaiting_from_, open_.size());
        if (f.link) --link_depth_;
      }
      stack.pop_back();
      continue;
    }
    const uint32_t c = f.next;
    const Info& ci = info_[c];
    f.next = ci.end;
    if (ci.flags & kTextNode) {
      AppendTextNode(c);
      continue;
    }
    if (!(ci.flags & kElement) || (ci.flags & kSkip)) continue;
    CheckElement(c);
    const GumboElement& e = ci.node->v.element;
    if (e.tag == GUMBO_TAG_BR) {
      const uint32_t node = PushNode(open_.back(), ci.src_start, ci.src_end, ci.flags & kReal);
      pending_ = Pending{Pending::kNewline, ci.src_start, ci.src_end, node, false, link_depth_ > 0};
      continue;
    }
    const bool link = e.tag == GUMBO_TAG_A && HasAttr(e, "href");
    if (link) {
      ++links_;
      ++link_depth_;
      std::string host = UrlHost(Attr(e, "href"));
      block_links_.push_back(HtmlLink{Range{}, host, false});
      if (!host.empty()) hosts_.push_back(std::move(host));
    }
    open_.push_back(PushNode(open_.back(), ci.src_start, ci.src_end, ci.flags & kReal));
    stack.push_back(WalkFrame{c + 1, ci.end, link, block_links_.size() - 1});
  }
}

void Reader::AppendTextNode(uint32_t id) {
  const Info& in = info_[id];
  const GumboText& t = in.node->v.text;
  if (!(in.flags & kReal) || (in.flags & kTangled)) sound_ = false;
  const std::string_view decoded = t.text ? std::string_view(t.text) : std::string_view();
  const std::string_view raw = (in.flags & kReal)
                                   ? std::string_view(t.original_text.data, t.original_text.length)
                                   : std::string_view();
  const size_t base = in.src_start;
  const uint32_t node = PushNode(open_.back(), in.src_start, in.src_end, false);
  TextUnitWalker walker(raw, decoded);
  TextUnit u;
  for (;;) {
    const size_t ri = walker.raw_pos();
    const size_t di = walker.text_pos();
    if (!walker.Next(&u)) break;
    if (u.text_len == 0) continue;
    const std::string_view s = decoded.substr(di, u.text_len);
    if (IsCollapsible(s)) {
      AddSpace(base + ri, base + ri + u.raw_len, node, u.literal && s == " ");
    } else {
      AddText(s, base + ri, base + ri + u.raw_len, node, u.literal);
    }
  }
}

void Reader::AddSpace(size_t src_start, size_t src_end, uint32_t node, bool simple) {
  if (pending_.kind == Pending::kNothing) {
    pending_ = Pending{Pending::kSpace, src_start, src_end, node, simple, link_depth_ > 0};
  } else if (pending_.kind == Pending::kSpace && pending_.node == node &&
             pending_.src_end == src_start) {
    pending_.src_end = src_end;
    pending_.simple = false;
  }
}

void Reader::FlushPending() {
  if (pending_.kind == Pending::kNothing) return;
  std::string& text = doc_->text;
  if (text.size() > block_text_start_) {
    const size_t at = text.size();
    text.push_back(pending_.kind == Pending::kNewline ? '\n' : ' ');
    const bool exact = pending_.kind == Pending::kSpace && pending_.simple;
    HtmlDocument::Piece* last = doc_->pieces.empty() ? nullptr : &doc_->pieces.back();
    if (exact && last && last->exact && last->node == pending_.node && last->text_end == at &&
        last->source_end == pending_.src_start) {
      last->text_end = at + 1;
      last->source_end = pending_.src_end;
    } else {
      doc_->pieces.push_back(HtmlDocument::Piece{at, at + 1, pending_.src_start, pending_.src_end,
                                                 pending_.node, exact});
    }
    if (pending_.in_link && link_depth_ > 0) ++link_text_;
  }
  pending_.kind = Pending::kNothing;
}

void Reader::AddText(std::string_view s, size_t src_start, size_t src_end, uint32_t node,
                     bool exact) {
  FlushPending();
  std::string& text = doc_->text;
  const size_t at = text.size();
  text.append(s);
  HtmlDocument::Piece* last = doc_->pieces.empty() ? nullptr : &doc_->pieces.back();
  if (exact && last && last->exact && last->node == node && last->text_end == at &&
      last->source_end == src_start) {
    last->text_end = text.size();
    last->source_end = src_end;
  } else {
    doc_->pieces.push_back(HtmlDocument::Piece{at, text.size(), src_start, src_end, node, exact});
  }
  for (size_t l = awaiting_from_; l < open_.size(); ++l) doc_->nodes[open_[l]].text_first = at;
  awaiting_from_ = open_.size();
  last_nonspace_end_ = text.size();
  if (link_depth_ > 0) link_text_ += static_cast<uint32_t>(s.size());
}

void Reader::Finalize() {
  std::string_view url = options_.url;
  if (url.empty()) url = !canonical_.empty() ? canonical_ : !og_url_.empty() ? og_url_ : base_href_;
  const std::string host = UrlHost(url);
  doc_->page_site = host.empty() ? std::string() : SiteOf(host);
  if (doc_->page_site.empty()) return;
  for (HtmlBlock& b : doc_->blocks) {
    for (const std::string& h : b.link_hosts) {
      if (SiteOf(h) != doc_->page_site) ++b.facts.foreign_links;
    }
    for (HtmlLink& l : b.links) l.foreign = !l.host.empty() && SiteOf(l.host) != doc_->page_site;
  }
}

void Reader::Run(const GumboNode* root) {
  info_.reserve(html_.size() / 24 + 16);
  Index(root);
  FindBlocks();
  Finalize();
}

// Index of the piece holding text byte `t`, or npos.
size_t PieceAt(const std::vector<HtmlDocument::Piece>& pieces, size_t t) {
  auto it =
      std::upper_bound(pieces.begin(), pieces.end(), t,
                       [](size_t x, const HtmlDocument::Piece& p) { return x < p.text_start; });
  if (it == pieces.begin()) return std::string::npos;
  --it;
  if (t >= it->text_end) return std::string::npos;
  return static_cast<size_t>(it - pieces.begin());
}

}  // namespace

void ReadHtml(std::string_view html, const HtmlReadOptions& options, HtmlDocument* out) {
  *out = HtmlDocument();
  Arena arena;
  GumboOptions gopts = kGumboDefaultOptions;
  gopts.allocator = &Arena::Allocate;
  gopts.deallocator = &Arena::Deallocate;
  gopts.userdata = &arena;
  gopts.max_errors = 0;  // the reader never looks at parse errors
  GumboOutput* output = gumbo_parse_with_options(&gopts, html.data(), html.size());
  Reader reader(html, options, out);
  reader.Run(output->document);
  // No gumbo_destroy_output: the arena owns every byte gumbo allocated.
}

bool HtmlDocument::SourceRange(size_t block, Range r, Range* source) const {
  if (block >= blocks.size() || block >= block_roots.size()) return false;
  const HtmlBlock& b = blocks[block];
  if (b.source.start >= b.source.end) return false;
  if (r.start >= r.end || r.start < b.text.start || r.end > b.text.end) return false;
  const size_t pa = PieceAt(pieces, r.start);
  const size_t pb = PieceAt(pieces, r.end - 1);
  if (pa == std::string::npos || pb == std::string::npos) return false;
  const Piece& a = pieces[pa];
  const Piece& z = pieces[pb];
  size_t start = a.exact ? a.source_start + (r.start - a.text_start) : a.source_start;
  size_t end = z.exact ? z.source_start + (r.end - z.text_start) : z.source_end;
  const uint32_t root = block_roots[block];
  auto covered = [&](const Node& n) {
    return n.text_first == kNoText || (n.text_first >= r.start && n.text_end <= r.end);
  };
  // The nearest common ancestor of the two ends.
  uint32_t x = a.node, y = z.node;
  while (nodes[x].depth > nodes[y].depth) x = nodes[x].parent;
  while (nodes[y].depth > nodes[x].depth) y = nodes[y].parent;
  while (x != y) {
    x = nodes[x].parent;
    y = nodes[y].parent;
  }
  uint32_t common = x;
  if (a.node != z.node) {
    // Elements holding one end but not the other must be inside the range whole.
    for (uint32_t n = a.node; nodes[n].parent != common; n = nodes[n].parent) {
      const Node& p = nodes[nodes[n].parent];
      if (!p.widenable || !covered(p)) return false;
      start = std::min(start, p.source_start);
    }
    for (uint32_t n = z.node; nodes[n].parent != common; n = nodes[n].parent) {
      const Node& p = nodes[nodes[n].parent];
      if (!p.widenable || !covered(p)) return false;
      end = std::max(end, p.source_end);
    }
  } else {
    common = nodes[a.node].parent;
  }
  // Markup wrapped around the whole range goes with it.
  for (uint32_t n = common; n != root && n != kNoNode && nodes[n].widenable && covered(nodes[n]);
       n = nodes[n].parent) {
    start = std::min(start, nodes[n].source_start);
    end = std::max(end, nodes[n].source_end);
  }
  if (start < b.source.start || end > b.source.end || start >= end) return false;
  *source = Range{start, end};
  return true;
}

}  // namespace spamstrip
