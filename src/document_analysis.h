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
  std::vector<double> block_ngram;                    // n-gram log-odds of each whole block
  std::vector<NgramScore> block_ngram_sum;            // n-gram sums of each whole block
  DocContext context;
};

// Segments `text` and computes every sentence's statistics once. `rules`/`model` may be null.
// *out may be reused from an earlier document (its memory is kept).
void AnalyzeDocument(std::string_view text, const RuleSet* rules, const NgramModel* model,
                     AnalyzedDocument* out);

// The same for blocks found elsewhere (an HTML page's elements): `blocks` hold ranges of
// `text`, their kinds and sentences.
void AnalyzeSegments(std::string_view text, std::vector<Segment> blocks, const RuleSet* rules,
                     const NgramModel* model, AnalyzedDocument* out);

// The same for an HTML page read by ReadHtml: one block per HtmlBlock (same index), its kind
// from the element and the text, its sentences also cut at the edges of links.
class HtmlDocument;
void AnalyzeHtmlPage(const HtmlDocument& page, const RuleSet* rules, const NgramModel* model,
                     AnalyzedDocument* out);

// The features of sentences [b, e) of block `block` (the whole block when b == 0 and e is its
// sentence count): the run's own features, its document context, and its neighbours (the other
// lines of its paragraph, or the rest of its block for a sentence run).
FeatureVector RunFeatures(const AnalyzedDocument& doc, size_t block, size_t b, size_t e,
                          const NgramModel* model, const RuleSet* rules);

}  // namespace spamstrip

#endif  // SPAMSTRIP_SRC_DOCUMENT_ANALYSIS_H_
