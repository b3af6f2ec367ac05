// exit_codes.h — the CLI's exit codes (README.md, "Exit codes") and the one place a Status
// becomes a message and a code.
#ifndef SPAMSTRIP_CLI_EXIT_CODES_H_
#define SPAMSTRIP_CLI_EXIT_CODES_H_

#include <iostream>

#include "spamstrip/status.h"

namespace spamstrip::cli {

enum ExitCode : int {
  kExitOk = 0,             // ran; nothing found, or found but --fail-on-spam not given
  kExitSpam = 1,           // --fail-on-spam and something was stripped or flagged
  kExitUsage = 2,          // bad command line
  kExitInput = 3,          // unreadable/invalid input, rule or model file; malformed JSONL lines
  kExitOutput = 4,         // an output could not be written
  kExitInterrupted = 130,  // audit stopped by a signal after a checkpoint (128 + SIGINT)
};

// Prints "spamstrip: <message>" to stderr and returns the exit code for `s`.
inline int Fail(const Status& s, int code) {
  std::cerr << "spamstrip: " << s.message() << "\n";
  return code;
}

}  // namespace spamstrip::cli

#endif  // SPAMSTRIP_CLI_EXIT_CODES_H_
