// rule_set.h — the rule language (rules/README.md) parsed and compiled, one RE2 per pattern.
//
// A RuleSet is immutable after Compile(); Match() is const and thread-safe.
//
// Each rule's RE2 is built the first time it is needed (a rule to confirm, an example to check,
// an explanation), not by Compile(): a one-article run confirms a handful of the ~200 rules, and
// building every RE2 was half of its instructions. Compile() still rejects a pattern RE2 cannot
// parse, with RE2's own message; only a pattern that parses but whose program exceeds RE2's
// memory budget (hundreds of MB) passes it, and is reported by BuildAllPatterns() (`spamstrip
// rules check` calls it) — in a Detector, such a rule would match nothing. That parse is now
// the largest part of Compile() (~50 M of its ~110 M instructions for the shipped rules). The
// lazily built RE2s are published with an atomic compare-exchange rather than std::call_once,
// so threads sharing a RuleSet (audit --threads, serve) take no lock and a confirmation costs
// one acquire load more; two threads meeting a rule first at the same moment may both compile
// it, and one copy is discarded (lazy_regexp.h).
//
// Matching is one pass of a literal matcher plus a prefilter: every pattern is reduced to the
// literal "atoms" any match must contain, an AND/OR tree (literal_prefilter.h); an Aho-Corasick
// automaton (atom_matcher.h) finds which atoms occur in the canonical text, and only the
// patterns whose tree holds run their own RE2. A tree is evaluated only when one of its
// "trigger" atoms occurs — a set of atoms every match needs one of, chosen to be rare. The
// straightforward design — every pattern in one RE2::Set — was measured at ~1 MB/s on news
// text with the shipped rules: gaps such as `.*` and `[^.!?]*` in ~200 patterns make the union
// DFA's states explode. RE2's FilteredRE2 computes the same trees but evaluated them for every
// sentence at ~9,000 instructions each.
#ifndef SPAMSTRIP_SRC_RULE_SET_H_
#define SPAMSTRIP_SRC_RULE_SET_H_

#include <re2/re2.h>

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "atom_matcher.h"
#include "lazy_regexp.h"
#include "spamstrip/status.h"

namespace spamstrip {

struct LiteralNode;

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
  RuleSet(const RuleSet&) = delete;  // owns RE2 objects
  RuleSet& operator=(const RuleSet&) = delete;

  // Parses rule text; `name` is used in error messages ("name:line: ..."). May be called for
  // several files; ids must be unique across all of them. Call Compile() once afterwards.
  Status Parse(std::string_view text, const std::string& name);
  // Checks that RE2 parses every pattern (errors name file:line with RE2's message) and compiles
  // them into the prefilter; each RE2 is built on first use (see the top of this file).
  Status Compile();

  // Parses `files` (empty: the built-in rule files compiled into the library) and compiles
  // them: Parse() for each, then Compile(). The first error is returned as it is. The built-in
  // patterns are not parse-checked here: the tests build every one of them.
  Status Load(const std::vector<std::string>& files);
  size_t files_loaded() const { return files_loaded_; }

  // Appends to *ids the indices of rules matching `canonical` (sorted ascending). Requires
  // Compile() to have succeeded.
  void Match(std::string_view canonical, std::vector<int>* ids) const;
  // The prefilter alone: sets *ids to the rules whose RE2 Match() runs on `canonical` (sorted
  // ascending; a superset of the matching rules).
  void Candidates(std::string_view canonical, std::vector<int>* ids) const;
  // The compiled pattern of rule `id` (built on first use; thread-safe). Requires Compile().
  const RE2& Pattern(int id) const;
  // Builds every rule's RE2 now. The first that RE2 fails to compile is returned as Compile()
  // words a bad pattern ("file:line: rule <id>: bad pattern: <RE2 message>"). Requires Compile().
  Status BuildAllPatterns() const;
  // The text rule `id` matches in `canonical` ("" if none).
  std::string MatchedText(int id, std::string_view canonical) const;

  const std::vector<Rule>& rules() const { return rules_; }
  size_t size() const { return rules_.size(); }

  // Checks every rule's examples (canonicalised first). Returns one message per failure,
  // "file:line: rule <id>: ...". Requires Compile().
  std::vector<std::string> CheckExamples() const;

 private:
  // A prefilter tree node, flattened: an atom (by id), or the AND/OR of the operator nodes
  // children_[first, first + count) and the atoms atom_children_[atoms_first, + atoms_count).
  struct Node {
    uint8_t op;  // LiteralNode::Op
    int32_t atom;
    uint32_t first, count;
    uint32_t atoms_first, atoms_count;
  };
  // Marks of one Candidates() call: which atoms occur, which OR nodes have an atom child that
  // occurs, which rules were evaluated. An entry is set when it equals `generation`.
  struct Marks {
    std::vector<int> found;
    std::vector<uint32_t> atom, or_node, rule;
    uint32_t generation = 0;
  };
  bool Holds(uint32_t node, const Marks& m) const;
  // Compile(), checking that RE2 parses each pattern only when `check_parse`.
  Status CompileRules(bool check_parse);
  struct AtomTable;
  // Appends the tree `n` to nodes_, children before parents, numbering its atoms in *atoms;
  // returns its index.
  uint32_t Flatten(const LiteralNode& n, AtomTable* atoms);

  std::vector<Rule> rules_;
  RE2::Options options_;                    // every pattern's
  std::unique_ptr<LazyRegexp[]> compiled_;  // per rule, built on first use
  std::vector<int32_t> root_;               // per rule: its tree's root node, -1 for none
  std::vector<Node> nodes_;
  std::vector<uint32_t> children_;
  std::vector<int32_t> atom_children_;
  std::vector<std::vector<uint32_t>> or_parents_;  // per atom: OR nodes it is a child of
  std::vector<std::vector<int>> triggers_;         // per atom: the rules it triggers, ascending
  std::vector<int> unfiltered_ids_;                // rules without a tree: they run on every text
  std::unique_ptr<AtomMatcher> atoms_;             // null when no rule has a tree
  size_t files_loaded_ = 0;

 public:
  // Patterns the prefilter cannot narrow down (no literal of >= 3 bytes); each runs on every text.
  size_t unfiltered() const { return unfiltered_ids_.size(); }
  // Their ids.
  std::vector<int> UnfilteredIds() const { return unfiltered_ids_; }
  // Distinct literals the prefilter looks for.
  size_t atom_count() const;
};

}  // namespace spamstrip

#endif  // SPAMSTRIP_SRC_RULE_SET_H_
