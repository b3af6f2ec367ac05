#include "spamstrip/detector.h"

#include <algorithm>
#include <cmath>
#include <fstream>
#include <map>
#include <sstream>

#include "embedded.h"
#include "block_features.h"
#include "document_analysis.h"
#include "file_util.h"
#include "ngram_model.h"
#include "rule_set.h"
#include "scorer.h"
#include "segmenter.h"

namespace spamstrip {
namespace {

constexpr size_t kMaxReasons = 6;
constexpr size_t kMaxSpanSearch = 24;  // sentences; longer blocks only try prefixes/suffixes

class DetectorImpl : public Detector {
 public:
  DetectorImpl(const Options& o, std::unique_ptr<RuleSet> rules, std::unique_ptr<NgramModel> model)
      : options_(o),
        rules_(std::move(rules)),
        model_(std::move(model)),
        scorer_(model_ ? model_->combiner() : DefaultCombiner(), model_ ? &model_->forest() : nullptr) {
    threshold_ = o.threshold >= 0 ? o.threshold : (model_ ? model_->threshold() : 0.5);
    flag_threshold_ = o.flag_threshold >= 0 ? o.flag_threshold
                                            : (model_ ? model_->flag_threshold() : 0.3);
    flag_threshold_ = std::min(flag_threshold_, threshold_);
  }

  void Analyze(std::string_view text, Report* report) const override;
  double threshold() const override { return threshold_; }
  double flag_threshold() const override { return flag_threshold_; }

 private:
  struct Scored {
    FeatureVector f;
    double p;
  };
  Scored ScoreRange(const DocContext& ctx, const std::vector<SentenceStats>& s, size_t b,
                    size_t e, BlockKind kind, bool whole) const {
    Scored r;
    r.f = ctx.Features(s, b, e, kind, whole, model_.get(), rules_.get());
    r.p = scorer_.Probability(r.f);
    return r;
  }
  void Fill(const std::vector<SentenceStats>& s, size_t b, size_t e, const Scored& sc,
            Finding* out) const;
  Decision Decide(double p) const {
    if (p >= threshold_) return Decision::kStrip;
    if (p >= flag_threshold_) return Decision::kFlag;
    return Decision::kKeep;
  }

  Options options_;
  std::unique_ptr<RuleSet> rules_;
  std::unique_ptr<NgramModel> model_;
  Scorer scorer_;
  double threshold_ = 0.5;
  double flag_threshold_ = 0.3;
};

void DetectorImpl::Fill(const std::vector<SentenceStats>& s, size_t b, size_t e, const Scored& sc,
                        Finding* out) const {
  out->start = s[b].range.start;
  out->end = s[e - 1].range.end;
  out->score = sc.p;
  out->decision = Decide(sc.p);
  out->reasons.clear();
  // Category: the category with the most rule weight; else script evidence; else none.
  std::map<std::string, double> by_cat;
  std::vector<std::pair<int, size_t>> hits;  // rule id, sentence
  for (size_t k = b; k < e; ++k) {
    for (int id : s[k].rules) hits.emplace_back(id, k);
  }
  std::sort(hits.begin(), hits.end());
  hits.erase(std::unique(hits.begin(), hits.end(),
                         [](const auto& x, const auto& y) { return x.first == y.first; }),
             hits.end());
  for (const auto& [id, k] : hits) {
    const Rule& r = rules_->rules()[static_cast<size_t>(id)];
    by_cat[r.category] += r.weight;
  }
  std::string cat;
  double best = 0;
  for (const auto& [c, w] : by_cat) {
    if (w > best) {
      best = w;
      cat = c;
    }
  }
  if (cat.empty() && sc.f[kScriptMismatch] >= 0.5) cat = "foreign_spam";
  out->category = out->decision == Decision::kKeep && cat.empty() ? "" : (cat.empty() ? "unknown" : cat);
  if (out->decision == Decision::kKeep && hits.empty()) return;
  std::vector<std::pair<double, size_t>> order;
  for (size_t i = 0; i < hits.size(); ++i) {
    order.emplace_back(-rules_->rules()[static_cast<size_t>(hits[i].first)].weight, i);
  }
  std::sort(order.begin(), order.end());
  for (size_t j = 0; j < order.size() && j < kMaxReasons; ++j) {
    const auto& [id, k] = hits[order[j].second];
    const Rule& r = rules_->rules()[static_cast<size_t>(id)];
    out->reasons.push_back(Reason{"rule", r.id, r.weight, rules_->MatchedText(id, s[k].canonical)});
  }
  scorer_.Explain(sc.f, kMaxReasons, &out->reasons);
}

void DetectorImpl::Analyze(std::string_view text, Report* report) const {
  *report = Report();
  report->threshold = threshold_;
  report->flag_threshold = flag_threshold_;
  AnalyzedDocument doc;
  AnalyzeDocument(text, rules_.get(), model_.get(), &doc);
  const auto& segs = doc.blocks;
  const auto& stats = doc.sentences;
  const DocContext& ctx = doc.context;
  report->blocks.resize(segs.size());
  for (size_t i = 0; i < segs.size(); ++i) {
    const auto& s = stats[i];
    BlockReport& br = report->blocks[i];
    br.kind = segs[i].kind;
    br.paragraph = segs[i].paragraph;
    const size_t n = s.size();
    Scored whole = ScoreRange(ctx, s, 0, n, segs[i].kind, true);
    Fill(s, 0, n, whole, &br.block);
    br.block.start = segs[i].range.start;
    br.block.end = segs[i].range.end;
    if (!options_.sentence_cuts || n < 2) continue;
    // Span search: only where some sentence alone looks suspicious.
    std::vector<Scored> single;
    single.reserve(n);
    size_t seed = n;
    bool any_clean = false;
    for (size_t k = 0; k < n; ++k) {
      single.push_back(ScoreRange(ctx, s, k, k + 1, segs[i].kind, false));
      if (single[k].p >= flag_threshold_ && (seed == n || single[k].p > single[seed].p)) seed = k;
      if (single[k].p < flag_threshold_) any_clean = true;
    }
    if (seed == n || !any_clean) continue;
    // The best run containing the seed (runs that are not the whole block).
    size_t bb = seed, be = seed + 1;
    Scored best = single[seed];
    for (size_t b = 0; b <= seed; ++b) {
      for (size_t e = seed + 1; e <= n; ++e) {
        if (b == 0 && e == n) continue;
        if (n > kMaxSpanSearch && b != 0 && e != n && !(b == seed && e == seed + 1)) continue;
        if (b == seed && e == seed + 1) continue;
        Scored sc = ScoreRange(ctx, s, b, e, segs[i].kind, false);
        if (sc.p > best.p + 1e-9) {
          best = sc;
          bb = b;
          be = e;
        }
      }
    }
    if (best.p < threshold_ && Decide(best.p) != Decision::kFlag) continue;
    // What would remain must look legitimate.
    double rest = 0;
    if (bb > 0) rest = std::max(rest, ScoreRange(ctx, s, 0, bb, segs[i].kind, false).p);
    if (be < n) rest = std::max(rest, ScoreRange(ctx, s, be, n, segs[i].kind, false).p);
    if (rest >= flag_threshold_) continue;
    if (br.block.decision != Decision::kKeep) {
      // The block as a whole looked like spam only because of this run: cut the run instead.
      if (best.p < br.block.score) continue;
      br.block.decision = Decision::kKeep;
    }
    Finding span;
    Fill(s, bb, be, best, &span);
    br.spans.push_back(std::move(span));
  }
  // Removals, with the whitespace that would be left dangling.
  for (size_t i = 0; i < report->blocks.size(); ++i) {
    BlockReport& br = report->blocks[i];
    auto note = [&](const Finding& f, int span) {
      if (f.decision != Decision::kKeep) report->flagged_any = true;
      if (f.decision != Decision::kStrip || options_.flag_only) return;
      size_t a = f.start, b = f.end;
      if (span >= 0) {
        while (a > br.block.start && (text[a - 1] == ' ' || text[a - 1] == '\t')) --a;
      } else {
        const bool para_alone = segs[i].lines_in_paragraph == 1;
        size_t e = b;
        while (e < text.size() && (text[e] == ' ' || text[e] == '\t' || text[e] == '\r')) ++e;
        if (e < text.size() && text[e] == '\n') {
          ++e;
          if (para_alone) {
            while (e < text.size() && (text[e] == ' ' || text[e] == '\t' || text[e] == '\r' || text[e] == '\n')) ++e;
          }
          b = e;
        } else {
          // Last block of the text: take the whitespace before it instead.
          while (a > 0 && (text[a - 1] == ' ' || text[a - 1] == '\t' || text[a - 1] == '\r' || text[a - 1] == '\n')) --a;
          b = e;
        }
      }
      report->removed.push_back(Report::Removal{a, b, i, span});
      report->stripped_any = true;
    };
    note(br.block, -1);
    for (size_t k = 0; k < br.spans.size(); ++k) note(br.spans[k], static_cast<int>(k));
  }
  // Sorted by construction; merge overlaps (whitespace absorption may touch neighbours).
  auto& rm = report->removed;
  for (size_t k = 1; k < rm.size(); ++k) {
    if (rm[k].start < rm[k - 1].end) rm[k].start = rm[k - 1].end;
    if (rm[k].end < rm[k].start) rm[k].end = rm[k].start;
  }
}

}  // namespace

Detector::~Detector() = default;


Status Detector::Create(const Options& options, std::unique_ptr<Detector>* out) {
  auto rules = std::make_unique<RuleSet>();
  if (options.rule_files.empty()) {
    for (const auto& f : EmbeddedRules()) {
      Status s = rules->Parse(f.data, std::string(f.name));
      if (!s.ok()) return s;
    }
  } else {
    for (const auto& path : options.rule_files) {
      std::string data;
      Status s = ReadFile(path, &data);
      if (!s.ok()) return s;
      s = rules->Parse(data, path);
      if (!s.ok()) return s;
    }
  }
  Status s = rules->Compile();
  if (!s.ok()) return s;
  std::unique_ptr<NgramModel> model;
  if (options.use_model) {
    if (!options.model_file.empty()) {
      std::string data;
      s = ReadFile(options.model_file, &data);
      if (!s.ok()) return s;
      model = std::make_unique<NgramModel>();
      s = model->Load(data, options.model_file);
      if (!s.ok()) return s;
    } else if (!EmbeddedModel().empty()) {
      model = std::make_unique<NgramModel>();
      s = model->Load(EmbeddedModel(), "built-in model");
      if (!s.ok()) return s;
    }
  }
  if (options.threshold > 1 || (options.flag_threshold > 1)) {
    return Status::InvalidArgument("thresholds are probabilities: use a value in [0, 1]");
  }
  out->reset(new DetectorImpl(options, std::move(rules), std::move(model)));
  return Status::Ok();
}

}  // namespace spamstrip
