#include "tokenizer.h"

#include <array>
#include <cstdint>

#include "char_table.h"
#include "utf8.h"

namespace spamstrip {

namespace {

// ASCII classes: 0 neither, 1 letter, 2 digit.
constexpr std::array<uint8_t, 128> MakeAsciiClasses() {
  std::array<uint8_t, 128> t{};
  for (int c = 0; c < 128; ++c) {
    t[static_cast<size_t>(c)] = ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) ? 1
                                : (c >= '0' && c <= '9')                           ? 2
                                                                                   : 0;
  }
  return t;
}
constexpr std::array<uint8_t, 128> kAsciiClasses = MakeAsciiClasses();

}  // namespace

void Tokenize(std::string_view canonical, Tokens* out) {
  out->words.clear();
  // Words are at most as long as the text (digits fold byte for byte; the rest is copied).
  out->buffer.resize(canonical.size());
  char* buf = out->buffer.data();
  uint32_t n = 0;
  bool open = false;
  Token cur{0, 0, 0, false};
  auto close = [&]() {
    if (open) {
      cur.end = n;
      out->words.push_back(cur);
      open = false;
    }
  };
  size_t i = 0;
  while (i < canonical.size()) {
    const unsigned char b = static_cast<unsigned char>(canonical[i]);
    if (b < 0x80) {  // ASCII fast path
      const uint8_t cls = kAsciiClasses[b];
      if (cls == 0) {
        close();
      } else {
        if (!open) {
          cur = Token{n, 0, 0, false};
          open = true;
        }
        buf[n++] = cls == 2 ? '0' : static_cast<char>(b);
        ++cur.chars;
        cur.has_letter |= cls == 1;
      }
      ++i;
      continue;
    }
    size_t len = 1;
    const CharInfo& info = GetCharInfo(DecodeUtf8(canonical, i, &len));
    if (info.cls == CharClass::kLetter || info.cls == CharClass::kDigit) {
      const bool single = info.script == Script::kHan || info.script == Script::kKana;
      if (single) close();
      if (!open) {
        cur = Token{n, 0, 0, false};
        open = true;
      }
      for (size_t k = 0; k < len; ++k) buf[n++] = canonical[i + k];
      ++cur.chars;
      cur.has_letter |= info.cls == CharClass::kLetter;
      if (single) close();
    } else {
      close();
    }
    i += len;
  }
  close();
  out->buffer.resize(n);
}

}  // namespace spamstrip
