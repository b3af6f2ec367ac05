#include "parse_flags.h"

#include <iostream>

#include "exit_codes.h"

namespace po = boost::program_options;

namespace spamstrip::cli {

std::optional<int> ParseFlags(const std::vector<std::string>& args, const char* command,
                              const po::options_description& desc,
                              const po::positional_options_description* pos,
                              po::variables_map* vm) {
  try {
    po::command_line_parser parser(args);
    parser.options(desc);
    if (pos != nullptr) parser.positional(*pos);
    po::store(parser.run(), *vm);
    po::notify(*vm);
  } catch (const po::error& e) {
    std::cerr << "spamstrip " << command << ": " << e.what() << "\n\n" << desc;
    return kExitUsage;
  }
  if (vm->count("help")) {
    std::cout << desc;
    return kExitOk;
  }
  return std::nullopt;
}

}  // namespace spamstrip::cli
