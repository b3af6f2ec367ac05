// spamstrip rules check [FILE...] — compile rule files and verify their examples.
#include <iostream>

#include "commands.h"
#include "exit_codes.h"
#include "spamstrip/rules.h"

namespace spamstrip::cli {

int RulesCommand(const std::vector<std::string>& args) {
  if (args.empty() || args[0] != "check" ||
      (args.size() > 1 && (args[1] == "-h" || args[1] == "--help"))) {
    std::cerr << "usage: spamstrip rules check [FILE.rules ...]\n"
                 "  Compiles the rule files (default: the built-in rules) and verifies that\n"
                 "  every rule matches its 'match' examples and none of its 'nomatch' ones.\n"
                 "  Exit 0 when all pass, 3 on a syntax/compile error or a failed example.\n";
    return args.empty() || args[0] != "check" ? kExitUsage : kExitOk;
  }
  std::vector<std::string> files(args.begin() + 1, args.end());
  RuleCheckResult r;
  Status s = CheckRules(files, &r);
  if (!s.ok()) return Fail(s, kExitInput);
  for (const auto& f : r.failures) std::cerr << f << "\n";
  for (const auto& u : r.unfiltered) {
    std::cerr << u
              << ": warning: no literal of 3+ bytes for the prefilter; runs on every sentence\n";
  }
  std::cout << r.files << " files, " << r.rules << " rules, " << r.examples << " examples: "
            << (r.failures.empty() ? "all pass" : std::to_string(r.failures.size()) + " failed")
            << "\n";
  return r.failures.empty() ? kExitOk : kExitInput;
}

}  // namespace spamstrip::cli
