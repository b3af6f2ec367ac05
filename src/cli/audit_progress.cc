#include "audit_progress.h"

#include <unistd.h>

#include <cstdio>
#include <iostream>

#include "text_format.h"

namespace spamstrip::cli {
AuditProgressDisplay::Mode AuditProgressDisplay::Choose(bool quiet, bool force_lines) {
  if (quiet) return Mode::kQuiet;
  if (force_lines) return Mode::kLines;
  return ::isatty(STDERR_FILENO) ? Mode::kTerminal : Mode::kLines;
}

AuditProgressDisplay::AuditProgressDisplay(Mode mode, double line_interval_seconds)
    : mode_(mode), interval_(line_interval_seconds) {
  start_ = last_ = std::chrono::steady_clock::now();
}

std::string AuditProgressDisplay::Line(const AuditProgress& p) const {
  const double elapsed =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  const double done_bytes = static_cast<double>(p.bytes_read - start_bytes_);
  std::string line = "audit: " + std::to_string(p.documents) + " docs, " +
                     Fixed(static_cast<double>(p.bytes_read) / 1e6, 1) + " MB";
  if (p.total_bytes > 0) {
    line +=
        " of " + Fixed(static_cast<double>(p.total_bytes) / 1e6, 1) + " MB (" +
        Fixed(100.0 * static_cast<double>(p.bytes_read) / static_cast<double>(p.total_bytes), 1) +
        "%)";
  }
  if (elapsed > 0.05) {
    line += ", " + Fixed(static_cast<double>(p.documents - start_docs_) / elapsed, 0) +
            " docs/s, " + Fixed(done_bytes / 1e6 / elapsed, 2) + " MB/s";
  }
  line += ", flagged " + std::to_string(p.flagged);
  if (p.documents > 0) {
    line += " (" +
            Fixed(100.0 * static_cast<double>(p.flagged) / static_cast<double>(p.documents), 1) +
            "%)";
  }
  line += ", errors " + std::to_string(p.errors);
  if (p.total_bytes > p.bytes_read && done_bytes > 0 && elapsed > 1) {
    line += ", ETA " +
            Duration(static_cast<double>(p.total_bytes - p.bytes_read) * elapsed / done_bytes);
  }
  return line;
}

void AuditProgressDisplay::ClearLine() {
  if (mode_ == Mode::kTerminal && line_shown_) {
    std::cerr << "\r\033[K";
    line_shown_ = false;
  }
}

void AuditProgressDisplay::Update(const AuditProgress& p) {
  if (mode_ == Mode::kQuiet) return;
  if (first_) {
    first_ = false;
    start_bytes_ = p.bytes_read;
    start_docs_ = p.documents;
  }
  const auto now = std::chrono::steady_clock::now();
  const double since = std::chrono::duration<double>(now - last_).count();
  if (since < (mode_ == Mode::kTerminal ? 0.25 : interval_)) return;
  last_ = now;
  if (mode_ == Mode::kTerminal) {
    ClearLine();
    std::cerr << Line(p) << std::flush;
    line_shown_ = true;
  } else {
    std::cerr << "spamstrip: " << Line(p) << "\n";
  }
}

void AuditProgressDisplay::Error(const std::string& message) {
  ClearLine();
  std::cerr << "spamstrip: " << message << "\n";
}

void AuditProgressDisplay::Finish(const AuditProgress& p) {
  if (mode_ == Mode::kQuiet) return;
  ClearLine();
  std::cerr << "spamstrip: " << Line(p) << "\n";
}

}  // namespace spamstrip::cli
