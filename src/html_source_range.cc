// HtmlDocument::SourceRange: a range of the reader's text back to the page, widened to whole
// elements and refused when it would cut through markup.
#include <algorithm>

#include "html_reader.h"

namespace spamstrip {
namespace {

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
    if (common == a.node || common == z.node) return false;  // ends are leaves: cannot happen
    for (uint32_t n = a.node; nodes[n].parent != common; n = nodes[n].parent) {
      if (nodes[n].parent == kNoNode) return false;
      const Node& p = nodes[nodes[n].parent];
      if (!p.widenable || !covered(p)) return false;
      start = std::min(start, p.source_start);
    }
    for (uint32_t n = z.node; nodes[n].parent != common; n = nodes[n].parent) {
      if (nodes[n].parent == kNoNode) return false;
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
