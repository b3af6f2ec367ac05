// audit.h — a detector run over a stream of documents on many threads, results in input order.
//
// One reader thread pulls items from a DocSource, `jobs` worker threads analyse documents with
// one shared Detector, and the calling thread hands the results to a sink strictly in input
// order (a sequence number per item, results held until their turn). The number of items in
// flight — queued, being analysed or waiting for their turn — is bounded (and so is their
// total size), so memory does not grow with the input. The sink sees the same events in the same
// order for any number of jobs.
//
// The library never prints: progress goes to a callback, problems in the input are events.
#ifndef SPAMSTRIP_SRC_AUDIT_H_
#define SPAMSTRIP_SRC_AUDIT_H_

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>

#include "audit_summary.h"
#include "doc_source.h"
#include "shard.h"
#include "spamstrip/detector.h"
#include "spamstrip/status.h"

namespace spamstrip {

// Counts so far, for a progress display.
struct AuditProgress {
  uint64_t items = 0;      // handed to the sink
  uint64_t documents = 0;  // analysed
  uint64_t flagged = 0;    // documents with something flagged or stripped
  uint64_t errors = 0;
  uint64_t bytes_read = 0;   // input bytes read (compressed for .warc.gz)
  uint64_t total_bytes = 0;  // input bytes in all
};

// One item of the input, in input order.
struct AuditEvent {
  SourceItem item;       // its document bytes already released
  DocOutcome outcome;    // documents: what was found
  std::string findings;  // documents: the findings.jsonl line, "" when nothing was found
};

struct AuditRunOptions {
  int jobs = 1;                                    // worker threads (>= 1)
  size_t max_in_flight = 0;                        // items in flight; 0: 8 per job
  size_t max_in_flight_bytes = size_t(256) << 20;  // their document bytes (one item always fits)
  Shard shard;                                     // only items whose ShardKey() is in this shard
  const std::atomic<bool>* stop = nullptr;         // set: read no more, finish what is in flight
  // Called on the calling thread after each event with the counts so far.
  std::function<void(const AuditProgress&)> progress;
};

// Runs the audit of `source` with `detector`, calling `sink` for every item of the shard in
// input order. Stops early when `sink` returns an error (returned) or when *options.stop is set
// (OK; the events handed over so far are a prefix of the full run's).
Status RunAudit(const Detector& detector, DocSource* source, const AuditRunOptions& options,
                const std::function<Status(AuditEvent&)>& sink);

}  // namespace spamstrip

#endif  // SPAMSTRIP_SRC_AUDIT_H_
