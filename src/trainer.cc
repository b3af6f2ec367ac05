#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>

#include "block_features.h"
#include "doc_synth.h"
#include "document_analysis.h"
#include "file_util.h"
#include "gbdt.h"
#include "html_features.h"
#include "html_trainer.h"
#include "logistic.h"
#include "ngram_hash.h"
#include "ngram_model.h"
#include "normalizer.h"
#include "rule_set.h"
#include "scorer.h"
#include "spamstrip/train.h"
#include "tokenizer.h"
#include "training_data.h"

namespace spamstrip {
namespace {

int FoldOf(const std::string& id) { return TrainingFold(id); }

std::vector<uint32_t> BucketsOf(const std::string& text, const NgramConfig& config) {
  CanonicalText canon;
  Tokens tokens;
  Normalize(text, &canon);
  Tokenize(canon.text, &tokens);
  std::vector<uint32_t> b;
  ExtractNgrams(tokens, config, &b);
  return b;
}

// Non-whitespace bytes of text[a, b) and how many of them are marked in `mask`.
std::pair<size_t, size_t> Ink(const std::string& text, const std::vector<char>& mask, size_t a,
                              size_t b) {
  size_t all = 0, marked = 0;
  for (size_t i = a; i < b; ++i) {
    char c = text[i];
    if (c == ' ' || c == '\n' || c == '\t' || c == '\r') continue;
    ++all;
    marked += mask[i] ? 1 : 0;
  }
  return {all, marked};
}

struct Stage2 {
  std::vector<double> x, y, w;
  std::vector<char> whole;  // example is a whole block (else a sentence run)
  std::vector<char> fold;   // fold of the document it came from
  int current_fold = 0;
  void Add(const FeatureVector& f, double label, double weight, bool is_whole) {
    fold.push_back(static_cast<char>(current_fold));
    x.insert(x.end(), f.begin(), f.end());
    y.push_back(label);
    w.push_back(weight);
    whole.push_back(is_whole);
  }
  FeatureVector Row(size_t i) const {
    FeatureVector f;
    std::copy(x.begin() + static_cast<long>(i * kNumFeatures),
              x.begin() + static_cast<long>((i + 1) * kNumFeatures), f.begin());
    return f;
  }
};

void AddDocumentExamples(const SynthDoc& doc, const RuleSet& rules, const NgramModel& model,
                         Stage2* out) {
  AnalyzedDocument a;
  AnalyzeDocument(doc.text, &rules, &model, &a);
  std::vector<char> mask(doc.text.size(), 0);
  for (const auto& [s, e] : doc.spam)
    std::fill(mask.begin() + static_cast<long>(s), mask.begin() + static_cast<long>(e), 1);
  for (size_t i = 0; i < a.blocks.size(); ++i) {
    const Segment& seg = a.blocks[i];
    const auto& sents = a.sentences[i];
    const size_t n = sents.size();
    auto [all, marked] = Ink(doc.text, mask, seg.range.start, seg.range.end);
    if (all == 0) continue;
    const double frac = static_cast<double>(marked) / static_cast<double>(all);
    if (frac >= 0.9 || frac <= 0.1) {
      out->Add(RunFeatures(a, i, 0, n, &model, &rules), frac >= 0.9 ? 1 : 0, 1.0, true);
    }
    if (n < 2) continue;
    std::vector<int> label(n, -1);
    for (size_t k = 0; k < n; ++k) {
      auto [sa, sm] = Ink(doc.text, mask, sents[k].range.start, sents[k].range.end);
      if (sa == 0) continue;
      const double f = static_cast<double>(sm) / static_cast<double>(sa);
      label[k] = f >= 0.5 ? 1 : 0;
      if (f >= 0.9 || f <= 0.1) {
        out->Add(RunFeatures(a, i, k, k + 1, &model, &rules), f >= 0.9 ? 1 : 0, 1.0, false);
      }
    }
    if (frac <= 0.1 && n >= 3) {
      // Clean multi-sentence runs: the span search scores such runs in every kept block.
      const std::pair<size_t, size_t> runs[] = {{n - 2, n}, {n / 2, n}, {0, 2}};
      for (const auto& [b, e] : runs) {
        if (e - b >= 2 && e - b < n) {
          out->Add(RunFeatures(a, i, b, e, &model, &rules), 0, 1.0, false);
        }
      }
    }
    if (frac > 0.1 && frac < 0.9) {
      // Mixed block: every maximal run of spam sentences, and the clean runs around them.
      for (size_t b = 0; b < n;) {
        size_t e = b + 1;
        while (e < n && (label[e] == 1) == (label[b] == 1)) ++e;
        if (e - b >= 2 || label[b] == 1) {
          out->Add(RunFeatures(a, i, b, e, &model, &rules), label[b] == 1 ? 1 : 0, 1.0, false);
        }
        b = e;
      }
    }
  }
}

}  // namespace

namespace {

Status FitHtml(const TrainOptions& o, const RuleSet* rules, NgramModel* model,
               const std::vector<const NgramModel*>& fold_models, const ProgressFn& log,
               TrainSummary* summary) {
  HtmlFitSummary hs;
  Status s = FitHtmlWeights(o.html_files, *rules, model, fold_models, log, &hs);
  if (!s.ok()) return s;
  summary->html_pages = hs.pages;
  summary->html_examples = hs.examples;
  for (size_t j = 0; j < model->html_weights().size(); ++j) {
    summary->html_weights.emplace_back(HtmlFeatureName(static_cast<int>(j)),
                                       model->html_weights()[j]);
  }
  return Status::Ok();
}

// --base-model: keep the text model as it is, (re)fit the HTML weights only.
Status RefitHtml(const TrainOptions& o, const ProgressFn& log, std::string* model_out,
                 TrainSummary* summary) {
  if (o.html_files.empty()) {
    return Status::InvalidArgument("train: --base-model needs --html pages to fit");
  }
  std::string bytes;
  Status s = ReadFile(o.base_model, &bytes);
  if (!s.ok()) return s;
  NgramModel model;
  s = model.Load(bytes, o.base_model);
  if (!s.ok()) return s;
  RuleSet rules;
  s = rules.Load(o.rule_files);
  if (!s.ok()) return s;
  s = FitHtml(o, &rules, &model, {}, log, summary);
  if (!s.ok()) return s;
  summary->threshold = model.threshold();
  summary->span_threshold = model.span_threshold();
  *model_out = model.Serialize();
  return Status::Ok();
}

}  // namespace

Status Train(const TrainOptions& o, const ProgressFn& progress, std::string* model_out,
             TrainSummary* summary) {
  auto log = [&](const std::string& m) {
    if (progress) progress(m);
  };
  *summary = TrainSummary();
  if (!o.base_model.empty()) return RefitHtml(o, log, model_out, summary);
  if (o.data_files.empty()) return Status::InvalidArgument("train: no --data files");
  if (o.hash_bits < 10 || o.hash_bits > 24) {
    return Status::InvalidArgument("train: hash bits must be in 10..24");
  }
  TrainingData data;
  for (const auto& f : o.data_files) {
    Status s = ReadTrainingFile(f, o.split, &data);
    if (!s.ok()) return s;
  }
  NgramConfig config;
  config.hash_bits = o.hash_bits;
  // Stage 1 examples.
  SparseExamples ex;
  std::vector<int> fold;
  for (const Article& a : data.articles) {
    for (const auto& p : a.paragraphs) {
      ex.Add(BucketsOf(p, config), 0.0f, 1.0f);
      fold.push_back(FoldOf(a.id));
      ++summary->clean_blocks;
    }
  }
  for (const LabelledText& t : data.texts) {
    ex.Add(BucketsOf(t.text, config), t.spam ? 1.0f : 0.0f, 1.0f);
    fold.push_back(FoldOf(t.id));
    (t.spam ? summary->spam_blocks : summary->clean_blocks)++;
  }
  if (summary->spam_blocks == 0 || summary->clean_blocks == 0) {
    return Status::InvalidArgument("train: need both spam and clean examples (got " +
                                   std::to_string(summary->spam_blocks) + " spam, " +
                                   std::to_string(summary->clean_blocks) + " clean)");
  }
  // Balance the classes.
  const double n = static_cast<double>(ex.size());
  const float wpos = static_cast<float>(n / (2.0 * static_cast<double>(summary->spam_blocks)));
  const float wneg = static_cast<float>(n / (2.0 * static_cast<double>(summary->clean_blocks)));
  for (size_t i = 0; i < ex.size(); ++i) ex.weight[i] = ex.label[i] > 0.5f ? wpos : wneg;
  log("read " + std::to_string(data.articles.size()) + " articles, " +
      std::to_string(summary->clean_blocks) + " clean and " + std::to_string(summary->spam_blocks) +
      " spam blocks");

  RuleSet rules;
  Status s = rules.Load(o.rule_files);
  if (!s.ok()) return s;

  SgdOptions sgd;
  sgd.epochs = o.epochs;
  sgd.learning_rate = o.learning_rate;
  sgd.l2 = o.l2;
  sgd.seed = o.seed;
  const size_t dim = size_t(1) << o.hash_bits;

  // Stage 2 on out-of-fold scores.
  Stage2 st;
  std::vector<SparseModel> fold_sparse;  // stage 1 without fold f, kept for stage 3
  for (int f = 0; f < 2; ++f) {
    std::vector<uint32_t> other;
    for (size_t i = 0; i < ex.size(); ++i) {
      if (fold[i] != f) other.push_back(static_cast<uint32_t>(i));
    }
    log("stage 1 for fold " + std::to_string(f) + " (" + std::to_string(other.size()) +
        " examples)");
    SparseModel m = TrainSparse(ex, other, dim, sgd, log);
    NgramModel fm;
    fm.Set(config, m.bias, m.w, DefaultCombiner(), 0.5, 0.3, 0.5);
    fold_sparse.push_back(m);
    std::vector<const LabelledText*> spam;
    for (const auto& t : data.texts) {
      if (t.spam && FoldOf(t.id) == f) spam.push_back(&t);
    }
    if (spam.empty()) continue;
    Rng rng(o.seed * 1000003u + static_cast<uint64_t>(f));
    st.current_fold = f;
    std::vector<const Article*> fold_articles;
    for (const Article& a : data.articles) {
      if (FoldOf(a.id) == f) fold_articles.push_back(&a);
    }
    const ForeignScriptPool foreign(fold_articles);
    SynthDoc doc;
    size_t docs = 0;
    for (const Article* a : fold_articles) {
      for (int r = 0; r < o.docs_per_article; ++r) {
        SynthesizeDocument(*a, spam, &foreign, o.foreign_script_share, 0.4, &rng, &doc);
        AddDocumentExamples(doc, rules, fm, &st);
        ++docs;
      }
    }
    // Legitimate text that looks spammy, alone on its page.
    for (const auto& t : data.texts) {
      if (t.spam || FoldOf(t.id) != f) continue;
      doc.text = t.text;
      doc.spam.clear();
      AddDocumentExamples(doc, rules, fm, &st);
      ++docs;
    }
    log("stage 2: fold " + std::to_string(f) + ": " + std::to_string(docs) + " documents, " +
        std::to_string(st.y.size()) + " examples so far");
  }
  size_t pos = 0;
  for (double v : st.y) pos += v > 0.5 ? 1 : 0;
  const size_t neg = st.y.size() - pos;
  if (pos == 0 || neg == 0) return Status::InvalidArgument("train: stage 2 got a single class");
  for (size_t i = 0; i < st.y.size(); ++i) {
    st.w[i] = st.y[i] > 0.5 ? static_cast<double>(st.y.size()) / (2.0 * static_cast<double>(pos))
                            : static_cast<double>(st.y.size()) / (2.0 * static_cast<double>(neg));
  }
  if (!o.dump_stage2.empty()) {
    std::string dump;
    for (size_t i = 0; i < st.y.size(); ++i) {
      for (int k = 0; k < kNumFeatures; ++k) {
        dump += std::to_string(st.x[i * kNumFeatures + static_cast<size_t>(k)]) + ",";
      }
      dump += std::to_string(static_cast<int>(st.y[i])) + "," + (st.whole[i] ? "1" : "0") + "\n";
    }
    Status ds = WriteFileAtomic(o.dump_stage2, dump);
    if (!ds.ok()) return ds;
  }
  std::vector<double> beta = TrainDense(st.x, st.y, st.w, kNumFeatures, 1.0, 50);
  std::vector<float> combiner(beta.begin(), beta.end());
  ForestOptions fo;
  fo.trees = o.trees;
  fo.learning_rate = o.tree_learning_rate;
  fo.depth = o.tree_depth;
  auto fit = [&](int skip_fold) {
    std::vector<double> x, y, w;
    for (size_t i = 0; i < st.y.size(); ++i) {
      if (st.fold[i] == skip_fold) continue;
      const FeatureVector row = st.Row(i);
      x.insert(x.end(), row.begin(), row.end());
      y.push_back(st.y[i]);
      w.push_back(1.0);
    }
    return TrainForest(x, y, w, kNumFeatures, fo, log);
  };
  summary->stage2_examples = st.y.size();
  for (int i = 0; i < kNumFeatures; ++i) {
    summary->combiner.emplace_back(FeatureName(i), beta[static_cast<size_t>(i)]);
  }
  // Thresholds: the score quantiles of clean whole blocks and of clean sentence runs at the
  // target false-positive rates, each example scored by a forest that did not see its fold
  // (in-sample scores are optimistic and would set the thresholds too low).
  // (With no trees the linear combiner scores, in sample: it has a handful of weights.)
  std::vector<double> oof(st.y.size(), 0.0);
  for (int f = 0; f < 2; ++f) {
    Forest held_out;
    if (o.trees > 0) {
      log("stage 2: held-out forest for fold " + std::to_string(f));
      held_out = fit(f);
    }
    Scorer scorer(combiner, &held_out);
    for (size_t i = 0; i < st.y.size(); ++i) {
      if (st.fold[i] == f) oof[i] = scorer.Probability(st.Row(i));
    }
  }
  Forest forest;
  if (o.trees > 0) {
    log("stage 2: forest on all examples");
    forest = fit(-1);
  }
  auto quantile = [&](bool whole, double rate) {
    std::vector<double> scores;
    for (size_t i = 0; i < st.y.size(); ++i) {
      if (st.y[i] > 0.5 || static_cast<bool>(st.whole[i]) != whole) continue;
      scores.push_back(oof[i]);
    }
    if (scores.empty()) return 0.5;
    std::sort(scores.begin(), scores.end());
    size_t k = static_cast<size_t>(std::floor((1.0 - rate) * static_cast<double>(scores.size())));
    k = std::min(k, scores.size() - 1);
    return std::clamp(scores[k] + 1e-6, 0.05, 0.995);
  };
  const double threshold = quantile(true, o.target_fpr);
  const double span_threshold = std::max(threshold, quantile(false, o.span_target_fpr));
  summary->span_threshold = span_threshold;
  summary->threshold = threshold;
  log("stage 2: " + std::to_string(st.y.size()) + " examples (" + std::to_string(pos) +
      " spam), threshold " + std::to_string(threshold));

  log("stage 1 on all data");
  SparseModel final_model = TrainSparse(ex, {}, dim, sgd, log);
  NgramModel out;
  out.Set(config, final_model.bias, final_model.w, combiner, threshold, threshold * 0.6,
          span_threshold);
  out.set_forest(std::move(forest));
  if (!o.html_files.empty()) {
    // Out-of-fold text scores for the pages too: each fold's stage-1 model with the final trees.
    std::vector<NgramModel> fold_models(fold_sparse.size());
    std::vector<const NgramModel*> folds;
    for (size_t f = 0; f < fold_sparse.size(); ++f) {
      fold_models[f].Set(config, fold_sparse[f].bias, fold_sparse[f].w, combiner, threshold,
                         threshold * 0.6, span_threshold);
      fold_models[f].set_forest(out.forest());
      folds.push_back(&fold_models[f]);
    }
    Status hs = FitHtml(o, &rules, &out, folds, log, summary);
    if (!hs.ok()) return hs;
  }
  *model_out = out.Serialize();
  return Status::Ok();
}

}  // namespace spamstrip
