// spamstrip/options.h — what a Detector does, with every default stated inline.
//
// Plain struct (LevelDB style): set the fields you care about, leave the rest. The CLI binds each
// flag to exactly one field here.
#ifndef SPAMSTRIP_OPTIONS_H_
#define SPAMSTRIP_OPTIONS_H_

#include <string>
#include <vector>

namespace spamstrip {

struct Options {
  // Rule files (*.rules). Empty: the default rule set compiled into the library.
  std::vector<std::string> rule_files;

  // Model file written by `spamstrip train`. Empty: the default model compiled into the
  // library. Set use_model=false to score with rules, context and shape features only.
  std::string model_file;
  bool use_model = true;

  // A block (or sentence span) whose spam probability is >= threshold is stripped; one at or
  // above flag_threshold but below threshold is flagged (reported, kept). Negative: use the
  // threshold recorded in the model (or 0.5 without a model).
  double threshold = -1.0;
  double flag_threshold = -1.0;
  // A sentence run is cut out of a kept block when its probability is >= span_threshold
  // (negative: the model's; never below `threshold`).
  double span_threshold = -1.0;
  // A heading (a short line without final punctuation) that matched no rule is stripped only at
  // or above this probability (never below `threshold`); below it, it is flagged. Headings are
  // short and mostly new words, so their scores are noisy, and losing one is costly.
  // Negative: 0.95 when `threshold` is the model's default, `threshold` when it was set.
  double heading_threshold = -1.0;

  // Report only: decisions are computed and reported, but nothing is removed from the output.
  bool flag_only = false;

  // Cut spam sentences out of an otherwise legitimate paragraph (span-level cuts).
  bool sentence_cuts = true;
};

}  // namespace spamstrip

#endif  // SPAMSTRIP_OPTIONS_H_
