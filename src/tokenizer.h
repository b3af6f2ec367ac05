// tokenizer.h — words of a canonical text, as used by the n-gram model and context features.
//
// A word is a maximal run of letters and digits (Unicode classes, see char_table.h); ASCII
// digits are rewritten as '0' (other scripts' digits are kept as they are) so that prices, phone
// numbers and years share features. Han and kana characters form one-character words each (those
// scripts do not separate words).
#ifndef SPAMSTRIP_SRC_TOKENIZER_H_
#define SPAMSTRIP_SRC_TOKENIZER_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace spamstrip {

struct Token {
  uint32_t begin;  // offsets into Tokens::buffer
  uint32_t end;
  uint32_t chars;  // code points
  bool has_letter;
};

struct Tokens {
  std::string buffer;  // the words, digits folded, concatenated
  std::vector<Token> words;
  std::string_view Word(const Token& t) const {
    return std::string_view(buffer).substr(t.begin, t.end - t.begin);
  }
};

// Tokenises canonical text into *out (cleared first).
void Tokenize(std::string_view canonical, Tokens* out);

}  // namespace spamstrip

#endif  // SPAMSTRIP_SRC_TOKENIZER_H_
