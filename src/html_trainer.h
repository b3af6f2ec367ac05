// html_trainer.h — fitting the weights of the HTML facts (html_features.h) on labelled pages.
//
// Pages come from scripts/make_html_bench.py: {"html", "url"?, "spans": [{"start","end"}...]}
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
Status FitHtmlWeights(const std::vector<std::string>& files, const RuleSet& rules,
                      NgramModel* model, const ProgressFn& progress, HtmlFitSummary* summary);

}  // namespace spamstrip

#endif  // SPAMSTRIP_SRC_HTML_TRAINER_H_
