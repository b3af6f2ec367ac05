// commands.h — one function per subcommand; each parses its own flags and returns an exit code.
#ifndef SPAMSTRIP_CLI_COMMANDS_H_
#define SPAMSTRIP_CLI_COMMANDS_H_

#include <string>
#include <vector>

namespace spamstrip::cli {

int CleanCommand(const std::vector<std::string>& args);
int RulesCommand(const std::vector<std::string>& args);
int TrainCommand(const std::vector<std::string>& args);
int EvalCommand(const std::vector<std::string>& args);
int AuditCommand(const std::vector<std::string>& args);
int ServeCommand(const std::vector<std::string>& args);

}  // namespace spamstrip::cli

#endif  // SPAMSTRIP_CLI_COMMANDS_H_
