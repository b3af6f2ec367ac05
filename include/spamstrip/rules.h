// spamstrip/rules.h — checking rule files (the engine behind `spamstrip rules check`).
//
// The rule language is documented in rules/README.md. Thread-safe; no shared state.
#ifndef SPAMSTRIP_RULES_H_
#define SPAMSTRIP_RULES_H_

#include <string>
#include <vector>

#include "spamstrip/status.h"

namespace spamstrip {

struct RuleCheckResult {
  size_t files = 0;
  size_t rules = 0;
  size_t examples = 0;                // match + nomatch examples verified
  std::vector<std::string> failures;  // "file:line: rule <id>: ..." one per failed example
  // Rules whose pattern has no literal of >= 3 bytes for the prefilter: they run on every
  // sentence and slow matching down ("file:line: rule <id>").
  std::vector<std::string> unfiltered;
};

// Parses and compiles `files` (empty: the built-in rule set) and verifies every rule's
// examples: each must match all its `match` lines and none of its `nomatch` lines, after the
// same canonicalisation the detector applies. A syntax or RE2 compile error is returned as a
// non-OK Status naming file:line and RE2's message; example failures are listed in
// out->failures with an OK Status.
Status CheckRules(const std::vector<std::string>& files, RuleCheckResult* out);

}  // namespace spamstrip

#endif  // SPAMSTRIP_RULES_H_
