// normalizer.h — the canonical text that rules and the model see, with a map back to the input.
//
// Canonical form: Unicode NFKC with case folding (ICU's NFKC_Casefold), zero-width, bidi and
// other format characters removed, and filter-dodging look-alikes folded:
//   - a word mixing Latin with Cyrillic/Greek letters is read in its majority script, the
//     minority letters replaced by their look-alike (vіagra with a Cyrillic і -> viagra;
//     Привeт with a Latin e -> привет), using ICU's confusable skeletons;
//   - 0 1 3 4 5 7 $ standing between two Latin letters read as o i e a s t s (c1al1s ->
//     cialis), so "covid19" and "3d" stay as they are; '@' is left alone (e-mail addresses).
// Whitespace and punctuation are kept (after NFKC), so patterns still see sentence shape.
//
// Pure functions; thread-safe.
#ifndef SPAMSTRIP_SRC_NORMALIZER_H_
#define SPAMSTRIP_SRC_NORMALIZER_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace spamstrip {

struct CanonicalText {
  std::string text;
  // src[i] = offset in the input of the character that produced canonical byte i;
  // src[text.size()] = input size. Non-decreasing.
  std::vector<uint32_t> src;
  int words = 0;               // words (letter/digit runs) seen
  int mixed_script_words = 0;  // words that mixed Latin with Cyrillic/Greek letters
  int leet_folds = 0;          // digits/symbols read as letters

  // The canonical offset of the first canonical byte produced at or after input offset `in`.
  size_t ToCanonical(size_t in) const;
};

// Normalises `input` (any bytes; invalid UTF-8 reads as U+FFFD) into *out.
void Normalize(std::string_view input, CanonicalText* out);

// The same text and counts without the map back to the input (out->src left empty), at less
// cost: for callers that never map canonical offsets back (the sentence statistics).
void NormalizeText(std::string_view input, CanonicalText* out);

}  // namespace spamstrip

#endif  // SPAMSTRIP_SRC_NORMALIZER_H_
