// spamstrip eval BENCH.jsonl — the detector's figures on a labelled benchmark.
#include <boost/program_options.hpp>
#include <cmath>
#include <cstdio>
#include <iostream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <thread>

#include "commands.h"
#include "detector_flags.h"
#include "exit_codes.h"
#include "file_util.h"
#include "parse_flags.h"
#include "spamstrip/eval.h"

namespace po = boost::program_options;

namespace spamstrip::cli {
namespace {

nlohmann::json ToJson(const BenchFigures& f) {
  auto r4 = [](double v) { return std::round(v * 1e4) / 1e4; };
  nlohmann::json j = {{"block_recall", r4(f.block_recall)},
                      {"block_fpr", r4(f.block_fpr)},
                      {"block_precision", r4(f.block_precision)},
                      {"inline_recall", r4(f.inline_recall)},
                      {"inline_keep", r4(f.inline_keep)},
                      {"spam_byte_recall", r4(f.spam_byte_recall)},
                      {"legit_byte_loss", r4(f.legit_byte_loss)},
                      {"clean_docs_untouched", r4(f.clean_docs_untouched)}};
  j["counts"] = {{"spam_blocks", f.spam_blocks},
                 {"clean_blocks", f.clean_blocks},
                 {"fp_blocks", f.fp_blocks},
                 {"inline", f.inline_spans},
                 {"clean_docs", f.clean_docs}};
  nlohmann::json cats = nlohmann::json::object();
  for (const auto& [c, v] : f.by_category) {
    cats[c] = r4(v.second ? static_cast<double>(v.first) / static_cast<double>(v.second) : 0);
  }
  j["recall_by_category"] = cats;
  nlohmann::json langs = nlohmann::json::object();
  for (const auto& [l, v] : f.by_lang) {
    nlohmann::json o;
    o["block_recall"] = v.spam_blocks ? nlohmann::json(r4(static_cast<double>(v.tp_blocks) /
                                                          static_cast<double>(v.spam_blocks)))
                                      : nlohmann::json(nullptr);
    o["block_fpr"] = v.clean_blocks
                         ? nlohmann::json(std::round(static_cast<double>(v.fp_blocks) /
                                                     static_cast<double>(v.clean_blocks) * 1e5) /
                                          1e5)
                         : nlohmann::json(nullptr);
    langs[l] = o;
  }
  j["by_lang"] = langs;
  return j;
}

void PrintPlain(const nlohmann::json& j, std::ostream& os) {
  for (const auto& [k, v] : j.items()) {
    if (v.is_object()) {
      os << k << ":\n";
      for (const auto& [kk, vv] : v.items())
        os << "  " << kk << ": " << (vv.is_null() ? "None" : vv.dump()) << "\n";
    } else {
      os << k << ": " << v.dump() << "\n";
    }
  }
}

}  // namespace

int EvalCommand(const std::vector<std::string>& args) {
  Options opt;
  std::string bench, pred;
  bool json_out = false, no_curve = false;
  int jobs = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  po::options_description desc("spamstrip eval BENCH.jsonl [options]");
  desc.add_options()("help,h", "show this help")("bench", po::value(&bench),
                                                 "benchmark file (make_bench.py format)")(
      "pred", po::value(&pred), "also write the removals as score_bench.py PRED JSONL here")(
      "json", po::bool_switch(&json_out), "print the figures as JSON")(
      "no-curve", po::bool_switch(&no_curve), "skip the precision/recall curve over thresholds")(
      "jobs,j", po::value(&jobs), "worker threads (default: all cores)");
  AddDetectorFlags(&desc, &opt);
  po::positional_options_description pos;
  pos.add("bench", 1);
  po::variables_map vm;
  if (const auto done = ParseFlags(args, "eval", desc, &pos, &vm)) return *done;
  if (bench.empty()) {
    std::cerr << "spamstrip eval: a benchmark file is required\n\n" << desc;
    return kExitUsage;
  }
  if (!FinishDetectorFlags(vm, "eval", &opt)) return kExitUsage;
  std::vector<BenchDoc> docs;
  Status s = ReadBench(bench, &docs);
  if (!s.ok()) return Fail(s, kExitInput);
  BenchFigures fig;
  std::vector<std::vector<std::pair<size_t, size_t>>> removed;
  s = EvaluateDetector(docs, opt, jobs, &fig, &removed);
  if (!s.ok()) return Fail(s, kExitInput);
  nlohmann::json j = ToJson(fig);
  if (!no_curve) {
    nlohmann::json curve = nlohmann::json::array();
    for (double t : {0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.85, 0.9, 0.95, 0.98, 0.99}) {
      Options o = opt;
      o.threshold = t;
      // Keep the default heading policy along the curve (an explicit threshold would lift it).
      if (o.heading_threshold < 0) o.heading_threshold = 0.95;
      o.flag_threshold = -1;
      BenchFigures f;
      s = EvaluateDetector(docs, o, jobs, &f);
      if (!s.ok()) return Fail(s, kExitInput);
      curve.push_back({{"threshold", t},
                       {"block_recall", std::round(f.block_recall * 1e4) / 1e4},
                       {"block_fpr", std::round(f.block_fpr * 1e5) / 1e5},
                       {"block_precision", std::round(f.block_precision * 1e4) / 1e4},
                       {"inline_recall", std::round(f.inline_recall * 1e4) / 1e4},
                       {"clean_docs_untouched", std::round(f.clean_docs_untouched * 1e4) / 1e4}});
    }
    if (json_out)
      j["curve"] = curve;
    else {
      PrintPlain(j, std::cout);
      std::cout << "curve (threshold: block_recall block_fpr precision inline_recall "
                   "clean_docs_untouched):\n";
      for (const auto& c : curve) {
        char buf[160];
        std::snprintf(buf, sizeof(buf), "  %.2f: %.4f %.5f %.4f %.4f %.4f\n",
                      c["threshold"].get<double>(), c["block_recall"].get<double>(),
                      c["block_fpr"].get<double>(), c["block_precision"].get<double>(),
                      c["inline_recall"].get<double>(), c["clean_docs_untouched"].get<double>());
        std::cout << buf;
      }
    }
  }
  if (json_out)
    std::cout << j.dump(1) << "\n";
  else if (no_curve)
    PrintPlain(j, std::cout);
  if (!pred.empty()) {
    std::ostringstream os;
    for (size_t i = 0; i < docs.size(); ++i) {
      nlohmann::json line = {{"id", docs[i].id}, {"removed", nlohmann::json::array()}};
      for (auto [a, b] : removed[i]) line["removed"].push_back({a, b});
      os << line.dump() << "\n";
    }
    s = WriteFileAtomic(pred, os.str());
    if (!s.ok()) return Fail(s, kExitOutput);
  }
  return kExitOk;
}

}  // namespace spamstrip::cli
