#include "html_text_map.h"

#include <algorithm>

#include "utf8.h"

namespace spamstrip {
namespace {

bool IsAsciiAlnum(unsigned char c) {
  return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
}

bool IsHexDigit(unsigned char c) {
  return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'f');
}

// Bytes a literal run stops at: they may decode to something else or be collapsed.
bool StopsLiteralRun(unsigned char c) {
  return c == '&' || c == '\r' || c == '\0' || c == ' ' || c == '\t' || c == '\n' || c == '\f' ||
         c == 0xC2;
}

bool IsReplacementAt(std::string_view s, size_t i) {
  return i + 3 <= s.size() && static_cast<unsigned char>(s[i]) == 0xEF &&
         static_cast<unsigned char>(s[i + 1]) == 0xBF &&
         static_cast<unsigned char>(s[i + 2]) == 0xBD;
}

// Length of the invalid sequence at s[i] that a decoder replaces with one U+FFFD: a lead byte
// and the continuation bytes that follow it, up to the length the lead byte announces.
size_t InvalidSequenceLen(std::string_view s, size_t i) {
  const unsigned char b0 = static_cast<unsigned char>(s[i]);
  const size_t expected = b0 >= 0xC2 && b0 <= 0xDF   ? 2
                          : b0 >= 0xE0 && b0 <= 0xEF ? 3
                          : b0 >= 0xF0 && b0 <= 0xF4 ? 4
                                                     : 1;
  size_t n = 1;
  while (n < expected && i + n < s.size() &&
         (static_cast<unsigned char>(s[i + n]) & 0xC0) == 0x80) {
    ++n;
  }
  return n;
}

}  // namespace

size_t TextUnitWalker::CharLen(std::string_view s, size_t i) const {
  size_t len = 1;
  DecodeUtf8(s, i, &len);
  return len;
}

// Whether the raw bytes from ri and the decoded bytes from di plausibly continue in step: the
// next few plain ASCII bytes are equal (bytes that may decode differently end the check).
bool TextUnitWalker::Agrees(size_t ri, size_t di) const {
  for (size_t k = 0; k < 8; ++k) {
    if (ri + k >= raw_.size()) return di + k >= text_.size();
    if (di + k >= text_.size()) return false;
    const unsigned char r = static_cast<unsigned char>(raw_[ri + k]);
    if (r == '&' || r == '\r' || r == '\0' || r >= 0x80) return true;
    if (r != static_cast<unsigned char>(text_[di + k])) return false;
  }
  return true;
}

bool TextUnitWalker::CharacterReference(TextUnit* unit) const {
  size_t i = ri_ + 1;
  if (i < raw_.size() && raw_[i] == '#') {
    ++i;
    bool hex = false;
    if (i < raw_.size() && (raw_[i] | 0x20) == 'x') {
      hex = true;
      ++i;
    }
    const size_t digits = i;
    while (i < raw_.size() && (hex ? IsHexDigit(static_cast<unsigned char>(raw_[i]))
                                   : (raw_[i] >= '0' && raw_[i] <= '9'))) {
      ++i;
    }
    if (i == digits) return false;  // "&#" without digits stays literal
    if (i < raw_.size() && raw_[i] == ';') ++i;
    // A numeric reference always decodes to exactly one character.
    *unit = TextUnit{i - ri_, CharLen(text_, di_), false};
    return true;
  }
  size_t j = i;
  while (j < raw_.size() && IsAsciiAlnum(static_cast<unsigned char>(raw_[j]))) ++j;
  if (j == i) return false;
  const size_t one = CharLen(text_, di_);
  const size_t two = di_ + one < text_.size() ? one + CharLen(text_, di_ + one) : one;
  // "&name;" decodes to one character (a few names to two).
  if (j < raw_.size() && raw_[j] == ';') {
    if (Agrees(j + 1, di_ + one)) {
      *unit = TextUnit{j + 1 - ri_, one, false};
      return true;
    }
    if (two > one && Agrees(j + 1, di_ + two)) {
      *unit = TextUnit{j + 1 - ri_, two, false};
      return true;
    }
  }
  // Legacy names read without a semicolon, longest first ("&copy2019" -> "©2019").
  for (size_t end = j; end >= i + 2; --end) {
    if (Agrees(end, di_ + one)) {
      // A literal '&' agrees too when the rest is literal; prefer that reading.
      if (text_[di_] == '&' && Agrees(ri_ + 1, di_ + 1)) return false;
      *unit = TextUnit{end - ri_, one, false};
      return true;
    }
  }
  return false;
}

bool TextUnitWalker::Next(TextUnit* unit) {
  if (di_ >= text_.size()) {
    if (ri_ >= raw_.size()) return false;
    *unit = TextUnit{raw_.size() - ri_, 0, false};  // raw bytes that decoded to nothing
    ri_ = raw_.size();
    return true;
  }
  if (ri_ >= raw_.size()) {
    *unit = TextUnit{0, CharLen(text_, di_), false};
    di_ += unit->text_len;
    return true;
  }
  // Literal run.
  size_t n = 0;
  const size_t limit = std::min(raw_.size() - ri_, text_.size() - di_);
  while (n < limit) {
    const unsigned char c = static_cast<unsigned char>(raw_[ri_ + n]);
    if (c != static_cast<unsigned char>(text_[di_ + n]) || StopsLiteralRun(c)) break;
    ++n;
  }
  // End on a character boundary.
  while (n > 0 && di_ + n < text_.size() &&
         (static_cast<unsigned char>(text_[di_ + n]) & 0xC0) == 0x80) {
    --n;
  }
  if (n > 0) {
    *unit = TextUnit{n, n, true};
  } else {
    const unsigned char r = static_cast<unsigned char>(raw_[ri_]);
    const size_t raw_char = CharLen(raw_, ri_);
    if (r == '&' && CharacterReference(unit)) {
      // set
    } else if (r == '\r' && text_[di_] == '\n') {
      const size_t len = ri_ + 1 < raw_.size() && raw_[ri_ + 1] == '\n' ? 2 : 1;
      *unit = TextUnit{len, 1, false};
    } else if (r == '\0') {
      *unit = TextUnit{1, IsReplacementAt(text_, di_) ? size_t{3} : size_t{0}, false};
    } else if (text_.compare(di_, raw_char, raw_, ri_, raw_char) == 0) {
      *unit = TextUnit{raw_char, raw_char, true};
    } else if (IsReplacementAt(text_, di_)) {
      *unit = TextUnit{InvalidSequenceLen(raw_, ri_), 3, false};
    } else {
      *unit = TextUnit{raw_char, CharLen(text_, di_), false};  // out of step: pair one each
    }
  }
  ri_ += unit->raw_len;
  di_ += unit->text_len;
  return true;
}

}  // namespace spamstrip
