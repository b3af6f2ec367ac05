#include "tokenizer.h"

#include <array>
#include <cstdint>
#include <cstring>

#include "char_table.h"
#include "swar.h"
#include "utf8.h"

namespace spamstrip {

namespace {

// Per byte: 0 for ASCII that is neither letter nor digit, 1 for a byte beyond ASCII, else the
// byte the word gets ('0' for a digit, the letter itself).
constexpr std::array<uint8_t, 256> MakeAsciiWordBytes() {
  std::array<uint8_t, 256> t{};
  for (int c = 0; c < 256; ++c) {
    const int v = c >= 0x80                                          ? 1
                  : (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ? c
                  : (c >= '0' && c <= '9')                           ? '0'
                                                                     : 0;
    t[static_cast<size_t>(c)] = static_cast<uint8_t>(v);
  }
  return t;
}
constexpr std::array<uint8_t, 256> kAsciiWordBytes = MakeAsciiWordBytes();

}  // namespace

void Tokenize(std::string_view canonical, Tokens* out) {
  out->words.clear();
  // Words are at most as long as the text (digits fold byte for byte; the rest is copied);
  // eight bytes of slack for the eight-byte copies below.
  out->buffer.resize(canonical.size() + 8);
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
  const auto* text = reinterpret_cast<const unsigned char*>(canonical.data());
  const size_t size = canonical.size();
  size_t i = 0;
  while (i < size) {
    uint8_t o = kAsciiWordBytes[text[i]];
    if (o == 0) {  // ASCII, not in a word
      close();
      ++i;
      continue;
    }
    if (o > 1) {  // a run of ASCII letters and digits: one byte and one character each
      if (!open) {
        cur = Token{n, 0, 0, false};
        open = true;
      }
      const uint32_t first = n;
      uint8_t letters = 0;  // nonzero once a letter was copied (only digits become '0')
      for (;;) {
        if (swar::kLittleEndian && i + 8 <= size) {  // the first byte is the lowest
          // The lower-case letters starting here, up to eight, copied at once (they are copied
          // as they are; upper case, absent from canonical text, and digits go one at a time).
          const uint64_t w = swar::Load8(canonical.data() + i);
          const uint64_t lower = swar::BytesInRange(w & ~swar::kHighs, 'a', 'z') & ~w;
          const uint64_t other = ~lower & swar::kHighs;
          const unsigned run = other == 0 ? 8u : static_cast<unsigned>(__builtin_ctzll(other)) / 8;
          if (run > 0) {
            std::memcpy(buf + n, &w, 8);
            n += run;
            i += run;
            letters = 1;
            if (i == size) break;
            o = kAsciiWordBytes[text[i]];
            if (o <= 1) break;
            continue;
          }
        }
        buf[n++] = static_cast<char>(o);
        letters |= static_cast<uint8_t>(o ^ '0');
        if (++i == size) break;
        o = kAsciiWordBytes[text[i]];
        if (o <= 1) break;
      }
      cur.chars += n - first;
      cur.has_letter |= letters != 0;
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
