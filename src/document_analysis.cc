#include "document_analysis.h"

namespace spamstrip {

void AnalyzeDocument(std::string_view text, const RuleSet* rules, const NgramModel* model,
                     AnalyzedDocument* out) {
  out->blocks.clear();
  out->sentences.clear();
  out->context = DocContext();
  SegmentText(text, &out->blocks);
  out->sentences.resize(out->blocks.size());
  for (size_t i = 0; i < out->blocks.size(); ++i) {
    const auto& sents = out->blocks[i].sentences;
    out->sentences[i].resize(sents.size());
    for (size_t k = 0; k < sents.size(); ++k) {
      ComputeSentenceStats(text, sents[k], rules, model, &out->sentences[i][k]);
      out->context.Add(out->sentences[i][k]);
    }
  }
}

}  // namespace spamstrip
