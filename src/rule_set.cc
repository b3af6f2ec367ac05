#include "rule_set.h"

#include <re2/filtered_re2.h>
#include <re2/re2.h>
#include <re2/set.h>

#include <algorithm>
#include <cstdlib>
#include <unordered_set>

#include "embedded.h"
#include "file_util.h"
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

}  // namespace

const std::vector<std::string>& RuleCategories() {
  static const std::vector<std::string> kCategories = {
      "pharma",       "casino",     "loans",           "crypto_scam",  "essay_services",
      "adult_dating", "replica",    "seo_link_spam",   "comment_spam", "phishing_malware",
      "foreign_spam", "other_spam", "prompt_injection"};
  return kCategories;
}

RuleSet::RuleSet() = default;
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
  return Compile();
}

Status RuleSet::Compile() {
  filter_ = std::make_unique<re2::FilteredRE2>(3);
  atoms_.reset();
  for (size_t i = 0; i < rules_.size(); ++i) {
    const Rule& r = rules_[i];
    int id = -1;
    if (filter_->Add(r.pattern, PatternOptions(), &id) != RE2::NoError) {
      RE2 re(r.pattern, PatternOptions());  // only to get RE2's message
      return Status::Corrupt(r.file + ":" + std::to_string(r.line) + ": rule " + r.id +
                             ": bad pattern: " + re.error());
    }
    if (id != static_cast<int>(i)) {
      return Status::Corrupt(r.file + ":" + std::to_string(r.line) + ": rule " + r.id +
                             ": prefilter numbered it " + std::to_string(id));
    }
  }
  if (rules_.empty()) return Status::Ok();
  std::vector<std::string> atoms;
  filter_->Compile(&atoms);
  if (!atoms.empty()) atoms_ = std::make_unique<AtomMatcher>(atoms);
  std::vector<int> none, potential;
  filter_->AllPotentials(none, &potential);
  unfiltered_ = potential.size();
  return Status::Ok();
}

std::vector<int> RuleSet::UnfilteredIds() const {
  std::vector<int> none, potential;
  if (filter_ && !rules_.empty()) filter_->AllPotentials(none, &potential);
  return potential;
}

void RuleSet::Match(std::string_view canonical, std::vector<int>* ids) const {
  if (rules_.empty()) return;
  thread_local std::vector<int> atom_hits, matched;
  atom_hits.clear();
  if (atoms_) atoms_->Find(canonical, &atom_hits);
  filter_->AllMatches(canonical, atom_hits, &matched);
  std::sort(matched.begin(), matched.end());
  ids->insert(ids->end(), matched.begin(), matched.end());
}

std::string RuleSet::MatchedText(int id, std::string_view canonical) const {
  re2::StringPiece m;
  if (id < 0 || static_cast<size_t>(id) >= rules_.size() || !filter_) return "";
  if (!filter_->GetRE2(id).Match(canonical, 0, canonical.size(), RE2::UNANCHORED, &m, 1)) {
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
    for (const auto& ex : r.match) {
      Normalize(ex, &ct);
      if (!RE2::PartialMatch(ct.text, filter_->GetRE2(static_cast<int>(i)))) {
        errors.push_back(where + "does not match its example '" + ex + "'");
      }
    }
    for (const auto& ex : r.nomatch) {
      Normalize(ex, &ct);
      if (RE2::PartialMatch(ct.text, filter_->GetRE2(static_cast<int>(i)))) {
        errors.push_back(where + "matches its counter-example '" + ex + "'");
      }
    }
  }
  return errors;
}

}  // namespace spamstrip
