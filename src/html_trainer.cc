#include "html_trainer.h"

#include <algorithm>

#include "document_analysis.h"
#include "html_features.h"
#include "html_reader.h"
#include "jsonl_file.h"
#include "logistic.h"
#include "scorer.h"
#include "training_data.h"

namespace spamstrip {
namespace {

struct Injected {
  std::vector<Range> spans;  // sorted
  std::vector<int> folds;    // fold of each span's spam record, -1 when unknown
  // Bytes of [r.start, r.end) inside injected spans.
  size_t Overlap(Range r) const {
    size_t n = 0;
    for (const Range& s : spans) {
      const size_t a = std::max(s.start, r.start), b = std::min(s.end, r.end);
      if (a < b) n += b - a;
    }
    return n;
  }
};

// The fold of the first span overlapping `src`, or -1.
int SpanFold(const Injected& inj, Range src) {
  for (size_t k = 0; k < inj.spans.size(); ++k) {
    if (inj.spans[k].start < src.end && src.start < inj.spans[k].end) return inj.folds[k];
  }
  return -1;
}

// 1 spam, 0 clean, -1 mixed (not an example).
int LabelOf(const Injected& inj, Range src) {
  if (src.size() == 0) return -1;
  const size_t o = inj.Overlap(src);
  if (o == 0) return 0;
  return 2 * o >= src.size() ? 1 : -1;
}

}  // namespace

Status FitHtmlWeights(const std::vector<std::string>& files, const RuleSet& rules,
                      NgramModel* model, const std::vector<const NgramModel*>& fold_models,
                      const ProgressFn& progress, HtmlFitSummary* summary) {
  *summary = HtmlFitSummary();
  Scorer scorer(model->combiner(), &model->forest());
  const bool oof = fold_models.size() == 2;
  std::vector<double> x, y, w, offset;
  auto add = [&](const HtmlFeatureVector& h, double logit, int label) {
    x.insert(x.end(), h.begin(), h.end());
    y.push_back(label);
    w.push_back(1.0);
    offset.push_back(logit);
    summary->spam_examples += label == 1;
  };
  for (const std::string& file : files) {
    Status s = ForEachJsonlObject(file, [&](const nlohmann::json& o, const std::string& where) {
      auto html = o.find("html");
      if (html == o.end() || !html->is_string()) {
        return Status::InvalidArgument(where + "a labelled page needs an \"html\" string");
      }
      Injected inj;
      if (auto sp = o.find("spans"); sp != o.end() && sp->is_array()) {
        for (const auto& r : *sp) {
          if (!r.is_object() || !r.contains("start") || !r.contains("end") ||
              !r["start"].is_number_unsigned() || !r["end"].is_number_unsigned()) {
            return Status::InvalidArgument(where + "\"spans\" items need unsigned start and end");
          }
          inj.spans.push_back(Range{r["start"].get<size_t>(), r["end"].get<size_t>()});
          auto sid = r.find("spam_id");
          inj.folds.push_back(sid != r.end() && sid->is_string()
                                  ? TrainingFold(sid->get_ref<const std::string&>())
                                  : -1);
        }
      }
      int page_fold = -1;
      if (auto id = o.find("id"); id != o.end() && id->is_string()) {
        const std::string& pid = id->get_ref<const std::string&>();
        page_fold = TrainingFold(std::string_view(pid).substr(0, pid.find('#')));
      }
      HtmlReadOptions ro;
      if (auto u = o.find("url"); u != o.end() && u->is_string()) ro.url = u->get<std::string>();
      const std::string& bytes = html->get_ref<const std::string&>();
      HtmlDocument page;
      ReadHtml(bytes, ro, &page);
      // The page read by the full model, or by each fold's model (out of fold).
      AnalyzedDocument docs[2];
      const NgramModel* scorers[2] = {model, model};
      for (int f = 0; f < (oof ? 2 : 1); ++f) {
        if (oof) scorers[f] = fold_models[size_t(f)];
        AnalyzeHtmlPage(page, &rules, scorers[f], &docs[f]);
      }
      for (size_t i = 0; i < page.blocks.size(); ++i) {
        const HtmlBlock& b = page.blocks[i];
        const size_t n = docs[0].sentences[i].size();
        if (n == 0) continue;
        auto example = [&](size_t first, size_t last, Range src) {
          const int label = LabelOf(inj, src);
          if (label < 0) return;
          int f = 0;
          if (oof) {
            f = label == 1 ? SpanFold(inj, src) : page_fold;
            if (f < 0) return;  // no fold known: it could only be scored in sample
          }
          const auto& sents = docs[f].sentences[i];
          const Range text{sents[first].range.start, sents[last - 1].range.end};
          const FeatureVector fv = RunFeatures(docs[f], i, first, last, scorers[f], &rules);
          add(HtmlFeatures(page, b, text), scorer.Logit(fv), label);
        };
        example(0, n, b.source);
        if (n < 2) continue;
        for (size_t k = 0; k < n; ++k) {
          Range src;
          if (page.SourceRange(i, docs[0].sentences[i][k].range, &src)) example(k, k + 1, src);
        }
      }
      if (++summary->pages % 100 == 0 && progress) {
        progress("html: " + std::to_string(summary->pages) + " pages");
      }
      return Status::Ok();
    });
    if (!s.ok()) return s;
  }
  summary->examples = y.size();
  if (summary->spam_examples == 0 || summary->spam_examples == y.size()) {
    return Status::InvalidArgument("train --html: need pages with and without injections (got " +
                                   std::to_string(summary->spam_examples) + " spam examples of " +
                                   std::to_string(y.size()) + ")");
  }
  // Facts that mark injections (hidden text, stray links) are never taken as a sign of clean
  // text: when one comes out negative (the real pages' own hidden menus and footers outnumber
  // the injections the data holds), it is left out (weight 0) and the rest refitted.
  std::vector<double> beta;
  for (;;) {
    beta = TrainDense(x, y, w, kNumHtmlFeatures, 1.0, 30, offset);
    bool refit = false;
    for (int j : {kHtmlHidden, kHtmlLinkFarm, kHtmlStrayLinks}) {
      if (beta[size_t(j)] >= 0) continue;
      for (size_t r = size_t(j); r < x.size(); r += kNumHtmlFeatures) x[r] = 0;
      refit = true;
    }
    if (!refit) break;
  }
  model->set_html_weights(std::vector<float>(beta.begin(), beta.end()));
  if (progress) {
    std::string m = "html: " + std::to_string(y.size()) + " examples (" +
                    std::to_string(summary->spam_examples) + " spam); weights";
    for (int j = 0; j < kNumHtmlFeatures; ++j) {
      m += " " + std::string(HtmlFeatureName(j)) + "=" + std::to_string(beta[size_t(j)]);
    }
    progress(m);
  }
  return Status::Ok();
}

}  // namespace spamstrip
