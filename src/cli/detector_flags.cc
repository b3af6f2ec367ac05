#include "detector_flags.h"

#include <iostream>

namespace po = boost::program_options;

namespace spamstrip::cli {

void AddDetectorFlags(po::options_description* desc, Options* opt) {
  desc->add_options()("span-threshold", po::value(&opt->span_threshold),
                      "cut a sentence run out of a kept paragraph at or above this (default: the "
                      "model's)")("threshold,t", po::value(&opt->threshold),
                                  "strip at or above this spam probability (default: the model's)")(
      "heading-threshold", po::value(&opt->heading_threshold),
      "strip a heading, or page text with no sign of injection, only at or above this "
      "(default 0.95, or --threshold when given)")(
      "flag-threshold", po::value(&opt->flag_threshold),
      "flag (report, keep) at or above this probability")(
      "flag-only", po::bool_switch(&opt->flag_only), "report only; strip nothing")(
      "no-sentence-cuts", "judge whole blocks only; never cut sentences out of a paragraph")(
      "rules", po::value(&opt->rule_files)->composing(),
      "rule file (repeatable); default: built-in rules")("model", po::value(&opt->model_file),
                                                         "model file; default: built-in model")(
      "no-model", "score with rules, context and shape only");
}

bool FinishDetectorFlags(const po::variables_map& vm, const char* command, Options* opt) {
  if (vm.count("no-sentence-cuts")) opt->sentence_cuts = false;
  if (vm.count("no-model")) opt->use_model = false;
  if ((vm.count("threshold") && (opt->threshold < 0 || opt->threshold > 1)) ||
      (vm.count("flag-threshold") && (opt->flag_threshold < 0 || opt->flag_threshold > 1))) {
    std::cerr << "spamstrip " << command << ": thresholds are probabilities in [0, 1]\n";
    return false;
  }
  return true;
}

}  // namespace spamstrip::cli
