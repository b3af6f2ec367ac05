// training_data.h — labelled records read from JSONL for `spamstrip train` (formats in
// include/spamstrip/train.h).
#ifndef SPAMSTRIP_SRC_TRAINING_DATA_H_
#define SPAMSTRIP_SRC_TRAINING_DATA_H_

#include <string>
#include <vector>

#include "ngram_hash.h"
#include "spamstrip/status.h"

namespace spamstrip {

struct Article {
  std::string id;
  std::vector<std::string> paragraphs;  // title first when present; whitespace collapsed
};

struct LabelledText {
  std::string id;
  std::string text;  // whitespace collapsed
  bool spam = false;
  std::string category;
};

struct TrainingData {
  std::vector<Article> articles;    // clean news articles
  std::vector<LabelledText> texts;  // single texts: spam, ham look-alikes, users' own labels
};

// The fold (0 or 1) of a record for out-of-fold scoring, by a hash of its id: a stage-1 model
// trained without fold f scores the examples built from fold f.
inline int TrainingFold(std::string_view id) { return static_cast<int>(Fnv1a(id, 0) & 1); }

// Appends the records of `path` whose "split" equals `split` (all records when split is empty
// or a record has no split) to *data. Errors name path:line.
Status ReadTrainingFile(const std::string& path, const std::string& split, TrainingData* data);

// Collapses runs of whitespace into one space and trims.
std::string CollapseWhitespace(const std::string& s);

}  // namespace spamstrip

#endif  // SPAMSTRIP_SRC_TRAINING_DATA_H_
