// rule_set.h — the rule language (rules/README.md) parsed and compiled into one RE2::Set.
//
// A RuleSet is immutable after Compile(); Match() is const and thread-safe.
//
// Matching is one pass of a literal matcher plus RE2's prefilter (FilteredRE2): every pattern
// is reduced to the literal "atoms" any match must contain (an AND/OR tree); an Aho-Corasick
// automaton (atom_matcher.h) finds which atoms occur in the canonical text, and only the
// patterns whose atom tree is satisfied run their own RE2. The straightforward design — every
// pattern in one RE2::Set — was measured at ~1 MB/s on news text with the shipped rules: gaps
// such as `.*` and `[^.!?]*` in ~200 patterns make the union DFA's states explode.
#ifndef SPAMSTRIP_SRC_RULE_SET_H_
#define SPAMSTRIP_SRC_RULE_SET_H_

#include <re2/filtered_re2.h>
#include <re2/re2.h>
#include <re2/set.h>

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "atom_matcher.h"
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
  // Compiles every pattern into the prefilter (errors name file:line with RE2's message).
  Status Compile();

  // Parses `files` (empty: the built-in rule files compiled into the library) and compiles
  // them: Parse() for each, then Compile(). The first error is returned as it is.
  Status Load(const std::vector<std::string>& files);
  size_t files_loaded() const { return files_loaded_; }

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
  std::unique_ptr<re2::FilteredRE2> filter_;
  std::unique_ptr<AtomMatcher> atoms_;  // null when the prefilter produced no atoms
  size_t unfiltered_ = 0;
  size_t files_loaded_ = 0;  // patterns without atoms (they run on every text)

 public:
  // Patterns the prefilter cannot narrow down (no literal of >= 3 bytes); each runs on every text.
  size_t unfiltered() const { return unfiltered_; }
  // Their ids.
  std::vector<int> UnfilteredIds() const;
};

}  // namespace spamstrip

#endif  // SPAMSTRIP_SRC_RULE_SET_H_
