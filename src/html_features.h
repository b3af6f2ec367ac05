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
  // Appended after the five above (a model with fewer weights reads the rest as 0):
  kHtmlLinkFarm,    // 1 for an item of a link farm (HtmlFacts::link_farm)
  kHtmlStrayLinks,  // 1 when the text is the links ending its block to sites the page links
                    // nowhere else (HtmlFacts::stray_links)
  kNumHtmlFeatures
};
const char* HtmlFeatureName(int f);

using HtmlFeatureVector = std::array<double, kNumHtmlFeatures>;

// The facts of text range `run` (the whole block or a sentence run inside it) of `block`.
HtmlFeatureVector HtmlFeatures(const HtmlDocument& doc, const HtmlBlock& block, Range run);

// Where the links to other sites that end `block` begin in doc.text: the block's last link is
// foreign and nothing but spaces follows its text, with any foreign links before it separated
// by spaces only (" <a>cheap pills</a> <a>casino</a></p>"), and the first of them stands apart
// (StartsApart): links slipped in after the paragraph's last sentence. block.text.end when the
// block does not end so.
size_t TrailingForeignLinks(const HtmlDocument& doc, const HtmlBlock& block);

// Whether text starting at `pos` of `block` stands apart from the text before it: it starts the
// block, or what comes before it ends a sentence (. ! ? : ; possibly followed by a closing quote
// or bracket). A link that does not stand apart sits inside a sentence of the article.
bool StartsApart(const HtmlDocument& doc, const HtmlBlock& block, size_t pos);

// sum_j w_j * h_j; `weights` may be shorter than kNumHtmlFeatures (missing weights are 0).
double HtmlLogit(const std::vector<float>& weights, const HtmlFeatureVector& h);

// Appends a Reason per fact whose contribution is at least 0.05 in magnitude.
void ExplainHtml(const std::vector<float>& weights, const HtmlFeatureVector& h,
                 std::vector<Reason>* out);

}  // namespace spamstrip

#endif  // SPAMSTRIP_SRC_HTML_FEATURES_H_
