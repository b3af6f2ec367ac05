// rule_cost.cc — where RuleSet::Match spends its time, rule by rule.
//
// Usage: rule_cost [FILE.jsonl] [--top N]
//
// Canonicalises every sentence of the documents (field "text" of each JSONL line; without FILE,
// 400 generated articles) and times, in thread CPU time (best of 3 passes):
//   - the full built-in RuleSet::Match over all sentences;
//   - the prefilter alone (RuleSet::Candidates: the atom scan and the literal trees of the rules
//     whose trigger atoms occur);
//   - for every rule, its own RE2 run on exactly the sentences where it passed the prefilter
//     ("cands"; every sentence for a rule without a prefilter literal).
// Prints the N rules with the highest confirmation cost (default 25), with their share of the
// sum over all rules, candidate and match counts, and file:line.
#include <re2/re2.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <vector>

#include "bench_text.h"
#include "embedded.h"
#include "normalizer.h"
#include "rule_set.h"
#include "segmenter.h"

namespace {

double CpuMicros() {
  timespec ts;
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) * 1e6 + static_cast<double>(ts.tv_nsec) * 1e-3;
}

// Best of three runs of f(), in CPU microseconds.
template <typename F>
double Best(F f) {
  double best = 1e300;
  for (int pass = 0; pass < 3; ++pass) {
    const double a = CpuMicros();
    f();
    best = std::min(best, CpuMicros() - a);
  }
  return best;
}

}  // namespace

int main(int argc, char** argv) {
  std::string path;
  size_t top = 25;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--top" && i + 1 < argc) {
      top = static_cast<size_t>(std::atol(argv[++i]));
    } else if (!a.empty() && a[0] != '-' && path.empty()) {
      path = a;
    } else {
      std::fprintf(stderr, "usage: rule_cost [FILE.jsonl] [--top N]\n");
      return 2;
    }
  }
  std::vector<std::string> docs;
  std::string error;
  if (!spamstrip::bench::LoadTexts(path, 400, &docs, &error)) {
    std::fprintf(stderr, "rule_cost: %s\n", error.c_str());
    return 2;
  }

  std::vector<std::string> texts;
  size_t bytes = 0;
  spamstrip::CanonicalText c;
  for (const auto& d : docs) {
    std::vector<spamstrip::Segment> segs;
    spamstrip::SegmentText(d, &segs);
    for (const auto& s : segs) {
      for (const auto& r : s.sentences) {
        spamstrip::Normalize(std::string_view(d).substr(r.start, r.size()), &c);
        texts.push_back(c.text);
        bytes += c.text.size();
      }
    }
  }

  spamstrip::RuleSet all;
  for (const auto& f : spamstrip::EmbeddedRules()) {
    if (!all.Parse(f.data, std::string(f.name)).ok()) return 1;
  }
  if (!all.Compile().ok()) return 1;
  const std::vector<int> unfiltered_ids = all.UnfilteredIds();
  const std::set<int> unfiltered(unfiltered_ids.begin(), unfiltered_ids.end());

  size_t hits = 0;
  const double full = Best([&] {
    std::vector<int> ids;
    hits = 0;
    for (const auto& t : texts) {
      ids.clear();
      all.Match(t, &ids);
      hits += ids.size();
    }
  });

  // The prefilter alone.
  std::vector<std::vector<int>> cands_of(all.size());  // rule -> sentence indices
  size_t total_candidates = 0;
  const double prefilter = Best([&] {
    std::vector<int> pot;
    for (auto& v : cands_of) v.clear();
    total_candidates = 0;
    for (size_t i = 0; i < texts.size(); ++i) {
      all.Candidates(texts[i], &pot);
      for (int id : pot) cands_of[static_cast<size_t>(id)].push_back(static_cast<int>(i));
      total_candidates += pot.size();
    }
  });

  struct Cost {
    double us;
    size_t cands, hits;
    int id;
  };
  std::vector<Cost> costs;
  double sum = 0;
  for (size_t i = 0; i < all.size(); ++i) {
    const RE2& re = all.Pattern(static_cast<int>(i));
    size_t h = 0;
    const double us = Best([&] {
      h = 0;
      for (int k : cands_of[i]) h += RE2::PartialMatch(texts[static_cast<size_t>(k)], re);
    });
    costs.push_back({us, cands_of[i].size(), h, static_cast<int>(i)});
    sum += us;
  }
  std::sort(costs.begin(), costs.end(), [](const Cost& a, const Cost& b) { return a.us > b.us; });

  std::printf("sentences %zu, canonical MB %.3f, rules %zu (%zu without a prefilter literal)\n",
              texts.size(), static_cast<double>(bytes) / 1e6, all.size(), unfiltered.size());
  std::printf("full RuleSet::Match: %.1f ms CPU = %.1f MB/s, %zu matches\n", full / 1e3,
              static_cast<double>(bytes) / full, hits);
  std::printf("  prefilter: %.1f ms (atom scan over %zu atoms + literal trees)\n", prefilter / 1e3,
              all.atom_count());
  std::printf(
      "  confirmations: %zu RE2 runs (%.1f per sentence), %.1f ms in all, %.2f us per "
      "run\n",
      total_candidates, static_cast<double>(total_candidates) / static_cast<double>(texts.size()),
      sum / 1e3, total_candidates ? sum / static_cast<double>(total_candidates) : 0.0);
  std::printf("%-8s %-6s %-10s %-7s %-7s %s\n", "ms", "share", "prefilter", "cands", "hits",
              "rule (file:line)");
  for (size_t k = 0; k < costs.size() && k < top; ++k) {
    const auto& r = all.rules()[static_cast<size_t>(costs[k].id)];
    std::printf("%-8.2f %5.1f%% %-10s %-7zu %-7zu %s (%s:%d)\n", costs[k].us / 1e3,
                sum > 0 ? 100 * costs[k].us / sum : 0.0,
                unfiltered.count(costs[k].id) ? "NONE" : "atoms", costs[k].cands, costs[k].hits,
                r.id.c_str(), r.file.c_str(), r.line);
  }
  return 0;
}
