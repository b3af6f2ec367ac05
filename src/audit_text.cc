#include "audit_text.h"

#include "charset_label.h"
#include "utf8.h"

namespace spamstrip {
namespace {

constexpr size_t kMaxLabelBytes = 40;  // of an unknown label kept for the outputs

std::string KeptLabel(std::string_view label) {
  return ToValidUtf8(label.substr(0, kMaxLabelBytes));
}

bool HasNonAscii(std::string_view s) {
  for (char c : s) {
    if (static_cast<unsigned char>(c) >= 0x80) return true;
  }
  return false;
}

}  // namespace

AuditText::AuditText(const SourceItem& item)
    : AuditText(item.bytes, item.charset_label, item.html, item.unicode) {}

AuditText::AuditText(std::string_view bytes, std::string_view header_label, bool html, bool unicode)
    : text_(bytes) {
  if (unicode) return;
  const CharsetDecl decl = DeclaredCharset(bytes, header_label, html);
  const Encoding* e = decl.encoding;
  if (e == nullptr) {
    unknown_label_ = KeptLabel(decl.label);
    return;
  }
  if (e->utf8) return;
  if (e->ascii_compatible && FindInvalidUtf8(bytes) == std::string_view::npos) {
    utf8_despite_label_ = HasNonAscii(bytes);
    return;
  }
  if (!DecodeToUtf8(bytes, decl.bom_bytes, e->icu, &decoded_).ok()) {
    decoded_ = DecodedText();
    unknown_label_ = KeptLabel(decl.label);  // ICU cannot read it: as good as unknown
    return;
  }
  text_ = decoded_.text;
  converted_ = true;
  charset_ = e->name;
}

size_t AuditText::SourceStart(size_t offset) const {
  return converted_ ? decoded_.map.ToSourceStart(offset) : offset;
}

size_t AuditText::SourceEnd(size_t offset) const {
  return converted_ ? decoded_.map.ToSourceEnd(offset) : offset;
}

}  // namespace spamstrip
