// spamstrip/report.h — what the detector found in one document, as byte ranges of the input.
//
// Offsets are the contract: every range is [start, end) in bytes of the exact input passed to
// Detector::Analyze. Cleaning is "copy the input minus the removed ranges" (see Clean()), so
// the report alone is enough to restore anything that was cut.
#ifndef SPAMSTRIP_REPORT_H_
#define SPAMSTRIP_REPORT_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace spamstrip {

enum class BlockKind {
  kParagraph,
  kLine,
  kHeading,
  kCaption,
  kListItem,
  kLinkList,
  kNoise,
  kBoilerplate,  // HTML: navigation, header, footer, sidebar, comments, forms
};
enum class Decision { kKeep, kFlag, kStrip };

const char* BlockKindName(BlockKind kind);
const char* DecisionName(Decision decision);

// One piece of evidence that moved a score. For a rule: source "rule", name = rule id,
// value = the rule's weight, detail = the canonical text it matched. For a feature: source
// "feature", name = feature name, value = its contribution in log-odds (weight * value),
// detail = the raw feature value rendered as text.
struct Reason {
  std::string source;
  std::string name;
  double value = 0;
  std::string detail;
};

// A scored range: a whole block, or a sentence span inside one.
struct Finding {
  size_t start = 0;  // byte offset into the input, inclusive
  size_t end = 0;    // exclusive
  double score = 0;  // spam probability in [0, 1]
  Decision decision = Decision::kKeep;
  std::string category;         // best category ("" when no evidence points anywhere)
  std::vector<Reason> reasons;  // largest contributions first
};

struct BlockReport {
  BlockKind kind = BlockKind::kParagraph;
  size_t paragraph = 0;  // index of the blank-line separated paragraph holding this block
  Finding block;         // the block as a whole
  // Sentence-level cuts inside a block that is kept as a whole (empty otherwise).
  std::vector<Finding> spans;
};

struct Report {
  std::vector<BlockReport> blocks;
  // The byte ranges cut from the output: sorted, non-overlapping. A cut covers its finding's
  // range plus the whitespace that would otherwise be left dangling (the line break after a
  // removed line, the blank lines after a removed paragraph — or the whitespace before it when
  // it ends the text —, the space before a removed trailing sentence or after a removed leading
  // one). Empty in flag-only mode.
  struct Removal {
    size_t start = 0;
    size_t end = 0;
    size_t block = 0;  // index into `blocks`
    int span = -1;     // index into blocks[block].spans, or -1 for the whole block
  };
  std::vector<Removal> removed;
  double threshold = 0.5;       // the strip threshold that was applied
  double flag_threshold = 0.5;  // the flag threshold that was applied
  bool flagged_any = false;     // some block or span reached flag or strip
  bool stripped_any = false;    // something is in `removed`
  // HTML input only: the article as text after cleaning — the kept text of the blocks outside
  // navigation, footers and other boilerplate, one paragraph per block, blank lines between.
  std::string article_text;

  // The finding a removal points at.
  const Finding& FindingOf(const Removal& r) const {
    return r.span < 0 ? blocks[r.block].block : blocks[r.block].spans[static_cast<size_t>(r.span)];
  }
};

// Returns `input` minus the report's removed ranges. `input` must be the exact text that was
// analysed (the offsets refer to it).
std::string Clean(std::string_view input, const Report& report);

}  // namespace spamstrip

#endif  // SPAMSTRIP_REPORT_H_
