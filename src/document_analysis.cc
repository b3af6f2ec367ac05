#include "document_analysis.h"

#include <algorithm>

#include "html_reader.h"

namespace spamstrip {

// Sentence statistics, context and block n-gram scores of out->blocks.
static void AnalyzeBlocks(std::string_view text, const RuleSet* rules, const NgramModel* model,
                          AnalyzedDocument* out);

void AnalyzeDocument(std::string_view text, const RuleSet* rules, const NgramModel* model,
                     AnalyzedDocument* out) {
  SegmentText(text, &out->blocks);  // reuses the blocks' memory
  AnalyzeBlocks(text, rules, model, out);
}

void AnalyzeSegments(std::string_view text, std::vector<Segment> blocks, const RuleSet* rules,
                     const NgramModel* model, AnalyzedDocument* out) {
  out->blocks = std::move(blocks);
  AnalyzeBlocks(text, rules, model, out);
}

static void AnalyzeBlocks(std::string_view text, const RuleSet* rules, const NgramModel* model,
                          AnalyzedDocument* out) {
  out->context.Clear();
  // Resized, not cleared: the statistics of a reused AnalyzedDocument keep their memory, and
  // those a shorter document drops wait here for the next one (a SentenceStats holds several
  // vectors: allocating them afresh for most sentences was a share of the run's time).
  thread_local std::vector<std::vector<SentenceStats>> spare_blocks;
  thread_local std::vector<SentenceStats> spare;
  while (out->sentences.size() > out->blocks.size()) {
    spare_blocks.push_back(std::move(out->sentences.back()));
    out->sentences.pop_back();
  }
  while (out->sentences.size() < out->blocks.size()) {
    if (spare_blocks.empty()) {
      out->sentences.emplace_back();
    } else {
      out->sentences.push_back(std::move(spare_blocks.back()));
      spare_blocks.pop_back();
    }
  }
  for (size_t i = 0; i < out->blocks.size(); ++i) {
    const auto& sents = out->blocks[i].sentences;
    std::vector<SentenceStats>& stats = out->sentences[i];
    while (stats.size() > sents.size()) {
      spare.push_back(std::move(stats.back()));
      stats.pop_back();
    }
    while (stats.size() < sents.size()) {
      if (spare.empty()) {
        stats.emplace_back();
      } else {
        stats.push_back(std::move(spare.back()));
        spare.pop_back();
      }
    }
    for (size_t k = 0; k < sents.size(); ++k) {
      ComputeSentenceStats(text, sents[k], rules, model, &out->sentences[i][k]);
      out->context.Add(out->sentences[i][k]);
    }
    // (A paragraph's lines are blocks of their own; a cluster of injected lines is one paragraph.)
    if (i + 1 == out->blocks.size() || out->blocks[i + 1].paragraph != out->blocks[i].paragraph) {
      out->context.EndParagraph(out->blocks[i].paragraph);
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

namespace {

// Sentences of an HTML block: the text's own sentences, further cut at the edges of links of two
// words or more, and where links to sites the page links nowhere else end it
// (HtmlFacts::stray_links), so that an <a> slipped into a paragraph can be judged (and cut) on
// its own.
void HtmlSentences(const HtmlDocument& html, const HtmlBlock& block, std::vector<Range>* out) {
  SplitSentences(html.text, block.text, out);
  std::vector<size_t> cuts;
  if (block.facts.stray_links != HtmlFacts::kNoStrayLinks) cuts.push_back(block.facts.stray_links);
  for (const HtmlLink& l : block.links) {
    Range t = l.text;
    while (t.start < t.end && html.text[t.start] == ' ') ++t.start;
    while (t.end > t.start && html.text[t.end - 1] == ' ') --t.end;
    if (t.start >= t.end || html.text.substr(t.start, t.size()).find(' ') == std::string::npos) {
      continue;
    }
    cuts.push_back(t.start);
    cuts.push_back(t.end);
  }
  if (cuts.empty()) return;
  std::sort(cuts.begin(), cuts.end());
  std::vector<Range> split;
  for (const Range& r : *out) {
    size_t start = r.start;
    for (size_t c : cuts) {
      if (c <= start || c >= r.end) continue;
      Range piece{start, c};
      while (piece.end > piece.start && html.text[piece.end - 1] == ' ') --piece.end;
      if (piece.end > piece.start) split.push_back(piece);
      start = c;
      while (start < r.end && html.text[start] == ' ') ++start;
    }
    if (start < r.end) split.push_back(Range{start, r.end});
  }
  std::sort(split.begin(), split.end(),
            [](const Range& x, const Range& y) { return x.start < y.start; });
  *out = std::move(split);
}

}  // namespace

void AnalyzeHtmlPage(const HtmlDocument& page, const RuleSet* rules, const NgramModel* model,
                     AnalyzedDocument* out) {
  std::vector<Segment> segs(page.blocks.size());
  // Consecutive items of a list (same depth) form one paragraph of lines, as a link farm does in
  // text: each line is then judged with its neighbours (kNeighbourNgram).
  auto is_item = [&](size_t i) {
    const BlockKind k = page.blocks[i].kind;
    return k == BlockKind::kListItem || k == BlockKind::kLinkList;
  };
  size_t paragraph = 0;
  for (size_t i = 0; i < page.blocks.size(); ++i) {
    const bool joins = i > 0 && is_item(i) && is_item(i - 1) &&
                       page.blocks[i].facts.depth == page.blocks[i - 1].facts.depth &&
                       page.blocks[i].facts.region == page.blocks[i - 1].facts.region;
    if (i > 0 && !joins) ++paragraph;
    segs[i].paragraph = paragraph;
    segs[i].line_in_paragraph = joins ? segs[i - 1].line_in_paragraph + 1 : 0;
  }
  for (size_t i = 0; i < segs.size();) {
    size_t j = i;
    while (j < segs.size() && segs[j].paragraph == segs[i].paragraph) ++j;
    for (size_t k = i; k < j; ++k) segs[k].lines_in_paragraph = j - i;
    i = j;
  }
  for (size_t i = 0; i < page.blocks.size(); ++i) {
    const HtmlBlock& b = page.blocks[i];
    Segment& seg = segs[i];
    seg.range = b.text;
    // The element says heading or caption; otherwise the text decides (a share count in a <p>
    // is noise, "Photo: ..." a caption, a short unpunctuated line a heading).
    const BlockKind by_text = ClassifyText(
        std::string_view(page.text).substr(b.text.start, b.text.size()), seg.lines_in_paragraph);
    seg.kind = b.kind == BlockKind::kHeading || b.kind == BlockKind::kCaption ? b.kind
               : by_text == BlockKind::kParagraph                             ? b.kind
                                                                              : by_text;
    if (seg.kind == BlockKind::kListItem || seg.kind == BlockKind::kLinkList) {
      seg.kind = BlockKind::kLine;  // what the model was trained on: one line of several
    }
    HtmlSentences(page, b, &seg.sentences);
  }
  AnalyzeSegments(page.text, std::move(segs), rules, model, out);
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
