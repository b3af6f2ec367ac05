// html_tree_util.h — test helper: gumbo's tree of a page written out as a string (tag names,
// attributes, text, comments), optionally without the nodes whose own bytes start inside a cut
// range. "Parse the page minus [start, end)" and "the tree minus what starts there" write out
// equal strings exactly when the cut removed whole nodes and nothing else changed. Also
// CompareTrees: whether two parses of one page gave the same tree, offsets and all.
#ifndef SPAMSTRIP_TESTS_HTML_TREE_UTIL_H_
#define SPAMSTRIP_TESTS_HTML_TREE_UTIL_H_

#include <gumbo.h>

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "segmenter.h"

namespace spamstrip {
namespace testing_html {

// Offset of the node's own first byte in `html`, or -1 (inserted by the parser).
inline long OwnOffset(const GumboNode* n, std::string_view html) {
  const char* p = nullptr;
  if (n->type == GUMBO_NODE_ELEMENT || n->type == GUMBO_NODE_TEMPLATE) {
    if (n->parse_flags & GUMBO_INSERTION_BY_PARSER) return -1;
    if (n->v.element.original_tag.length == 0) return -1;
    p = n->v.element.original_tag.data;
  } else if (n->type != GUMBO_NODE_DOCUMENT) {
    if (n->parse_flags & GUMBO_INSERTION_BY_PARSER) return -1;
    p = n->v.text.original_text.data;
  }
  if (!p || p < html.data() || p > html.data() + html.size()) return -1;
  return static_cast<long>(p - html.data());
}

// Writes the tree below `root` (iteratively: pages may nest deeply). Adjacent text nodes are
// written as one (a cut makes the text around it adjacent, and the parser then merges it).
// With `ignore_whitespace`, text is written without its whitespace (and left out when that is
// all it has).
inline std::string WriteTree(const GumboNode* root, std::string_view html, Range cut = Range{},
                             bool ignore_whitespace = false) {
  std::string out, text;
  auto flush = [&] {
    if (ignore_whitespace) {
      std::string kept;
      for (char c : text) {
        if (c != ' ' && c != '\t' && c != '\n' && c != '\r' && c != '\f') kept.push_back(c);
      }
      text.swap(kept);
    }
    if (!text.empty()) out += "T(" + text + ")";
    text.clear();
  };
  std::vector<std::pair<const GumboNode*, unsigned>> stack{{root, 0}};
  while (!stack.empty()) {
    const GumboNode* n = stack.back().first;
    const GumboVector* kids = n->type == GUMBO_NODE_DOCUMENT ? &n->v.document.children
                              : (n->type == GUMBO_NODE_ELEMENT || n->type == GUMBO_NODE_TEMPLATE)
                                  ? &n->v.element.children
                                  : nullptr;
    const unsigned k = stack.back().second;
    if (kids && k < kids->length) {
      ++stack.back().second;
      const GumboNode* c = static_cast<const GumboNode*>(kids->data[k]);
      const long off = OwnOffset(c, html);
      if (off >= 0 && static_cast<size_t>(off) >= cut.start && static_cast<size_t>(off) < cut.end) {
        continue;
      }
      switch (c->type) {
        case GUMBO_NODE_TEXT:
        case GUMBO_NODE_WHITESPACE:
        case GUMBO_NODE_CDATA:
          text += c->v.text.text;
          break;
        case GUMBO_NODE_COMMENT:
          flush();
          out += "C(" + std::string(c->v.text.text) + ")";
          break;
        case GUMBO_NODE_ELEMENT:
        case GUMBO_NODE_TEMPLATE: {
          flush();
          const GumboElement& e = c->v.element;
          std::string name = e.tag == GUMBO_TAG_UNKNOWN
                                 ? std::string(e.original_tag.data, e.original_tag.length)
                                 : gumbo_normalized_tagname(e.tag);
          out += "<" + name;
          for (unsigned i = 0; i < e.attributes.length; ++i) {
            const auto* a = static_cast<const GumboAttribute*>(e.attributes.data[i]);
            out += " " + std::string(a->name) + "=\"" + a->value + "\"";
          }
          out += ">";
          stack.emplace_back(c, 0);
          break;
        }
        default:
          break;
      }
    } else {
      if (n->type == GUMBO_NODE_ELEMENT || n->type == GUMBO_NODE_TEMPLATE) {
        flush();
        out += "</>";
      }
      stack.pop_back();
    }
  }
  flush();
  return out;
}

// A parsed page that frees itself.
class ParsedPage {
 public:
  explicit ParsedPage(std::string_view html)
      : out_(gumbo_parse_with_options(&kGumboDefaultOptions, html.data(), html.size())) {}
  ~ParsedPage() { gumbo_destroy_output(&kGumboDefaultOptions, out_); }
  ParsedPage(const ParsedPage&) = delete;
  ParsedPage& operator=(const ParsedPage&) = delete;
  const GumboNode* root() const { return out_->document; }

 private:
  GumboOutput* out_;
};

// Prefix of CheckCut's answer when the trees differ only in where whitespace-only text sits.
// Two ways a cut moves whitespace and nothing else:
//  - gumbo 0.10.1 buffers whitespace and inserts it at the next tag; when that tag is a </form>
//    closing a form that is not the current node, the form has already left the stack and the
//    whitespace lands after it. Cutting the last element before such a </form> moves the
//    whitespace before it out of the form (a browser keeps it inside).
//  - an element whose start tag closed the element before it ("<li>a<li>b</li>\n<li>c"): once
//    it is cut, the earlier element stays open up to the next tag and takes in the whitespace
//    between (the reader gives no cut when text would move instead).
constexpr char kWhitespaceOnly[] = "whitespace only: ";

// Empty when cutting html[cut] leaves exactly the tree of `page` (parsed from `html`) minus the
// nodes that start in `cut`; otherwise both trees around the first difference, for a message.
inline std::string CheckCut(const ParsedPage& page, std::string_view html, Range cut) {
  const std::string expected = WriteTree(page.root(), html, cut);
  std::string rest(html.substr(0, cut.start));
  rest.append(html.substr(cut.end));
  ParsedPage cut_page(rest);
  const std::string actual = WriteTree(cut_page.root(), rest);
  if (expected == actual) return "";
  size_t d = 0;
  while (d < expected.size() && d < actual.size() && expected[d] == actual[d]) ++d;
  const size_t from = d > 120 ? d - 120 : 0;
  const bool blank_only =
      WriteTree(page.root(), html, cut, true) == WriteTree(cut_page.root(), rest, Range{}, true);
  return (blank_only ? kWhitespaceOnly : "") + std::string("expected ...") +
         expected.substr(from, 240) + "...\nactual   ..." + actual.substr(from, 240) + "...";
}

inline std::string CheckCut(std::string_view html, Range cut) {
  ParsedPage page(html);
  return CheckCut(page, html, cut);
}

// Empty when the trees below `a` and `b` (two parses of one page, both pointing into `html`)
// are the same node for node: types, parse flags, tags, attributes, decoded text, every string
// piece (the same bytes of the page) and every source offset. Otherwise the first difference.
// Lines and columns are not compared.
inline std::string CompareTrees(const GumboNode* a, const GumboNode* b, std::string_view html) {
  auto off = [&](const char* p) -> long {
    return p && p >= html.data() && p <= html.data() + html.size() ? p - html.data() : -1;
  };
  auto piece = [&](const GumboStringPiece& x, const GumboStringPiece& y) {
    return off(x.data) == off(y.data) && x.length == y.length;
  };
  auto str = [](const char* x, const char* y) {
    return (x == nullptr) == (y == nullptr) && (!x || std::string_view(x) == y);
  };
  // gumbo 0.10.1 leaves value_start and value_end unset for an attribute without a value (its
  // original_value is then its name).
  auto has_value = [](const GumboAttribute& x) {
    return x.original_value.data != x.original_name.data;
  };
  std::vector<std::pair<const GumboNode*, const GumboNode*>> stack{{a, b}};
  while (!stack.empty()) {
    const GumboNode* x = stack.back().first;
    const GumboNode* y = stack.back().second;
    stack.pop_back();
    const std::string at = "node at " + std::to_string(OwnOffset(x, html)) + ": ";
    if (x->type != y->type) return at + "type";
    if (x->parse_flags != y->parse_flags) return at + "parse flags";
    if (x->index_within_parent != y->index_within_parent) return at + "index in parent";
    const GumboVector* kx = nullptr;
    const GumboVector* ky = nullptr;
    switch (x->type) {
      case GUMBO_NODE_DOCUMENT: {
        const GumboDocument& d = x->v.document;
        const GumboDocument& e = y->v.document;
        if (d.has_doctype != e.has_doctype || !str(d.name, e.name) ||
            !str(d.public_identifier, e.public_identifier) ||
            !str(d.system_identifier, e.system_identifier) ||
            d.doc_type_quirks_mode != e.doc_type_quirks_mode) {
          return at + "doctype";
        }
        kx = &d.children;
        ky = &e.children;
        break;
      }
      case GUMBO_NODE_ELEMENT:
      case GUMBO_NODE_TEMPLATE: {
        const GumboElement& d = x->v.element;
        const GumboElement& e = y->v.element;
        if (d.tag != e.tag || d.tag_namespace != e.tag_namespace) return at + "tag";
        if (!piece(d.original_tag, e.original_tag)) return at + "original_tag";
        if (!piece(d.original_end_tag, e.original_end_tag)) return at + "original_end_tag";
        if (d.start_pos.offset != e.start_pos.offset) return at + "start_pos";
        if (d.end_pos.offset != e.end_pos.offset) return at + "end_pos";
        if (d.attributes.length != e.attributes.length) return at + "attribute count";
        for (unsigned i = 0; i < d.attributes.length; ++i) {
          const auto* p = static_cast<const GumboAttribute*>(d.attributes.data[i]);
          const auto* q = static_cast<const GumboAttribute*>(e.attributes.data[i]);
          if (p->attr_namespace != q->attr_namespace || !str(p->name, q->name) ||
              !str(p->value, q->value) || !piece(p->original_name, q->original_name) ||
              !piece(p->original_value, q->original_value) ||
              p->name_start.offset != q->name_start.offset ||
              p->name_end.offset != q->name_end.offset ||
              (has_value(*p) && (p->value_start.offset != q->value_start.offset ||
                                 p->value_end.offset != q->value_end.offset))) {
            return at + "attribute " + std::to_string(i);
          }
        }
        kx = &d.children;
        ky = &e.children;
        break;
      }
      default: {
        const GumboText& d = x->v.text;
        const GumboText& e = y->v.text;
        if (!str(d.text, e.text)) return at + "text";
        if (!piece(d.original_text, e.original_text)) return at + "original_text";
        if (d.start_pos.offset != e.start_pos.offset) return at + "start_pos";
        break;
      }
    }
    if (kx) {
      if (kx->length != ky->length) return at + "child count";
      for (unsigned i = 0; i < kx->length; ++i) {
        const auto* cx = static_cast<const GumboNode*>(kx->data[i]);
        const auto* cy = static_cast<const GumboNode*>(ky->data[i]);
        if (cx->parent != x || cy->parent != y) return at + "parent of child";
        stack.emplace_back(cx, cy);
      }
    }
  }
  return "";
}

}  // namespace testing_html
}  // namespace spamstrip

#endif  // SPAMSTRIP_TESTS_HTML_TREE_UTIL_H_
