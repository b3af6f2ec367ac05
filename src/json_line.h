// json_line.h — a fast reader for the common JSONL line: one JSON object whose "id", "text",
// "html" and "url" members are wanted and whose other members are skipped.
//
// `spamstrip clean --jsonl` spent more time parsing lines into nlohmann::json trees (and the
// "blocks"/"spans" arrays of labelled benchmarks) than it takes to analyse short documents.
// This reader validates the line against the JSON grammar (RFC 8259) while decoding only those
// members (for a page line, nlohmann's parse cost about a third of the instructions of
// cleaning the page). It accepts only what nlohmann::json::parse accepts, and for those lines
// yields the same member values; whenever it is not sure (not an object, a syntax error, a lone
// surrogate escape, a byte-order mark, deep nesting) it says so, and the caller parses the line
// with nlohmann::json, which then decides — so errors are reported exactly as before.
#ifndef SPAMSTRIP_SRC_JSON_LINE_H_
#define SPAMSTRIP_SRC_JSON_LINE_H_

#include <string>
#include <string_view>

namespace spamstrip {

struct JsonLineMembers {
  enum class Kind { kAbsent, kString, kNumber, kOther };
  // The last occurrence of a member counts (as in nlohmann::json, whose objects keep the last
  // value of a repeated key).
  Kind id_kind = Kind::kAbsent;
  std::string_view id_token;  // the id value's JSON text, e.g. "\"a-1\"" or "42"
  Kind text_kind = Kind::kAbsent;
  std::string text;  // the decoded "text" when it is a string
  Kind html_kind = Kind::kAbsent;
  std::string html;  // the decoded "html" when it is a string
  Kind url_kind = Kind::kAbsent;
  std::string url;  // the decoded "url" when it is a string
};

// Reads `line` (valid UTF-8; the caller checks) as one JSON object. Returns false when the line
// is not plainly such an object; *out is then unspecified.
bool ReadJsonObjectLine(std::string_view line, JsonLineMembers* out);

}  // namespace spamstrip

#endif  // SPAMSTRIP_SRC_JSON_LINE_H_
