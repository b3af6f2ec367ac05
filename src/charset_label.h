// charset_label.h — which character encoding a document declares, found the way browsers do.
//
// Labels are mapped per the WHATWG Encoding standard ("latin1", "iso-8859-1" and "us-ascii" are
// windows-1252, "utf8" is UTF-8, "x-sjis" is Shift_JIS, "gb2312" is GBK, ...), and the
// declaration is looked for in the order of the HTML standard's encoding sniffing: a byte-order
// mark, then the transport layer (an HTTP Content-Type charset parameter), then — for HTML only —
// a <meta charset> or <meta http-equiv="Content-Type" content="...; charset=..."> within the
// first 1024 bytes (a prescan that skips comments and other tags). A declaration whose label is
// unknown is passed over for the next; when no known one is found the first unknown label is
// kept so that a caller can say so.
//
// Encodings that WHATWG maps to "replacement" (ISO-2022-KR, HZ-GB-2312, ...), x-user-defined and
// those ICU does not ship (ISO-8859-16) are not in the table: their labels count as unknown.
// Pure functions over the caller's bytes; thread-safe.
#ifndef SPAMSTRIP_SRC_CHARSET_LABEL_H_
#define SPAMSTRIP_SRC_CHARSET_LABEL_H_

#include <cstddef>
#include <string>
#include <string_view>

namespace spamstrip {

// One encoding of the WHATWG table. Static storage; never freed.
struct Encoding {
  const char* name;       // the WHATWG name: "UTF-8", "windows-1252", "Shift_JIS", ...
  const char* icu;        // the ICU converter that decodes it
  bool ascii_compatible;  // every byte < 0x80 decodes to itself (not UTF-16, not ISO-2022-JP)
  bool utf8;              // the UTF-8 entry
};

// The encoding for `label` (case and surrounding ASCII whitespace ignored), or nullptr when the
// label is unknown.
const Encoding* EncodingForLabel(std::string_view label);

// The value of the charset parameter in `value` — a Content-Type header or a meta element's
// content attribute ("text/html; charset=\"Shift_JIS\"") — by the WHATWG algorithm for
// extracting an encoding from a meta element. "" when there is none.
std::string CharsetParameter(std::string_view value);

// The label of a <meta> charset declaration within the first 1024 bytes of `html`, or "".
std::string MetaCharsetLabel(std::string_view html);

// The encoding a byte-order mark at the start of `bytes` names (UTF-8, UTF-16LE, UTF-16BE) with
// the mark's length in *bom_bytes, or nullptr (and 0).
const Encoding* EncodingFromBom(std::string_view bytes, size_t* bom_bytes);

struct CharsetDecl {
  enum class Source { kNone, kBom, kHeader, kMeta };
  Source source = Source::kNone;
  const Encoding* encoding = nullptr;  // nullptr: none declared, or only unknown labels
  std::string label;                   // the label found (lower case); the unknown one if any
  size_t bom_bytes = 0;                // length of the byte-order mark (source kBom)
};

// The declared encoding of `bytes`: a byte-order mark, else `header_label` (the Content-Type
// charset parameter of the transport, "" when there is none), else, when `html`, a meta
// declaration. A meta declaration of UTF-16 means UTF-8 (the page was ASCII-readable to find it).
CharsetDecl DeclaredCharset(std::string_view bytes, std::string_view header_label, bool html);

}  // namespace spamstrip

#endif  // SPAMSTRIP_SRC_CHARSET_LABEL_H_
