// audit_document.h — what an audit records about one analysed document.
//
// From a document and the detector's report: its findings.jsonl line (README.md, "Batch
// audit") and its outcome for the summary. Pure; thread-safe (the audit's workers call it).
#ifndef SPAMSTRIP_SRC_AUDIT_DOCUMENT_H_
#define SPAMSTRIP_SRC_AUDIT_DOCUMENT_H_

#include <string>

#include "audit_summary.h"
#include "doc_source.h"
#include "spamstrip/report.h"

namespace spamstrip {

// Fills *outcome and *line (no trailing newline; "" when nothing was flagged or stripped) for
// `item` (a document) analysed into `report`.
void DescribeDocument(const SourceItem& item, const Report& report, DocOutcome* outcome,
                      std::string* line);

}  // namespace spamstrip

#endif  // SPAMSTRIP_SRC_AUDIT_DOCUMENT_H_
