// spamstrip/eval.h — scoring the detector on a labelled benchmark (`spamstrip eval`).
//
// The benchmark format is ../shared/tools/make_bench.py's: one JSON document per line with
// "id", "lang", "text", "spans" [{start,end,category,mode}] and "blocks" [{start,end,label}].
// The figures are defined exactly as in score_bench.py (only non-whitespace bytes count):
//   block_recall     pure spam paragraphs (block, cluster) with >= 90% of their bytes removed
//   block_fpr        clean paragraphs with > 50% of their bytes removed / all clean paragraphs
//   block_precision  caught spam paragraphs / (caught + wrongly removed clean paragraphs)
//   inline_recall    spam appended inside a real paragraph with >= 90% of its bytes removed
//   inline_keep      legitimate bytes kept in those mixed paragraphs
//   spam_byte_recall, legit_byte_loss, clean_docs_untouched, per category and per language.
#ifndef SPAMSTRIP_EVAL_H_
#define SPAMSTRIP_EVAL_H_

#include <map>
#include <string>
#include <utility>
#include <vector>

#include "spamstrip/options.h"
#include "spamstrip/status.h"

namespace spamstrip {

struct BenchFigures {
  double block_recall = 0, block_fpr = 0, block_precision = 0, inline_recall = 0, inline_keep = 0,
         spam_byte_recall = 0, legit_byte_loss = 0, clean_docs_untouched = 0;
  long spam_blocks = 0, clean_blocks = 0, fp_blocks = 0, inline_spans = 0, clean_docs = 0;
  std::map<std::string, std::pair<long, long>> by_category;  // caught, total
  struct Lang {
    long spam_blocks = 0, tp_blocks = 0, clean_blocks = 0, fp_blocks = 0;
  };
  std::map<std::string, Lang> by_lang;
};

// One labelled document of a benchmark.
struct BenchDoc {
  std::string id, lang, text;
  struct Span {
    size_t start, end;
    std::string category, mode;
  };
  std::vector<Span> spans;
  struct Block {
    size_t start, end;
    std::string label;  // clean | spam | mixed
  };
  std::vector<Block> blocks;
};

// Reads a benchmark file. Errors name path:line.
Status ReadBench(const std::string& path, std::vector<BenchDoc>* docs);

// Scores removals (byte ranges per document, same order as `docs`).
BenchFigures ScoreBench(const std::vector<BenchDoc>& docs,
                        const std::vector<std::vector<std::pair<size_t, size_t>>>& removed);

// Runs a detector built from `options` over every document and scores its removals.
// Uses `threads` worker threads (results do not depend on it).
Status EvaluateDetector(const std::vector<BenchDoc>& docs, const Options& options, int threads,
                        BenchFigures* out,
                        std::vector<std::vector<std::pair<size_t, size_t>>>* removed = nullptr);

}  // namespace spamstrip

#endif  // SPAMSTRIP_EVAL_H_
