// audit_merge.h — combining the output directories of several audits into one.
//
// The shards of one audit (`audit --shard K/N`, all N of them, each once) merge into exactly what
// a single run over all the inputs writes: the summaries add up (audit_summary.h) and the
// findings are merged by input order (file path, then index in the file), so summary.json,
// report.html and findings.jsonl are byte for byte a single run's. Audits of different inputs
// (no shards) merge the same way. Findings are streamed; memory does not grow with them.
#ifndef SPAMSTRIP_SRC_AUDIT_MERGE_H_
#define SPAMSTRIP_SRC_AUDIT_MERGE_H_

#include <string>
#include <vector>

#include "spamstrip/status.h"

namespace spamstrip {

// Merges the audits in `dirs` into `out_dir` (created if missing; an audit already there is
// replaced only when `force`). InvalidArgument when the audits do not belong together (other
// settings, a shard missing or given twice) or out_dir holds an audit; Corrupt / IoError name the
// file at fault.
Status MergeAudits(const std::vector<std::string>& dirs, const std::string& out_dir, bool force);

}  // namespace spamstrip

#endif  // SPAMSTRIP_SRC_AUDIT_MERGE_H_
