// html_text_map.h — walks the raw bytes of an HTML text node and the text the parser decoded
// from them in step, one unit at a time, so every decoded byte can be tied to the raw bytes it
// came from.
//
// A unit is either a literal run (raw and decoded bytes equal, no character references,
// whitespace or carriage returns in it) or one decoded character with the raw bytes behind it:
// a character reference (&amp; &#8217; &nbsp &copy2019 ...), "\r\n" read as "\n", a NUL read
// as U+FFFD (or dropped), an invalid UTF-8 sequence read as U+FFFD. When the two sides
// disagree in a way none of these explains, one character of each is paired so the walk always
// ends; the mapping then stays monotone and inside the raw bytes, only coarser. Pure.
#ifndef SPAMSTRIP_SRC_HTML_TEXT_MAP_H_
#define SPAMSTRIP_SRC_HTML_TEXT_MAP_H_

#include <cstddef>
#include <string_view>

namespace spamstrip {

struct TextUnit {
  size_t raw_len = 0;    // raw bytes of the unit (0 only when the raw side is exhausted)
  size_t text_len = 0;   // decoded bytes (0 when the raw bytes were dropped, e.g. a NUL)
  bool literal = false;  // raw and decoded bytes are identical (mapped byte for byte)
};

class TextUnitWalker {
 public:
  TextUnitWalker(std::string_view raw, std::string_view text) : raw_(raw), text_(text) {}

  // The next unit at (raw_pos(), text_pos()); false when both sides are consumed.
  bool Next(TextUnit* unit);

  size_t raw_pos() const { return ri_; }
  size_t text_pos() const { return di_; }

 private:
  bool CharacterReference(TextUnit* unit) const;
  bool Agrees(size_t ri, size_t di) const;
  size_t CharLen(std::string_view s, size_t i) const;

  std::string_view raw_;
  std::string_view text_;
  size_t ri_ = 0;
  size_t di_ = 0;
};

// Whitespace the reader collapses: ASCII space, tab, CR, LF, FF and U+00A0 (no-break space).
inline size_t CollapsibleSpaceLen(std::string_view s, size_t i) {
  const unsigned char c = static_cast<unsigned char>(s[i]);
  if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') return 1;
  if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xA0) return 2;
  return 0;
}

}  // namespace spamstrip

#endif  // SPAMSTRIP_SRC_HTML_TEXT_MAP_H_
