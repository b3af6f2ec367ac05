// source_report.h — a report on decoded text given in the bytes of the document it came from.
//
// When `spamstrip clean` or `serve` reads an HTML page declared in another charset, the detector
// analyses the page decoded to UTF-8 (AuditText, the way `audit` reads it), so the offsets of
// its Report are offsets of the decoded text. These map them back to byte offsets of the page,
// as audit maps its findings: a range starts where its first character starts in the page and
// ends where its last one ends. Cleaning the page with the mapped report cuts the same elements
// from the page's own bytes, which stay in their charset. When nothing was converted the
// offsets are the page's already and these change nothing. Pure; thread-safe.
#ifndef SPAMSTRIP_SRC_SOURCE_REPORT_H_
#define SPAMSTRIP_SRC_SOURCE_REPORT_H_

#include <nlohmann/json_fwd.hpp>
#include <string>

#include "audit_text.h"
#include "spamstrip/report.h"

namespace spamstrip {

// `report` (on text.text()) with every block, span and removal range in the document's bytes.
Report SourceReport(const AuditText& text, const Report& report);

// Rewrites, anywhere in `j`, the "start" and "end" of an object that has both as offsets of
// text.text() into the document's bytes, and a report's "bytes" into the document's size.
void MapJsonOffsets(const AuditText& text, nlohmann::json* j);

// ReportToJson of `report` on the decoded text (its "text" members readable), with the offsets
// and size of the document's bytes.
std::string SourceReportJson(const AuditText& text, const Report& report, int indent);

}  // namespace spamstrip

#endif  // SPAMSTRIP_SRC_SOURCE_REPORT_H_
