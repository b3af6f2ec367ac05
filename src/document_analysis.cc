#include "document_analysis.h"

#include <algorithm>

namespace spamstrip {

void AnalyzeDocument(std::string_view text, const RuleSet* rules, const NgramModel* model,
                     AnalyzedDocument* out) {
  out->blocks.clear();
  out->context.Clear();
  SegmentText(text, &out->blocks);
  // Resized, not cleared: the statistics of a reused AnalyzedDocument keep their memory.
  out->sentences.resize(out->blocks.size());
  for (size_t i = 0; i < out->blocks.size(); ++i) {
    const auto& sents = out->blocks[i].sentences;
    out->sentences[i].resize(sents.size());
    for (size_t k = 0; k < sents.size(); ++k) {
      ComputeSentenceStats(text, sents[k], rules, model, &out->sentences[i][k]);
      out->context.Add(out->sentences[i][k]);
    }
  }
  for (auto& sents : out->sentences) out->context.Annotate(&sents);
  out->block_ngram.assign(out->blocks.size(), 0.0);
  out->block_ngram_sum.assign(out->blocks.size(), NgramScore());
  if (model != nullptr) {
    for (size_t i = 0; i < out->blocks.size(); ++i) {
      NgramScore& sc = out->block_ngram_sum[i];
      for (const auto& st : out->sentences[i]) {
        sc.sum += st.ngram.sum;
        sc.count += st.ngram.count;
      }
      out->block_ngram[i] = model->Logit(sc);
      int words = 0;
      for (const auto& st : out->sentences[i]) words += st.words;
      // Too little text to say anything about its neighbours (a share count, a date).
      if (words < 3) out->block_ngram[i] = kNoNeighbour;
    }
  }
}

FeatureVector RunFeatures(const AnalyzedDocument& doc, size_t block, size_t b, size_t e,
                          const NgramModel* model, const RuleSet* rules) {
  const auto& sents = doc.sentences[block];
  const Segment& seg = doc.blocks[block];
  const bool whole = b == 0 && e == sents.size();
  FeatureVector f = doc.context.Features(sents, b, e, seg.kind, whole, model, rules);
  double neighbour = kNoNeighbour;
  if (model != nullptr) {
    if (whole) {
      // The other lines of the same paragraph (blocks are in order; a paragraph is contiguous):
      // the most news-like of them, so that a line of a link farm (all lines spam) learns from
      // its neighbours while a real line next to one injected line does not.
      double lowest = 1e9;
      for (size_t j = block; j-- > 0 && doc.blocks[j].paragraph == seg.paragraph;) {
        if (doc.block_ngram[j] > kNoNeighbour) lowest = std::min(lowest, doc.block_ngram[j]);
      }
      for (size_t j = block + 1; j < doc.blocks.size() && doc.blocks[j].paragraph == seg.paragraph;
           ++j) {
        if (doc.block_ngram[j] > kNoNeighbour) lowest = std::min(lowest, doc.block_ngram[j]);
      }
      if (lowest < 1e9) neighbour = lowest;
    } else {
      NgramScore rest = doc.block_ngram_sum[block];  // the block minus the run
      for (size_t k = b; k < e; ++k) {
        rest.sum -= sents[k].ngram.sum;
        rest.count -= sents[k].ngram.count;
      }
      if (rest.count > 0) neighbour = model->Logit(rest);
    }
  }
  f[kNeighbourNgram] = std::clamp(neighbour, kNoNeighbour, 12.0);
  f[kRunPosition] = whole ? 0 : (e == sents.size() ? 1 : (b == 0 ? 2 : 3));
  return f;
}

}  // namespace spamstrip
