// block_features.h — what the scorer knows about a sentence, a block and its document.
//
// Sentence statistics are computed once per sentence (one normalisation, one RE2::Set pass,
// one n-gram pass) and are additive, so the features of any run of sentences — a whole block
// or a candidate span inside it — are sums, never a second pass over the text.
#ifndef SPAMSTRIP_SRC_BLOCK_FEATURES_H_
#define SPAMSTRIP_SRC_BLOCK_FEATURES_H_

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "char_table.h"
#include "ngram_model.h"
#include "segmenter.h"

namespace spamstrip {

class RuleSet;

// A word of a sentence: its hash, how often it occurs in the sentence and (after
// DocContext::Annotate) in the whole document.
struct WordCount {
  uint64_t hash = 0;
  int32_t count = 0;
  int32_t in_doc = 0;
};

struct SentenceStats {
  // Back to the default values, keeping the vectors' memory (a document's statistics are
  // recomputed in place, sentence after sentence).
  void Reset();

  Range range;
  std::vector<int> rules;  // matching rule ids, ascending
  std::string canonical;   // kept only when a rule matched (to explain the match)
  NgramScore ngram;
  // Content words (>= 4 characters, with a letter) and the other words with a letter (function
  // words), one entry per distinct word, in order of first occurrence.
  std::vector<WordCount> content;
  std::vector<WordCount> shorts;
  std::vector<std::string> domains;  // host names of URLs / bare domains / e-mail addresses
  int words = 0;
  int letters = 0;
  int digits = 0;
  int upper = 0;
  int urls = 0;
  // Of those, the addresses: URLs with a scheme, "www." or a path ("gofundme.com/x") and e-mail
  // addresses (not a bare host name, "Amazon.com").
  int addresses = 0;
  int mixed_script_words = 0;
  int leet_folds = 0;
  // Punctuation and case the canonical text (and so the n-grams) cannot see: '!' (also
  // fullwidth), symbols that prose rarely uses (* # = | < > ~ ^ _ + [ ] { } \ and
  // non-ASCII symbols such as emoji), and ASCII words (runs of letters and digits) with how
  // many of them start with a capital letter.
  int exclaims = 0;
  int symbols = 0;
  int ascii_words = 0;
  int capitalised_words = 0;
  std::array<int, static_cast<size_t>(Script::kCount)> script_letters{};
};

// Adds the letters (SentenceStats::letters, script_letters), upper-case ASCII letters, digits,
// punctuation marks, symbols and (capitalised) ASCII words of `s` to *out; ASCII eight bytes at
// a time.
void CountShape(std::string_view s, SentenceStats* out);

// Computes the statistics of text[range]. `rules` and `model` may be null.
void ComputeSentenceStats(std::string_view text, Range range, const RuleSet* rules,
                          const NgramModel* model, SentenceStats* out);

// The named features the scorer combines, in a fixed order (a model's combiner weights are
// stored in this order; append new features at the end and bump the model version).
enum Feature : int {
  kBias,
  kNgram,           // n-gram model log-odds of the text (0 without a model)
  kRules,           // sum of the weights of the distinct rules that matched, capped at 10
  kNovelty,         // share of content words found nowhere else in the document, x confidence
  kScriptMismatch,  // share of letters not in the script of the rest of the document
  kMixedScript,     // share of words mixing Latin with Cyrillic/Greek look-alikes
  kUrls,            // log(1 + URLs and e-mail addresses)
  kForeignDomains,  // linked domains that appear nowhere else in the document (capped at 3)
  kLogWords,        // log(1 + words)
  kDigitShare,      // digits / (letters + digits)
  kUpperShare,      // upper-case letters / letters
  kLeet,            // digits or symbols read as letters (capped at 3)
  kNoLetters,       // 1 when the text has no letter at all (a share count, a date)
  kHeading,         // 1 for a heading-like block (short, no final punctuation)
  kCaption,         // 1 for a caption/credit/"Read more:" line
  kSpan,            // 1 when the text is part of a block (a sentence span), 0 for a whole block
  kNoveltyShort,    // share of short (function) words found nowhere else, x confidence
  kRestNgram,       // n-gram log-odds of the rest of the document (everything but this run)
  kNeighbourNgram,  // lowest n-gram log-odds of the other lines of the paragraph (whole block),
                    // or of the rest of the block (sentence run); kNoNeighbour when none
  kRunPosition,     // 0 whole block, 1 a run ending the block, 2 a run starting it, 3 inside it
  kExclaims,        // '!' marks (capped at 3): ads shout, news rarely does outside quotes
  kSymbols,      // symbols prose rarely uses: * # = | < > ~ ^ _ + [ ] { } \, emoji (capped at 10)
  kCapitalised,  // share of ASCII words starting with a capital ("Earn Money Fast"), >= 3 words
  kNumFeatures
};
constexpr double kNoNeighbour = -15.0;
const char* FeatureName(int f);

using FeatureVector = std::array<double, kNumFeatures>;

// Counts per 64-bit word hash: open addressing with linear probing. The hashes are already
// well mixed (ngram_hash.h), so their low bits index the table. Clear() keeps the memory and
// costs nothing: a slot is in use only when it carries the current generation.
class HashCounter {
 public:
  // Adds n to the count of `key`.
  void Add(uint64_t key, int n);
  // The count of `key` (0 if it was never added).
  int Get(uint64_t key) const;
  void Clear();

 private:
  struct Slot {
    uint64_t key;
    int32_t count;
    uint32_t generation;  // in use when == generation_
  };
  void Grow();
  std::vector<Slot> slots_;
  size_t used_ = 0;
  uint32_t generation_ = 1;
};

// (Inline: called for every word of every sentence.)
inline void HashCounter::Add(uint64_t key, int n) {
  if (2 * (used_ + 1) > slots_.size()) Grow();
  const size_t mask = slots_.size() - 1;
  for (size_t i = key & mask;; i = (i + 1) & mask) {
    Slot& s = slots_[i];
    if (s.generation != generation_) {
      s = Slot{key, n, generation_};
      ++used_;
      return;
    }
    if (s.key == key) {
      s.count += n;
      return;
    }
  }
}

inline int HashCounter::Get(uint64_t key) const {
  if (slots_.empty()) return 0;
  const size_t mask = slots_.size() - 1;
  for (size_t i = key & mask;; i = (i + 1) & mask) {
    const Slot& s = slots_[i];
    if (s.generation != generation_) return 0;
    if (s.key == key) return s.count;
  }
}

// Document-wide counts that context features compare a range against.
class DocContext {
 public:
  // Empty again (as default-constructed), keeping the memory of the word tables.
  void Clear();
  void Add(const SentenceStats& s);
  // After the sentences of paragraph `paragraph` (all its lines) were added: records the
  // writing system (WritingSystem) most of its letters are in, and counts the paragraph under
  // it, if it has kMinScriptParagraphLetters or more.
  void EndParagraph(size_t paragraph);
  static constexpr long kMinScriptParagraphLetters = 10;
  // The writing system of paragraph `paragraph` as EndParagraph recorded it (Script::kNone: too
  // few letters, or never ended).
  Script paragraph_script(size_t paragraph) const {
    return paragraph < paragraph_script_.size() ? paragraph_script_[paragraph] : Script::kNone;
  }
  // Paragraphs counted by EndParagraph, by writing system, and in all.
  const std::array<int, static_cast<size_t>(Script::kCount)>& script_paragraphs() const {
    return script_paragraphs_;
  }
  int script_paragraphs_counted() const { return script_paragraphs_counted_; }
  // After every sentence was added: records each word's document count in the sentences.
  void Annotate(std::vector<SentenceStats>* sentences) const;
  // Features of sentences [b, e) of `sents` (a run inside one block of kind `kind`).
  // `whole_block` says whether the run is the whole block.
  FeatureVector Features(const std::vector<SentenceStats>& sents, size_t b, size_t e,
                         BlockKind kind, bool whole_block, const NgramModel* model,
                         const RuleSet* rules) const;

 private:
  HashCounter word_count_;
  HashCounter short_count_;
  long content_words_ = 0;
  long short_words_ = 0;
  NgramScore ngram_;
  std::unordered_map<std::string, int> domain_count_;
  std::array<long, static_cast<size_t>(Script::kCount)> script_letters_{};
  std::array<long, static_cast<size_t>(Script::kCount)> paragraph_letters_{};  // this one's
  std::array<int, static_cast<size_t>(Script::kCount)> script_paragraphs_{};
  int script_paragraphs_counted_ = 0;
  std::vector<Script> paragraph_script_;
};

}  // namespace spamstrip

#endif  // SPAMSTRIP_SRC_BLOCK_FEATURES_H_
