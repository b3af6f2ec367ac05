#include "json_line.h"

#include <array>
#include <cstdint>

#include "swar.h"
#include "utf8.h"

namespace spamstrip {
namespace {

// Nesting deeper than this is left to nlohmann::json (this reader recurses).
constexpr int kMaxDepth = 64;

// Bytes that end a plain run inside a string: the closing quote, an escape, a control
// character (invalid in JSON strings).
constexpr std::array<bool, 256> MakeStringStops() {
  std::array<bool, 256> t{};
  for (int c = 0; c < 0x20; ++c) t[static_cast<size_t>(c)] = true;
  t['"'] = true;
  t['\\'] = true;
  return t;
}
constexpr std::array<bool, 256> kStringStop = MakeStringStops();

class Reader {
 public:
  explicit Reader(std::string_view s) : p_(s.data()), end_(s.data() + s.size()) {}

  bool Line(JsonLineMembers* out) {
    SkipSpace();
    if (!Consume('{')) return false;  // not an object: nlohmann reports what it is
    SkipSpace();
    if (!Consume('}')) {
      std::string key;
      for (;;) {
        if (!String(&key)) return false;
        SkipSpace();
        if (!Consume(':')) return false;
        SkipSpace();
        if (!Member(key, out)) return false;
        SkipSpace();
        if (Consume(',')) {
          SkipSpace();
          continue;
        }
        if (!Consume('}')) return false;
        break;
      }
    }
    SkipSpace();
    return p_ == end_;
  }

 private:
  // The value of member `key`: decoded for "text", "html" and "url", its token kept for "id",
  // skipped otherwise.
  bool Member(const std::string& key, JsonLineMembers* out) {
    const char* start = p_;
    JsonLineMembers::Kind* kind = nullptr;
    std::string* value = nullptr;
    if (key == "text") {
      kind = &out->text_kind;
      value = &out->text;
    } else if (key == "html") {
      kind = &out->html_kind;
      value = &out->html;
    } else if (key == "url") {
      kind = &out->url_kind;
      value = &out->url;
    }
    if (kind && Peek('"')) {
      *kind = JsonLineMembers::Kind::kString;
      return String(value);
    }
    if (!Value(1)) return false;
    if (kind) {
      *kind = KindOf(*start);
    } else if (key == "id") {
      out->id_token = std::string_view(start, static_cast<size_t>(p_ - start));
      out->id_kind = KindOf(*start);
    }
    return true;
  }

  // The kind of the (valid) value starting with `first`.
  static JsonLineMembers::Kind KindOf(char first) {
    return first == '"'                       ? JsonLineMembers::Kind::kString
           : (first == '-' || IsDigit(first)) ? JsonLineMembers::Kind::kNumber
                                              : JsonLineMembers::Kind::kOther;
  }

  // Validates and skips one value.
  bool Value(int depth) {
    if (p_ == end_) return false;
    switch (*p_) {
      case '"':
        return String(nullptr);
      case '{':
        return Container(depth, '}', true);
      case '[':
        return Container(depth, ']', false);
      case 't':
        return Literal("true");
      case 'f':
        return Literal("false");
      case 'n':
        return Literal("null");
      default:
        return Number();
    }
  }

  bool Container(int depth, char close, bool object) {
    if (depth >= kMaxDepth) return false;
    ++p_;
    SkipSpace();
    if (Consume(close)) return true;
    for (;;) {
      if (object) {
        if (!String(nullptr)) return false;
        SkipSpace();
        if (!Consume(':')) return false;
        SkipSpace();
      }
      if (!Value(depth + 1)) return false;
      SkipSpace();
      if (Consume(',')) {
        SkipSpace();
        continue;
      }
      return Consume(close);
    }
  }

  bool Literal(std::string_view word) {
    if (static_cast<size_t>(end_ - p_) < word.size()) return false;
    if (std::string_view(p_, word.size()) != word) return false;
    p_ += word.size();
    return true;
  }

  // -?(0|[1-9][0-9]*)(\.[0-9]+)?. nlohmann::json rejects numbers that overflow a double; those
  // need an exponent or hundreds of digits, so both are left to it.
  bool Number() {
    const char* start = p_;
    Consume('-');
    if (Consume('0')) {
      // no further integer digits
    } else if (p_ < end_ && *p_ >= '1' && *p_ <= '9') {
      while (p_ < end_ && IsDigit(*p_)) ++p_;
    } else {
      return false;
    }
    if (Consume('.') && !Digits()) return false;
    if (p_ < end_ && (*p_ == 'e' || *p_ == 'E')) return false;
    return p_ - start <= 300;
  }

  bool Digits() {
    const char* s = p_;
    while (p_ < end_ && IsDigit(*p_)) ++p_;
    return p_ > s;
  }

  // A string at p_ (the opening quote), decoded into *out (cleared first) when out != null.
  bool String(std::string* out) {
    if (!Consume('"')) return false;
    if (out != nullptr) out->clear();
    for (;;) {
      const char* run = p_;
      while (end_ - p_ >= 8 && !swar::HasJsonStringStop(swar::Load8(p_))) p_ += 8;
      while (p_ < end_ && !kStringStop[static_cast<uint8_t>(*p_)]) ++p_;
      if (out != nullptr) out->append(run, static_cast<size_t>(p_ - run));
      if (p_ == end_) return false;
      const char c = *p_++;
      if (c == '"') return true;
      if (c != '\\') return false;  // a raw control character
      if (!Escape(out)) return false;
    }
  }

  bool Escape(std::string* out) {
    if (p_ == end_) return false;
    const char c = *p_++;
    char plain = 0;
    switch (c) {
      case '"':
      case '\\':
      case '/':
        plain = c;
        break;
      case 'b':
        plain = '\b';
        break;
      case 'f':
        plain = '\f';
        break;
      case 'n':
        plain = '\n';
        break;
      case 'r':
        plain = '\r';
        break;
      case 't':
        plain = '\t';
        break;
      case 'u':
        return UnicodeEscape(out);
      default:
        return false;
    }
    if (out != nullptr) out->push_back(plain);
    return true;
  }

  // \uXXXX, or a surrogate pair \uD8xx\uDCxx; a lone surrogate is left to nlohmann::json.
  bool UnicodeEscape(std::string* out) {
    uint32_t cp;
    if (!Hex4(&cp)) return false;
    if (cp >= 0xDC00 && cp <= 0xDFFF) return false;
    if (cp >= 0xD800 && cp <= 0xDBFF) {
      uint32_t low;
      if (!Consume('\\') || !Consume('u') || !Hex4(&low)) return false;
      if (low < 0xDC00 || low > 0xDFFF) return false;
      cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
    }
    if (out != nullptr) AppendUtf8(static_cast<char32_t>(cp), out);
    return true;
  }

  bool Hex4(uint32_t* v) {
    if (end_ - p_ < 4) return false;
    *v = 0;
    for (int i = 0; i < 4; ++i) {
      const char c = *p_++;
      uint32_t d;
      if (c >= '0' && c <= '9') {
        d = static_cast<uint32_t>(c - '0');
      } else if (c >= 'a' && c <= 'f') {
        d = static_cast<uint32_t>(c - 'a' + 10);
      } else if (c >= 'A' && c <= 'F') {
        d = static_cast<uint32_t>(c - 'A' + 10);
      } else {
        return false;
      }
      *v = *v * 16 + d;
    }
    return true;
  }

  void SkipSpace() {
    while (p_ < end_ && (*p_ == ' ' || *p_ == '\t' || *p_ == '\n' || *p_ == '\r')) ++p_;
  }
  bool Peek(char c) const { return p_ < end_ && *p_ == c; }
  bool Consume(char c) {
    if (!Peek(c)) return false;
    ++p_;
    return true;
  }
  static bool IsDigit(char c) { return c >= '0' && c <= '9'; }

  const char* p_;
  const char* end_;
};

}  // namespace

bool ReadJsonObjectLine(std::string_view line, JsonLineMembers* out) {
  out->id_kind = out->text_kind = out->html_kind = out->url_kind = JsonLineMembers::Kind::kAbsent;
  out->id_token = std::string_view();
  out->text.clear();  // keeps its memory for the next line
  out->html.clear();
  out->url.clear();
  return Reader(line).Line(out);
}

}  // namespace spamstrip
