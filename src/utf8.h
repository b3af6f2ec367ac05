// utf8.h — minimal, total UTF-8 decoding: every byte sequence decodes, never reads past `end`.
#ifndef SPAMSTRIP_SRC_UTF8_H_
#define SPAMSTRIP_SRC_UTF8_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace spamstrip {

constexpr char32_t kReplacementChar = 0xFFFD;

// Decodes one code point at s[i]. Sets *len to the bytes consumed (>= 1). Malformed, overlong,
// surrogate or truncated sequences decode as U+FFFD consuming one byte.
// (Always inlined: most callers decode a character per letter of non-Latin text, and the call
// and *len through memory cost as much as the decoding.)
#if defined(__GNUC__)
#define SPAMSTRIP_DECODE_INLINE inline __attribute__((always_inline))
#else
#define SPAMSTRIP_DECODE_INLINE inline
#endif
SPAMSTRIP_DECODE_INLINE char32_t DecodeUtf8(std::string_view s, size_t i, size_t* len) {
  const auto* p = reinterpret_cast<const uint8_t*>(s.data()) + i;
  const size_t left = s.size() - i;
  const uint8_t b0 = p[0];
  if (b0 < 0x80) {
    *len = 1;
    return b0;
  }
  *len = 1;
  auto cont = [&](size_t k) { return k < left && (p[k] & 0xC0) == 0x80; };
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    if (!cont(1)) return kReplacementChar;
    *len = 2;
    return (char32_t(b0 & 0x1F) << 6) | (p[1] & 0x3F);
  }
  if (b0 >= 0xE0 && b0 <= 0xEF) {
    if (!cont(1) || !cont(2)) return kReplacementChar;
    char32_t c = (char32_t(b0 & 0x0F) << 12) | (char32_t(p[1] & 0x3F) << 6) | (p[2] & 0x3F);
    if (c < 0x800 || (c >= 0xD800 && c <= 0xDFFF)) return kReplacementChar;
    *len = 3;
    return c;
  }
  if (b0 >= 0xF0 && b0 <= 0xF4) {
    if (!cont(1) || !cont(2) || !cont(3)) return kReplacementChar;
    char32_t c = (char32_t(b0 & 0x07) << 18) | (char32_t(p[1] & 0x3F) << 12) |
                 (char32_t(p[2] & 0x3F) << 6) | (p[3] & 0x3F);
    if (c < 0x10000 || c > 0x10FFFF) return kReplacementChar;
    *len = 4;
    return c;
  }
  return kReplacementChar;
}

// Appends the UTF-8 encoding of c (must be a valid scalar value) to *out.
inline void AppendUtf8(char32_t c, std::string* out) {
  if (c < 0x80) {
    out->push_back(static_cast<char>(c));
  } else if (c < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (c >> 6)));
    out->push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else if (c < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (c >> 12)));
    out->push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (c >> 18)));
    out->push_back(static_cast<char>(0x80 | ((c >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (c & 0x3F)));
  }
}

// Returns the offset of the first invalid UTF-8 sequence in s, or std::string_view::npos.
size_t FindInvalidUtf8(std::string_view s);

// Returns s with every invalid sequence replaced by U+FFFD (for JSON output).
std::string ToValidUtf8(std::string_view s);

}  // namespace spamstrip

#endif  // SPAMSTRIP_SRC_UTF8_H_
