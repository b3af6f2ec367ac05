// doc_synth.h — training documents made by injecting spam into real articles, the way hacked
// pages carry it: a paragraph of its own, a sentence appended to a real paragraph, a cluster
// of 3-6 spam lines (a link farm), or one spam line under a real line. Some real paragraphs are
// joined to the previous one by a single line break. Used only by the trainer (stage 2).
#ifndef SPAMSTRIP_SRC_DOC_SYNTH_H_
#define SPAMSTRIP_SRC_DOC_SYNTH_H_

#include <string>
#include <utility>
#include <vector>

#include "logistic.h"
#include "training_data.h"

namespace spamstrip {

struct SynthDoc {
  std::string text;
  std::vector<std::pair<size_t, size_t>> spam;  // injected byte ranges
};

// Builds one document from `article`; with probability 1 - clean_frac injects 1-3 items drawn
// from `spam` (which must be non-empty). Deterministic given the Rng state.
void SynthesizeDocument(const Article& article, const std::vector<const LabelledText*>& spam,
                        double clean_frac, Rng* rng, SynthDoc* out);

}  // namespace spamstrip

#endif  // SPAMSTRIP_SRC_DOC_SYNTH_H_
