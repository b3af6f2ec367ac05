// audit_document.h — what an audit records about one analysed document.
//
// From a document and the detector's report: its findings.jsonl line (README.md, "Batch
// audit") and its outcome for the summary. Pure; thread-safe (the audit's workers call it).
#ifndef SPAMSTRIP_SRC_AUDIT_DOCUMENT_H_
#define SPAMSTRIP_SRC_AUDIT_DOCUMENT_H_

#include <string>

#include "audit_summary.h"
#include "audit_text.h"
#include "doc_source.h"
#include "spamstrip/report.h"

namespace spamstrip {

// Fills *outcome and *line (no trailing newline; "" when nothing was flagged or stripped) for
// `item` (a document) whose `text` was analysed into `report`. Ranges are given in the item's
// bytes (mapped back through `text` when it was decoded from another charset); texts are the
// analysed UTF-8.
void DescribeDocument(const SourceItem& item, const AuditText& text, const Report& report,
                      DocOutcome* outcome, std::string* line);

}  // namespace spamstrip

#endif  // SPAMSTRIP_SRC_AUDIT_DOCUMENT_H_
