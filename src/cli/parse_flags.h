// parse_flags.h — how every command starts: its command line parsed against its flags, with a
// bad command line and --help answered the same way everywhere.
#ifndef SPAMSTRIP_CLI_PARSE_FLAGS_H_
#define SPAMSTRIP_CLI_PARSE_FLAGS_H_

#include <boost/program_options.hpp>
#include <optional>
#include <string>
#include <vector>

namespace spamstrip::cli {

// Parses `args` by `desc` (and `pos`; null: words that are not flags are ignored) into *vm.
// Returns the exit code to end the command with, having printed what goes with it: kExitUsage
// after "spamstrip <command>: <problem>" and the usage on stderr, kExitOk after the usage on
// stdout for --help. Returns nothing when the command goes on.
std::optional<int> ParseFlags(const std::vector<std::string>& args, const char* command,
                              const boost::program_options::options_description& desc,
                              const boost::program_options::positional_options_description* pos,
                              boost::program_options::variables_map* vm);

}  // namespace spamstrip::cli

#endif  // SPAMSTRIP_CLI_PARSE_FLAGS_H_
