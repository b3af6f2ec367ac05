// ReadHtml: gumbo parses the page into an arena (html_parse.h), HtmlIndex (html_index.h) records
// every node's bytes and role, then Reader walks the tree once more: each block element, or run of
// inline content between blocks, becomes one block. Its text is written with whitespace collapsed,
// every piece of it tied to the page bytes it came from (HtmlDocument::pieces), and its nodes
// are kept for SourceRange (HtmlDocument::nodes). Both walks use explicit stacks.
#include "html_reader.h"

#include <gumbo.h>

#include <algorithm>
#include <cstring>
#include <utility>

#include "html_index.h"
#include "html_landmark.h"
#include "html_lists.h"
#include "html_parse.h"
#include "html_stray_links.h"
#include "html_text_map.h"
#include "site.h"

namespace spamstrip {
namespace html_internal {
namespace {

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

// Decoded text the reader collapses to one space.
bool IsCollapsible(std::string_view s) { return !s.empty() && (IsSpaceOnly(s) || s == "\xC2\xA0"); }

// What a block inherits from the elements around it.
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
  Reader(const HtmlIndex& index, const HtmlReadOptions& options, HtmlDocument* doc)
      : index_(index), info_(index.nodes()), options_(options), doc_(doc) {}

  void Run();

 private:
  void FindBlocks();
  State EnterElement(uint32_t id, const State& parent) const;
  void EmitRun(uint32_t first, uint32_t last, const State& st);
  void EmitBlock(uint32_t element, uint32_t first, uint32_t last, const State& st);
  void Walk(uint32_t begin, uint32_t stop);
  void CheckElement(uint32_t id);
  bool CutKeepsNeighbour(uint32_t element) const;
  Range HidingWrapper(uint32_t element, Range source) const;
  void AppendTextNode(uint32_t id);
  void AddText(std::string_view s, size_t src_start, size_t src_end, uint32_t node, bool exact);
  void AddSpace(size_t src_start, size_t src_end, uint32_t node, bool simple);
  void SeparateLink();
  void FlushPending();
  uint32_t PushNode(uint32_t parent, size_t src_start, size_t src_end, bool widenable);
  void MarkArticleBody();
  void Finalize();

  const HtmlIndex& index_;
  const std::vector<IndexedNode>& info_;
  const HtmlReadOptions& options_;
  HtmlDocument* doc_;

  // The block being emitted.
  size_t block_text_start_ = 0;
  bool sound_ = true;  // its source can be cut cleanly
  uint32_t links_ = 0;
  uint32_t link_text_ = 0;
  int link_depth_ = 0;
  std::vector<HtmlLink> block_links_;  // the block's links; text ranges set when they close
  std::vector<uint32_t> open_;         // open elements (indices into doc_->nodes), root first
  size_t awaiting_from_ = 0;           // open_[awaiting_from_..] have produced no text yet
  size_t last_nonspace_end_ = 0;
  struct Pending {  // whitespace (or a <br>) not written yet: dropped at a block's end
    enum Kind { kNothing, kSpace, kNewline } kind = kNothing;
    size_t src_start = 0;
    size_t src_end = 0;
    uint32_t node = kNone;
    bool simple = false;   // one ' ' in the page: maps byte for byte
    bool in_link = false;  // the whitespace was inside a link
  } pending_;
  size_t last_source_end_ = 0;            // end of the last block with a source
  std::vector<uint32_t> block_elements_;  // per block, its element (or first node) in info_
};

State Reader::EnterElement(uint32_t id, const State& parent) const {
  const IndexedNode& in = info_[id];
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
    const IndexedNode& ci = info_[c];
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
  const IndexedNode& in = info_[id];
  if (!(in.flags & kReal) || (in.flags & kTangled)) {
    sound_ = false;
    return;
  }
  // A formatting element left open (its end tag implied) that the parser re-opened later:
  // cutting it would change what gets re-opened.
  const GumboElement& e = in.node->v.element;
  if (!(in.flags & kEndMatched) && (FlagsOfTag(e.tag) & kTagFormatting) &&
      index_.Reopened(e.original_tag.data)) {
    sound_ = false;
  }
}

// An element whose start tag closed the open element before it ("<li>a<li>b" closes the first
// li at the second <li>; "<p>text<div>" closes the p at <div>): once it is cut, that element
// stays open until the next tag that closes it and takes in whatever lies between. Harmless
// when only whitespace does (a later tag closes it as before), not when text follows.
bool Reader::CutKeepsNeighbour(uint32_t element) const {
  const IndexedNode& in = info_[element];
  uint32_t p = in.prev;
  while (p != kNone && !(info_[p].flags & kElement) && !(info_[p].flags & kHasText)) {
    p = info_[p].prev;  // whitespace, comments
  }
  if (p == kNone || !(info_[p].flags & kElement) || !(info_[p].flags & kReal) ||
      (info_[p].flags & kEndMatched) || info_[p].node->v.element.end_pos.offset != in.src_start) {
    return true;
  }
  const std::string_view page = index_.page();
  size_t k = in.src_end;
  while (k < page.size() && (page[k] == ' ' || page[k] == '\t' || page[k] == '\n' ||
                             page[k] == '\r' || page[k] == '\f')) {
    ++k;
  }
  return k >= page.size() || page[k] == '<';
}

// The source of the hiding ancestor of `element` when each element from `element` up to it is
// the only content of its parent (see HtmlBlock::hidden_source); `source` otherwise.
Range Reader::HidingWrapper(uint32_t element, Range source) const {
  if (info_[element].own_hidden != nullptr) return source;
  uint32_t child = element;
  for (uint32_t p = info_[element].parent; p != kNone; child = p, p = info_[p].parent) {
    const IndexedNode& pi = info_[p];
    if (!(pi.flags & kElement) || !(pi.flags & kReal) || !(pi.flags & kEndMatched) ||
        (pi.flags & kTangled)) {
      return source;
    }
    const GumboTag tag = pi.node->v.element.tag;
    if (tag == GUMBO_TAG_HTML || tag == GUMBO_TAG_BODY) return source;
    for (uint32_t c = p + 1; c < pi.end; c = info_[c].end) {
      if (c != child && ((info_[c].flags & kElement) || (info_[c].flags & kHasText))) {
        return source;
      }
    }
    if (pi.own_hidden != nullptr) {
      if (!index_.OwnsTags(pi.src_start, pi.src_end, p, pi.end) || !CutKeepsNeighbour(p)) {
        return source;
      }
      return Range{pi.src_start, pi.src_end};
    }
  }
  return source;
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
  block_links_.clear();
  pending_ = Pending();
  last_nonspace_end_ = text.size();

  const uint32_t lo = element != kNone ? element : first;
  const uint32_t hi = element != kNone ? info_[element].end : info_[last].end;
  Range source;
  if (element != kNone) {
    CheckElement(element);
    source = Range{info_[element].src_start, info_[element].src_end};
    if (!CutKeepsNeighbour(element)) sound_ = false;
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
    block_links_.push_back(
        HtmlLink{Range{}, UrlHost(Attr(info_[st.link].node->v.element, "href")), false});
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
  if (sound_ &&
      (source.start < last_source_end_ || !index_.OwnsTags(source.start, source.end, lo, hi))) {
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
  block.hidden_source =
      sound_ && element != kNone && st.hidden ? HidingWrapper(element, source) : source;
  block.kind = st.caption ? BlockKind::kCaption : st.kind;
  if (block.kind == BlockKind::kListItem && size_t{link_text_} * 3 >= block.text.size() * 2) {
    block.kind = BlockKind::kLinkList;
  }
  block.facts.hidden = st.hidden;
  block.facts.region = st.region;
  block.facts.links = links_;
  block.facts.link_text_bytes = link_text_;
  block.facts.depth = element != kNone ? st.depth : st.depth + 1;
  if (st.link != kNone && !block_links_.empty()) block_links_[0].text = block.text;  // all link
  block.links = std::move(block_links_);
  block_links_.clear();
  doc_->blocks.push_back(std::move(block));
  doc_->block_roots.push_back(root);
  block_elements_.push_back(lo);
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
    const IndexedNode& ci = info_[c];
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
    if (e.tag == GUMBO_TAG_A) SeparateLink();
    if (link) {
      ++links_;
      ++link_depth_;
      block_links_.push_back(HtmlLink{Range{}, UrlHost(Attr(e, "href")), false});
    }
    open_.push_back(PushNode(open_.back(), ci.src_start, ci.src_end, ci.flags & kReal));
    stack.push_back(WalkFrame{c + 1, ci.end, link, block_links_.size() - 1});
  }
}

void Reader::AppendTextNode(uint32_t id) {
  const IndexedNode& in = info_[id];
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

// Links written back to back ("<a>cheap pills</a><a>casino bonus</a>") read as separate words:
// a space goes between them when nothing separates the texts. It maps to no page bytes (an
// empty range at the end of the text before it).
void Reader::SeparateLink() {
  const std::string& text = doc_->text;
  if (pending_.kind != Pending::kNothing || text.size() <= block_text_start_ ||
      doc_->pieces.empty()) {
    return;
  }
  const unsigned char last = static_cast<unsigned char>(text.back());
  const bool word_end = last >= 0x80 || (last >= '0' && last <= '9') ||
                        ((last | 0x20) >= 'a' && (last | 0x20) <= 'z') ||
                        std::strchr(".,;:!?)", last) != nullptr;
  if (!word_end) return;
  const HtmlDocument::Piece& prev = doc_->pieces.back();
  pending_ = Pending{Pending::kSpace, prev.source_end, prev.source_end, prev.node, false, false};
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
  const std::string_view url = options_.url.empty() ? index_.StatedUrl() : options_.url;
  const std::string host = UrlHost(url);
  doc_->page_site = host.empty() ? std::string() : SiteOf(host);
  if (doc_->page_site.empty()) return;
  for (HtmlBlock& b : doc_->blocks) {
    for (HtmlLink& l : b.links) {
      l.foreign = !l.host.empty() && SiteOf(l.host) != doc_->page_site;
      if (l.foreign) ++b.facts.foreign_links;
    }
  }
}

// The article body: the deepest element holding kBodyShare of the text of the page's content
// paragraphs (visible, outside landmarks, of kBodyParagraphBytes or more).
void Reader::MarkArticleBody() {
  constexpr size_t kBodyParagraphBytes = 80;
  constexpr double kBodyShare = 0.8;
  std::vector<size_t> below(info_.size(), 0);  // paragraph bytes below each node
  size_t total = 0;
  for (size_t i = 0; i < doc_->blocks.size(); ++i) {
    const HtmlBlock& b = doc_->blocks[i];
    if (b.facts.hidden || b.facts.region != HtmlRegion::kContent ||
        b.kind != BlockKind::kParagraph || b.text.size() < kBodyParagraphBytes) {
      continue;
    }
    total += b.text.size();
    for (uint32_t id = info_[block_elements_[i]].parent; id != kNone; id = info_[id].parent) {
      below[id] += b.text.size();
    }
  }
  if (total == 0) return;
  // Elements holding more than half of it form a chain from the root; the deepest comes last.
  uint32_t body = kNone;
  for (uint32_t id = 0; id < below.size(); ++id) {
    if (static_cast<double>(below[id]) >= kBodyShare * static_cast<double>(total)) body = id;
  }
  if (body == kNone) return;
  doc_->has_article_body = true;
  for (size_t i = 0; i < doc_->blocks.size(); ++i) {
    doc_->blocks[i].facts.in_article_body =
        block_elements_[i] > body && block_elements_[i] < info_[body].end;
  }
}

void Reader::Run() {
  FindBlocks();
  MarkArticleBody();
  Finalize();
}

}  // namespace
}  // namespace html_internal

void ReadHtml(std::string_view html, const HtmlReadOptions& options, HtmlDocument* out) {
  *out = HtmlDocument();
  html_internal::Arena arena;
  GumboOutput* output = html_internal::ParseHtml(html, options.elide_raw_text, &arena);
  html_internal::HtmlIndex index(html);
  index.Build(output->document);
  html_internal::Reader reader(index, options, out);
  reader.Run();
  MarkLists(html, out);
  MarkStrayLinks(out);
  // No gumbo_destroy_output: the arena owns every byte gumbo allocated.
}
}  // namespace spamstrip
