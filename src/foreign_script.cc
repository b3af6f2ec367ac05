#include "foreign_script.h"

#include <array>

namespace spamstrip {

namespace {

using ScriptCounts = std::array<long, static_cast<size_t>(Script::kCount)>;

constexpr size_t kHan = static_cast<size_t>(Script::kHan);
constexpr size_t kKana = static_cast<size_t>(Script::kKana);

// Japanese is written in Han and kana together: one script here.
void AddLetters(const std::array<int, static_cast<size_t>(Script::kCount)>& letters,
                ScriptCounts* n) {
  for (size_t j = 0; j < n->size(); ++j) (*n)[j] += letters[j];
  (*n)[kHan] += (*n)[kKana];
  (*n)[kKana] = 0;
}

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
  ScriptCounts run{};
  for (size_t k = b; k < e; ++k) AddLetters(sents[k].script_letters, &run);
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
  // (Reported as kana when the run has any: Chinese has none.)
  long kana = 0;
  for (size_t k = b; k < e; ++k) kana += sents[k].script_letters[kKana];
  const auto script = best == kHan && kana > 0 ? Script::kKana : static_cast<Script>(best);
  // The other paragraphs written mainly in that writing system, against all other paragraphs
  // counted (DocContext::EndParagraph), the run's own paragraph left out.
  ScriptCounts own{};
  const size_t paragraph = a.blocks[block].paragraph;
  size_t first = block, last = block + 1;
  while (first > 0 && a.blocks[first - 1].paragraph == paragraph) --first;
  while (last < a.blocks.size() && a.blocks[last].paragraph == paragraph) ++last;
  for (size_t i = first; i < last; ++i) {
    for (const SentenceStats& st : a.sentences[i]) AddLetters(st.script_letters, &own);
  }
  long own_letters = 0;
  size_t own_main = 0;
  for (size_t j = 1; j < own.size(); ++j) {
    own_letters += own[j];
    if (own[j] > own[own_main]) own_main = j;
  }
  const bool own_counted = own_letters >= DocContext::kMinScriptParagraphLetters && own_main != 0;
  const int others = a.context.script_paragraphs_counted() - (own_counted ? 1 : 0);
  const int same = a.context.script_paragraphs()[best] - (own_counted && own_main == best ? 1 : 0);
  if (others <= 0 || static_cast<double>(same) >= kForeignParagraphShare * others) {
    return Script::kNone;
  }
  if (IntroducedByColon(text, sents[b].range.start)) return Script::kNone;
  return script;
}

}  // namespace spamstrip
