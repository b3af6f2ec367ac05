// charset_decoder.h — bytes in a legacy encoding to UTF-8, with a map back to the bytes.
//
// DecodeToUtf8 converts with ICU (ucnv_toUnicode and its offsets argument) and records, for the
// UTF-8 text it makes, where each character came from in the input, so that a byte range found
// in the decoded text can be given as the byte range of the original document. Bytes that are
// invalid or unassigned in the encoding become U+FFFD (never an error; ICU's own 0x1A
// substitution of some single-byte converters is replaced too).
//
// The map is kept as runs of characters of one shape (n input bytes -> m UTF-8 bytes: ASCII
// 1 -> 1, Cyrillic 1 -> 2, kanji 2 -> 3, ...), so it is small for real text: one run per change
// of script, not one entry per byte. Pure; thread-safe (each call opens its own converter).
#ifndef SPAMSTRIP_SRC_CHARSET_DECODER_H_
#define SPAMSTRIP_SRC_CHARSET_DECODER_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "spamstrip/status.h"

namespace spamstrip {

// Positions in decoded UTF-8 text to byte offsets in the input it was decoded from.
class OffsetMap {
 public:
  // The input offset where the character holding decoded byte `offset` starts; the input's end
  // for offset >= the decoded size.
  size_t ToSourceStart(size_t offset) const;
  // The end, in the input, of a range that ends at decoded byte `offset`: where the character
  // at `offset` starts, or — inside a character — where that character ends; the input's end for
  // offset >= the decoded size.
  size_t ToSourceEnd(size_t offset) const;

  // Building (DecodeToUtf8): characters in order, each with its decoded start and length and
  // its input start; then Finish with the sizes of both.
  void Add(size_t decoded, size_t decoded_len, size_t source);
  void Finish(size_t decoded_size, size_t source_size);

  size_t runs() const { return runs_.size(); }

 private:
  struct Run {
    size_t decoded = 0;  // where the run's first character starts in the decoded text
    size_t source = 0;   // ... and in the input
    size_t count = 0;    // characters
    unsigned decoded_len = 0, source_len = 0;  // of each character
  };
  void Close(size_t source_end);
  // The input offset of the character holding decoded byte `offset`: its start, or with
  // `round_up` its end when `offset` falls inside it.
  size_t ToSource(size_t offset, bool round_up) const;

  std::vector<Run> runs_;
  size_t decoded_size_ = 0, source_size_ = 0;
  // The character added last, whose input length is known when the next one comes.
  bool pending_ = false;
  size_t pending_decoded_ = 0, pending_len_ = 0, pending_source_ = 0;
};

struct DecodedText {
  std::string text;  // UTF-8
  OffsetMap map;     // text offsets to input offsets
};

// Decodes input[skip, end) (skip: a byte-order mark) from the ICU converter `icu_name` into
// *out; offsets in out->map count from the start of `input` (the mark included). Fails
// (InvalidArgument) only when ICU has no such converter.
Status DecodeToUtf8(std::string_view input, size_t skip, const char* icu_name, DecodedText* out);

}  // namespace spamstrip

#endif  // SPAMSTRIP_SRC_CHARSET_DECODER_H_
