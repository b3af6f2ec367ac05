// spamstrip — command-line front end. Parse, call the library, print, exit.
#include <iostream>
#include <string>
#include <vector>

#include "commands.h"
#include "exit_codes.h"

namespace {

const char kUsage[] =
    "usage: spamstrip <command> [options]\n"
    "\n"
    "commands:\n"
    "  clean [FILE|-]      strip injected spam from an article (text or --jsonl stream)\n"
    "  rules check [FILE]  compile rule files and verify their examples\n"
    "  train               train the n-gram model and the scorer's weights\n"
    "  eval BENCH.jsonl    score the detector on a labelled benchmark\n"
    "  audit INPUT... --out DIR\n"
    "                      audit an archive (files, directories, JSONL, WARC) for injected spam\n"
    "  audit merge DIR... --out DIR\n"
    "                      combine the outputs of audit shards\n"
    "  serve               answer POST /v1/clean over HTTP (one article in, cleaned + report out)\n"
    "\n"
    "'spamstrip <command> --help' lists a command's options.\n";

}  // namespace

int main(int argc, char** argv) {
  using namespace spamstrip::cli;
  if (argc < 2) {
    std::cerr << kUsage;
    return kExitUsage;
  }
  std::string cmd = argv[1];
  std::vector<std::string> args(argv + 2, argv + argc);
  try {
    if (cmd == "clean") return CleanCommand(args);
    if (cmd == "rules") return RulesCommand(args);
    if (cmd == "train") return TrainCommand(args);
    if (cmd == "eval") return EvalCommand(args);
    if (cmd == "audit") return AuditCommand(args);
    if (cmd == "serve") return ServeCommand(args);
    if (cmd == "-h" || cmd == "--help" || cmd == "help") {
      std::cout << kUsage;
      return kExitOk;
    }
  } catch (const std::bad_alloc&) {
    std::cerr << "spamstrip: out of memory\n";
    return kExitInput;
  }
  std::cerr << "spamstrip: unknown command '" << cmd << "'\n\n" << kUsage;
  return kExitUsage;
}
