// farm_lines.h — the lines of a paragraph whose other lines are mostly spam.
//
// Injected spam often comes as several lines in one paragraph (a link farm, a block of ad
// lines). Each line is scored on its own, with its neighbours only as one feature, so a farm's
// plainest line can stay behind, flagged or cut down to a sentence run, while the lines around it
// go. When at least two of a paragraph's other lines, and at least two thirds of them, are
// stripped whole, a line of that paragraph scoring at least the flag threshold is stripped whole
// too: the paragraph has shown what it is.
#ifndef SPAMSTRIP_SRC_FARM_LINES_H_
#define SPAMSTRIP_SRC_FARM_LINES_H_

#include <vector>

#include "segmenter.h"
#include "spamstrip/report.h"

namespace spamstrip {

// Strips (in report->blocks, parallel to `segs`) the lines of mostly stripped paragraphs whose
// whole-block score reaches report->flag_threshold, as above, dropping their sentence spans.
void StripFarmLines(const std::vector<Segment>& segs, Report* report);

}  // namespace spamstrip

#endif  // SPAMSTRIP_SRC_FARM_LINES_H_
