// rule_set.h — the rule language (rules/README.md) parsed and compiled into one RE2::Set.
//
// A RuleSet is immutable after Load*(); Match() is const and thread-safe. All patterns run in a
// single RE2::Set pass over a canonical text (see normalizer.h); a rule's own RE2 runs only to
// extract the matched text for a report.
#ifndef SPAMSTRIP_SRC_RULE_SET_H_
#define SPAMSTRIP_SRC_RULE_SET_H_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <re2/re2.h>
#include <re2/set.h>

#include "spamstrip/status.h"


namespace spamstrip {

struct Rule {
  std::string id;
  std::string category;
  double weight = 0;
  std::string pattern;
  std::string about;
  std::vector<std::string> match;    // examples that must match
  std::vector<std::string> nomatch;  // examples that must not match
  std::string file;                  // where it was defined
  int line = 0;
};

// The categories a rule may name, in a fixed order (their index is used in feature vectors).
const std::vector<std::string>& RuleCategories();

class RuleSet {
 public:
  RuleSet();
  ~RuleSet();
  RuleSet(const RuleSet&) = delete;  // owns compiled RE2 objects
  RuleSet& operator=(const RuleSet&) = delete;

  // Parses rule text; `name` is used in error messages ("name:line: ..."). May be called for
  // several files; ids must be unique across all of them. Call Compile() once afterwards.
  Status Parse(std::string_view text, const std::string& name);
  // Compiles every pattern (each alone, for error messages with file:line, then as one Set).
  Status Compile();

  // Appends to *ids the indices of rules matching `canonical` (sorted ascending). Requires
  // Compile() to have succeeded.
  void Match(std::string_view canonical, std::vector<int>* ids) const;
  // The text rule `id` matches in `canonical` ("" if none).
  std::string MatchedText(int id, std::string_view canonical) const;

  const std::vector<Rule>& rules() const { return rules_; }
  size_t size() const { return rules_.size(); }

  // Checks every rule's examples (canonicalised first). Returns one message per failure,
  // "file:line: rule <id>: ...". Requires Compile().
  std::vector<std::string> CheckExamples() const;

 private:
  std::vector<Rule> rules_;
  std::vector<std::unique_ptr<re2::RE2>> compiled_;
  std::unique_ptr<RE2::Set> set_;
};

}  // namespace spamstrip

#endif  // SPAMSTRIP_SRC_RULE_SET_H_
