// spamstrip/train.h — learning a model file from labelled text (`spamstrip train`).
//
// Two stages, both the project's own code, both deterministic for a given seed:
//  1. an n-gram logistic regression over hashed word 1-2-grams and character 3-5-grams of the
//     canonical block text (ngram_hash.h pins the hash), trained by SGD with per-class weights;
//  2. the scorer's combination of block features (block_features.h: n-gram log-odds, rules,
//     novelty, script, links, shape): gradient-boosted trees (gbdt.h), plus a linear fallback
//     fitted by Newton's method, both on documents synthesised from the training data
//     by injecting spam into real articles. To keep stage 2 honest, the n-gram scores it sees
//     are out-of-fold: the data are split in two by a hash of each record's id, a stage-1 model
//     trained on one half scores documents built from the other half.
// Finally the threshold is set to reach the target block false-positive rate on those
// synthesised documents, and the stage-1 model is retrained on all data.
//
// Input lines (JSONL): news records {"paragraphs": [...], "title"?, "id"?, "split"?} give clean
// blocks; spam records {"text", "category", "split"?} give spam blocks, except category
// "ham_lookalike", which is clean; {"text", "label"} (label "spam"/"ham"/"clean" or 1/0) is the
// plain form for users' own data.
#ifndef SPAMSTRIP_TRAIN_H_
#define SPAMSTRIP_TRAIN_H_

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "spamstrip/status.h"

namespace spamstrip {

struct TrainOptions {
  std::vector<std::string> data_files;  // JSONL files as above
  std::string split = "train";          // keep records whose "split" equals this ("" = all)
  std::vector<std::string> rule_files;  // rules used for stage-2 features (empty: built-in)
  uint64_t seed = 1;                    // shuffling and document synthesis
  int hash_bits = 20;                   // 2^bits buckets (2 bytes each in the file)
  int epochs = 6;                       // SGD passes of stage 1
  double learning_rate = 0.2;
  double l2 = 1e-6;
  int trees = 400;  // stage-2 boosted trees (0: linear combiner only)
  int tree_depth = 5;
  double tree_learning_rate = 0.1;  // shrinkage of each stage-2 tree
  double target_fpr = 0.002;        // block FPR the default threshold aims at
  double span_target_fpr = 0.005;   // share of clean sentence runs the span threshold passes
  int docs_per_article = 2;         // synthesised documents per news article in stage 2
  // Share of stage-2 injections that are a news paragraph in a script the article does not use
  // (src/doc_synth.h): what teaches the combiner that text foreign to its page is out of place.
  double foreign_script_share = 0.0;
  std::string dump_stage2;  // if set, write stage-2 examples here as CSV (analysis)
  // Labelled HTML pages (scripts/make_html_bench.py) to fit the weights of the HTML facts
  // (hidden, link share, foreign links, region) on top of the text model; none: no HTML weights.
  std::vector<std::string> html_files;
  // Start from this model file instead of training stages 1 and 2: only the HTML weights are
  // (re)fitted. Needs html_files; data_files are then not read.
  std::string base_model;
};

struct TrainSummary {
  size_t clean_blocks = 0;
  size_t spam_blocks = 0;
  size_t stage2_examples = 0;
  double threshold = 0.5;
  double span_threshold = 0.5;
  std::vector<std::pair<std::string, double>> combiner;  // feature name -> fitted weight
  size_t html_pages = 0;
  size_t html_examples = 0;
  std::vector<std::pair<std::string, double>> html_weights;  // HTML fact -> fitted weight
};

// Called with a one-line progress message at each step; may be empty.
using ProgressFn = std::function<void(const std::string&)>;

// Trains a model and returns the model file image in *model (format: src/ngram_model.h).
// Errors name the file and line of a bad input record.
Status Train(const TrainOptions& options, const ProgressFn& progress, std::string* model,
             TrainSummary* summary);

}  // namespace spamstrip

#endif  // SPAMSTRIP_TRAIN_H_
