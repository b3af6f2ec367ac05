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
  ScriptCounts all = a.context.script_letters();
  all[kHan] += all[kKana];
  all[kKana] = 0;
  long rest = 0;
  for (size_t j = 1; j < all.size(); ++j) rest += all[j] - run[j];
  if (rest <= 0 ||
      static_cast<double>(all[best] - run[best]) > kForeignRestShare * static_cast<double>(rest)) {
    return Script::kNone;
  }
  if (IntroducedByColon(text, sents[b].range.start)) return Script::kNone;
  return script;
}

}  // namespace spamstrip
