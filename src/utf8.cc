#include "utf8.h"

#include "swar.h"

namespace spamstrip {

size_t FindInvalidUtf8(std::string_view s) {
  size_t i = 0;
  while (i < s.size()) {
    // Eight ASCII bytes at a time (no high bit set); else on to the first byte that is not
    // ASCII (little-endian: the lowest).
    if (i + 8 <= s.size()) {
      const uint64_t highs = swar::Load8(s.data() + i) & swar::kHighs;
      if (highs == 0) {
        i += 8;
        continue;
      }
      if constexpr (swar::kLittleEndian) i += static_cast<size_t>(__builtin_ctzll(highs)) / 8;
    }
    if (static_cast<uint8_t>(s[i]) < 0x80) {
      ++i;
      continue;
    }
    // A run of multi-byte characters (a word of Cyrillic, Arabic, Han) in one loop.
    do {
      size_t len;
      const char32_t c = DecodeUtf8(s, i, &len);
      if (c == kReplacementChar && len == 1) return i;
      i += len;
    } while (i < s.size() && static_cast<uint8_t>(s[i]) >= 0x80);
  }
  return std::string_view::npos;
}

std::string ToValidUtf8(std::string_view s) {
  if (FindInvalidUtf8(s) == std::string_view::npos) return std::string(s);
  std::string out;
  out.reserve(s.size() + 8);
  size_t i = 0;
  while (i < s.size()) {
    size_t len;
    char32_t c = DecodeUtf8(s, i, &len);
    if (c == kReplacementChar && len == 1) {
      AppendUtf8(kReplacementChar, &out);
    } else {
      out.append(s.data() + i, len);
    }
    i += len;
  }
  return out;
}

}  // namespace spamstrip
