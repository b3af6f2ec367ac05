// audit_summary_text.h — the few lines an audit leaves on the terminal when it ends.
//
// What a person needs before opening report.html: how much was read, in how many documents
// spam would be stripped (the headline figure), how many more have findings below the strip
// threshold (flagged for review), the leading categories, errors, and where the outputs are.
// A pure function of summary.json; the CLI prints it.
#ifndef SPAMSTRIP_SRC_AUDIT_SUMMARY_TEXT_H_
#define SPAMSTRIP_SRC_AUDIT_SUMMARY_TEXT_H_

#include <nlohmann/json.hpp>
#include <string>

namespace spamstrip {

// Lines ending in '\n'. `out_dir` is where findings.jsonl, summary.json and report.html are;
// `seconds` the wall time of the run (0: not shown).
std::string AuditSummaryText(const nlohmann::ordered_json& summary, const std::string& out_dir,
                             double seconds);

}  // namespace spamstrip

#endif  // SPAMSTRIP_SRC_AUDIT_SUMMARY_TEXT_H_
