#include "spamstrip/report_json.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <nlohmann/json.hpp>

#include "swar.h"
#include "utf8.h"

namespace spamstrip {
namespace {

using nlohmann::json;

double Round(double v, double scale = 1e4) { return std::round(v * scale) / scale; }

// The length of the valid UTF-8 character of two bytes or more at s[i] (as DecodeUtf8 reads
// it), or 0 when DecodeUtf8 reads U+FFFD from one byte there. Two- and three-byte characters
// are checked here; the rest is left to DecodeUtf8.
inline size_t ValidUtf8Length(std::string_view s, size_t i) {
  const auto* p = reinterpret_cast<const uint8_t*>(s.data()) + i;
  const size_t left = s.size() - i;
  const uint8_t b0 = p[0];
  if (b0 >= 0xC2 && b0 <= 0xDF) return left >= 2 && (p[1] & 0xC0) == 0x80 ? 2 : 0;
  if (b0 >= 0xE0 && b0 <= 0xEF) {
    if (left < 3 || (p[1] & 0xC0) != 0x80 || (p[2] & 0xC0) != 0x80) return 0;
    if (b0 == 0xE0 && p[1] < 0xA0) return 0;   // overlong: below U+0800
    if (b0 == 0xED && p[1] >= 0xA0) return 0;  // a surrogate
    return 3;
  }
  size_t len;
  return DecodeUtf8(s, i, &len) == kReplacementChar && len == 1 ? 0 : len;
}

// Appends `s` as a JSON string exactly as json(ToValidUtf8(s)).dump() writes it: invalid UTF-8
// bytes become U+FFFD; \b \t \n \f \r \" \\ are escaped by name, other control characters as
// \u00xx; everything else, non-ASCII included, is copied.
// The length of the longest prefix of `s` that AppendJsonString copies as it is: printable
// ASCII other than '"' and '\\', and valid multi-byte characters.
size_t PlainPrefix(std::string_view s) {
  size_t run = 0;
  while (run < s.size()) {
    if constexpr (swar::kLittleEndian) {  // (elsewhere a byte at a time)
      // Eight printable ASCII bytes at a time; the last few in a word filled up with printable
      // bytes ('a'), so that a short string (a key, a name) takes one step.
      const size_t left = s.size() - run;
      uint64_t w;
      if (left >= 8) {
        w = swar::Load8(s.data() + run);
      } else {
        w = swar::kOnes * 'a';
        std::memcpy(&w, s.data() + run, left);
      }
      const uint64_t stop = (w & swar::kHighs) | swar::JsonStringStops(w);
      if (stop == 0) {
        run += std::min<size_t>(left, 8);
        continue;
      }
      run += static_cast<size_t>(__builtin_ctzll(stop)) / 8;  // the first byte that is not
    }
    const auto b = static_cast<unsigned char>(s[run]);
    if (b < 0x80) {
      if (b < 0x20 || b == '"' || b == '\\') break;
      ++run;
      continue;
    }
    // A run of multi-byte characters (a word of Cyrillic, Arabic, Han) without going back to
    // the eight-byte test after each.
    do {
      const size_t len = ValidUtf8Length(s, run);
      if (len == 0) return run;
      run += len;
    } while (run < s.size() && static_cast<unsigned char>(s[run]) >= 0x80);
  }
  return run;
}

void AppendJsonString(std::string_view s, std::string* out) {
  static constexpr char kHex[] = "0123456789abcdef";
  out->push_back('"');
  size_t i = 0;
  while (i < s.size()) {
    // A run of bytes copied as they are (PlainPrefix), then one that is escaped or replaced.
    const size_t run = i + PlainPrefix(s.substr(i));
    out->append(s.data() + i, run - i);
    i = run;
    if (i == s.size()) break;
    const auto b = static_cast<unsigned char>(s[i]);
    ++i;
    if (b >= 0x80) {  // an invalid byte
      AppendUtf8(kReplacementChar, out);
      continue;
    }
    out->push_back('\\');
    switch (b) {
      case '\b':
        out->push_back('b');
        break;
      case '\t':
        out->push_back('t');
        break;
      case '\n':
        out->push_back('n');
        break;
      case '\f':
        out->push_back('f');
        break;
      case '\r':
        out->push_back('r');
        break;
      case '"':
      case '\\':
        out->push_back(static_cast<char>(b));
        break;
      default:
        out->append("u00");
        out->push_back(kHex[b >> 4]);
        out->push_back(kHex[b & 0xF]);
    }
  }
  out->push_back('"');
}

// Compact JSON written as json::dump() writes the same values: members in the order given,
// which callers keep sorted (json objects are std::maps), numbers as json numbers print them.
class JsonWriter {
 public:
  explicit JsonWriter(std::string* out) : out_(out) {}

  void BeginObject() { Open('{'); }
  void EndObject() { Close('}'); }
  void BeginArray() { Open('['); }
  void EndArray() { Close(']'); }
  void Key(std::string_view key) {
    Separate();
    AppendJsonString(key, out_);
    out_->push_back(':');
    after_key_ = true;
  }
  void String(std::string_view v) {
    Separate();
    AppendJsonString(v, out_);
  }
  void Unsigned(size_t v) {
    Separate();
    out_->append(std::to_string(v));
  }
  void Double(double v) {
    Separate();
    // What json(v).dump() writes (its serializer's dump_float for an IEEE double: "null" when
    // not finite, else detail::to_chars), without building a json value, a serializer (which
    // queries the locale) and a string per number.
    if (!std::isfinite(v)) {
      out_->append("null");
      return;
    }
    std::array<char, 64> buf;
    const char* end = nlohmann::detail::to_chars(buf.data(), buf.data() + buf.size(), v);
    out_->append(buf.data(), static_cast<size_t>(end - buf.data()));
  }
  // A value already serialised.
  void Raw(std::string_view v) {
    Separate();
    out_->append(v);
  }

 private:
  void Open(char c) {
    Separate();
    out_->push_back(c);
    first_ = true;
  }
  void Close(char c) {
    out_->push_back(c);
    first_ = false;
  }
  // A comma before every element but the first of its container; none after a key.
  void Separate() {
    if (after_key_) {
      after_key_ = false;
      return;
    }
    if (!first_) out_->push_back(',');
    first_ = false;
  }

  std::string* out_;
  bool first_ = true;
  bool after_key_ = false;
};

// ReasonsJson() written directly.
void WriteReasons(const std::vector<Reason>& reasons, JsonWriter* w) {
  w->BeginArray();
  for (const Reason& r : reasons) {
    w->BeginObject();
    if (!r.detail.empty()) {
      w->Key("detail");
      w->String(r.detail);
    }
    w->Key("name");
    w->String(r.name);
    w->Key("source");
    w->String(r.source);
    w->Key("value");
    w->Double(Round(r.value, 1e3));
    w->EndObject();
  }
  w->EndArray();
}

// RemovedJson() written directly.
void WriteRemoved(std::string_view input, const Report& report, JsonWriter* w) {
  w->BeginArray();
  for (const auto& r : report.removed) {
    const Finding& f = report.FindingOf(r);
    w->BeginObject();
    w->Key("category");
    w->String(f.category.empty() ? "unknown" : f.category);
    w->Key("end");
    w->Unsigned(r.end);
    w->Key("reasons");
    WriteReasons(f.reasons, w);
    w->Key("score");
    w->Double(Round(f.score));
    w->Key("start");
    w->Unsigned(r.start);
    w->Key("text");
    w->String(input.substr(r.start, r.end - r.start));
    w->EndObject();
  }
  w->EndArray();
}

// FindingJson(f, input, /*with_text=*/true) written directly.
void WriteFlaggedFinding(const Finding& f, std::string_view input, JsonWriter* w) {
  w->BeginObject();
  if (!f.category.empty()) {
    w->Key("category");
    w->String(f.category);
  }
  w->Key("decision");
  w->String(DecisionName(f.decision));
  w->Key("end");
  w->Unsigned(f.end);
  if (!f.reasons.empty()) {
    w->Key("reasons");
    WriteReasons(f.reasons, w);
  }
  w->Key("score");
  w->Double(Round(f.score));
  w->Key("start");
  w->Unsigned(f.start);
  w->Key("text");
  w->String(input.substr(f.start, f.end - f.start));
  w->EndObject();
}

bool AnyFlagged(const Report& report) {
  for (const auto& b : report.blocks) {
    if (b.block.decision == Decision::kFlag) return true;
    for (const auto& s : b.spans) {
      if (s.decision == Decision::kFlag) return true;
    }
  }
  return false;
}

// FlaggedJson() written directly.
void WriteFlagged(std::string_view input, const Report& report, JsonWriter* w) {
  w->BeginArray();
  for (const auto& b : report.blocks) {
    if (b.block.decision == Decision::kFlag) WriteFlaggedFinding(b.block, input, w);
    for (const auto& s : b.spans) {
      if (s.decision == Decision::kFlag) WriteFlaggedFinding(s, input, w);
    }
  }
  w->EndArray();
}

json ReasonsJson(const std::vector<Reason>& reasons) {
  json a = json::array();
  for (const Reason& r : reasons) {
    json o = {{"source", r.source}, {"name", r.name}, {"value", Round(r.value, 1e3)}};
    if (!r.detail.empty()) o["detail"] = ToValidUtf8(r.detail);
    a.push_back(std::move(o));
  }
  return a;
}

json FindingJson(const Finding& f, std::string_view input, bool with_text) {
  json o = {{"start", f.start},
            {"end", f.end},
            {"score", Round(f.score)},
            {"decision", DecisionName(f.decision)}};
  if (!f.category.empty()) o["category"] = f.category;
  if (!f.reasons.empty()) o["reasons"] = ReasonsJson(f.reasons);
  if (with_text) o["text"] = ToValidUtf8(input.substr(f.start, f.end - f.start));
  return o;
}

json RemovedJson(std::string_view input, const Report& report) {
  json a = json::array();
  for (const auto& r : report.removed) {
    const Finding& f = report.FindingOf(r);
    json o = {{"start", r.start},
              {"end", r.end},
              {"score", Round(f.score)},
              {"category", f.category.empty() ? "unknown" : f.category},
              {"reasons", ReasonsJson(f.reasons)},
              {"text", ToValidUtf8(input.substr(r.start, r.end - r.start))}};
    a.push_back(std::move(o));
  }
  return a;
}

}  // namespace

std::string ReportToJson(std::string_view input, const Report& report, int indent) {
  json blocks = json::array();
  for (const auto& b : report.blocks) {
    json o = FindingJson(b.block, input, b.block.decision != Decision::kKeep);
    o["kind"] = BlockKindName(b.kind);
    o["paragraph"] = b.paragraph;
    if (!b.spans.empty()) {
      json spans = json::array();
      for (const auto& s : b.spans) spans.push_back(FindingJson(s, input, true));
      o["spans"] = std::move(spans);
    }
    blocks.push_back(std::move(o));
  }
  json doc = {{"threshold", Round(report.threshold)},
              {"flag_threshold", Round(report.flag_threshold)},
              {"bytes", input.size()},
              {"stripped", report.stripped_any},
              {"flagged", report.flagged_any},
              {"removed", RemovedJson(input, report)},
              {"blocks", std::move(blocks)}};
  return doc.dump(indent);
}

std::string JsonlResult(const std::string& id_json, std::string_view input, const Report& report,
                        std::string_view field) {
  // Written directly rather than through json objects, byte for byte what json::dump() wrote
  // (keys in sorted order: "flagged" when non-empty, then "html" | "id", "removed", "text"):
  // building the tree copied the cleaned text twice and cost more than reading the line.
  const std::string cleaned = Clean(input, report);
  std::string out;
  out.reserve(cleaned.size() + cleaned.size() / 16 + 256);
  JsonWriter w(&out);
  w.BeginObject();
  if (AnyFlagged(report)) {
    w.Key("flagged");
    WriteFlagged(input, report, &w);
  }
  const bool before_id = field < std::string_view("id");
  if (before_id) {
    w.Key(field);
    w.String(cleaned);
  }
  w.Key("id");
  w.Raw(json::parse(id_json, nullptr, false).dump());
  w.Key("removed");
  WriteRemoved(input, report, &w);
  if (!before_id) {
    w.Key(field);
    w.String(cleaned);
  }
  w.EndObject();
  return out;
}

std::string JsonlError(const std::string& id_json, size_t line, const std::string& message) {
  json o;
  o["id"] = id_json.empty() ? json(nullptr) : json::parse(id_json, nullptr, false);
  o["line"] = line;
  o["error"] = ToValidUtf8(message);
  return o.dump();
}

}  // namespace spamstrip
