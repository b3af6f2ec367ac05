// audit_progress.h — what `spamstrip audit` prints on stderr while it runs.
//
// On a terminal: one line redrawn a few times a second (documents, MB read, docs/s, flagged so
// far, ETA when the total is known). Otherwise: a plain line every `interval` seconds, for logs.
// Quiet: nothing but input errors. Errors are printed as they come, in input order, on a line
// of their own.
#ifndef SPAMSTRIP_CLI_AUDIT_PROGRESS_H_
#define SPAMSTRIP_CLI_AUDIT_PROGRESS_H_

#include <chrono>
#include <string>

#include "audit.h"

namespace spamstrip::cli {

class AuditProgressDisplay {
 public:
  enum class Mode { kQuiet, kLines, kTerminal };
  // kTerminal when stderr is a terminal, else kLines; quiet wins, `force_lines` picks kLines.
  static Mode Choose(bool quiet, bool force_lines);

  AuditProgressDisplay(Mode mode, double line_interval_seconds);
  void Update(const AuditProgress& p);
  void Error(const std::string& message);
  // The last line (terminal and line modes).
  void Finish(const AuditProgress& p);

 private:
  std::string Line(const AuditProgress& p) const;
  void ClearLine();

  Mode mode_;
  double interval_;
  std::chrono::steady_clock::time_point start_, last_;
  uint64_t start_bytes_ = 0;  // bytes_read at the first update (a resumed run skips ahead)
  uint64_t start_docs_ = 0;
  bool first_ = true;
  bool line_shown_ = false;
};

}  // namespace spamstrip::cli

#endif  // SPAMSTRIP_CLI_AUDIT_PROGRESS_H_
