// document_analysis.h — one pass over a document: blocks, sentence statistics and the
// document context. Shared by the Detector (to decide) and the trainer (to learn weights).
#ifndef SPAMSTRIP_SRC_DOCUMENT_ANALYSIS_H_
#define SPAMSTRIP_SRC_DOCUMENT_ANALYSIS_H_

#include <string_view>
#include <vector>

#include "block_features.h"
#include "segmenter.h"

namespace spamstrip {

struct AnalyzedDocument {
  std::vector<Segment> blocks;
  std::vector<std::vector<SentenceStats>> sentences;  // per block
  DocContext context;
};

// Segments `text` and computes every sentence's statistics once. `rules`/`model` may be null.
void AnalyzeDocument(std::string_view text, const RuleSet* rules, const NgramModel* model,
                     AnalyzedDocument* out);

}  // namespace spamstrip

#endif  // SPAMSTRIP_SRC_DOCUMENT_ANALYSIS_H_
