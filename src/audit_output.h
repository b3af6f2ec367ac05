// audit_output.h — an audit's output directory: written so that it is never half-written and
// an interrupted run can be finished.
//
// While the audit runs everything goes to DIR/.partial/: findings.jsonl, appended in input
// order, and checkpoint.json, rewritten atomically now and then with the position reached, the
// length of findings.jsonl at that point and the summary so far. A resumed run cuts
// findings.jsonl back to that length, restores the summary and goes on from the position, so
// nothing is done twice or lost. At the end summary.json and report.html are written next to
// the findings in .partial/, the checkpoint is marked complete, the three files are renamed into
// DIR and .partial/ is removed (a run stopped during those renames is finished by --resume).
#ifndef SPAMSTRIP_SRC_AUDIT_OUTPUT_H_
#define SPAMSTRIP_SRC_AUDIT_OUTPUT_H_

#include <cstdint>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <string>

#include "audit_summary.h"
#include "spamstrip/status.h"

namespace spamstrip {

struct AuditCheckpoint {
  // What the run was asked to do (inputs, settings, shard); a resumed run must match it.
  nlohmann::ordered_json fingerprint;
  size_t next_file = 0;    // the position to go on from: this file of the input list...
  uint64_t next_skip = 0;  // ...after this many of its items
  uint64_t findings_bytes = 0;
  AuditSummary summary;
};

class AuditOutput {
 public:
  enum class Mode {
    kFresh,   // DIR must not hold an audit, finished or interrupted
    kForce,   // start over, whatever DIR holds (finished outputs are replaced at the end)
    kResume,  // go on with the interrupted audit in DIR, or start one if there is none
  };
  enum class State { kStarted, kResumed, kAlreadyComplete };

  AuditOutput() = default;
  ~AuditOutput();
  AuditOutput(const AuditOutput&) = delete;
  AuditOutput& operator=(const AuditOutput&) = delete;

  // Prepares `dir` (created if missing). On kResumed, *checkpoint holds where to go on from.
  // InvalidArgument when the mode does not fit what DIR holds (an audit is there and neither
  // --force nor --resume was given; a checkpoint made with another fingerprint); IoError or
  // Corrupt when DIR cannot be used.
  Status Open(const std::string& dir, Mode mode, const nlohmann::ordered_json& fingerprint,
              AuditCheckpoint* checkpoint, State* state);

  Status AppendFindings(const std::string& line);  // one line, without its newline
  uint64_t findings_bytes() const { return findings_bytes_; }

  // Makes everything appended so far durable and records `checkpoint` (its findings_bytes is
  // set here).
  Status Checkpoint(AuditCheckpoint* checkpoint);

  // Writes summary.json and report.html and moves the three outputs into place.
  Status Finish(const std::string& summary_json, const std::string& report_html);

 private:
  Status FlushFindings();
  Status MoveIntoPlace();

  std::string dir_, partial_;
  nlohmann::ordered_json fingerprint_;
  std::FILE* findings_ = nullptr;
  uint64_t findings_bytes_ = 0;
};

}  // namespace spamstrip

#endif  // SPAMSTRIP_SRC_AUDIT_OUTPUT_H_
