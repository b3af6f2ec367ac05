// spamstrip train — learn a model file from labelled JSONL.
#include <boost/program_options.hpp>
#include <chrono>
#include <cstdio>
#include <iostream>

#include "commands.h"
#include "exit_codes.h"
#include "file_util.h"
#include "parse_flags.h"
#include "spamstrip/train.h"

namespace po = boost::program_options;

namespace spamstrip::cli {

int TrainCommand(const std::vector<std::string>& args) {
  TrainOptions o;
  std::string out;
  bool quiet = false;
  po::options_description desc("spamstrip train --data FILE.jsonl... --out MODEL [options]");
  desc.add_options()("help,h", "show this help")(
      "data,d", po::value(&o.data_files)->multitoken()->composing(),
      "training JSONL files (news, spam, or {text,label})")("out,o", po::value(&out),
                                                            "write the model here (atomically)")(
      "split", po::value(&o.split)->default_value("train"),
      "use records with this split (\"\" for all)")("seed", po::value(&o.seed)->default_value(1),
                                                    "seed for shuffling and document synthesis")(
      "bits", po::value(&o.hash_bits)->default_value(20), "hash buckets = 2^bits")(
      "epochs", po::value(&o.epochs)->default_value(6), "SGD passes over the data (stage 1)")(
      "learning-rate", po::value(&o.learning_rate)->default_value(0.2), "AdaGrad base rate")(
      "trees", po::value(&o.trees)->default_value(400),
      "stage-2 boosted trees (0: linear combiner)")(
      "tree-depth", po::value(&o.tree_depth)->default_value(5), "depth of each tree")(
      "tree-learning-rate", po::value(&o.tree_learning_rate)->default_value(0.1),
      "shrinkage of each stage-2 tree")("target-fpr",
                                        po::value(&o.target_fpr)->default_value(0.002),
                                        "block false-positive rate the default threshold aims at")(
      "docs-per-article", po::value(&o.docs_per_article)->default_value(2),
      "synthesised documents per article (stage 2)")(
      "foreign-script-share", po::value(&o.foreign_script_share)->default_value(0.0),
      "share of stage-2 injections that are news text in a script the article does not use")(
      "rules", po::value(&o.rule_files)->composing(),
      "rule files for stage-2 features (default: built-in)")(
      "dump-stage2", po::value(&o.dump_stage2), "write the stage-2 examples as CSV (for analysis)")(
      "html", po::value(&o.html_files)->multitoken()->composing(),
      "labelled HTML pages (scripts/make_html_bench.py) to fit the HTML weights")(
      "base-model", po::value(&o.base_model),
      "keep this model's text stages, only fit the HTML weights (needs --html)")(
      "quiet,q", po::bool_switch(&quiet), "no progress on stderr");
  po::variables_map vm;
  if (const auto done = ParseFlags(args, "train", desc, nullptr, &vm)) return *done;
  if ((o.data_files.empty() && o.base_model.empty()) || out.empty()) {
    std::cerr << "spamstrip train: --data (or --base-model with --html) and --out are required\n\n"
              << desc;
    return kExitUsage;
  }
  const auto t0 = std::chrono::steady_clock::now();
  auto progress = [&](const std::string& m) {
    if (quiet) return;
    double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    char buf[32];
    std::snprintf(buf, sizeof(buf), "[%7.1fs] ", s);
    std::cerr << buf << m << "\n";
  };
  std::string model;
  TrainSummary summary;
  Status s = Train(o, progress, &model, &summary);
  if (!s.ok()) return Fail(s, s.code() == Status::Code::kInvalidArgument ? kExitUsage : kExitInput);
  s = WriteFileAtomic(out, model);
  if (!s.ok()) return Fail(s, kExitOutput);
  std::cout << "model: " << out << " (" << model.size() << " bytes)\n"
            << "examples: " << summary.clean_blocks << " clean, " << summary.spam_blocks
            << " spam; stage 2: " << summary.stage2_examples << "\n"
            << "threshold: " << summary.threshold << ", span threshold: " << summary.span_threshold
            << "\ncombiner (linear fallback):";
  for (const auto& [name, w] : summary.combiner) std::cout << " " << name << "=" << w;
  std::cout << "\n";
  if (!summary.html_weights.empty()) {
    std::cout << "html: " << summary.html_pages << " pages, " << summary.html_examples
              << " examples; weights:";
    for (const auto& [name, w] : summary.html_weights) std::cout << " " << name << "=" << w;
    std::cout << "\n";
  }
  return kExitOk;
}

}  // namespace spamstrip::cli
