#include "charset_label.h"

#include <algorithm>

namespace spamstrip {
namespace {

// name, ICU converter, ASCII-compatible, UTF-8. The ICU converters are those whose mappings match
// the WHATWG index (GBK decodes as gb18030, EUC-KR as windows-949 and Big5 as Big5-HKSCS, as the
// standard has it).
constexpr Encoding kUtf8{"UTF-8", "UTF-8", true, true};
constexpr Encoding kUtf16Le{"UTF-16LE", "UTF-16LE", false, false};
constexpr Encoding kUtf16Be{"UTF-16BE", "UTF-16BE", false, false};
constexpr Encoding kEncodings[] = {
    {"IBM866", "IBM866", true, false},
    {"ISO-8859-2", "ISO-8859-2", true, false},
    {"ISO-8859-3", "ISO-8859-3", true, false},
    {"ISO-8859-4", "ISO-8859-4", true, false},
    {"ISO-8859-5", "ISO-8859-5", true, false},
    {"ISO-8859-6", "ISO-8859-6", true, false},
    {"ISO-8859-7", "ISO-8859-7", true, false},
    {"ISO-8859-8", "ISO-8859-8", true, false},
    {"ISO-8859-8-I", "ISO-8859-8", true, false},
    {"ISO-8859-10", "ISO-8859-10", true, false},
    {"ISO-8859-13", "ISO-8859-13", true, false},
    {"ISO-8859-14", "ISO-8859-14", true, false},
    {"ISO-8859-15", "ISO-8859-15", true, false},
    {"KOI8-R", "KOI8-R", true, false},
    {"KOI8-U", "KOI8-U", true, false},
    {"macintosh", "macintosh", true, false},
    {"windows-874", "windows-874", true, false},
    {"windows-1250", "windows-1250", true, false},
    {"windows-1251", "windows-1251", true, false},
    {"windows-1252", "windows-1252", true, false},
    {"windows-1253", "windows-1253", true, false},
    {"windows-1254", "windows-1254", true, false},
    {"windows-1255", "windows-1255", true, false},
    {"windows-1256", "windows-1256", true, false},
    {"windows-1257", "windows-1257", true, false},
    {"windows-1258", "windows-1258", true, false},
    {"x-mac-cyrillic", "x-mac-cyrillic", true, false},
    {"GBK", "gb18030", true, false},
    {"gb18030", "gb18030", true, false},
    {"Big5", "Big5-HKSCS", true, false},
    {"EUC-JP", "EUC-JP", true, false},
    {"ISO-2022-JP", "ISO-2022-JP", false, false},
    {"Shift_JIS", "windows-31j", true, false},
    {"EUC-KR", "windows-949", true, false},
};

const Encoding* Named(std::string_view name) {
  if (name == kUtf8.name) return &kUtf8;
  if (name == kUtf16Le.name) return &kUtf16Le;
  if (name == kUtf16Be.name) return &kUtf16Be;
  for (const Encoding& e : kEncodings) {
    if (name == e.name) return &e;
  }
  return nullptr;
}

// The WHATWG Encoding standard's labels (https://encoding.spec.whatwg.org/#names-and-labels),
// less those of "replacement", x-user-defined and ISO-8859-16.
struct Label {
  const char* label;
  const char* name;
};
constexpr Label kLabels[] = {
    {"unicode-1-1-utf-8", "UTF-8"},
    {"unicode11utf8", "UTF-8"},
    {"unicode20utf8", "UTF-8"},
    {"utf-8", "UTF-8"},
    {"utf8", "UTF-8"},
    {"x-unicode20utf8", "UTF-8"},
    {"866", "IBM866"},
    {"cp866", "IBM866"},
    {"csibm866", "IBM866"},
    {"ibm866", "IBM866"},
    {"csisolatin2", "ISO-8859-2"},
    {"iso-8859-2", "ISO-8859-2"},
    {"iso-ir-101", "ISO-8859-2"},
    {"iso8859-2", "ISO-8859-2"},
    {"iso88592", "ISO-8859-2"},
    {"iso_8859-2", "ISO-8859-2"},
    {"iso_8859-2:1987", "ISO-8859-2"},
    {"l2", "ISO-8859-2"},
    {"latin2", "ISO-8859-2"},
    {"csisolatin3", "ISO-8859-3"},
    {"iso-8859-3", "ISO-8859-3"},
    {"iso-ir-109", "ISO-8859-3"},
    {"iso8859-3", "ISO-8859-3"},
    {"iso88593", "ISO-8859-3"},
    {"iso_8859-3", "ISO-8859-3"},
    {"iso_8859-3:1988", "ISO-8859-3"},
    {"l3", "ISO-8859-3"},
    {"latin3", "ISO-8859-3"},
    {"csisolatin4", "ISO-8859-4"},
    {"iso-8859-4", "ISO-8859-4"},
    {"iso-ir-110", "ISO-8859-4"},
    {"iso8859-4", "ISO-8859-4"},
    {"iso88594", "ISO-8859-4"},
    {"iso_8859-4", "ISO-8859-4"},
    {"iso_8859-4:1988", "ISO-8859-4"},
    {"l4", "ISO-8859-4"},
    {"latin4", "ISO-8859-4"},
    {"csisolatincyrillic", "ISO-8859-5"},
    {"cyrillic", "ISO-8859-5"},
    {"iso-8859-5", "ISO-8859-5"},
    {"iso-ir-144", "ISO-8859-5"},
    {"iso8859-5", "ISO-8859-5"},
    {"iso88595", "ISO-8859-5"},
    {"iso_8859-5", "ISO-8859-5"},
    {"iso_8859-5:1988", "ISO-8859-5"},
    {"arabic", "ISO-8859-6"},
    {"asmo-708", "ISO-8859-6"},
    {"csiso88596e", "ISO-8859-6"},
    {"csiso88596i", "ISO-8859-6"},
    {"csisolatinarabic", "ISO-8859-6"},
    {"ecma-114", "ISO-8859-6"},
    {"iso-8859-6", "ISO-8859-6"},
    {"iso-8859-6-e", "ISO-8859-6"},
    {"iso-8859-6-i", "ISO-8859-6"},
    {"iso-ir-127", "ISO-8859-6"},
    {"iso8859-6", "ISO-8859-6"},
    {"iso88596", "ISO-8859-6"},
    {"iso_8859-6", "ISO-8859-6"},
    {"iso_8859-6:1987", "ISO-8859-6"},
    {"csisolatingreek", "ISO-8859-7"},
    {"ecma-118", "ISO-8859-7"},
    {"elot_928", "ISO-8859-7"},
    {"greek", "ISO-8859-7"},
    {"greek8", "ISO-8859-7"},
    {"iso-8859-7", "ISO-8859-7"},
    {"iso-ir-126", "ISO-8859-7"},
    {"iso8859-7", "ISO-8859-7"},
    {"iso88597", "ISO-8859-7"},
    {"iso_8859-7", "ISO-8859-7"},
    {"iso_8859-7:1987", "ISO-8859-7"},
    {"sun_eu_greek", "ISO-8859-7"},
    {"csiso88598e", "ISO-8859-8"},
    {"csisolatinhebrew", "ISO-8859-8"},
    {"hebrew", "ISO-8859-8"},
    {"iso-8859-8", "ISO-8859-8"},
    {"iso-8859-8-e", "ISO-8859-8"},
    {"iso-ir-138", "ISO-8859-8"},
    {"iso8859-8", "ISO-8859-8"},
    {"iso88598", "ISO-8859-8"},
    {"iso_8859-8", "ISO-8859-8"},
    {"iso_8859-8:1988", "ISO-8859-8"},
    {"visual", "ISO-8859-8"},
    {"csiso88598i", "ISO-8859-8-I"},
    {"iso-8859-8-i", "ISO-8859-8-I"},
    {"logical", "ISO-8859-8-I"},
    {"csisolatin6", "ISO-8859-10"},
    {"iso-8859-10", "ISO-8859-10"},
    {"iso-ir-157", "ISO-8859-10"},
    {"iso8859-10", "ISO-8859-10"},
    {"iso885910", "ISO-8859-10"},
    {"l6", "ISO-8859-10"},
    {"latin6", "ISO-8859-10"},
    {"iso-8859-13", "ISO-8859-13"},
    {"iso8859-13", "ISO-8859-13"},
    {"iso885913", "ISO-8859-13"},
    {"iso-8859-14", "ISO-8859-14"},
    {"iso8859-14", "ISO-8859-14"},
    {"iso885914", "ISO-8859-14"},
    {"csisolatin9", "ISO-8859-15"},
    {"iso-8859-15", "ISO-8859-15"},
    {"iso8859-15", "ISO-8859-15"},
    {"iso885915", "ISO-8859-15"},
    {"iso_8859-15", "ISO-8859-15"},
    {"l9", "ISO-8859-15"},
    {"cskoi8r", "KOI8-R"},
    {"koi", "KOI8-R"},
    {"koi8", "KOI8-R"},
    {"koi8-r", "KOI8-R"},
    {"koi8_r", "KOI8-R"},
    {"koi8-ru", "KOI8-U"},
    {"koi8-u", "KOI8-U"},
    {"csmacintosh", "macintosh"},
    {"mac", "macintosh"},
    {"macintosh", "macintosh"},
    {"x-mac-roman", "macintosh"},
    {"dos-874", "windows-874"},
    {"iso-8859-11", "windows-874"},
    {"iso8859-11", "windows-874"},
    {"iso885911", "windows-874"},
    {"tis-620", "windows-874"},
    {"windows-874", "windows-874"},
    {"cp1250", "windows-1250"},
    {"windows-1250", "windows-1250"},
    {"x-cp1250", "windows-1250"},
    {"cp1251", "windows-1251"},
    {"windows-1251", "windows-1251"},
    {"x-cp1251", "windows-1251"},
    {"ansi_x3.4-1968", "windows-1252"},
    {"ascii", "windows-1252"},
    {"cp1252", "windows-1252"},
    {"cp819", "windows-1252"},
    {"csisolatin1", "windows-1252"},
    {"ibm819", "windows-1252"},
    {"iso-8859-1", "windows-1252"},
    {"iso-ir-100", "windows-1252"},
    {"iso8859-1", "windows-1252"},
    {"iso88591", "windows-1252"},
    {"iso_8859-1", "windows-1252"},
    {"iso_8859-1:1987", "windows-1252"},
    {"l1", "windows-1252"},
    {"latin1", "windows-1252"},
    {"us-ascii", "windows-1252"},
    {"windows-1252", "windows-1252"},
    {"x-cp1252", "windows-1252"},
    {"cp1253", "windows-1253"},
    {"windows-1253", "windows-1253"},
    {"x-cp1253", "windows-1253"},
    {"cp1254", "windows-1254"},
    {"csisolatin5", "windows-1254"},
    {"iso-8859-9", "windows-1254"},
    {"iso-ir-148", "windows-1254"},
    {"iso8859-9", "windows-1254"},
    {"iso88599", "windows-1254"},
    {"iso_8859-9", "windows-1254"},
    {"iso_8859-9:1989", "windows-1254"},
    {"l5", "windows-1254"},
    {"latin5", "windows-1254"},
    {"windows-1254", "windows-1254"},
    {"x-cp1254", "windows-1254"},
    {"cp1255", "windows-1255"},
    {"windows-1255", "windows-1255"},
    {"x-cp1255", "windows-1255"},
    {"cp1256", "windows-1256"},
    {"windows-1256", "windows-1256"},
    {"x-cp1256", "windows-1256"},
    {"cp1257", "windows-1257"},
    {"windows-1257", "windows-1257"},
    {"x-cp1257", "windows-1257"},
    {"cp1258", "windows-1258"},
    {"windows-1258", "windows-1258"},
    {"x-cp1258", "windows-1258"},
    {"x-mac-cyrillic", "x-mac-cyrillic"},
    {"x-mac-ukrainian", "x-mac-cyrillic"},
    {"chinese", "GBK"},
    {"csgb2312", "GBK"},
    {"csiso58gb231280", "GBK"},
    {"gb2312", "GBK"},
    {"gb_2312", "GBK"},
    {"gb_2312-80", "GBK"},
    {"gbk", "GBK"},
    {"iso-ir-58", "GBK"},
    {"x-gbk", "GBK"},
    {"gb18030", "gb18030"},
    {"big5", "Big5"},
    {"big5-hkscs", "Big5"},
    {"cn-big5", "Big5"},
    {"csbig5", "Big5"},
    {"x-x-big5", "Big5"},
    {"cseucpkdfmtjapanese", "EUC-JP"},
    {"euc-jp", "EUC-JP"},
    {"x-euc-jp", "EUC-JP"},
    {"csiso2022jp", "ISO-2022-JP"},
    {"iso-2022-jp", "ISO-2022-JP"},
    {"csshiftjis", "Shift_JIS"},
    {"ms932", "Shift_JIS"},
    {"ms_kanji", "Shift_JIS"},
    {"shift-jis", "Shift_JIS"},
    {"shift_jis", "Shift_JIS"},
    {"sjis", "Shift_JIS"},
    {"windows-31j", "Shift_JIS"},
    {"x-sjis", "Shift_JIS"},
    {"cseuckr", "EUC-KR"},
    {"csksc56011987", "EUC-KR"},
    {"euc-kr", "EUC-KR"},
    {"iso-ir-149", "EUC-KR"},
    {"korean", "EUC-KR"},
    {"ks_c_5601-1987", "EUC-KR"},
    {"ks_c_5601-1989", "EUC-KR"},
    {"ksc5601", "EUC-KR"},
    {"ksc_5601", "EUC-KR"},
    {"windows-949", "EUC-KR"},
    {"unicodefffe", "UTF-16BE"},
    {"utf-16be", "UTF-16BE"},
    {"csunicode", "UTF-16LE"},
    {"iso-10646-ucs-2", "UTF-16LE"},
    {"ucs-2", "UTF-16LE"},
    {"unicode", "UTF-16LE"},
    {"unicodefeff", "UTF-16LE"},
    {"utf-16", "UTF-16LE"},
    {"utf-16le", "UTF-16LE"},
};

// The WHATWG's ASCII whitespace: TAB, LF, FF, CR, SPACE.
bool IsSpace(char c) { return c == '\t' || c == '\n' || c == '\f' || c == '\r' || c == ' '; }

std::string_view Trim(std::string_view s) {
  while (!s.empty() && IsSpace(s.front())) s.remove_prefix(1);
  while (!s.empty() && IsSpace(s.back())) s.remove_suffix(1);
  return s;
}

char Lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

bool IsLetter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// s[i, ...) starts with `lower` (lower case), ignoring ASCII case.
bool HasAt(std::string_view s, size_t i, std::string_view lower) {
  if (s.size() < i || s.size() - i < lower.size()) return false;
  for (size_t k = 0; k < lower.size(); ++k) {
    if (Lower(s[i + k]) != lower[k]) return false;
  }
  return true;
}

std::string LowerLabel(std::string_view label) {
  std::string out(Trim(label));
  for (char& c : out) c = Lower(c);
  return out;
}

// The prescan's "get an attribute" (HTML standard 13.2.3.2) over s[*pos, end): false when the
// tag ended (at '>' or `end`). Names and unquoted values are lower-cased.
bool GetAttribute(std::string_view s, size_t* pos, std::string* name, std::string* value) {
  size_t& i = *pos;
  const size_t end = s.size();
  while (i < end && (IsSpace(s[i]) || s[i] == '/')) ++i;
  if (i >= end || s[i] == '>') return false;
  name->clear();
  value->clear();
  // The name: up to '=', whitespace, '/' or '>' ('=' as its first character belongs to it).
  do {
    name->push_back(Lower(s[i++]));
  } while (i < end && s[i] != '=' && !IsSpace(s[i]) && s[i] != '/' && s[i] != '>');
  while (i < end && IsSpace(s[i])) ++i;
  if (i >= end || s[i] != '=') return true;  // no value
  ++i;
  while (i < end && IsSpace(s[i])) ++i;
  if (i >= end) return true;
  if (s[i] == '"' || s[i] == '\'') {
    const char quote = s[i++];
    const size_t close = s.find(quote, i);
    if (close == std::string_view::npos) {  // cut short by the end of what is scanned: no value
      i = end;
      return true;
    }
    for (; i < close; ++i) value->push_back(Lower(s[i]));
    ++i;
    return true;
  }
  if (s[i] == '>') return true;
  while (i < end && !IsSpace(s[i]) && s[i] != '>') value->push_back(Lower(s[i++]));
  return true;
}

// The label of the <meta> element whose attributes start at s[*pos] (just after "<meta"), or ""
// when it declares none. Advances *pos past the attributes.
std::string MetaElementLabel(std::string_view s, size_t* pos) {
  bool got_pragma = false, seen_charset = false, seen_content = false, seen_http_equiv = false;
  int need_pragma = -1;  // unknown, 0, 1
  std::string charset, name, value;
  while (GetAttribute(s, pos, &name, &value)) {
    if (name == "http-equiv" && !seen_http_equiv) {
      seen_http_equiv = true;
      if (value == "content-type") got_pragma = true;
    } else if (name == "content" && !seen_content) {
      seen_content = true;
      if (charset.empty()) {
        std::string c = CharsetParameter(value);
        if (!c.empty()) {
          charset = std::move(c);
          need_pragma = 1;
        }
      }
    } else if (name == "charset" && !seen_charset) {
      seen_charset = true;
      charset = LowerLabel(value);
      need_pragma = 0;
    }
  }
  if (need_pragma < 0 || (need_pragma == 1 && !got_pragma)) return "";
  return charset;
}

// The first meta declaration's label in the first 1024 bytes whose encoding is known, else the
// first declared label. A tag that starts in the first 1024 bytes is read to its end (up to
// 1024 bytes more): a <meta charset="utf-8"> across the limit counts, and a value cut short
// by the end of the scan is no value.
std::string ScanMeta(std::string_view html) {
  constexpr size_t kPrescan = 1024;
  const std::string_view s = html.substr(0, 2 * kPrescan);
  std::string first_unknown;
  size_t i = 0;
  while (i < std::min(s.size(), kPrescan)) {
    if (s[i] != '<') {
      ++i;
      continue;
    }
    if (HasAt(s, i, "<!--")) {
      const size_t close = s.find("-->", i + 2);
      if (close == std::string_view::npos) break;
      i = close + 3;
    } else if (HasAt(s, i, "<meta") && i + 5 < s.size() && (IsSpace(s[i + 5]) || s[i + 5] == '/')) {
      i += 5;
      std::string label = MetaElementLabel(s, &i);
      if (!label.empty()) {
        if (EncodingForLabel(label) != nullptr) return label;
        if (first_unknown.empty()) first_unknown = std::move(label);
      }
    } else if (i + 1 < s.size() && (IsLetter(s[i + 1]) ||
                                    (s[i + 1] == '/' && i + 2 < s.size() && IsLetter(s[i + 2])))) {
      // Another tag: skip its name and attributes (a '>' inside a quoted value does not end it).
      i += 1;
      while (i < s.size() && !IsSpace(s[i]) && s[i] != '>') ++i;
      std::string name, value;
      while (GetAttribute(s, &i, &name, &value)) {
      }
    } else if (HasAt(s, i, "<!") || HasAt(s, i, "</") || HasAt(s, i, "<?")) {
      const size_t close = s.find('>', i + 2);
      if (close == std::string_view::npos) break;
      i = close + 1;
    } else {
      ++i;
    }
  }
  return first_unknown;
}

}  // namespace

const Encoding* EncodingForLabel(std::string_view label) {
  const std::string l = LowerLabel(label);
  for (const Label& e : kLabels) {
    if (l == e.label) return Named(e.name);
  }
  return nullptr;
}

std::string CharsetParameter(std::string_view value) {
  size_t i = 0;
  for (;;) {
    size_t at = std::string_view::npos;
    for (size_t k = i; k + 7 <= value.size(); ++k) {
      if (HasAt(value, k, "charset")) {
        at = k;
        break;
      }
    }
    if (at == std::string_view::npos) return "";
    i = at + 7;
    while (i < value.size() && IsSpace(value[i])) ++i;
    if (i < value.size() && value[i] == '=') break;
  }
  ++i;
  while (i < value.size() && IsSpace(value[i])) ++i;
  if (i >= value.size()) return "";
  if (value[i] == '"' || value[i] == '\'') {
    const size_t close = value.find(value[i], i + 1);
    if (close == std::string_view::npos) return "";
    return LowerLabel(value.substr(i + 1, close - i - 1));
  }
  size_t stop = i;
  while (stop < value.size() && !IsSpace(value[stop]) && value[stop] != ';') ++stop;
  return LowerLabel(value.substr(i, stop - i));
}

std::string MetaCharsetLabel(std::string_view html) { return ScanMeta(html); }

const Encoding* EncodingFromBom(std::string_view bytes, size_t* bom_bytes) {
  *bom_bytes = 0;
  if (bytes.size() >= 3 && bytes.substr(0, 3) == "\xEF\xBB\xBF") {
    *bom_bytes = 3;
    return &kUtf8;
  }
  if (bytes.size() >= 2 && bytes.substr(0, 2) == "\xFE\xFF") {
    *bom_bytes = 2;
    return &kUtf16Be;
  }
  if (bytes.size() >= 2 && bytes.substr(0, 2) == "\xFF\xFE") {
    *bom_bytes = 2;
    return &kUtf16Le;
  }
  return nullptr;
}

CharsetDecl DeclaredCharset(std::string_view bytes, std::string_view header_label, bool html) {
  CharsetDecl d;
  if (const Encoding* e = EncodingFromBom(bytes, &d.bom_bytes)) {
    d.source = CharsetDecl::Source::kBom;
    d.encoding = e;
    d.label = LowerLabel(e->name);
    return d;
  }
  std::string unknown;
  if (!Trim(header_label).empty()) {
    if (const Encoding* e = EncodingForLabel(header_label)) {
      d.source = CharsetDecl::Source::kHeader;
      d.encoding = e;
      d.label = LowerLabel(header_label);
      return d;
    }
    unknown = LowerLabel(header_label);
  }
  if (html) {
    std::string label = MetaCharsetLabel(bytes);
    if (const Encoding* e = EncodingForLabel(label)) {
      d.source = CharsetDecl::Source::kMeta;
      d.encoding = e == &kUtf16Le || e == &kUtf16Be ? &kUtf8 : e;
      d.label = std::move(label);
      return d;
    }
    if (unknown.empty()) unknown = std::move(label);
  }
  d.label = std::move(unknown);
  return d;
}

}  // namespace spamstrip
