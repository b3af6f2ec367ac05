#include "tokenizer.h"

#include "char_table.h"
#include "utf8.h"

namespace spamstrip {

void Tokenize(std::string_view canonical, Tokens* out) {
  out->buffer.clear();
  out->words.clear();
  out->buffer.reserve(canonical.size());
  bool open = false;
  Token cur{0, 0, 0, false};
  auto close = [&]() {
    if (open) {
      cur.end = static_cast<uint32_t>(out->buffer.size());
      out->words.push_back(cur);
      open = false;
    }
  };
  size_t i = 0;
  while (i < canonical.size()) {
    size_t len = 1;
    const unsigned char b = static_cast<unsigned char>(canonical[i]);
    char32_t c = b < 0x80 ? b : DecodeUtf8(canonical, i, &len);
    CharClass cls;
    Script script = Script::kNone;
    if (b < 0x80) {
      cls = (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') ? CharClass::kLetter
            : (b >= '0' && b <= '9')                         ? CharClass::kDigit
                                                             : CharClass::kPunct;
    } else {
      const CharInfo& info = GetCharInfo(c);
      cls = info.cls;
      script = info.script;
    }
    if (cls == CharClass::kLetter || cls == CharClass::kDigit) {
      const bool single = script == Script::kHan || script == Script::kKana;
      if (single) close();
      if (!open) {
        cur = Token{static_cast<uint32_t>(out->buffer.size()), 0, 0, false};
        open = true;
      }
      if (cls == CharClass::kDigit && b < 0x80) {
        out->buffer.push_back('0');
      } else {
        out->buffer.append(canonical.data() + i, len);
      }
      ++cur.chars;
      cur.has_letter |= cls == CharClass::kLetter;
      if (single) close();
    } else {
      close();
    }
    i += len;
  }
  close();
}

}  // namespace spamstrip
