#include "farm_lines.h"

namespace spamstrip {

void StripFarmLines(const std::vector<Segment>& segs, Report* report) {
  auto& blocks = report->blocks;
  for (size_t i = 0; i < segs.size();) {
    size_t j = i;
    while (j < segs.size() && segs[j].paragraph == segs[i].paragraph) ++j;
    // Paragraph [i, j): its stripped lines and its flagged ones.
    size_t stripped = 0;
    for (size_t k = i; k < j; ++k) {
      if (blocks[k].block.decision == Decision::kStrip) ++stripped;
    }
    if (j - i >= 3 && stripped >= 2) {
      for (size_t k = i; k < j; ++k) {
        Finding& f = blocks[k].block;
        if (f.decision == Decision::kStrip || f.score < report->flag_threshold) continue;
        const size_t others = j - i - 1;  // this line is not stripped
        if (stripped * 3 < others * 2) continue;
        f.decision = Decision::kStrip;
        blocks[k].spans.clear();
      }
    }
    i = j;
  }
}

}  // namespace spamstrip
