// literal_prefilter.h — the literal strings any match of a regular expression must contain.
//
// RuleSet runs a rule's RE2 only on text holding the literals its pattern cannot match
// without. RE2's FilteredRE2 derives such literals as well, but answers "which rules may match
// these literals?" through a tree propagation that cost ~9,000 instructions per sentence,
// more than the atom scan and the RE2 runs together. This is the same analysis (it follows
// re2/prefilter.cc: exact string sets while they stay small, AND/OR of literals beyond that,
// literals shorter than `min_length` dropped), producing a small AND/OR tree per pattern that
// RuleSet evaluates only for rules whose trigger literals occur (rule_set.cc).
//
// Soundness is what matters: every text the pattern matches (unanchored, as RE2 parses it with
// RuleSet's options: UTF-8, case-sensitive) satisfies its tree. Constructs the analysis does not
// model (a case-insensitive flag, \Q...\E, octal escapes, anything unexpected) give the whole
// pattern no requirement, so it runs on every text: slower, never wrong.
#ifndef SPAMSTRIP_SRC_LITERAL_PREFILTER_H_
#define SPAMSTRIP_SRC_LITERAL_PREFILTER_H_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace spamstrip {

// A requirement on a text: a literal it contains, or all / any of several requirements.
struct LiteralNode {
  enum class Op { kAtom, kAnd, kOr };
  Op op = Op::kAtom;
  std::string atom;                                    // kAtom
  std::vector<std::unique_ptr<LiteralNode>> children;  // kAnd, kOr (two or more)
};

// The requirement for `pattern`, or null when there is none (the pattern may match text
// without any literal of min_length bytes).
std::unique_ptr<LiteralNode> RequiredLiterals(std::string_view pattern, size_t min_length = 3);

// True when `node` holds for a text containing exactly the atoms for which has(atom) is true.
template <typename HasAtom>
bool Holds(const LiteralNode& node, const HasAtom& has) {
  switch (node.op) {
    case LiteralNode::Op::kAtom:
      return has(node.atom);
    case LiteralNode::Op::kAnd:
      for (const auto& c : node.children) {
        if (!Holds(*c, has)) return false;
      }
      return true;
    case LiteralNode::Op::kOr:
      for (const auto& c : node.children) {
        if (Holds(*c, has)) return true;
      }
      return false;
  }
  return false;
}

// The requirement written out, e.g. AND(OR("buy","order"),"viagra") (for tests and debugging).
std::string ToString(const LiteralNode* node);

}  // namespace spamstrip

#endif  // SPAMSTRIP_SRC_LITERAL_PREFILTER_H_
