// Fuzz target for charset_label.h and charset_decoder.h: any bytes, declared in any charset the
// table knows, decode without crashing into valid UTF-8, and the map back to the input is
// monotone and inside it, ending at the input's end. The first byte picks the charset (and
// whether a byte-order mark is skipped); the rest is the document, also prescanned for a meta
// and searched for a charset parameter. Built with libFuzzer under clang, with replay_main.cc
// otherwise.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "charset_decoder.h"
#include "charset_label.h"
#include "utf8.h"

namespace {

void Check(bool ok) {
  if (!ok) std::abort();
}

const char* const kLabels[] = {
    "utf-8",        "ibm866",       "iso-8859-2",     "iso-8859-3",   "iso-8859-4",
    "iso-8859-5",   "iso-8859-6",   "iso-8859-7",     "iso-8859-8",   "iso-8859-8-i",
    "iso-8859-10",  "iso-8859-13",  "iso-8859-14",    "iso-8859-15",  "koi8-r",
    "koi8-u",       "macintosh",    "windows-874",    "windows-1250", "windows-1251",
    "windows-1252", "windows-1253", "windows-1254",   "windows-1255", "windows-1256",
    "windows-1257", "windows-1258", "x-mac-cyrillic", "gbk",          "gb18030",
    "big5",         "euc-jp",       "iso-2022-jp",    "shift_jis",    "euc-kr",
    "utf-16le",     "utf-16be"};
constexpr size_t kCount = sizeof(kLabels) / sizeof(kLabels[0]);

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace spamstrip;
  if (size == 0) return 0;
  const char* label = kLabels[data[0] % kCount];
  const std::string_view doc(reinterpret_cast<const char*>(data) + 1, size - 1);

  CharsetDecl decl = DeclaredCharset(doc, data[0] & 0x80 ? label : "", true);
  Check(decl.encoding != nullptr || decl.source == CharsetDecl::Source::kNone);
  Check(decl.bom_bytes <= doc.size());
  CharsetParameter(doc.substr(0, 256));

  const Encoding* e = EncodingForLabel(label);
  Check(e != nullptr);
  const size_t skip = (data[0] & 0x40) ? std::min<size_t>(2, doc.size()) : 0;
  DecodedText out;
  Check(DecodeToUtf8(doc, skip, e->icu, &out).ok());
  Check(FindInvalidUtf8(out.text) == std::string_view::npos);
  size_t prev = skip;
  for (size_t o = 0; o <= out.text.size(); ++o) {
    const size_t a = out.map.ToSourceStart(o), z = out.map.ToSourceEnd(o);
    Check(a >= prev && a <= z && z <= doc.size());
    prev = a;
  }
  Check(out.map.ToSourceEnd(out.text.size()) == doc.size());
  return 0;
}
