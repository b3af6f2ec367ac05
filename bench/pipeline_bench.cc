// pipeline_bench.cc — Google Benchmark micro-benchmarks of each pipeline stage and of the whole
// Detector, reporting bytes/s of input text (column "bytes_per_second").
//
//   build-bench/bench/pipeline_bench                       # everything
//   build-bench/bench/pipeline_bench --benchmark_filter=Analyze
//   SPAMSTRIP_BENCH_FILE=/tmp/dev.jsonl build-bench/bench/pipeline_bench --benchmark_filter=File
//
// Stage benchmarks run at the granularity the Detector uses: one call per sentence of a ~5 KB
// article (Normalize, RuleSet::Match, Tokenize, NgramModel::Score), so per-call overhead counts.
// Input is generated (bench_text.h); nothing is read from ../shared/data unless
// SPAMSTRIP_BENCH_FILE names a JSONL file with a "text" field per line.
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <fstream>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "bench_text.h"
#include "block_features.h"
#include "document_analysis.h"
#include "embedded.h"
#include "ngram_model.h"
#include "normalizer.h"
#include "rule_set.h"
#include "segmenter.h"
#include "spamstrip/detector.h"
#include "spamstrip/options.h"
#include "spamstrip/report.h"
#include "tokenizer.h"

namespace spamstrip::bench {
namespace {

constexpr size_t kArticleBytes = 5000;

const std::string& CleanArticle() {
  static const std::string s = EnglishArticle(7, kArticleBytes, false);
  return s;
}
const std::string& SpamArticle() {
  static const std::string s = EnglishArticle(7, kArticleBytes, true);
  return s;
}
const std::string& Arabic() {
  static const std::string s = ArabicArticle(7, kArticleBytes);
  return s;
}
const std::string& Large() {
  static const std::string s = LargeDocument(1 << 20);
  return s;
}

const RuleSet& BuiltinRules() {
  static const RuleSet* rules = [] {
    auto* r = new RuleSet();
    for (const auto& f : EmbeddedRules()) {
      if (!r->Parse(f.data, std::string(f.name)).ok()) std::abort();
    }
    if (!r->Compile().ok()) std::abort();
    return r;
  }();
  return *rules;
}

const NgramModel* BuiltinModel() {
  static const NgramModel* model = []() -> const NgramModel* {
    if (EmbeddedModel().empty()) return nullptr;
    auto* m = new NgramModel();
    if (!m->Load(EmbeddedModel(), "built-in model").ok()) std::abort();
    return m;
  }();
  return model;
}

const Detector& BuiltinDetector() {
  static const Detector* d = [] {
    std::unique_ptr<Detector> p;
    if (!Detector::Create(Options(), &p).ok()) std::abort();
    return p.release();
  }();
  return *d;
}

// The sentence texts of `doc`, as the Detector sees them.
std::vector<std::string_view> Sentences(const std::string& doc) {
  std::vector<Segment> segs;
  SegmentText(doc, &segs);
  std::vector<std::string_view> out;
  for (const auto& s : segs) {
    for (const auto& r : s.sentences)
      out.push_back(std::string_view(doc).substr(r.start, r.size()));
  }
  return out;
}

size_t TotalBytes(const std::vector<std::string_view>& v) {
  size_t n = 0;
  for (auto s : v) n += s.size();
  return n;
}

std::vector<std::string> Canonical(const std::vector<std::string_view>& sents) {
  std::vector<std::string> out;
  CanonicalText c;
  for (auto s : sents) {
    Normalize(s, &c);
    out.push_back(c.text);
  }
  return out;
}

// ---- stages ---------------------------------------------------------------------------------

void NormalizeSentences(benchmark::State& state, const std::string& doc) {
  const auto sents = Sentences(doc);
  CanonicalText c;
  for (auto _ : state) {
    for (auto s : sents) {
      Normalize(s, &c);
      benchmark::DoNotOptimize(c.text.data());
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * TotalBytes(sents)));
  state.counters["sentences"] = static_cast<double>(sents.size());
}
void BM_Normalize_English(benchmark::State& state) { NormalizeSentences(state, CleanArticle()); }
void BM_Normalize_Arabic(benchmark::State& state) { NormalizeSentences(state, Arabic()); }
BENCHMARK(BM_Normalize_English);
BENCHMARK(BM_Normalize_Arabic);

void BM_Tokenize(benchmark::State& state) {
  const auto canon = Canonical(Sentences(CleanArticle()));
  size_t bytes = 0;
  for (const auto& c : canon) bytes += c.size();
  Tokens t;
  for (auto _ : state) {
    for (const auto& c : canon) {
      Tokenize(c, &t);
      benchmark::DoNotOptimize(t.words.data());
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * bytes));
}
BENCHMARK(BM_Tokenize);

void RuleMatch(benchmark::State& state, const std::string& doc) {
  const RuleSet& rules = BuiltinRules();
  const auto canon = Canonical(Sentences(doc));
  size_t bytes = 0;
  for (const auto& c : canon) bytes += c.size();
  std::vector<int> ids;
  size_t hits = 0;
  for (auto _ : state) {
    hits = 0;
    for (const auto& c : canon) {
      ids.clear();
      rules.Match(c, &ids);
      hits += ids.size();
    }
    benchmark::DoNotOptimize(hits);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * bytes));
  state.counters["rules"] = static_cast<double>(rules.size());
  state.counters["hits"] = static_cast<double>(hits);
}
void BM_RuleSetMatch_Clean(benchmark::State& state) { RuleMatch(state, CleanArticle()); }
void BM_RuleSetMatch_Spam(benchmark::State& state) { RuleMatch(state, SpamArticle()); }
BENCHMARK(BM_RuleSetMatch_Clean);
BENCHMARK(BM_RuleSetMatch_Spam);

void BM_NgramScore(benchmark::State& state) {
  const NgramModel* model = BuiltinModel();
  if (model == nullptr) {
    state.SkipWithError("no built-in model (rules/default.model missing at build time)");
    return;
  }
  const auto canon = Canonical(Sentences(CleanArticle()));
  std::vector<Tokens> toks(canon.size());
  size_t bytes = 0;
  for (size_t i = 0; i < canon.size(); ++i) {
    Tokenize(canon[i], &toks[i]);
    bytes += canon[i].size();
  }
  for (auto _ : state) {
    double sum = 0;
    for (const auto& t : toks) sum += model->Score(t).sum;
    benchmark::DoNotOptimize(sum);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * bytes));
  state.counters["hash_bits"] = model->config().hash_bits;
}
BENCHMARK(BM_NgramScore);

void BM_SegmentText(benchmark::State& state) {
  const std::string& doc = CleanArticle();
  std::vector<Segment> segs;
  for (auto _ : state) {
    segs.clear();
    SegmentText(doc, &segs);
    benchmark::DoNotOptimize(segs.data());
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * doc.size()));
}
BENCHMARK(BM_SegmentText);

// Per-sentence statistics: shape scan + Normalize + Match + Tokenize + Score + URL regex.
void BM_ComputeSentenceStats(benchmark::State& state) {
  const std::string& doc = CleanArticle();
  std::vector<Segment> segs;
  SegmentText(doc, &segs);
  std::vector<Range> ranges;
  size_t bytes = 0;
  for (const auto& s : segs) {
    for (const auto& r : s.sentences) {
      ranges.push_back(r);
      bytes += r.size();
    }
  }
  SentenceStats st;
  for (auto _ : state) {
    for (const auto& r : ranges) {
      ComputeSentenceStats(doc, r, &BuiltinRules(), BuiltinModel(), &st);
      benchmark::DoNotOptimize(st.words);
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * bytes));
}
BENCHMARK(BM_ComputeSentenceStats);

// Segmentation + every sentence's statistics + document context (no scoring, no span search).
void BM_AnalyzeDocument(benchmark::State& state) {
  const std::string& doc = state.range(0) ? SpamArticle() : CleanArticle();
  AnalyzedDocument a;
  for (auto _ : state) {
    AnalyzeDocument(doc, &BuiltinRules(), BuiltinModel(), &a);
    benchmark::DoNotOptimize(a.blocks.data());
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * doc.size()));
  state.SetLabel(state.range(0) ? "spam" : "clean");
}
BENCHMARK(BM_AnalyzeDocument)->Arg(0)->Arg(1);

// ---- whole detector -------------------------------------------------------------------------

void AnalyzeDoc(benchmark::State& state, const std::string& doc) {
  const Detector& d = BuiltinDetector();
  Report r;
  for (auto _ : state) {
    d.Analyze(doc, &r);
    benchmark::DoNotOptimize(r.blocks.data());
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * doc.size()));
  state.counters["doc_bytes"] = static_cast<double>(doc.size());
  state.counters["removed"] = static_cast<double>(r.removed.size());
}
void BM_Analyze_CleanArticle(benchmark::State& state) { AnalyzeDoc(state, CleanArticle()); }
void BM_Analyze_SpamArticle(benchmark::State& state) { AnalyzeDoc(state, SpamArticle()); }
void BM_Analyze_ArabicArticle(benchmark::State& state) { AnalyzeDoc(state, Arabic()); }
void BM_Analyze_1MB(benchmark::State& state) { AnalyzeDoc(state, Large()); }
BENCHMARK(BM_Analyze_CleanArticle);
BENCHMARK(BM_Analyze_SpamArticle);
BENCHMARK(BM_Analyze_ArabicArticle);
BENCHMARK(BM_Analyze_1MB)->Unit(benchmark::kMillisecond);

// Analyze + Clean: what `spamstrip clean` does per document, minus I/O and JSON.
void BM_AnalyzeAndClean_SpamArticle(benchmark::State& state) {
  const Detector& d = BuiltinDetector();
  const std::string& doc = SpamArticle();
  Report r;
  for (auto _ : state) {
    d.Analyze(doc, &r);
    std::string out = Clean(doc, r);
    benchmark::DoNotOptimize(out.data());
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * doc.size()));
}
BENCHMARK(BM_AnalyzeAndClean_SpamArticle);

// A corpus of generated ~2-8 KB articles, as a stream of documents.
void BM_Analyze_ArticleSet(benchmark::State& state) {
  static const std::vector<std::string> docs = ArticleSet(200);
  const Detector& d = BuiltinDetector();
  size_t bytes = 0;
  for (const auto& s : docs) bytes += s.size();
  Report r;
  for (auto _ : state) {
    for (const auto& s : docs) {
      d.Analyze(s, &r);
      benchmark::DoNotOptimize(r.blocks.data());
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * bytes));
  state.counters["docs"] = static_cast<double>(docs.size());
}
BENCHMARK(BM_Analyze_ArticleSet)->Unit(benchmark::kMillisecond);

// Model + rules load (Detector::Create). The ICU character table is built once per process on
// first use and is not part of this figure; latency_bench reports it ("first_analyze_us").
void BM_DetectorCreate(benchmark::State& state) {
  Options o;
  o.use_model = state.range(0) != 0;
  for (auto _ : state) {
    std::unique_ptr<Detector> d;
    if (!Detector::Create(o, &d).ok()) {
      state.SkipWithError("Detector::Create failed");
      return;
    }
    benchmark::DoNotOptimize(d.get());
  }
  state.SetLabel(o.use_model ? "rules+model" : "rules only");
}
BENCHMARK(BM_DetectorCreate)->Arg(1)->Arg(0)->Unit(benchmark::kMillisecond);

void BM_ModelLoad(benchmark::State& state) {
  if (EmbeddedModel().empty()) {
    state.SkipWithError("no built-in model");
    return;
  }
  for (auto _ : state) {
    NgramModel m;
    if (!m.Load(EmbeddedModel(), "built-in model").ok()) std::abort();
    benchmark::DoNotOptimize(&m);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * EmbeddedModel().size()));
}
BENCHMARK(BM_ModelLoad)->Unit(benchmark::kMillisecond);

// ---- optional: documents of a JSONL file ----------------------------------------------------

void BM_Analyze_File(benchmark::State& state, std::vector<std::string>* docs) {
  const Detector& d = BuiltinDetector();
  size_t bytes = 0;
  for (const auto& s : *docs) bytes += s.size();
  Report r;
  for (auto _ : state) {
    for (const auto& s : *docs) {
      d.Analyze(s, &r);
      benchmark::DoNotOptimize(r.blocks.data());
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * bytes));
  state.counters["docs"] = static_cast<double>(docs->size());
}

void RegisterFileBenchmark() {
  const char* path = std::getenv("SPAMSTRIP_BENCH_FILE");
  if (path == nullptr || *path == '\0') return;
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    std::fprintf(stderr, "SPAMSTRIP_BENCH_FILE=%s: cannot open\n", path);
    std::exit(2);
  }
  auto* docs = new std::vector<std::string>();  // lives for the process
  std::string line;
  while (std::getline(in, line)) {
    auto j = nlohmann::json::parse(line, nullptr, false);
    if (j.is_discarded() || !j.is_object()) continue;
    auto t = j.find("text");
    if (t != j.end() && t->is_string()) docs->push_back(t->get<std::string>());
  }
  benchmark::RegisterBenchmark("BM_Analyze_File", BM_Analyze_File, docs)
      ->Unit(benchmark::kMillisecond);
}

// Builds the process-wide ICU character table and the shared rules/model/detector before any
// timing starts, so the first benchmark does not pay for them.
void WarmUp() {
  BuiltinRules();
  BuiltinModel();
  Report r;
  BuiltinDetector().Analyze(SpamArticle(), &r);
  BuiltinDetector().Analyze(Arabic(), &r);
}

}  // namespace
}  // namespace spamstrip::bench

int main(int argc, char** argv) {
  spamstrip::bench::RegisterFileBenchmark();
  spamstrip::bench::WarmUp();
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
