// doc_synth.h — training documents made by injecting spam into real articles, the way hacked
// pages carry it: a paragraph of its own, a sentence appended to a real paragraph, a cluster
// of 3-6 spam lines (a link farm), or one spam line under a real line. Some real paragraphs are
// joined to the previous one by a single line break. Used only by the trainer (stage 2).
//
// Some injections are text in a script the article does not use (ForeignScriptPool): a real
// paragraph of a news article in another language. The spam corpus has foreign-script spam in
// one script only (Russian), and a combiner that saw nothing else learns that Russian words are
// spam, not that text in a script foreign to its page is out of place; a keyword hack in
// Japanese, Korean or Thai on an English page would then be kept (its n-grams, unseen in
// training, score as noise).
#ifndef SPAMSTRIP_SRC_DOC_SYNTH_H_
#define SPAMSTRIP_SRC_DOC_SYNTH_H_

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "char_table.h"
#include "logistic.h"
#include "training_data.h"

namespace spamstrip {

struct SynthDoc {
  std::string text;
  std::vector<std::pair<size_t, size_t>> spam;  // injected byte ranges
};

// The script most letters of `text` are written in (Script::kNone when it has no letter).
Script MainScript(std::string_view text);

// Paragraphs of `articles` grouped by their main script, for foreign-script injections:
// Foreign(s) draws a paragraph written in a script other than s, or returns nullptr when there
// is none. Paragraphs of fewer than kMinLetters letters are left out.
class ForeignScriptPool {
 public:
  static constexpr int kMinLetters = 20;
  explicit ForeignScriptPool(const std::vector<const Article*>& articles);
  const std::string* Foreign(Script article_script, Rng* rng) const;

 private:
  std::vector<std::pair<Script, const std::string*>> paragraphs_;  // sorted by script
};

// Builds one document from `article`; with probability 1 - clean_frac injects 1-3 items drawn
// from `spam` (which must be non-empty), each with probability foreign_frac a paragraph from
// `foreign` in a script other than the article's instead (when `foreign` is given and has one).
// Deterministic given the Rng state.
void SynthesizeDocument(const Article& article, const std::vector<const LabelledText*>& spam,
                        const ForeignScriptPool* foreign, double foreign_frac, double clean_frac,
                        Rng* rng, SynthDoc* out);

}  // namespace spamstrip

#endif  // SPAMSTRIP_SRC_DOC_SYNTH_H_
