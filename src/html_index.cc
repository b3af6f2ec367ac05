#include "html_index.h"

#include <algorithm>

#include "ascii.h"
#include "html_landmark.h"
#include "html_style.h"

namespace spamstrip {
namespace html_internal {
namespace {

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

constexpr unsigned kMovedFlags =
    GUMBO_INSERTION_BY_PARSER | GUMBO_INSERTION_ADOPTION_AGENCY_MOVED |
    GUMBO_INSERTION_FOSTER_PARENTED | GUMBO_INSERTION_RECONSTRUCTED_FORMATTING_ELEMENT |
    GUMBO_INSERTION_ADOPTION_AGENCY_CLONED | GUMBO_INSERTION_CONVERTED_FROM_END_TAG;

}  // namespace

uint8_t FlagsOfTag(GumboTag tag) { return Tags()[tag]; }

std::string_view Attr(const GumboElement& e, const char* name) {
  const GumboAttribute* a = gumbo_get_attribute(&e.attributes, name);
  return a && a->value ? std::string_view(a->value) : std::string_view();
}

bool HasAttr(const GumboElement& e, const char* name) {
  return gumbo_get_attribute(&e.attributes, name) != nullptr;
}

void HtmlIndex::Enter(const GumboNode* n, uint32_t parent, uint32_t prev) {
  IndexedNode in;
  in.node = n;
  in.parent = parent;
  in.prev = prev;
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
        if (true) {
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
  nodes_.push_back(in);
}

void HtmlIndex::Finish(uint32_t id) {
  IndexedNode& in = nodes_[id];
  in.end = static_cast<uint32_t>(nodes_.size());
  if (!(in.flags & kElement) && in.node->type != GUMBO_NODE_DOCUMENT) return;
  size_t child_start = html_.size() + 1, child_end = 0;
  uint32_t p_count = 0;
  int brs = 0;
  for (uint32_t c = id + 1; c < in.end; c = nodes_[c].end) {
    const IndexedNode& ci = nodes_[c];
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

void HtmlIndex::Build(const GumboNode* root) {
  struct Frame {
    uint32_t id;
    unsigned next;  // next child
    uint32_t last_child;
  };
  std::vector<Frame> stack;
  Enter(root, kNone, kNone);
  stack.push_back(Frame{0, 0, kNone});
  while (!stack.empty()) {
    Frame& f = stack.back();
    const uint32_t id = f.id;
    const GumboNode* n = nodes_[id].node;
    const GumboVector* children =
        n->type == GUMBO_NODE_DOCUMENT ? &n->v.document.children
        : (n->type == GUMBO_NODE_ELEMENT || n->type == GUMBO_NODE_TEMPLATE) ? &n->v.element.children
                                                                            : nullptr;
    if (children && f.next < children->length) {
      const uint32_t child = static_cast<uint32_t>(nodes_.size());
      Enter(static_cast<const GumboNode*>(children->data[f.next]), id, f.last_child);
      ++f.next;
      f.last_child = child;
      stack.push_back(Frame{child, 0, kNone});
    } else {
      Finish(id);
      stack.pop_back();
    }
  }
  std::sort(tags_.begin(), tags_.end());
  std::sort(clone_tags_.begin(), clone_tags_.end());
}

bool HtmlIndex::OwnsTags(size_t start, size_t end, uint32_t lo, uint32_t hi) const {
  auto it = std::lower_bound(tags_.begin(), tags_.end(), std::make_pair(start, uint32_t{0}));
  for (; it != tags_.end() && it->first < end; ++it) {
    if (it->second < lo || it->second >= hi) return false;
  }
  return true;
}

bool HtmlIndex::Reopened(const char* original_tag) const {
  return std::binary_search(clone_tags_.begin(), clone_tags_.end(), original_tag);
}

std::string_view HtmlIndex::StatedUrl() const {
  return !canonical_.empty() ? canonical_ : !og_url_.empty() ? og_url_ : base_href_;
}

}  // namespace html_internal
}  // namespace spamstrip
