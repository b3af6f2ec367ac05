#include "segmenter.h"

#include <algorithm>

#include "char_table.h"
#include "utf8.h"

namespace spamstrip {
namespace {

bool IsSpaceByte(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v'; }

Range TrimRange(std::string_view text, Range r) {
  while (r.start < r.end && IsSpaceByte(text[r.start])) ++r.start;
  while (r.end > r.start && IsSpaceByte(text[r.end - 1])) --r.end;
  return r;
}

bool StartsWithCi(std::string_view s, std::string_view prefix) {
  if (s.size() < prefix.size()) return false;
  for (size_t i = 0; i < prefix.size(); ++i) {
    char a = s[i];
    if (a >= 'A' && a <= 'Z') a = static_cast<char>(a - 'A' + 'a');
    if (a != prefix[i]) return false;
  }
  return true;
}

BlockKind Classify(std::string_view s, size_t lines_in_paragraph) {
  int letters = 0, words = 0;
  bool in_word = false;
  size_t i = 0;
  while (i < s.size()) {
    size_t len;
    char32_t c = DecodeUtf8(s, i, &len);
    CharClass cls = GetCharInfo(c).cls;
    bool w = cls == CharClass::kLetter || cls == CharClass::kDigit;
    if (cls == CharClass::kLetter) ++letters;
    if (w && !in_word) ++words;
    in_word = w;
    i += len;
  }
  if (letters == 0) return BlockKind::kNoise;
  static const char* const kCaption[] = {"photo:", "image:", "picture:", "credit:", "caption:",
                                         "(photo", "photograph:", "video:", "source:",
                                         "read more:", "related:", "see also:", "file photo"};
  for (const char* p : kCaption) {
    if (StartsWithCi(s, p)) return BlockKind::kCaption;
  }
  char last = s.back();
  bool terminal = last == '.' || last == '!' || last == '?' || last == '"' || last == ':';
  if (words <= 12 && !terminal) return BlockKind::kHeading;
  return lines_in_paragraph > 1 ? BlockKind::kLine : BlockKind::kParagraph;
}

// True when the word ending at text[end] (the position of the '.') looks like an abbreviation:
// a single letter, an initialism with inner dots (U.S), or a common short abbreviation.
bool EndsWithAbbreviation(std::string_view text, size_t begin, size_t end) {
  size_t b = end;
  while (b > begin && !IsSpaceByte(text[b - 1]) && text[b - 1] != '(' && text[b - 1] != '"') --b;
  std::string_view w = text.substr(b, end - b);
  if (w.size() <= 1) return true;
  if (w.find('.') != std::string_view::npos) return true;
  static const char* const kAbbrev[] = {"approx", "appr", "ca", "cf", "co", "corp", "dept", "dr",
                                        "eg", "esp", "est", "etc", "fig", "gen", "gov", "inc",
                                        "jr", "ltd", "mr", "mrs", "ms", "no", "nos", "op", "p",
                                        "pp", "prof", "rep", "sen", "sr", "st", "vol", "vs"};
  std::string lower;
  for (char c : w) lower.push_back((c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c);
  for (const char* a : kAbbrev) {
    if (lower == a) return true;
  }
  return false;
}

}  // namespace

void SplitSentences(std::string_view text, Range r, std::vector<Range>* out) {
  const size_t first = out->size();
  size_t start = r.start;
  size_t i = r.start;
  while (i < r.end) {
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
      bool continues = next < r.end && text[next] >= 'a' && text[next] <= 'z' &&
                       EndsWithAbbreviation(text, start, i);
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
  size_t paragraph = 0;
  size_t pos = 0;
  std::vector<Range> lines;  // lines of the current paragraph
  auto flush = [&]() {
    if (lines.empty()) return;
    for (size_t k = 0; k < lines.size(); ++k) {
      Segment seg;
      seg.range = lines[k];
      seg.paragraph = paragraph;
      seg.line_in_paragraph = k;
      seg.lines_in_paragraph = lines.size();
      seg.kind = Classify(text.substr(seg.range.start, seg.range.size()), lines.size());
      SplitSentences(text, seg.range, &seg.sentences);
      out->push_back(std::move(seg));
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
