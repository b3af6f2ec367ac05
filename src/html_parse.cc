#include "html_parse.h"

#include <algorithm>
#include <cstring>
#include <string>

#include "html_rawtext_elide.h"

namespace spamstrip {
namespace html_internal {

void* Arena::Get(size_t size) {
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

namespace {

GumboOutput* Parse(std::string_view buffer, Arena* arena) {
  GumboOptions gopts = kGumboDefaultOptions;
  gopts.allocator = &Arena::Allocate;
  gopts.deallocator = &Arena::Deallocate;
  gopts.userdata = arena;
  gopts.max_errors = 0;  // the reader never looks at parse errors
  return gumbo_parse_with_options(&gopts, buffer.data(), buffer.size());
}

// The text gumbo decodes from raw text: CR and CR LF read as LF, NUL as U+FFFD (other bytes
// copied). NUL-terminated, in the arena.
char* DecodeRawText(std::string_view raw, Arena* arena) {
  const char* const begin = raw.data();
  const char* const end = begin + raw.size();
  size_t nuls = 0;
  for (const char* p = begin; (p = static_cast<const char*>(std::memchr(p, '\0', end - p)));) {
    ++nuls;
    ++p;
  }
  char* const text = static_cast<char*>(arena->Get(raw.size() + 2 * nuls + 1));
  char* w = text;
  const char* next_cr = static_cast<const char*>(std::memchr(begin, '\r', raw.size()));
  const char* next_nul =
      nuls ? static_cast<const char*>(std::memchr(begin, '\0', raw.size())) : nullptr;
  const char* p = begin;
  while (next_cr || next_nul) {
    const bool cr = next_cr && (!next_nul || next_cr < next_nul);
    const char* at = cr ? next_cr : next_nul;
    std::memcpy(w, p, static_cast<size_t>(at - p));
    w += at - p;
    p = at + 1;
    if (cr) {
      *w++ = '\n';
      if (p < end && *p == '\n') ++p;
      next_cr = static_cast<const char*>(std::memchr(p, '\r', static_cast<size_t>(end - p)));
    } else {
      std::memcpy(w, "\xEF\xBF\xBD", 3);
      w += 3;
      next_nul = static_cast<const char*>(std::memchr(p, '\0', static_cast<size_t>(end - p)));
    }
  }
  std::memcpy(w, p, static_cast<size_t>(end - p));
  w += end - p;
  *w = '\0';
  return text;
}

// Checks the tree of the reduced page against the elided regions and moves every offset and
// string piece to the page, in one walk.
class Remapper {
 public:
  Remapper(std::string_view page, const RawTextElision& elision)
      : page_(page),
        reduced_(elision.reduced()),
        elision_(elision),
        owner_(elision.regions().size(), nullptr) {}

  // False when some region is not exactly the contents of a script or style element.
  bool Run(GumboNode* document);
  // Gives each elided element its text node back (after a successful Run).
  void RestoreText(Arena* arena) const;

 private:
  bool Check(GumboNode* n);
  void MapPiece(GumboStringPiece* s) const;
  void MapPosition(GumboSourcePosition* p) const { p->offset = MapOffset(p->offset, true); }
  unsigned MapOffset(size_t r, bool after) const {
    return static_cast<unsigned>(elision_.ToOriginal(r, after, &hint_));
  }
  void Map(GumboNode* n) const;

  std::string_view page_;
  std::string_view reduced_;
  const RawTextElision& elision_;
  std::vector<GumboNode*> owner_;  // per region, the element it belongs to
  mutable size_t hint_ = 0;        // for ToOriginal: the tree is walked in page order
};

bool Remapper::Check(GumboNode* n) {
  const GumboElement& e = n->v.element;
  if (e.tag != GUMBO_TAG_SCRIPT && e.tag != GUMBO_TAG_STYLE) return true;
  const GumboStringPiece& tag = e.original_tag;
  if (!tag.data || tag.data < reduced_.data() || tag.data > reduced_.data() + reduced_.size()) {
    return true;
  }
  const size_t at = static_cast<size_t>(tag.data - reduced_.data()) + tag.length;
  const std::vector<ElidedRegion>& regions = elision_.regions();
  auto it = std::lower_bound(regions.begin(), regions.end(), at,
                             [](const ElidedRegion& g, size_t x) { return g.reduced_start < x; });
  if (it == regions.end() || it->reduced_start != at) return true;  // not elided
  const size_t k = static_cast<size_t>(it - regions.begin());
  const bool exact = n->type == GUMBO_NODE_ELEMENT && e.tag_namespace == GUMBO_NAMESPACE_HTML &&
                     !(n->parse_flags & GUMBO_INSERTION_BY_PARSER) &&
                     it->script == (e.tag == GUMBO_TAG_SCRIPT) && e.children.length == 0 &&
                     e.original_end_tag.length > 0 &&
                     e.original_end_tag.data == reduced_.data() + at && owner_[k] == nullptr;
  if (exact) owner_[k] = n;
  return exact;
}

void Remapper::MapPiece(GumboStringPiece* s) const {
  if (!s->data || s->data < reduced_.data() || s->data > reduced_.data() + reduced_.size()) {
    return;
  }
  const size_t r = static_cast<size_t>(s->data - reduced_.data());
  const size_t start = elision_.ToOriginal(r, true, &hint_);
  const size_t end = s->length > 0 ? elision_.ToOriginal(r + s->length, false, &hint_) : start;
  s->data = page_.data() + start;
  s->length = end - start;
}

void Remapper::Map(GumboNode* n) const {
  switch (n->type) {
    case GUMBO_NODE_ELEMENT:
    case GUMBO_NODE_TEMPLATE: {
      GumboElement& e = n->v.element;
      MapPiece(&e.original_tag);
      MapPiece(&e.original_end_tag);
      MapPosition(&e.start_pos);
      MapPosition(&e.end_pos);
      for (unsigned i = 0; i < e.attributes.length; ++i) {
        GumboAttribute* a = static_cast<GumboAttribute*>(e.attributes.data[i]);
        MapPiece(&a->original_name);
        MapPiece(&a->original_value);
        MapPosition(&a->name_start);
        MapPosition(&a->name_end);
        MapPosition(&a->value_start);
        MapPosition(&a->value_end);
      }
      break;
    }
    case GUMBO_NODE_TEXT:
    case GUMBO_NODE_WHITESPACE:
    case GUMBO_NODE_CDATA:
    case GUMBO_NODE_COMMENT:
      MapPiece(&n->v.text.original_text);
      MapPosition(&n->v.text.start_pos);
      break;
    default:
      break;
  }
}

bool Remapper::Run(GumboNode* document) {
  std::vector<GumboNode*> stack{document};
  while (!stack.empty()) {
    GumboNode* n = stack.back();
    stack.pop_back();
    const GumboVector* kids = nullptr;
    if (n->type == GUMBO_NODE_DOCUMENT) {
      kids = &n->v.document.children;
    } else if (n->type == GUMBO_NODE_ELEMENT || n->type == GUMBO_NODE_TEMPLATE) {
      if (!Check(n)) return false;
      kids = &n->v.element.children;
    }
    Map(n);
    if (kids) {  // children pushed last first: the walk goes in document order
      for (unsigned i = kids->length; i-- > 0;) {
        stack.push_back(static_cast<GumboNode*>(kids->data[i]));
      }
    }
  }
  return std::find(owner_.begin(), owner_.end(), nullptr) == owner_.end();
}

void Remapper::RestoreText(Arena* arena) const {
  const std::vector<ElidedRegion>& regions = elision_.regions();
  for (size_t k = 0; k < regions.size(); ++k) {
    const std::string_view raw = page_.substr(regions[k].start, regions[k].length);
    char* text = DecodeRawText(raw, arena);
    const bool space_only = std::all_of(raw.begin(), raw.end(), [](char c) {
      return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
    });

    GumboNode* element = owner_[k];
    GumboNode* node = static_cast<GumboNode*>(arena->Get(sizeof(GumboNode)));
    std::memset(node, 0, sizeof(GumboNode));
    node->type = space_only ? GUMBO_NODE_WHITESPACE : GUMBO_NODE_TEXT;
    node->parent = element;
    node->index_within_parent = 0;
    node->parse_flags = GUMBO_INSERTION_NORMAL;
    node->v.text.text = text;
    node->v.text.original_text = GumboStringPiece{raw.data(), raw.size()};
    // The element's end tag sat where the text starts, in the reduced page: same line and
    // column (Map moved only its offset).
    node->v.text.start_pos = element->v.element.end_pos;
    node->v.text.start_pos.offset = static_cast<unsigned>(regions[k].start);
    void** data = static_cast<void**>(arena->Get(sizeof(void*)));
    data[0] = node;
    element->v.element.children = GumboVector{data, 1, 1};
  }
}

}  // namespace

GumboOutput* ParseHtml(std::string_view html, bool elide_raw_text, Arena* arena, ParseInfo* info) {
  ParseInfo local;
  ParseInfo& pi = info ? *info : local;
  pi = ParseInfo();
  if (elide_raw_text) {
    RawTextElision elision;
    if (elision.Build(html)) {
      GumboOutput* out = Parse(elision.reduced(), arena);
      Remapper remapper(html, elision);
      if (remapper.Run(out->document)) {
        remapper.RestoreText(arena);
        pi.elided = elision.regions().size();
        for (const ElidedRegion& g : elision.regions()) pi.elided_bytes += g.length;
        return out;
      }
      pi.fell_back = true;
    }
  }
  return Parse(html, arena);
}

}  // namespace html_internal
}  // namespace spamstrip
