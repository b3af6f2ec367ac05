// foreign_script.h — text written in a script the rest of its document does not use: a keyword
// hack in Japanese, Korean or Russian on an English page. The n-gram model cannot judge such
// text (it has seen few scripts: words of an unseen script land in hash buckets other words
// trained, and their sum is noise), so the detector takes the script itself as the evidence.
//
// Measured on the news in ../shared/data (62,275 paragraphs, train and dev): with the tests
// below, none is foreign to its page. The one that came closest, a verse quoted in Arabic on an
// Indonesian page, is introduced by the line before it ending in a colon, and such a quotation
// is kept. Latin text on a page in another script is left to the model: handles, brand names
// and English quotes are common there, and the model reads English.
#ifndef SPAMSTRIP_SRC_FOREIGN_SCRIPT_H_
#define SPAMSTRIP_SRC_FOREIGN_SCRIPT_H_

#include <cstddef>
#include <string_view>

#include "char_table.h"
#include "document_analysis.h"

namespace spamstrip {

// The least letters a run needs before its script says anything.
constexpr int kMinForeignLetters = 10;
// The share of the run's letters its script must have, and the share of the document's other
// paragraphs written mainly in that script from which on it is the page's own (a bilingual page
// uses both of its scripts). Paragraphs, not letters or lines: a long injected e-mail in
// English, or a cluster of injected English lines, must not make the Arabic article around it
// foreign to its own page.
constexpr double kForeignRunShare = 0.5;
constexpr double kForeignParagraphShare = 1.0 / 3;

// The script of sentences [b, e) of block `block` of `a` (text: what the ranges index) when
// that run is foreign to the document: at least kMinForeignLetters letters, kForeignRunShare of
// them in one script other than Latin (Han and kana count as one), a script in which fewer than
// kForeignParagraphShare of the document's other paragraphs (of 10+ letters; there must be one)
// are mainly written, and not introduced as a quotation by the text before it ending in a colon.
// Script::kNone otherwise.
Script ForeignScriptRun(std::string_view text, const AnalyzedDocument& a, size_t block, size_t b,
                        size_t e);

}  // namespace spamstrip

#endif  // SPAMSTRIP_SRC_FOREIGN_SCRIPT_H_
