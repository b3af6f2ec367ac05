// audit_text.h — the text an audit analyses for one document, and the way back to its bytes.
//
// A document's bytes are analysed as UTF-8 unless they declare another charset (charset_label.h:
// a byte-order mark, the WARC record's Content-Type charset, an HTML <meta>); then they are
// decoded to UTF-8 (charset_decoder.h) and the offsets the detector reports in that text are
// mapped back to byte offsets of the original body. What is read as it is, with no copy and no
// map:
//   - JSONL bodies (a JSON string is Unicode already; a <meta> in it is not looked at);
//   - bodies declared UTF-8, or declaring nothing;
//   - bodies declaring an unknown label (unknown_label says which);
//   - bodies valid as UTF-8 under an ASCII-compatible label: pure ASCII decodes to itself, and
//     text in windows-1252, KOI8-R, Shift_JIS ... with a non-ASCII letter is practically never
//     valid UTF-8, so such a body is UTF-8 mislabelled (utf8_despite_label).
// `spamstrip clean` and `serve` read an HTML page the same way (the bytes constructor), so
// that their removals map back to the page's bytes too (source_report.h).
// Thread-safe: each worker fills its own.
#ifndef SPAMSTRIP_SRC_AUDIT_TEXT_H_
#define SPAMSTRIP_SRC_AUDIT_TEXT_H_

#include <cstddef>
#include <string>
#include <string_view>

#include "charset_decoder.h"
#include "doc_source.h"

namespace spamstrip {

class AuditText {
 public:
  // Chooses how to read `item`'s bytes and decodes them if needed. `item` must outlive this.
  explicit AuditText(const SourceItem& item);
  // The same for `bytes` (which must outlive this): `header_label` is the transport's
  // Content-Type charset parameter ("" if none), `html` allows a <meta> declaration, and
  // `unicode` (a JSON string) reads the bytes as they are.
  AuditText(std::string_view bytes, std::string_view header_label, bool html, bool unicode);
  // text() may view the decoded text held here.
  AuditText(const AuditText&) = delete;
  AuditText& operator=(const AuditText&) = delete;

  // The UTF-8 (or, when not converted, as-read) text to analyse.
  std::string_view text() const { return text_; }
  bool converted() const { return converted_; }
  const std::string& charset() const { return charset_; }  // WHATWG name, when converted
  // The declared label that named no known encoding (lower case, at most 40 bytes), or "".
  const std::string& unknown_label() const { return unknown_label_; }
  bool utf8_despite_label() const { return utf8_despite_label_; }

  // A range [start, end) of text() as a range of the document's bytes.
  size_t SourceStart(size_t offset) const;
  size_t SourceEnd(size_t offset) const;

 private:
  std::string_view text_;
  bool converted_ = false;
  std::string charset_;
  std::string unknown_label_;
  bool utf8_despite_label_ = false;
  DecodedText decoded_;
};

}  // namespace spamstrip

#endif  // SPAMSTRIP_SRC_AUDIT_TEXT_H_
