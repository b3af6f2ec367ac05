// spamstrip/report_json.h — the JSON forms of a Report (documented in README.md, "Formats").
//
// Pure functions; thread-safe. Strings from the input are written as valid UTF-8 (invalid
// bytes become U+FFFD in the JSON; offsets always refer to the original bytes).
#ifndef SPAMSTRIP_REPORT_JSON_H_
#define SPAMSTRIP_REPORT_JSON_H_

#include <string>
#include <string_view>

#include "spamstrip/report.h"

namespace spamstrip {

// The full report of one document: every block with its range, kind, score, decision,
// category and reasons, and the removed ranges with their text. Pretty-printed when indent>=0.
std::string ReportToJson(std::string_view input, const Report& report, int indent = 1);

// One JSONL output line (no trailing newline):
//   {"id": <id as given>, "text": <cleaned>, "removed": [{"start","end","score","category",
//    "reasons","text"}...], "flagged": [...same for flagged-only findings...]}
// `id_json` is the id already serialised as JSON (a string or a number, as it came in).
// `field` names the cleaned document: "text", or "html" for a page (then "text" of each
// removal is the markup that was cut).
std::string JsonlResult(const std::string& id_json, std::string_view input, const Report& report,
                        std::string_view field = "text");

// A JSONL error line for an input line that could not be processed:
//   {"id": <id or null>, "line": N, "error": "<message>"}
std::string JsonlError(const std::string& id_json, size_t line, const std::string& message);

}  // namespace spamstrip

#endif  // SPAMSTRIP_REPORT_JSON_H_
