// latency_bench.cc — per-document latency of Analyze + Clean with one Detector loaded once.
//
// Usage:
//   latency_bench [FILE.jsonl] [--reps N] [--no-model] [--no-sentence-cuts]
//   latency_bench --emit-jsonl N     # write N generated articles as JSONL {"id","text"}; exit
//
// Reads the "text" field of every JSONL line of FILE (without FILE: 400 generated articles,
// bench_text.h), times Detector::Create, the first Analyze (which also builds the process-wide
// ICU character table), then runs Analyze + Clean over every document N times (default 3) on
// the calling thread and prints one "key value" per line:
//   create_ms, create_cpu_ms, first_analyze_ms, first_analyze_cpu_ms, docs, reps,
//   input_mb (one pass), mean_doc_bytes, seconds, cpu_seconds, mb_per_s (wall), mb_per_cpu_s,
//   p50_us p95_us p99_us max_us (wall per document),
//   cpu_p50_us ... cpu_max_us (thread CPU time per document: robust when the machine is busy),
//   slowest_doc_bytes (size of the document with the highest CPU time)
// MB are 10^6 bytes of document text (JSON framing excluded). Exit 2 on bad usage or input.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <fstream>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "bench_text.h"
#include "spamstrip/detector.h"
#include "spamstrip/options.h"
#include "spamstrip/report.h"

namespace {

using Clock = std::chrono::steady_clock;

double Seconds(Clock::time_point a, Clock::time_point b) {
  return std::chrono::duration<double>(b - a).count();
}

// CPU time of the calling thread: unaffected by other processes sharing the core.
double ThreadCpuSeconds() {
  timespec ts;
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

struct Percentiles {
  double p50, p95, p99, max;
  size_t max_index;
};
Percentiles Summarise(const std::vector<double>& v) {
  std::vector<size_t> order(v.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(), [&](size_t x, size_t y) { return v[x] < v[y]; });
  auto pct = [&](double p) {
    size_t k = static_cast<size_t>(p * static_cast<double>(order.size() - 1) + 0.5);
    return v[order[std::min(k, order.size() - 1)]];
  };
  return {pct(0.50), pct(0.95), pct(0.99), v[order.back()], order.back()};
}

int Usage() {
  std::fprintf(stderr,
               "usage: latency_bench [FILE.jsonl] [--reps N] [--no-model] [--no-sentence-cuts]\n"
               "       latency_bench --emit-jsonl N\n");
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  std::string path;
  int reps = 3;
  spamstrip::Options opt;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--reps" && i + 1 < argc) {
      reps = std::atoi(argv[++i]);
      if (reps < 1) return Usage();
    } else if (a == "--emit-jsonl" && i + 1 < argc) {
      const long n = std::atol(argv[++i]);
      if (n < 1) return Usage();
      const auto docs = spamstrip::bench::ArticleSet(static_cast<size_t>(n));
      for (size_t k = 0; k < docs.size(); ++k) {
        nlohmann::json j = {{"id", "gen-" + std::to_string(k)}, {"text", docs[k]}};
        std::printf("%s\n", j.dump().c_str());
      }
      return 0;
    } else if (a == "--no-model") {
      opt.use_model = false;
    } else if (a == "--no-sentence-cuts") {
      opt.sentence_cuts = false;
    } else if (!a.empty() && a[0] == '-') {
      return Usage();
    } else if (path.empty()) {
      path = a;
    } else {
      return Usage();
    }
  }

  std::vector<std::string> docs;
  std::string error;
  if (!spamstrip::bench::LoadTexts(path, 400, &docs, &error)) {
    std::fprintf(stderr, "latency_bench: %s\n", error.c_str());
    return 2;
  }

  if (docs.empty()) {
    std::fprintf(stderr, "latency_bench: no documents\n");
    return 2;
  }

  const auto t0 = Clock::now();
  const double c0 = ThreadCpuSeconds();
  std::unique_ptr<spamstrip::Detector> d;
  spamstrip::Status s = spamstrip::Detector::Create(opt, &d);
  const double c1 = ThreadCpuSeconds();
  const auto t1 = Clock::now();
  if (!s.ok()) {
    std::fprintf(stderr, "latency_bench: %s\n", s.ToString().c_str());
    return 2;
  }
  spamstrip::Report report;
  d->Analyze(docs[0], &report);
  const double c2 = ThreadCpuSeconds();
  const auto t2 = Clock::now();

  size_t bytes = 0;
  for (const auto& doc : docs) bytes += doc.size();
  std::vector<double> lat, lat_cpu;  // microseconds: wall, thread CPU
  std::vector<size_t> lat_bytes;
  lat.reserve(docs.size() * static_cast<size_t>(reps));
  lat_cpu.reserve(lat.capacity());
  size_t sink = 0;
  const auto start = Clock::now();
  const double cpu_start = ThreadCpuSeconds();
  for (int r = 0; r < reps; ++r) {
    for (const auto& doc : docs) {
      const auto a = Clock::now();
      const double ca = ThreadCpuSeconds();
      d->Analyze(doc, &report);
      std::string cleaned = spamstrip::Clean(doc, report);
      const double cb = ThreadCpuSeconds();
      const auto b = Clock::now();
      sink += cleaned.size();
      lat.push_back(Seconds(a, b) * 1e6);
      lat_cpu.push_back((cb - ca) * 1e6);
      lat_bytes.push_back(doc.size());
    }
  }
  const double secs = Seconds(start, Clock::now());
  const double cpu_secs = ThreadCpuSeconds() - cpu_start;
  const Percentiles w = Summarise(lat), c = Summarise(lat_cpu);
  const double mb = static_cast<double>(bytes) * reps / 1e6;

  std::printf("create_ms %.2f\n", Seconds(t0, t1) * 1e3);
  std::printf("create_cpu_ms %.2f\n", (c1 - c0) * 1e3);
  std::printf("first_analyze_ms %.2f\n", Seconds(t1, t2) * 1e3);
  std::printf("first_analyze_cpu_ms %.2f\n", (c2 - c1) * 1e3);
  std::printf("docs %zu\n", docs.size());
  std::printf("reps %d\n", reps);
  std::printf("input_mb %.3f\n", static_cast<double>(bytes) / 1e6);
  std::printf("mean_doc_bytes %.0f\n",
              static_cast<double>(bytes) / static_cast<double>(docs.size()));
  std::printf("seconds %.3f\n", secs);
  std::printf("cpu_seconds %.3f\n", cpu_secs);
  std::printf("mb_per_s %.2f\n", mb / secs);
  std::printf("mb_per_cpu_s %.2f\n", mb / cpu_secs);
  std::printf("p50_us %.1f\np95_us %.1f\np99_us %.1f\nmax_us %.1f\n", w.p50, w.p95, w.p99, w.max);
  std::printf("cpu_p50_us %.1f\ncpu_p95_us %.1f\ncpu_p99_us %.1f\ncpu_max_us %.1f\n", c.p50, c.p95,
              c.p99, c.max);
  std::printf("slowest_doc_bytes %zu\n", lat_bytes[c.max_index]);
  std::fprintf(stderr, "(output bytes checksum %zu)\n", sink);
  return 0;
}
