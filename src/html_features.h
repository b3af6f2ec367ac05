// html_features.h — what an HTML page says about a block beyond its text.
//
// A block's (or sentence run's) HTML facts are turned into a few numbers; the model adds
// sum_j w_j * h_j to the text score's log-odds (weights fitted by `spamstrip train --html`, see
// trainer.h). Hidden text is strong evidence but not a verdict: real pages hide menus, so the
// weight is learned from real pages with and without injections.
#ifndef SPAMSTRIP_SRC_HTML_FEATURES_H_
#define SPAMSTRIP_SRC_HTML_FEATURES_H_

#include <array>
#include <vector>

#include "html_reader.h"
#include "segmenter.h"
#include "spamstrip/report.h"

namespace spamstrip {

enum HtmlFeature : int {
  kHtmlHidden,        // 1 when hidden by inline CSS or an attribute (here or in an ancestor)
  kHtmlLinkShare,     // share of the text's bytes inside <a href> elements
  kHtmlForeignLinks,  // log(1 + links to sites other than the page's own)
  kHtmlBoilerplate,   // 1 in navigation, header, footer, sidebar or form
  kHtmlComments,      // 1 in a comment section
  kNumHtmlFeatures
};
const char* HtmlFeatureName(int f);

using HtmlFeatureVector = std::array<double, kNumHtmlFeatures>;

// The facts of text range `run` (the whole block or a sentence run inside it) of `block`.
HtmlFeatureVector HtmlFeatures(const HtmlDocument& doc, const HtmlBlock& block, Range run);

// sum_j w_j * h_j; `weights` may be shorter than kNumHtmlFeatures (missing weights are 0).
double HtmlLogit(const std::vector<float>& weights, const HtmlFeatureVector& h);

// Appends a Reason per fact whose contribution is at least 0.05 in magnitude.
void ExplainHtml(const std::vector<float>& weights, const HtmlFeatureVector& h,
                 std::vector<Reason>* out);

}  // namespace spamstrip

#endif  // SPAMSTRIP_SRC_HTML_FEATURES_H_
