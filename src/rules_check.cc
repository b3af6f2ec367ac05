#include "rule_set.h"
#include "spamstrip/rules.h"

namespace spamstrip {

Status CheckRules(const std::vector<std::string>& files, RuleCheckResult* out) {
  *out = RuleCheckResult();
  RuleSet set;
  Status s = set.Load(files);
  if (s.ok()) s = set.BuildAllPatterns();  // Load() parses the patterns; this compiles them
  if (!s.ok()) return s;
  out->files = set.files_loaded();
  out->rules = set.size();
  for (const Rule& r : set.rules()) out->examples += r.match.size() + r.nomatch.size();
  out->failures = set.CheckExamples();
  for (int id : set.UnfilteredIds()) {
    const Rule& r = set.rules()[static_cast<size_t>(id)];
    out->unfiltered.push_back(r.file + ":" + std::to_string(r.line) + ": rule " + r.id);
  }
  return Status::Ok();
}

}  // namespace spamstrip
