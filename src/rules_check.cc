#include "embedded.h"
#include "file_util.h"
#include "rule_set.h"
#include "spamstrip/rules.h"

namespace spamstrip {

Status CheckRules(const std::vector<std::string>& files, RuleCheckResult* out) {
  *out = RuleCheckResult();
  RuleSet set;
  if (files.empty()) {
    for (const auto& f : EmbeddedRules()) {
      Status s = set.Parse(f.data, std::string(f.name));
      if (!s.ok()) return s;
      ++out->files;
    }
  } else {
    for (const auto& path : files) {
      std::string data;
      Status s = ReadFile(path, &data);
      if (!s.ok()) return s;
      s = set.Parse(data, path);
      if (!s.ok()) return s;
      ++out->files;
    }
  }
  Status s = set.Compile();
  if (!s.ok()) return s;
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
