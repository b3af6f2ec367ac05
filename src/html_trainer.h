// html_trainer.h — fitting the weights of the HTML facts (html_features.h) on labelled pages.
//
// Pages come from scripts/make_html_bench.py: {"id", "html", "url"?, "spans": [{"start","end",
// "spam_id"?}...]}
// with the injected elements as byte ranges of "html". Every block of every page is an
// example (spam when at least half of its bytes are injected, clean when none are, skipped
// otherwise), and so is every sentence run of a block that maps back to the page. The text
// model's log-odds of each example is a fixed offset; a logistic regression with L2 learns
// only what the HTML facts add to it (no bias: the text model stays calibrated).
#ifndef SPAMSTRIP_SRC_HTML_TRAINER_H_
#define SPAMSTRIP_SRC_HTML_TRAINER_H_

#include <string>
#include <vector>

#include "ngram_model.h"
#include "rule_set.h"
#include "spamstrip/status.h"
#include "spamstrip/train.h"

namespace spamstrip {

struct HtmlFitSummary {
  size_t pages = 0;
  size_t examples = 0;
  size_t spam_examples = 0;
};

// Sets model->html_weights() from the pages in `files`. Errors name file:line.
// `fold_models` (empty, or two) are the text model with the stage-1 weights of a model trained
// without fold 0 and without fold 1 (training_data.h, TrainingFold): each example is then
// scored out of fold — an injected block by the model that did not see its spam record
// ("spam_id" of its span), any other block by the one that did not see its page ("id" before
// '#'). Empty: `model` scores every example (in sample for data it was trained on).
Status FitHtmlWeights(const std::vector<std::string>& files, const RuleSet& rules,
                      NgramModel* model, const std::vector<const NgramModel*>& fold_models,
                      const ProgressFn& progress, HtmlFitSummary* summary);

}  // namespace spamstrip

#endif  // SPAMSTRIP_SRC_HTML_TRAINER_H_
