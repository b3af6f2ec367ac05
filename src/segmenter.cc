#include "segmenter.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdint>

#include "ascii.h"
#include "char_table.h"
#include "swar.h"
#include "utf8.h"

namespace spamstrip {
namespace {

// What the segmenter asks about a byte, one table lookup instead of a chain of comparisons
// (these scans touch every byte of the input several times).
enum ByteBits : uint8_t {
  kSpaceBit = 1,   // ' ' \t \r \n \f \v
  kLetterBit = 2,  // ASCII letter
  kLowerBit = 4,   // ASCII lower-case letter
  kDigitBit = 8,   // ASCII digit
  kMarkBit = 16,   // may start a sentence end: . ! ? or 0xE2 (the first byte of U+2026 …)
  kHighBit = 32,   // >= 0x80: part of a multi-byte character
};

constexpr std::array<uint8_t, 256> MakeByteTable() {
  std::array<uint8_t, 256> t{};
  for (int b = 0; b < 256; ++b) {
    uint8_t v = 0;
    if (b == ' ' || b == '\t' || b == '\r' || b == '\n' || b == '\f' || b == '\v') v |= kSpaceBit;
    if ((b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z')) v |= kLetterBit;
    if (b >= 'a' && b <= 'z') v |= kLowerBit;
    if (b >= '0' && b <= '9') v |= kDigitBit;
    if (b == '.' || b == '!' || b == '?' || b == 0xE2) v |= kMarkBit;
    if (b >= 0x80) v |= kHighBit;
    t[static_cast<size_t>(b)] = v;
  }
  return t;
}
constexpr std::array<uint8_t, 256> kByteBits = MakeByteTable();

inline uint8_t Bits(char c) { return kByteBits[static_cast<uint8_t>(c)]; }

using swar::BytesEqual;
using swar::kHighs;
using swar::kLittleEndian;
using swar::Load8;

// The high bit of each of the eight bytes that may end a sentence: . ! ? or 0xE2 (see kMarkBit).
uint64_t Marks(uint64_t w) {
  return BytesEqual(w, '.') | BytesEqual(w, '!') | BytesEqual(w, '?') | BytesEqual(w, 0xE2);
}

bool IsSpaceByte(char c) { return (Bits(c) & kSpaceBit) != 0; }

Range TrimRange(std::string_view text, Range r) {
  while (r.start < r.end && IsSpaceByte(text[r.start])) ++r.start;
  while (r.end > r.start && IsSpaceByte(text[r.end - 1])) --r.end;
  return r;
}

bool HasCreditLabel(std::string_view s);

BlockKind ClassifyImpl(std::string_view s, size_t lines_in_paragraph) {
  int letters = 0, words = 0;
  bool in_word = false;
  size_t i = 0;
  while (i < s.size()) {
    if (kLittleEndian && i + 8 <= s.size()) {
      // Eight ASCII bytes at once: the letters, and the words that start among them (a letter
      // or digit after a byte that is neither). Counting past the thirteenth word changes
      // neither answer asked below.
      const uint64_t w = Load8(s.data() + i);
      if ((w & kHighs) == 0) {
        const uint64_t letter = swar::BytesInRange(w, 'A', 'Z') | swar::BytesInRange(w, 'a', 'z');
        const uint64_t word = letter | swar::BytesInRange(w, '0', '9');
        const uint64_t before = (word << 8) | (in_word ? 0x80 : 0);
        letters += swar::CountMarked(letter);
        words += swar::CountMarked(word & ~before);
        in_word = (word >> 63) != 0;
        i += 8;
        if (letters > 0 && words > 12) break;
        continue;
      }
    }
    size_t len = 1;
    const uint8_t bits = Bits(s[i]);
    CharClass cls;
    if (!(bits & kHighBit)) {  // ASCII fast path
      cls = (bits & kLetterBit)  ? CharClass::kLetter
            : (bits & kDigitBit) ? CharClass::kDigit
                                 : CharClass::kOther;
    } else {
      cls = GetCharInfo(DecodeUtf8(s, i, &len)).cls;
    }
    bool w = cls == CharClass::kLetter || cls == CharClass::kDigit;
    if (cls == CharClass::kLetter) ++letters;
    if (w && !in_word) ++words;
    in_word = w;
    i += len;
    // Only "any letter?" and "more than 12 words?" are asked below: both known now.
    if (letters > 0 && words > 12) break;
  }
  if (letters == 0) return BlockKind::kNoise;
  static constexpr std::string_view kCaption[] = {
      "photo:", "image:",  "picture:",   "credit:",  "caption:",  "(photo",    "photograph:",
      "video:", "source:", "read more:", "related:", "see also:", "file photo"};
  for (std::string_view p : kCaption) {
    if (StartsWithCi(s, p)) return BlockKind::kCaption;
  }
  if (HasCreditLabel(s)) return BlockKind::kCaption;
  // The last character that is not a closing quote or bracket decides.
  size_t end = s.size();
  for (;;) {
    if (end > 0 && (s[end - 1] == '"' || s[end - 1] == '\'' || s[end - 1] == ')')) {
      --end;
    } else if (end >= 3 && static_cast<unsigned char>(s[end - 3]) == 0xE2 &&
               static_cast<unsigned char>(s[end - 2]) == 0x80 &&
               (static_cast<unsigned char>(s[end - 1]) == 0x9D ||
                static_cast<unsigned char>(s[end - 1]) == 0x99)) {  // ” ’
      end -= 3;
    } else if (end >= 2 && static_cast<unsigned char>(s[end - 2]) == 0xC2 &&
               static_cast<unsigned char>(s[end - 1]) == 0xBB) {  // »
      end -= 2;
    } else {
      break;
    }
  }
  const char last = end > 0 ? s[end - 1] : s.back();
  const bool quoted = end < s.size();
  bool terminal = last == '.' || last == '!' || last == '?' || last == ':' ||
                  (quoted && last != ',') ||
                  (end >= 3 && static_cast<unsigned char>(s[end - 3]) == 0xE2 &&
                   static_cast<unsigned char>(s[end - 2]) == 0x80 &&
                   static_cast<unsigned char>(s[end - 1]) == 0xA6);  // …
  if (words <= 12 && !terminal) return BlockKind::kHeading;
  return lines_in_paragraph > 1 ? BlockKind::kLine : BlockKind::kParagraph;
}

// True when `w`, with ASCII upper case read as lower case, is one of `list` (lower-case words of
// at most 8 bytes).
template <size_t N>
bool InListCi(std::string_view w, const std::string_view (&list)[N]) {
  if (w.size() > 8) return false;
  char lower[8];
  for (size_t i = 0; i < w.size(); ++i) lower[i] = AsciiLower(w[i]);
  const std::string_view lw(lower, w.size());
  for (std::string_view entry : list) {  // sized: no strlen per entry
    if (lw == entry) return true;
  }
  return false;
}

// "Main image credit: Getty", "Top photo: ...": a credit or caption label of up to three words
// (the last one says what it labels) before the first colon, near the start of the line.
bool HasCreditLabel(std::string_view s) {
  const size_t colon = s.find(':');
  if (colon == std::string_view::npos || colon > 32) return false;
  std::string_view label = s.substr(0, colon);
  size_t words = 0;
  for (size_t i = 0; i < label.size(); ++i) {
    const bool starts = !IsSpaceByte(label[i]) && (i == 0 || IsSpaceByte(label[i - 1]));
    if (starts) ++words;
    if (!IsSpaceByte(label[i]) && !std::isalpha(static_cast<unsigned char>(label[i]))) return false;
  }
  if (words < 2 || words > 3) return false;
  const size_t last = label.find_last_of(" \t");
  const std::string_view word = label.substr(last + 1);
  static constexpr std::string_view kLabels[] = {"photo",   "photos",       "image",   "images",
                                                 "picture", "photograph",   "credit",  "credits",
                                                 "caption", "illustration", "graphic", "video"};
  return InListCi(word, kLabels);
}

// True when the word ending at text[end] (the position of the '.') looks like an abbreviation:
// a single letter, an initialism with inner dots (U.S), or a common short abbreviation.
bool EndsWithAbbreviation(std::string_view text, size_t begin, size_t end) {
  size_t b = end;
  while (b > begin && !IsSpaceByte(text[b - 1]) && text[b - 1] != '(' && text[b - 1] != '"') --b;
  std::string_view w = text.substr(b, end - b);
  if (w.size() <= 1) return true;
  if (w.find('.') != std::string_view::npos) return true;
  static constexpr std::string_view kAbbrev[] = {
      "approx", "appr", "ca",  "cf",  "co",   "corp", "dept", "dr", "eg",  "esp", "est",
      "etc",    "fig",  "gen", "gov", "inc",  "jr",   "ltd",  "mr", "mrs", "ms",  "no",
      "nos",    "op",   "p",   "pp",  "prof", "rep",  "sen",  "sr", "st",  "vol", "vs"};
  return InListCi(w, kAbbrev);
}

struct WordShape {
  size_t start, end;
  Script script;  // script of most of its letters (kNone without letters)
  bool caps;      // two or more letters, none lower-case
};

// Words of text[r) separated by whitespace, with their script and case.
void Words(std::string_view text, Range r, std::vector<WordShape>* out) {
  size_t i = r.start;
  while (i < r.end) {
    while (i < r.end && IsSpaceByte(text[i])) ++i;
    if (i >= r.end) break;
    WordShape w{i, i, Script::kNone, false};
    int letters = 0, lower = 0;
    // The script of every letter so far while they share one (most words); from the first
    // letter of another script on, `counts` holds every script's letters.
    int single = -1;
    bool mixed = false;
    int counts[static_cast<int>(Script::kCount)];
    auto tally = [&](int script) {  // after ++letters
      if (mixed) {
        ++counts[script];
      } else if (single < 0) {
        single = script;
      } else if (script != single) {
        mixed = true;
        std::fill(std::begin(counts), std::end(counts), 0);
        counts[single] = letters - 1;
        counts[script] = 1;
      }
    };
    while (i < r.end) {
      const uint8_t bits = Bits(text[i]);
      if (bits & kSpaceBit) break;
      if (!(bits & kHighBit)) {  // ASCII fast path
        if (bits & kLetterBit) {
          ++letters;
          if (bits & kLowerBit) ++lower;
          if (mixed || single != static_cast<int>(Script::kLatin)) {
            tally(static_cast<int>(Script::kLatin));
          }
        }
        ++i;
        continue;
      }
      size_t len;
      char32_t c = DecodeUtf8(text, i, &len);
      const CharInfo& info = GetCharInfo(c);
      if (info.cls == CharClass::kLetter) {
        ++letters;
        tally(static_cast<int>(info.script));
      }
      i += len;
    }
    w.end = i;
    // The script of most letters; ties go to the lower Script value.
    int best = single < 0 ? 0 : single;
    if (mixed) {
      best = 0;
      for (int k = 1; k < static_cast<int>(Script::kCount); ++k) {
        if (counts[k] > counts[best]) best = k;
      }
    }
    w.script = letters ? static_cast<Script>(best) : Script::kNone;
    w.caps = letters >= 2 && lower == 0 && w.script == Script::kLatin;
    out->push_back(w);
  }
}

// False when `r` cannot hold a soft boundary (SplitAtSoftBoundaries). A script change needs
// letters of two scripts (ASCII letters are Latin): when every letter of `r` is of one script
// other than Latin, every word with a letter is of that script (Words) and none is upper-case
// Latin. A run of three upper-case words (two letters or more, none lower-case) needs, in a
// sentence whose letters are all ASCII, three places where such a word begins: an upper-case
// ASCII letter after no letter (or at the start of `r`), before an upper-case letter or a byte
// that is neither a letter nor whitespace. A letter outside ASCII of the Latin script, or of a
// second script, answers true. Most sentences, names and initials included, are settled by
// this scan alone.
bool MayHaveSoftBoundary(std::string_view text, Range r) {
  auto is_letter = [](char c) { return (Bits(c) & kLetterBit) != 0; };
  auto is_upper = [](char c) { return (Bits(c) & (kLetterBit | kLowerBit)) == kLetterBit; };
  // Whether a byte may follow the first letter of an upper-case word.
  auto caps_next = [&](char c) { return is_upper(c) || !(Bits(c) & (kLetterBit | kSpaceBit)); };
  int starts = 0;      // places where an upper-case word may begin
  bool ascii = false;  // an ASCII letter seen
  int script = -1;     // the script of the letters outside ASCII seen, none of them Latin
  size_t i = r.start;
  while (i < r.end) {
    if (kLittleEndian && i + 8 <= r.end) {
      const uint64_t w = Load8(text.data() + i);
      if ((w & kHighs) == 0) {
        const uint64_t upper = swar::BytesInRange(w, 'A', 'Z');
        const uint64_t letter = upper | swar::BytesInRange(w, 'a', 'z');
        if (letter != 0) {
          if (script >= 0) return true;
          ascii = true;
        }
        if (upper != 0) {  // (most eight bytes of prose have none)
          const uint64_t space = swar::BytesEqual(w, ' ') | swar::BytesInRange(w, '\t', '\r');
          // Byte k's high bit set when byte k + 1 (the byte after the eight for k = 7) may
          // follow an upper-case word's first letter; when byte k - 1 (the one before, for
          // k = 0) is no letter.
          uint64_t next = ((upper | (~(letter | space) & kHighs)) >> 8);
          if (i + 8 < r.end && caps_next(text[i + 8])) next |= 0x80ull << 56;
          uint64_t prev = (~letter & kHighs) << 8;
          if (i == r.start || !is_letter(text[i - 1])) prev |= 0x80;
          starts += swar::CountMarked(upper & next & prev);
          if (starts >= 3) return true;
        }
        i += 8;
        continue;
      }
    }
    const uint8_t bits = Bits(text[i]);
    if (bits & kHighBit) {  // typographic quotes and dashes are common and not letters
      size_t len = 2;
      const auto b0 = static_cast<unsigned char>(text[i]);
      char32_t c;
      if (b0 >= 0xC2 && b0 <= 0xDF && i + 1 < r.end &&
          (static_cast<unsigned char>(text[i + 1]) & 0xC0) == 0x80) {  // as DecodeUtf8 reads it
        c = (char32_t(b0 & 0x1F) << 6) | (static_cast<unsigned char>(text[i + 1]) & 0x3F);
      } else {
        c = DecodeUtf8(text.substr(0, r.end), i, &len);
      }
      const CharInfo& info = GetCharInfo(c);
      if (info.cls == CharClass::kLetter) {
        const int s = static_cast<int>(info.script);
        if (s == static_cast<int>(Script::kLatin) || ascii || (script >= 0 && s != script)) {
          return true;
        }
        script = s;
      }
      i += len;
      continue;
    }
    if (bits & kLetterBit) {
      if (script >= 0) return true;
      ascii = true;
    }
    if (is_upper(text[i]) && (i == r.start || !is_letter(text[i - 1])) && i + 1 < r.end &&
        caps_next(text[i + 1])) {
      if (++starts >= 3) return true;
    }
    ++i;
  }
  return false;  // (three starts returned above)
}

// Splits sentences (*out)[first..] where the text changes script (an Arabic headline followed by
// English spam) or where a run of three or more upper-case words (a wire headline) is followed
// by ordinary mixed-case text. These are places where injected text is glued to real text
// without punctuation; they are only candidate cut points, scored like any sentence boundary.
void SplitAtSoftBoundaries(std::string_view text, size_t first, std::vector<Range>* out) {
  size_t k0 = first;  // the first sentence that may be split
  while (k0 < out->size() && !MayHaveSoftBoundary(text, (*out)[k0])) ++k0;
  if (k0 == out->size()) return;
  thread_local std::vector<Range> result;  // swapped with *out below: the two buffers alternate
  result.assign(out->begin(), out->begin() + static_cast<long>(k0));
  thread_local std::vector<WordShape> words;
  for (size_t k = k0; k < out->size(); ++k) {
    const Range sentence = (*out)[k];
    if (k > k0 && !MayHaveSoftBoundary(text, sentence)) {
      result.push_back(sentence);
      continue;
    }
    words.clear();
    Words(text, sentence, &words);
    size_t start = sentence.start;
    Script last_script = Script::kNone;
    int caps_run = 0;
    for (size_t j = 0; j < words.size(); ++j) {
      const WordShape& w = words[j];
      bool cut = false;
      if (w.script != Script::kNone && last_script != Script::kNone && w.script != last_script &&
          j + 1 < words.size()) {
        // A lone foreign word (a name in Latin letters in an Arabic sentence) is not a change:
        // require the next word to continue in the new script.
        cut = words[j + 1].script == w.script || words[j + 1].script == Script::kNone;
      }
      if (!cut && caps_run >= 3 && !w.caps && w.script == Script::kLatin) cut = true;
      if (cut && w.start > start) {
        result.push_back(TrimRange(text, {start, w.start}));
        start = w.start;
      }
      if (w.script != Script::kNone) last_script = w.script;
      caps_run = w.caps ? caps_run + 1 : (w.script == Script::kNone ? caps_run : 0);
    }
    result.push_back(TrimRange(text, {start, sentence.end}));
  }
  out->swap(result);
}

// True when the word ending at text[end] (a '.') is a title or abbreviation that is normally
// followed by a name or number: "Mrs. Laura", "Dr. Helen", "No. 10", "St. Louis".
bool EndsWithTitle(std::string_view text, size_t begin, size_t end) {
  // No title is longer than four letters: the walk back stops after five bytes.
  constexpr size_t kLongestTitle = 4;
  size_t b = end;
  while (b > begin && !IsSpaceByte(text[b - 1]) && text[b - 1] != '(' && text[b - 1] != '"') {
    if (end - b > kLongestTitle) return false;
    --b;
  }
  static constexpr std::string_view kTitles[] = {
      "mr", "mrs", "ms",  "dr", "prof", "st", "sen", "rep", "gov",  "gen",  "col", "capt",
      "lt", "sgt", "rev", "vs", "fig",  "mt", "ft",  "hon", "pres", "supt", "insp"};
  return InListCi(text.substr(b, end - b), kTitles);
}

}  // namespace

BlockKind ClassifyText(std::string_view s, size_t lines_in_paragraph) {
  return ClassifyImpl(s, lines_in_paragraph);
}

void SplitSentences(std::string_view text, Range r, std::vector<Range>* out) {
  const size_t first = out->size();
  size_t start = r.start;
  size_t i = r.start;
  while (i < r.end) {
    // On to the next byte that may end a sentence, eight bytes at a time.
    if (i + 8 <= r.end) {
      const uint64_t m = Marks(Load8(text.data() + i));
      if (m == 0) {
        i += 8;
        continue;
      }
      if constexpr (kLittleEndian) {
        i += static_cast<size_t>(__builtin_ctzll(m)) / 8;  // the first marked byte
      } else if (!(Bits(text[i]) & kMarkBit)) {
        ++i;
        continue;
      }
    } else if (!(Bits(text[i]) & kMarkBit)) {
      ++i;
      continue;
    }
    char c = text[i];
    bool end_mark = c == '.' || c == '!' || c == '?';
    size_t after = i + 1;
    if (!end_mark && static_cast<unsigned char>(c) == 0xE2 && i + 2 < r.end &&
        static_cast<unsigned char>(text[i + 1]) == 0x80 &&
        static_cast<unsigned char>(text[i + 2]) == 0xA6) {  // …
      end_mark = true;
      after = i + 3;
    }
    if (!end_mark) {
      ++i;
      continue;
    }
    // Swallow repeated marks and closing quotes/brackets.
    while (after < r.end) {
      char d = text[after];
      if (d == '.' || d == '!' || d == '?' || d == '"' || d == '\'' || d == ')' || d == ']') {
        ++after;
      } else if (static_cast<unsigned char>(d) == 0xE2 && after + 2 < r.end &&
                 static_cast<unsigned char>(text[after + 1]) == 0x80 &&
                 (static_cast<unsigned char>(text[after + 2]) == 0x9D ||
                  static_cast<unsigned char>(text[after + 2]) == 0x99)) {  // ” ’
        after += 3;
      } else {
        break;
      }
    }
    if (after < r.end && IsSpaceByte(text[after])) {
      size_t next = after;
      while (next < r.end && IsSpaceByte(text[next])) ++next;
      // A lower-case start continues the sentence only after an abbreviation ("approx. five",
      // "U.S. officials" is handled by the caller seeing an upper-case letter anyway).
      bool continues = (next < r.end && text[next] >= 'a' && text[next] <= 'z' &&
                        EndsWithAbbreviation(text, start, i)) ||
                       (c == '.' && EndsWithTitle(text, start, i));
      if (next < r.end && !continues) {
        Range s = TrimRange(text, {start, after});
        if (s.start < s.end) out->push_back(s);
        start = next;
        i = next;
        continue;
      }
    }
    i = after;
  }
  Range s = TrimRange(text, {start, r.end});
  if (s.start < s.end) out->push_back(s);
  // Very long sentences (no punctuation for kilobytes: link farms, keyword stuffing, broken
  // input) are scored in pieces cut at whitespace, so memory per piece stays bounded.
  SplitAtSoftBoundaries(text, first, out);
  bool any_long = false;
  for (size_t k = first; k < out->size(); ++k) any_long |= (*out)[k].size() > kMaxSentenceBytes;
  if (!any_long) return;
  std::vector<Range> split(out->begin() + static_cast<long>(first), out->end());
  out->resize(first);
  for (Range whole : split) {
    size_t b = whole.start;
    while (b < whole.end) {
      size_t e = std::min(whole.end, b + kMaxSentenceBytes);
      if (e < whole.end) {
        size_t cut = e;
        while (cut > b + kMaxSentenceBytes / 2 && !IsSpaceByte(text[cut])) --cut;
        if (IsSpaceByte(text[cut])) e = cut;
        while (e > b && e < whole.end && (static_cast<unsigned char>(text[e]) & 0xC0) == 0x80) --e;
        if (e == b) e = std::min(whole.end, b + kMaxSentenceBytes);
      }
      Range p = TrimRange(text, {b, e});
      if (p.start < p.end) out->push_back(p);
      b = e;
    }
  }
}

void SegmentText(std::string_view text, std::vector<Segment>* out) {
  // The segments in *out, and sentence lists earlier calls dropped, are reused for their
  // memory: most documents would otherwise allocate every block's sentence list anew.
  thread_local std::vector<std::vector<Range>> spare;
  for (Segment& seg : *out) {
    seg.sentences.clear();
    spare.push_back(std::move(seg.sentences));
  }
  out->clear();
  size_t paragraph = 0;
  size_t pos = 0;
  thread_local std::vector<Range> lines;  // lines of the current paragraph
  lines.clear();
  auto flush = [&]() {
    if (lines.empty()) return;
    for (size_t k = 0; k < lines.size(); ++k) {
      Segment& seg = out->emplace_back();
      if (!spare.empty()) {
        seg.sentences = std::move(spare.back());
        spare.pop_back();
      }
      seg.range = lines[k];
      seg.paragraph = paragraph;
      seg.line_in_paragraph = k;
      seg.lines_in_paragraph = lines.size();
      seg.kind = ClassifyImpl(text.substr(seg.range.start, seg.range.size()), lines.size());
      SplitSentences(text, seg.range, &seg.sentences);
    }
    lines.clear();
    ++paragraph;
  };
  while (pos < text.size()) {
    size_t nl = text.find('\n', pos);
    size_t end = nl == std::string_view::npos ? text.size() : nl;
    Range line = TrimRange(text, {pos, end});
    if (line.start == line.end) {
      flush();
    } else {
      lines.push_back(line);
    }
    pos = end + 1;
  }
  flush();
}

}  // namespace spamstrip
