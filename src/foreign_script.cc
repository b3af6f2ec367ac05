#include "foreign_script.h"

#include <array>

namespace spamstrip {

namespace {

using ScriptCounts = std::array<long, static_cast<size_t>(Script::kCount)>;

// Whether the text before offset `at` (skipping white space) ends with a colon.
bool IntroducedByColon(std::string_view text, size_t at) {
  while (at > 0 && (text[at - 1] == ' ' || text[at - 1] == '\n' || text[at - 1] == '\t' ||
                    text[at - 1] == '\r')) {
    --at;
  }
  return at > 0 && text[at - 1] == ':';
}

}  // namespace

Script ForeignScriptRun(std::string_view text, const AnalyzedDocument& a, size_t block, size_t b,
                        size_t e) {
  const auto& sents = a.sentences[block];
  // Letters by writing system (WritingSystem: kana counts as Han).
  ScriptCounts run{};
  long kana = 0;
  for (size_t k = b; k < e; ++k) {
    const auto& letters = sents[k].script_letters;
    for (size_t j = 0; j < letters.size(); ++j) {
      run[static_cast<size_t>(WritingSystem(static_cast<Script>(j)))] += letters[j];
    }
    kana += letters[static_cast<size_t>(Script::kKana)];
  }
  // The script other than Latin with the most letters (Latin look-alikes in "Пpивeт" are
  // Latin letters in Cyrillic words: they count among the letters, not for a script).
  long letters = 0, best_n = 0;
  size_t best = 0;
  for (size_t j = 1; j < run.size(); ++j) {
    letters += run[j];
    if (j != static_cast<size_t>(Script::kLatin) && run[j] > best_n) {
      best = j;
      best_n = run[j];
    }
  }
  if (best == 0 || letters < kMinForeignLetters ||
      static_cast<double>(run[best]) < kForeignRunShare * static_cast<double>(letters)) {
    return Script::kNone;
  }
  // The other paragraphs written mainly in that writing system, against all other paragraphs
  // counted (DocContext::EndParagraph), the run's own paragraph left out.
  const Script own = a.context.paragraph_script(a.blocks[block].paragraph);
  const int others = a.context.script_paragraphs_counted() - (own != Script::kNone ? 1 : 0);
  const int same = a.context.script_paragraphs()[best] - (own == static_cast<Script>(best) ? 1 : 0);
  if (others <= 0 || static_cast<double>(same) >= kForeignParagraphShare * others) {
    return Script::kNone;
  }
  if (IntroducedByColon(text, sents[b].range.start)) return Script::kNone;
  // (Reported as kana when the run has any: Chinese has none.)
  return kana > 0 && best == static_cast<size_t>(Script::kHan) ? Script::kKana
                                                               : static_cast<Script>(best);
}

}  // namespace spamstrip
