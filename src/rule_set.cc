#include "rule_set.h"

#include <re2/re2.h>

#include <algorithm>
#include <cstdlib>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include "embedded.h"
#include "file_util.h"
#include "literal_prefilter.h"
#include "normalizer.h"

namespace spamstrip {
namespace {

std::string_view Trim(std::string_view s) {
  size_t b = 0, e = s.size();
  while (b < e && (s[b] == ' ' || s[b] == '\t' || s[b] == '\r')) ++b;
  while (e > b && (s[e - 1] == ' ' || s[e - 1] == '\t' || s[e - 1] == '\r')) --e;
  return s.substr(b, e - b);
}

// Splits off the first whitespace-delimited word of *s.
std::string_view NextWord(std::string_view* s) {
  std::string_view t = Trim(*s);
  size_t e = 0;
  while (e < t.size() && t[e] != ' ' && t[e] != '\t') ++e;
  std::string_view w = t.substr(0, e);
  *s = Trim(t.substr(e));
  return w;
}

bool ValidId(std::string_view id) {
  if (id.empty()) return false;
  for (char c : id) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '.' || c == '-'))
      return false;
  }
  return true;
}

RE2::Options PatternOptions() {
  RE2::Options o;
  o.set_encoding(RE2::Options::EncodingUTF8);
  o.set_log_errors(false);
  o.set_case_sensitive(true);  // the text is already case folded
  o.set_max_mem(512 << 20);
  return o;
}

// RE2's parse error for `pattern` under PatternOptions() ("" when it parses), at a fraction of
// the cost of compiling it: with a memory budget too small for any program, RE2 parses the
// pattern (reporting exactly what a full RE2 would), simplifies it and gives up compiling at
// once, with "pattern too large".
std::string ParseError(const std::string& pattern) {
  RE2::Options o = PatternOptions();
  o.set_max_mem(64);  // two thirds of it, the compiler's budget, holds no instruction
  const RE2 re(pattern, o);
  if (re.ok() || re.error_code() == RE2::ErrorPatternTooLarge) return "";
  return re.error();
}

std::string BadPattern(const Rule& r, const std::string& error) {
  return r.file + ":" + std::to_string(r.line) + ": rule " + r.id + ": bad pattern: " + error;
}

}  // namespace

const std::vector<std::string>& RuleCategories() {
  static const std::vector<std::string> kCategories = {
      "pharma",       "casino",     "loans",           "crypto_scam",  "essay_services",
      "adult_dating", "replica",    "seo_link_spam",   "comment_spam", "phishing_malware",
      "foreign_spam", "other_spam", "prompt_injection"};
  return kCategories;
}

RuleSet::RuleSet() : options_(PatternOptions()) {}
RuleSet::~RuleSet() = default;

Status RuleSet::Parse(std::string_view text, const std::string& name) {
  std::unordered_set<std::string> ids;
  for (const Rule& r : rules_) ids.insert(r.id);
  const auto& cats = RuleCategories();
  Rule* cur = nullptr;
  int lineno = 0;
  size_t pos = 0;
  auto where = [&](int l) { return name + ":" + std::to_string(l) + ": "; };
  auto finish = [&]() -> Status {
    if (cur != nullptr && cur->pattern.empty()) {
      return Status::Corrupt(where(cur->line) + "rule " + cur->id + " has no pattern");
    }
    return Status::Ok();
  };
  while (pos <= text.size()) {
    size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) nl = text.size();
    std::string_view raw = text.substr(pos, nl - pos);
    pos = nl + 1;
    ++lineno;
    std::string_view line = Trim(raw);
    if (line.empty() || line[0] == '#') {
      if (nl == text.size()) break;
      continue;
    }
    const bool indented = raw[0] == ' ' || raw[0] == '\t';
    std::string_view rest = line;
    std::string_view key = NextWord(&rest);
    if (!indented) {
      if (key != "rule") {
        return Status::Corrupt(where(lineno) + "expected 'rule <id> <category> <weight>', got '" +
                               std::string(key) + "'");
      }
      Status s = finish();
      if (!s.ok()) return s;
      std::string_view id = NextWord(&rest);
      std::string_view cat = NextWord(&rest);
      std::string_view weight = NextWord(&rest);
      if (!ValidId(id)) {
        return Status::Corrupt(where(lineno) + "bad rule id '" + std::string(id) +
                               "' (use [a-z0-9_.-]+)");
      }
      if (!ids.insert(std::string(id)).second) {
        return Status::Corrupt(where(lineno) + "duplicate rule id '" + std::string(id) + "'");
      }
      if (std::find(cats.begin(), cats.end(), std::string(cat)) == cats.end()) {
        return Status::Corrupt(where(lineno) + "unknown category '" + std::string(cat) +
                               "' for rule " + std::string(id));
      }
      std::string w(weight);
      char* endp = nullptr;
      double wv = w.empty() ? 0 : std::strtod(w.c_str(), &endp);
      if (w.empty() || endp == nullptr || *endp != '\0' || !rest.empty()) {
        return Status::Corrupt(where(lineno) + "rule " + std::string(id) +
                               ": expected a numeric weight after the category");
      }
      rules_.emplace_back();
      cur = &rules_.back();
      cur->id = std::string(id);
      cur->category = std::string(cat);
      cur->weight = wv;
      cur->file = name;
      cur->line = lineno;
      if (nl == text.size()) break;
      continue;
    }
    if (cur == nullptr) {
      return Status::Corrupt(where(lineno) + "indented line outside a rule");
    }
    if (key == "pattern") {
      if (!cur->pattern.empty()) {
        return Status::Corrupt(where(lineno) + "rule " + cur->id + " has a second pattern");
      }
      if (rest.empty()) return Status::Corrupt(where(lineno) + "empty pattern");
      cur->pattern = std::string(rest);
    } else if (key == "about") {
      cur->about = std::string(rest);
    } else if (key == "match") {
      cur->match.emplace_back(rest);
    } else if (key == "nomatch") {
      cur->nomatch.emplace_back(rest);
    } else {
      return Status::Corrupt(where(lineno) + "unknown key '" + std::string(key) +
                             "' (pattern, about, match, nomatch)");
    }
    if (nl == text.size()) break;
  }
  return finish();
}

Status RuleSet::Load(const std::vector<std::string>& files) {
  if (files.empty()) {
    for (const auto& f : EmbeddedRules()) {
      Status s = Parse(f.data, std::string(f.name));
      if (!s.ok()) return s;
      ++files_loaded_;
    }
  } else {
    for (const auto& path : files) {
      std::string data;
      Status s = ReadFile(path, &data);
      if (s.ok()) s = Parse(data, path);
      if (!s.ok()) return s;
      ++files_loaded_;
    }
  }
  // The built-in patterns are known to parse: tests/rule_set_test.cc builds every one of them
  // (BuiltInRulesAllCompile), so the parse check, a third of a one-article run's start-up, is
  // skipped for them.
  return CompileRules(/*check_parse=*/!files.empty());
}

namespace {

// English words found in a large share of news sentences whatever their length ("the" in
// half of them, "from", "will", "this" in one in twelve): as triggers they would have the
// rule's tree evaluated on most text.
bool CommonWord(const std::string& atom) {
  static const std::set<std::string> kWords = {
      "about", "after", "all",   "also",  "and",   "any",   "are",   "back", "been",  "but",
      "can",   "could", "day",   "did",   "each",  "even",  "first", "for",  "from",  "get",
      "had",   "has",   "have",  "her",   "him",   "his",   "how",   "into", "its",   "just",
      "like",  "made",  "make",  "many",  "may",   "more",  "most",  "new",  "not",   "now",
      "one",   "only",  "other", "our",   "out",   "over",  "per",   "said", "she",   "should",
      "some",  "such",  "than",  "that",  "the",   "their", "them",  "then", "there", "these",
      "they",  "this",  "those", "time",  "two",   "under", "very",  "was",  "way",   "well",
      "were",  "what",  "when",  "where", "which", "while", "who",   "will", "with",  "would",
      "year",  "you",   "your"};
  return kWords.count(atom) != 0;
}

// How common a literal is likely to be in text, for choosing trigger atoms: short literals
// ("ing", "our") occur in most sentences, each further byte makes one much rarer; a common
// English word counts as more common than any literal of three bytes. (Only which rules are
// evaluated depends on this, never which match: a trigger set is a necessary clause whatever
// its cost.)
double Commonness(const std::string& atom) {
  if (CommonWord(atom)) return 8.0;
  const double extra = static_cast<double>(atom.size()) - 2.0;
  return 1.0 / (extra * extra * extra);
}

// How common the rarest set of atoms every text satisfying `n` contains one of (a necessary
// clause) is: an AND needs only one of its children's clauses, an OR needs all of them.
// `commonness` gives an atom's Commonness().
template <typename AtomCommonness>
double TriggerCost(const LiteralNode& n, const AtomCommonness& commonness) {
  if (n.op == LiteralNode::Op::kAtom) return commonness(n.atom);
  double best_cost = 0;
  for (size_t i = 0; i < n.children.size(); ++i) {
    const double c = TriggerCost(*n.children[i], commonness);
    if (n.op == LiteralNode::Op::kOr) {
      best_cost += c;
    } else if (i == 0 || c < best_cost) {
      best_cost = c;
    }
  }
  return best_cost;
}

// Appends to *out that clause (an atom may come more than once): all of an OR's children's,
// the first cheapest of an AND's.
template <typename AtomCommonness>
void TriggerAtoms(const LiteralNode& n, const AtomCommonness& commonness,
                  std::vector<const std::string*>* out) {
  if (n.op == LiteralNode::Op::kAtom) {
    out->push_back(&n.atom);
    return;
  }
  if (n.op == LiteralNode::Op::kOr) {
    for (const auto& c : n.children) TriggerAtoms(*c, commonness, out);
    return;
  }
  const LiteralNode* best = nullptr;
  double best_cost = 0;
  for (const auto& c : n.children) {
    const double cost = TriggerCost(*c, commonness);
    if (best == nullptr || cost < best_cost) {
      best = c.get();
      best_cost = cost;
    }
  }
  if (best != nullptr) TriggerAtoms(*best, commonness, out);
}

}  // namespace

// Compile()'s atoms: numbered in the order Flatten() meets them, with their Commonness(), and
// the OR nodes each is a direct child of.
struct RuleSet::AtomTable {
  std::unordered_map<std::string, int> ids;
  std::vector<std::string> atoms;
  std::vector<double> commonness;
  std::vector<std::pair<int, uint32_t>> or_edges;  // atom, OR node

  size_t Id(const std::string& a) {
    const auto [it, inserted] = ids.try_emplace(a, static_cast<int>(atoms.size()));
    if (inserted) {
      atoms.push_back(a);
      commonness.push_back(Commonness(a));
    }
    return static_cast<size_t>(it->second);
  }
};

Status RuleSet::Compile() { return CompileRules(/*check_parse=*/true); }

Status RuleSet::CompileRules(bool check_parse) {
  compiled_.reset();
  root_.clear();
  nodes_.clear();
  children_.clear();
  atom_children_.clear();
  or_parents_.clear();
  triggers_.clear();
  unfiltered_ids_.clear();
  atoms_.reset();
  AtomTable atoms;
  auto commonness = [&](const std::string& a) { return atoms.commonness[atoms.Id(a)]; };
  std::vector<const std::string*> clause;
  std::vector<std::vector<size_t>> trigger_atoms(rules_.size());
  for (size_t i = 0; i < rules_.size(); ++i) {
    const Rule& r = rules_[i];
    if (check_parse) {
      const std::string error = ParseError(r.pattern);
      if (!error.empty()) return Status::Corrupt(BadPattern(r, error));
    }
    std::unique_ptr<LiteralNode> tree = RequiredLiterals(r.pattern);
    if (tree == nullptr) {
      root_.push_back(-1);
      unfiltered_ids_.push_back(static_cast<int>(i));
      continue;
    }
    root_.push_back(static_cast<int32_t>(Flatten(*tree, &atoms)));
    clause.clear();
    TriggerAtoms(*tree, commonness, &clause);
    for (const std::string* a : clause) trigger_atoms[i].push_back(atoms.Id(*a));
  }
  compiled_ = std::make_unique<LazyRegexp[]>(rules_.size());
  if (atoms.atoms.empty()) return Status::Ok();
  or_parents_.resize(atoms.atoms.size());
  for (const auto& [a, node] : atoms.or_edges) {
    or_parents_[static_cast<size_t>(a)].push_back(node);
  }
  triggers_.resize(atoms.atoms.size());
  for (size_t i = 0; i < rules_.size(); ++i) {
    for (size_t a : trigger_atoms[i]) {
      std::vector<int>& t = triggers_[a];
      if (t.empty() || t.back() != static_cast<int>(i)) t.push_back(static_cast<int>(i));
    }
  }
  atoms_ = std::make_unique<AtomMatcher>(atoms.atoms);
  return Status::Ok();
}

uint32_t RuleSet::Flatten(const LiteralNode& n, AtomTable* atoms) {
  Node node{static_cast<uint8_t>(n.op), -1, 0, 0, 0, 0};
  if (n.op == LiteralNode::Op::kAtom) {
    node.atom = static_cast<int32_t>(atoms->Id(n.atom));
    nodes_.push_back(node);
    return static_cast<uint32_t>(nodes_.size() - 1);
  }
  std::vector<uint32_t> kids;
  std::vector<int32_t> atom_kids;
  for (const auto& c : n.children) {
    if (c->op == LiteralNode::Op::kAtom) {
      atom_kids.push_back(static_cast<int32_t>(atoms->Id(c->atom)));
    } else {
      kids.push_back(Flatten(*c, atoms));
    }
  }
  node.first = static_cast<uint32_t>(children_.size());
  node.count = static_cast<uint32_t>(kids.size());
  children_.insert(children_.end(), kids.begin(), kids.end());
  node.atoms_first = static_cast<uint32_t>(atom_children_.size());
  node.atoms_count = static_cast<uint32_t>(atom_kids.size());
  atom_children_.insert(atom_children_.end(), atom_kids.begin(), atom_kids.end());
  nodes_.push_back(node);
  const auto index = static_cast<uint32_t>(nodes_.size() - 1);
  if (n.op == LiteralNode::Op::kOr) {
    for (int32_t a : atom_kids) atoms->or_edges.emplace_back(a, index);
  }
  return index;
}

size_t RuleSet::atom_count() const { return triggers_.size(); }

const RE2& RuleSet::Pattern(int id) const {
  const auto i = static_cast<size_t>(id);
  return compiled_[i].Get(rules_[i].pattern, options_);
}

Status RuleSet::BuildAllPatterns() const {
  for (size_t i = 0; i < rules_.size(); ++i) {
    const RE2& re = Pattern(static_cast<int>(i));
    if (!re.ok()) return Status::Corrupt(BadPattern(rules_[i], re.error()));
  }
  return Status::Ok();
}

bool RuleSet::Holds(uint32_t node, const Marks& m) const {
  const Node& n = nodes_[node];
  const uint32_t gen = m.generation;
  switch (static_cast<LiteralNode::Op>(n.op)) {
    case LiteralNode::Op::kAtom:
      return m.atom[static_cast<size_t>(n.atom)] == gen;
    case LiteralNode::Op::kOr:
      // Its atom children were marked from the atoms found (often dozens of alternatives).
      if (m.or_node[node] == gen) return true;
      for (uint32_t k = n.first; k < n.first + n.count; ++k) {
        // Most children are ANDs that fail at their first atom: that is tested here, without
        // a call (the call tests it again when it holds).
        const Node& c = nodes_[children_[k]];
        if (static_cast<LiteralNode::Op>(c.op) == LiteralNode::Op::kAnd && c.atoms_count > 0 &&
            m.atom[static_cast<size_t>(atom_children_[c.atoms_first])] != gen) {
          continue;
        }
        if (Holds(children_[k], m)) return true;
      }
      return false;
    case LiteralNode::Op::kAnd:
      for (uint32_t k = n.atoms_first; k < n.atoms_first + n.atoms_count; ++k) {
        if (m.atom[static_cast<size_t>(atom_children_[k])] != gen) return false;
      }
      for (uint32_t k = n.first; k < n.first + n.count; ++k) {
        if (!Holds(children_[k], m)) return false;
      }
      return true;
  }
  return false;
}

void RuleSet::Candidates(std::string_view canonical, std::vector<int>* ids) const {
  ids->assign(unfiltered_ids_.begin(), unfiltered_ids_.end());
  if (!atoms_) return;
  // Per thread; entries of earlier calls carry older generations, so nothing is cleared.
  thread_local Marks m;
  atoms_->FindUnordered(canonical, &m.found);  // the order of m.found matters nowhere below
  if (m.found.empty()) return;
  if (m.atom.size() < triggers_.size()) m.atom.resize(triggers_.size(), 0);
  if (m.or_node.size() < nodes_.size()) m.or_node.resize(nodes_.size(), 0);
  if (m.rule.size() < rules_.size()) m.rule.resize(rules_.size(), 0);
  if (++m.generation == 0) {  // wrapped: forget every mark
    for (auto* v : {&m.atom, &m.or_node, &m.rule}) std::fill(v->begin(), v->end(), 0);
    m.generation = 1;
  }
  const uint32_t gen = m.generation;
  for (int a : m.found) {
    m.atom[static_cast<size_t>(a)] = gen;
    for (uint32_t node : or_parents_[static_cast<size_t>(a)]) m.or_node[node] = gen;
  }
  // Only rules with a trigger atom among those found can hold.
  for (int a : m.found) {
    for (int r : triggers_[static_cast<size_t>(a)]) {
      uint32_t& done = m.rule[static_cast<size_t>(r)];
      if (done == gen) continue;
      done = gen;
      if (Holds(static_cast<uint32_t>(root_[static_cast<size_t>(r)]), m)) ids->push_back(r);
    }
  }
  std::sort(ids->begin(), ids->end());
}

void RuleSet::Match(std::string_view canonical, std::vector<int>* ids) const {
  if (rules_.empty() || !compiled_) return;  // no rules, or Compile() failed
  thread_local std::vector<int> candidates;
  Candidates(canonical, &candidates);
  for (int id : candidates) {
    // RE2::PartialMatch() without its argument-list wrapper: an unanchored match, no groups.
    if (Pattern(id).Match(canonical, 0, canonical.size(), RE2::UNANCHORED, nullptr, 0)) {
      ids->push_back(id);
    }
  }
}

std::string RuleSet::MatchedText(int id, std::string_view canonical) const {
  re2::StringPiece m;
  if (id < 0 || static_cast<size_t>(id) >= rules_.size() || !compiled_) return "";
  if (!Pattern(id).Match(canonical, 0, canonical.size(), RE2::UNANCHORED, &m, 1)) {
    return "";
  }
  return std::string(m.data(), m.size());
}

std::vector<std::string> RuleSet::CheckExamples() const {
  std::vector<std::string> errors;
  CanonicalText ct;
  for (size_t i = 0; i < rules_.size(); ++i) {
    const Rule& r = rules_[i];
    std::string where = r.file + ":" + std::to_string(r.line) + ": rule " + r.id + ": ";
    if (r.about.empty()) errors.push_back(where + "no 'about' line");
    const RE2& re = Pattern(static_cast<int>(i));
    for (const auto& ex : r.match) {
      Normalize(ex, &ct);
      if (!RE2::PartialMatch(ct.text, re)) {
        errors.push_back(where + "does not match its example '" + ex + "'");
      }
    }
    for (const auto& ex : r.nomatch) {
      Normalize(ex, &ct);
      if (RE2::PartialMatch(ct.text, re)) {
        errors.push_back(where + "matches its counter-example '" + ex + "'");
      }
    }
  }
  return errors;
}

}  // namespace spamstrip
