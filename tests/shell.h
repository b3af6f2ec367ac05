// shell.h — test helpers for running the CLI through /bin/sh: quoting a word for the shell, and
// the exit code a wait status stands for.
#ifndef SPAMSTRIP_TESTS_SHELL_H_
#define SPAMSTRIP_TESTS_SHELL_H_

#include <sys/wait.h>

#include <string>

namespace spamstrip::testing {

// `s` as one single-quoted shell word.
inline std::string Quote(const std::string& s) {
  std::string out = "'";
  for (char c : s) {
    if (c == '\'') {
      out += "'\\''";
    } else {
      out += c;
    }
  }
  return out + "'";
}

// The exit code of a process from its wait status (128 + the signal when a signal ended it).
inline int ExitCode(int status) {
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

}  // namespace spamstrip::testing

#endif  // SPAMSTRIP_TESTS_SHELL_H_
