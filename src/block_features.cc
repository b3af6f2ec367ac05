#include "block_features.h"

#include <re2/re2.h>

#include <algorithm>
#include <cmath>

#include "ngram_hash.h"
#include "normalizer.h"
#include "rule_set.h"
#include "swar.h"
#include "tokenizer.h"
#include "utf8.h"

namespace spamstrip {
namespace {

const RE2& UrlPattern() {
  // A URL (scheme or www.), an e-mail address, or a bare host name with a common TLD.
  static const RE2* re = new RE2(
      R"((?:https?://|www\.)([a-z0-9][a-z0-9.-]*[a-z0-9])|[a-z0-9._%+-]+@([a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,})|\b([a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|net|org|info|biz|ru|cn|uk|de|in|io|co|us|ly|me|tk|xyz|top|online|site|shop|club|pl|fr|jp))\b)");
  return *re;
}

// False when UrlPattern() cannot match `canonical`: each of its alternatives needs an '@', an
// "http", or a '.' followed by a letter or digit ("www.x", a top-level domain). Most sentences
// have none of these (a full stop is followed by a space or the end), so the regex is skipped.
bool MayHoldUrl(std::string_view canonical) {
  if (canonical.find('@') != std::string_view::npos) return true;
  if (canonical.find("http") != std::string_view::npos) return true;
  for (size_t i = canonical.find('.'); i != std::string_view::npos && i + 1 < canonical.size();
       i = canonical.find('.', i + 1)) {
    const char c = canonical[i + 1];
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) return true;
  }
  return false;
}

std::string HostKey(std::string host) {
  if (host.rfind("www.", 0) == 0) host.erase(0, 4);
  // Registrable-ish part: the last two labels.
  size_t dot = host.rfind('.');
  if (dot != std::string::npos && dot > 0) {
    size_t dot2 = host.rfind('.', dot - 1);
    if (dot2 != std::string::npos) host.erase(0, dot2 + 1);
  }
  return host;
}

// Distinct words with their counts, in order of first occurrence: an open-addressing index
// (slots stamped with a generation, so nothing is cleared) finds a word's entry. Sorting the
// words to merge duplicates cost more; nothing depends on the order (counts are summed).
class WordIndex {
 public:
  // Prepares for up to `words` additions.
  void Reset(size_t words) {
    size_t size = 32;
    while (size < 2 * words) size *= 2;
    if (slots_.size() < size) slots_.resize(size);
    mask_ = size - 1;
    if (++generation_ == 0) {  // wrapped: no slot may look current
      for (Slot& s : slots_) s.generation = 0;
      generation_ = 1;
    }
  }
  // Adds `w` to *words: a new entry, or its count to the entry of the same hash.
  void Add(const WordCount& w, std::vector<WordCount>* words) {
    for (size_t i = w.hash & mask_;; i = (i + 1) & mask_) {
      Slot& s = slots_[i];
      if (s.generation != generation_) {
        s = Slot{w.hash, static_cast<uint32_t>(words->size()), generation_};
        words->push_back(w);
        return;
      }
      if (s.hash == w.hash) {
        (*words)[s.index].count += w.count;
        return;
      }
    }
  }

 private:
  struct Slot {
    uint64_t hash;
    uint32_t index;
    uint32_t generation;
  };
  std::vector<Slot> slots_;
  size_t mask_ = 0;
  uint32_t generation_ = 0;
};

// Novelty of a run: the share of its words that occur nowhere else in the document, times a
// confidence that grows with the words in the run and in the rest of the document (a
// one-paragraph page has nothing to compare with).
double Novelty(const std::vector<SentenceStats>& sents, size_t b, size_t e,
               std::vector<WordCount> SentenceStats::*field, long doc_total) {
  long n = 0, novel = 0;
  if (e - b == 1) {
    for (const WordCount& w : sents[b].*field) {
      n += w.count;
      if (w.in_doc - w.count <= 0) novel += w.count;
    }
  } else {
    // The run's distinct words: counts add up, in_doc is the same for equal hashes.
    thread_local std::vector<WordCount> all;
    thread_local WordIndex index;
    all.clear();
    size_t words = 0;
    for (size_t k = b; k < e; ++k) words += (sents[k].*field).size();
    index.Reset(words);
    for (size_t k = b; k < e; ++k) {
      for (const WordCount& w : sents[k].*field) index.Add(w, &all);
    }
    for (const WordCount& w : all) {
      n += w.count;
      if (w.in_doc - w.count <= 0) novel += w.count;
    }
  }
  const long rest = doc_total - n;
  if (n == 0 || rest <= 0) return 0.0;
  const double conf = static_cast<double>(n) / (static_cast<double>(n) + 4.0) *
                      static_cast<double>(rest) / (static_cast<double>(rest) + 20.0);
  return static_cast<double>(novel) / static_cast<double>(n) * conf;
}

// Symbols prose rarely uses: arrows, mathematical and technical signs, box drawing, shapes,
// dingbats (U+2190..U+2BFF), and emoji and pictographs (U+1F000..U+1FAFF). Not currency signs,
// ©, ® or ™, which news uses.
bool RareSymbol(char32_t c) {
  return (c >= 0x2190 && c <= 0x2BFF) || (c >= 0x1F000 && c <= 0x1FAFF);
}

// The high bit of each byte of w (all bytes ASCII) that is a symbol prose rarely uses:
// # * + < = > [ \ ] ^ _ { | } ~.
inline uint64_t AsciiSymbols(uint64_t w) {
  return swar::BytesEqual(w, '#') | swar::BytesInRange(w, '*', '+') |
         swar::BytesInRange(w, '<', '>') | swar::BytesInRange(w, '[', '_') |
         swar::BytesInRange(w, '{', '~');
}

}  // namespace

void CountShape(std::string_view s, SentenceStats* out) {
  int ascii_letters = 0, upper = 0, digits = 0, exclaims = 0, symbols = 0;
  int words = 0, capitalised = 0;
  // Whether the byte before i is part of a word (an ASCII letter or digit, or a non-ASCII letter
  // or digit): an ASCII letter or digit after anything else starts a word.
  bool in_word = false;
  size_t i = 0;
  while (i < s.size()) {
    if (i + 8 <= s.size()) {
      const uint64_t w = swar::Load8(s.data() + i);
      if ((w & swar::kHighs) == 0) {
        const uint64_t up = swar::BytesInRange(w, 'A', 'Z');
        const uint64_t letters = up | swar::BytesInRange(w, 'a', 'z');
        const uint64_t digit = swar::BytesInRange(w, '0', '9');
        const int nup = swar::CountMarked(up);
        ascii_letters += swar::CountMarked(letters);
        upper += nup;
        digits += swar::CountMarked(digit);
        const uint64_t word = letters | digit;
        // Byte k is in a word when byte k-1 is (little-endian: the next byte is 8 bits up).
        const uint64_t after_word = (word << 8) | (in_word ? 0x80u : 0u);
        const uint64_t starts = word & ~after_word;
        words += swar::CountMarked(starts);
        capitalised += swar::CountMarked(starts & up);
        in_word = (word >> 63) != 0;
        const uint64_t ex = swar::BytesEqual(w, '!');
        const uint64_t sy = AsciiSymbols(w);
        if ((ex | sy) != 0) {  // rare: most words of text hold neither
          exclaims += swar::CountMarked(ex);
          symbols += swar::CountMarked(sy);
        }
        i += 8;
        continue;
      }
    }
    size_t len = 1;
    const auto b = static_cast<unsigned char>(s[i]);
    if (b < 0x80) {
      const bool letter = (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z');
      const bool digit = b >= '0' && b <= '9';
      if (letter) {
        ++ascii_letters;
        if (b <= 'Z') ++upper;
      } else if (digit) {
        ++digits;
      } else if (b == '!') {
        ++exclaims;
      } else if (AsciiSymbols(b) != 0) {
        ++symbols;
      }
      if ((letter || digit) && !in_word) {
        ++words;
        if (b >= 'A' && b <= 'Z') ++capitalised;
      }
      in_word = letter || digit;
    } else {
      const char32_t c = DecodeUtf8(s, i, &len);
      const CharInfo& info = GetCharInfo(c);
      in_word = false;
      if (info.cls == CharClass::kLetter) {
        ++out->letters;
        ++out->script_letters[static_cast<size_t>(info.script)];
        in_word = true;
      } else if (info.cls == CharClass::kDigit) {
        ++out->digits;
        in_word = true;
      } else if (c == 0xFF01) {  // fullwidth '!'
        ++exclaims;
      } else if (RareSymbol(c)) {
        ++symbols;
      }
    }
    i += len;
  }
  out->letters += ascii_letters;
  out->script_letters[static_cast<size_t>(Script::kLatin)] += ascii_letters;
  out->upper += upper;
  out->digits += digits;
  out->exclaims += exclaims;
  out->symbols += symbols;
  out->ascii_words += words;
  out->capitalised_words += capitalised;
}

const char* FeatureName(int f) {
  static const char* const kNames[kNumFeatures] = {
      "bias",         "ngram",         "rules",           "novelty",         "script_mismatch",
      "mixed_script", "urls",          "foreign_domains", "log_words",       "digit_share",
      "upper_share",  "leet",          "no_letters",      "heading",         "caption",
      "span",         "novelty_short", "rest_ngram",      "neighbour_ngram", "run_position",
      "exclaims",     "symbols",       "capitalised"};
  return f >= 0 && f < kNumFeatures ? kNames[f] : "?";
}

void SentenceStats::Reset() {
  range = Range();
  rules.clear();
  canonical.clear();
  ngram = NgramScore();
  content.clear();
  shorts.clear();
  domains.clear();
  words = letters = digits = upper = urls = addresses = mixed_script_words = leet_folds = 0;
  exclaims = symbols = ascii_words = capitalised_words = 0;
  script_letters.fill(0);
}

void ComputeSentenceStats(std::string_view text, Range range, const RuleSet* rules,
                          const NgramModel* model, SentenceStats* out) {
  thread_local CanonicalText canon;
  thread_local Tokens tokens;
  out->Reset();
  out->range = range;
  std::string_view s = text.substr(range.start, range.size());
  // Shape from the original text (case survives only here).
  CountShape(s, out);
  NormalizeText(s, &canon);  // the offset map is never needed here
  out->mixed_script_words = canon.mixed_script_words;
  out->leet_folds = canon.leet_folds;
  if (rules != nullptr) {
    rules->Match(canon.text, &out->rules);
    if (!out->rules.empty()) out->canonical = canon.text;
  }
  Tokenize(canon.text, &tokens);
  out->words = static_cast<int>(tokens.words.size());
  thread_local WordIndex content_index, short_index;
  content_index.Reset(tokens.words.size());
  short_index.Reset(tokens.words.size());
  out->content.reserve(tokens.words.size());  // one allocation, not a series of regrowths
  out->shorts.reserve(tokens.words.size());
  for (const Token& t : tokens.words) {
    if (!t.has_letter) continue;
    // Content words are compared by their first six characters, a crude stem that lets
    // inflected forms (Russian cases, English plurals) count as the same word.
    std::string_view w = tokens.Word(t);
    if (t.chars > 6 && w.size() == t.chars) {
      w = w.substr(0, 6);  // one byte per character
    } else if (t.chars > 6) {
      size_t cps = 0, cut = 0;
      while (cut < w.size() && cps < 7) {
        if ((static_cast<unsigned char>(w[cut]) & 0xC0) != 0x80 && ++cps == 7) break;
        ++cut;
      }
      w = w.substr(0, cut);
    }
    const WordCount word{HashBytes(w, 0), 1, 0};
    if (t.chars >= 4) {
      content_index.Add(word, &out->content);
    } else {
      short_index.Add(word, &out->shorts);
    }
  }
  if (model != nullptr) out->ngram = model->Score(tokens);
  if (canon.text.find('.') != std::string::npos && MayHoldUrl(canon.text)) {
    re2::StringPiece in(canon.text);
    std::string a, b, c;
    while (RE2::FindAndConsume(&in, UrlPattern(), &a, &b, &c)) {
      ++out->urls;
      if (!a.empty() || !b.empty() || (!in.empty() && in[0] == '/')) ++out->addresses;
      std::string host = !a.empty() ? a : !b.empty() ? b : c;
      out->domains.push_back(HostKey(host));
    }
  }
}

void HashCounter::Clear() {
  used_ = 0;
  if (++generation_ == 0) {  // wrapped: no slot may look current
    for (Slot& s : slots_) s.generation = 0;
    generation_ = 1;
  }
}

void HashCounter::Grow() {
  std::vector<Slot> old;
  old.swap(slots_);
  slots_.assign(std::max<size_t>(64, 2 * old.size()), Slot{0, 0, 0});
  used_ = 0;
  for (const Slot& s : old) {
    if (s.generation == generation_) Add(s.key, s.count);
  }
}

void DocContext::Clear() {
  word_count_.Clear();
  short_count_.Clear();
  content_words_ = short_words_ = 0;
  ngram_ = NgramScore();
  domain_count_.clear();
  script_letters_.fill(0);
  paragraph_letters_.fill(0);
  script_paragraphs_.fill(0);
  script_paragraphs_counted_ = 0;
  paragraph_script_.clear();
}

void DocContext::EndParagraph(size_t paragraph) {
  size_t best = 0;
  long letters = 0;
  for (size_t j = 1; j < paragraph_letters_.size(); ++j) {
    letters += paragraph_letters_[j];
    if (paragraph_letters_[j] > paragraph_letters_[best]) best = j;
  }
  if (paragraph_script_.size() <= paragraph) paragraph_script_.resize(paragraph + 1, Script::kNone);
  if (letters >= kMinScriptParagraphLetters && best != 0) {
    ++script_paragraphs_[best];
    ++script_paragraphs_counted_;
    paragraph_script_[paragraph] = static_cast<Script>(best);
  }
  paragraph_letters_.fill(0);
}

void DocContext::Add(const SentenceStats& s) {
  for (const WordCount& w : s.content) {
    word_count_.Add(w.hash, w.count);
    content_words_ += w.count;
  }
  for (const WordCount& w : s.shorts) {
    short_count_.Add(w.hash, w.count);
    short_words_ += w.count;
  }
  ngram_.sum += s.ngram.sum;
  ngram_.count += s.ngram.count;
  for (const auto& d : s.domains) ++domain_count_[d];
  for (size_t k = 0; k < s.script_letters.size(); ++k) {
    script_letters_[k] += s.script_letters[k];
    paragraph_letters_[static_cast<size_t>(WritingSystem(static_cast<Script>(k)))] +=
        s.script_letters[k];
  }
}

void DocContext::Annotate(std::vector<SentenceStats>* sentences) const {
  for (SentenceStats& s : *sentences) {
    for (WordCount& w : s.content) w.in_doc = word_count_.Get(w.hash);
    for (WordCount& w : s.shorts) w.in_doc = short_count_.Get(w.hash);
  }
}

FeatureVector DocContext::Features(const std::vector<SentenceStats>& sents, size_t b, size_t e,
                                   BlockKind kind, bool whole_block, const NgramModel* model,
                                   const RuleSet* rules) const {
  FeatureVector f{};
  f[kBias] = 1;
  NgramScore ng;
  int words = 0, letters = 0, digits = 0, upper = 0, urls = 0, mixed = 0, leet = 0;
  int exclaims = 0, symbols = 0, ascii_words = 0, capitalised = 0;
  std::array<long, static_cast<size_t>(Script::kCount)> letters_by_script{};
  std::vector<int> rule_ids;
  std::unordered_map<std::string, int> local_domains;
  for (size_t k = b; k < e; ++k) {
    const SentenceStats& s = sents[k];
    ng.sum += s.ngram.sum;
    ng.count += s.ngram.count;
    words += s.words;
    letters += s.letters;
    digits += s.digits;
    upper += s.upper;
    urls += s.urls;
    mixed += s.mixed_script_words;
    leet += s.leet_folds;
    exclaims += s.exclaims;
    symbols += s.symbols;
    ascii_words += s.ascii_words;
    capitalised += s.capitalised_words;
    for (size_t j = 0; j < s.script_letters.size(); ++j)
      letters_by_script[j] += s.script_letters[j];
    rule_ids.insert(rule_ids.end(), s.rules.begin(), s.rules.end());
    for (const auto& d : s.domains) ++local_domains[d];
  }
  if (model != nullptr) f[kNgram] = std::clamp(model->Logit(ng), -12.0, 12.0);
  if (rules != nullptr && !rule_ids.empty()) {
    std::sort(rule_ids.begin(), rule_ids.end());
    rule_ids.erase(std::unique(rule_ids.begin(), rule_ids.end()), rule_ids.end());
    double sum = 0;
    for (int id : rule_ids) sum += rules->rules()[static_cast<size_t>(id)].weight;
    f[kRules] = std::min(sum, 10.0);
  }
  f[kNovelty] = Novelty(sents, b, e, &SentenceStats::content, content_words_);
  f[kNoveltyShort] = Novelty(sents, b, e, &SentenceStats::shorts, short_words_);
  if (model != nullptr) {
    NgramScore rest{ngram_.sum - ng.sum, ngram_.count - ng.count};
    f[kRestNgram] = rest.count > 0 ? std::clamp(model->Logit(rest), -12.0, 12.0) : 0.0;
  }
  // Script of the rest of the document.
  if (letters > 0) {
    size_t best = 0;
    long best_n = -1;
    for (size_t j = 1; j < script_letters_.size(); ++j) {
      long rest = script_letters_[j] - letters_by_script[j];
      if (rest > best_n) {
        best_n = rest;
        best = j;
      }
    }
    if (best_n > 0) {
      f[kScriptMismatch] = 1.0 - static_cast<double>(letters_by_script[best]) / letters;
    }
  }
  if (words > 0) f[kMixedScript] = std::min(1.0, 4.0 * mixed / words);
  f[kUrls] = std::log1p(static_cast<double>(urls));
  int foreign = 0;
  for (const auto& [d, c] : local_domains) {
    auto it = domain_count_.find(d);
    if ((it == domain_count_.end() ? 0 : it->second) - c <= 0) ++foreign;
  }
  f[kForeignDomains] = std::min(foreign, 3);
  f[kLogWords] = std::log1p(static_cast<double>(words));
  if (letters + digits > 0) f[kDigitShare] = static_cast<double>(digits) / (letters + digits);
  if (letters > 0) f[kUpperShare] = static_cast<double>(upper) / letters;
  f[kLeet] = std::min(leet, 3);
  f[kNoLetters] = letters == 0 ? 1 : 0;
  f[kHeading] = whole_block && kind == BlockKind::kHeading ? 1 : 0;
  f[kCaption] = kind == BlockKind::kCaption ? 1 : 0;
  f[kSpan] = whole_block ? 0 : 1;
  f[kExclaims] = std::min(exclaims, 3);
  f[kSymbols] = std::min(symbols, 10);
  if (ascii_words >= 3) f[kCapitalised] = static_cast<double>(capitalised) / ascii_words;
  return f;
}

}  // namespace spamstrip
