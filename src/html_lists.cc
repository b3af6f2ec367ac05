#include "html_lists.h"

#include <string>

#include "ascii.h"

namespace spamstrip {
namespace {

// Whether list items a and b (b following a) belong to the same list: same depth and region,
// and no list starts or ends between them in the page.
bool SameList(std::string_view html, const HtmlBlock& a, const HtmlBlock& b) {
  if (a.facts.depth != b.facts.depth || a.facts.region != b.facts.region) return false;
  if (a.source.size() == 0 || b.source.size() == 0 || b.source.start < a.source.end ||
      b.source.start > html.size()) {
    return true;
  }
  const std::string gap = AsciiLower(html.substr(a.source.end, b.source.start - a.source.end));
  for (const char* tag : {"<ul", "<ol", "</ul", "</ol", "<menu", "</menu"}) {
    if (gap.find(tag) != std::string::npos) return false;
  }
  return true;
}

}  // namespace

bool IsListItem(const HtmlBlock& b) {
  return b.kind == BlockKind::kListItem || b.kind == BlockKind::kLinkList;
}

void MarkLists(std::string_view html, HtmlDocument* doc) {
  std::vector<HtmlBlock>& blocks = doc->blocks;
  for (size_t i = 0; i < blocks.size();) {
    size_t j = i + 1;
    if (IsListItem(blocks[i])) {
      while (j < blocks.size() && IsListItem(blocks[j]) &&
             SameList(html, blocks[j - 1], blocks[j])) {
        ++j;
      }
    }
    for (size_t k = i; k < j; ++k) {
      blocks[k].facts.list_first = i;
      blocks[k].facts.list_items = static_cast<uint32_t>(j - i);
    }
    i = j;
  }
}

}  // namespace spamstrip
