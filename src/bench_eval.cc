#include <fstream>
#include <memory>
#include <nlohmann/json.hpp>
#include <thread>

#include "jsonl_file.h"
#include "spamstrip/detector.h"
#include "spamstrip/eval.h"

namespace spamstrip {

Status ReadBench(const std::string& path, std::vector<BenchDoc>* docs) {
  return ForEachJsonlObject(path, [docs](const nlohmann::json& j, const std::string& where) {
    try {
      BenchDoc d;
      d.id = j.at("id").is_string() ? j.at("id").get<std::string>() : j.at("id").dump();
      d.lang = j.value("lang", "und");
      d.text = j.at("text").get<std::string>();
      for (const auto& s : j.value("spans", nlohmann::json::array())) {
        d.spans.push_back({s.at("start").get<size_t>(), s.at("end").get<size_t>(),
                           s.value("category", ""), s.value("mode", "")});
      }
      for (const auto& b : j.value("blocks", nlohmann::json::array())) {
        d.blocks.push_back(
            {b.at("start").get<size_t>(), b.at("end").get<size_t>(), b.value("label", "clean")});
      }
      for (const auto& s : d.spans) {
        if (s.start > s.end || s.end > d.text.size()) {
          return Status::Corrupt(where + "span out of range of the text");
        }
      }
      for (const auto& b : d.blocks) {
        if (b.start > b.end || b.end > d.text.size()) {
          return Status::Corrupt(where + "block out of range of the text");
        }
      }
      docs->push_back(std::move(d));
      return Status::Ok();
    } catch (const nlohmann::json::exception& e) {
      return Status::Corrupt(where + "bad benchmark record: " + e.what());
    }
  });
}

BenchFigures ScoreBench(const std::vector<BenchDoc>& docs,
                        const std::vector<std::vector<std::pair<size_t, size_t>>>& removed) {
  BenchFigures r;
  long spam_bytes = 0, spam_removed = 0, legit_bytes = 0, legit_removed = 0, tp = 0, inl = 0,
       inl_caught = 0, mixed_legit = 0, mixed_kept = 0, clean_untouched = 0;
  for (size_t di = 0; di < docs.size(); ++di) {
    const BenchDoc& d = docs[di];
    const size_t n = d.text.size();
    std::vector<char> gone(n, 0), spam(n, 0), ink(n, 0);
    if (di < removed.size()) {
      for (auto [s, e] : removed[di]) {
        e = std::min(e, n);
        for (size_t i = s; i < e; ++i) gone[i] = 1;
      }
    }
    for (const auto& s : d.spans) {
      for (size_t i = s.start; i < s.end; ++i) spam[i] = 1;
    }
    for (size_t i = 0; i < n; ++i) {
      char c = d.text[i];
      ink[i] = !(c == ' ' || c == '\t' || c == '\r' || c == '\n');
    }
    auto count = [&](size_t s, size_t e, int want_spam, int want_gone) {
      long k = 0;
      for (size_t i = s; i < e; ++i) {
        if (!ink[i]) continue;
        if (want_spam >= 0 && spam[i] != want_spam) continue;
        if (want_gone >= 0 && gone[i] != want_gone) continue;
        ++k;
      }
      return k;
    };
    spam_bytes += count(0, n, 1, -1);
    spam_removed += count(0, n, 1, 1);
    legit_bytes += count(0, n, 0, -1);
    const long lr = count(0, n, 0, 1);
    legit_removed += lr;
    if (d.spans.empty()) {
      ++r.clean_docs;
      clean_untouched += lr == 0;
    }
    auto& L = r.by_lang[d.lang];
    for (const auto& b : d.blocks) {
      const long tot = count(b.start, b.end, -1, -1);
      if (!tot) continue;
      const long g = count(b.start, b.end, -1, 1);
      if (b.label == "clean") {
        ++r.clean_blocks;
        ++L.clean_blocks;
        if (g * 2 > tot) {
          ++r.fp_blocks;
          ++L.fp_blocks;
        }
      } else if (b.label == "spam") {
        ++r.spam_blocks;
        ++L.spam_blocks;
        if (g * 10 >= tot * 9) {
          ++tp;
          ++L.tp_blocks;
        }
      } else {
        mixed_legit += count(b.start, b.end, 0, -1);
        mixed_kept += count(b.start, b.end, 0, 0);
      }
    }
    for (const auto& s : d.spans) {
      const long tot = count(s.start, s.end, -1, -1);
      if (!tot) continue;
      const bool hit = count(s.start, s.end, -1, 1) * 10 >= tot * 9;
      auto& c = r.by_category[s.category];
      ++c.second;
      c.first += hit;
      if (s.mode == "inline") {
        ++inl;
        inl_caught += hit;
      }
    }
  }
  auto ratio = [](long a, long b) {
    return b ? static_cast<double>(a) / static_cast<double>(b) : 0.0;
  };
  r.block_recall = ratio(tp, r.spam_blocks);
  r.block_fpr = ratio(r.fp_blocks, r.clean_blocks);
  r.block_precision = ratio(tp, tp + r.fp_blocks);
  r.inline_spans = inl;
  r.inline_recall = ratio(inl_caught, inl);
  r.inline_keep = ratio(mixed_kept, mixed_legit);
  r.spam_byte_recall = ratio(spam_removed, spam_bytes);
  r.legit_byte_loss = ratio(legit_removed, legit_bytes);
  r.clean_docs_untouched = ratio(clean_untouched, r.clean_docs);
  return r;
}

Status EvaluateDetector(const std::vector<BenchDoc>& docs, const Options& options, int threads,
                        BenchFigures* out,
                        std::vector<std::vector<std::pair<size_t, size_t>>>* removed_out) {
  std::unique_ptr<Detector> d;
  Status s = Detector::Create(options, &d);
  if (!s.ok()) return s;
  std::vector<std::vector<std::pair<size_t, size_t>>> removed(docs.size());
  threads = std::max(1, threads);
  auto work = [&](size_t t) {
    Report report;
    for (size_t i = t; i < docs.size(); i += static_cast<size_t>(threads)) {
      d->Analyze(docs[i].text, &report);
      for (const auto& r : report.removed) removed[i].emplace_back(r.start, r.end);
    }
  };
  std::vector<std::thread> pool;
  for (int t = 1; t < threads; ++t) pool.emplace_back(work, static_cast<size_t>(t));
  work(0);
  for (auto& th : pool) th.join();
  *out = ScoreBench(docs, removed);
  if (removed_out) *removed_out = std::move(removed);
  return Status::Ok();
}

}  // namespace spamstrip
