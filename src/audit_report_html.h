// audit_report_html.h — report.html: an audit summary as one page a person reads.
//
// Self-contained: inline CSS, charts drawn as inline SVG here, a few lines of inline script to
// sort and filter the table of worst pages; nothing is fetched, so the file opens anywhere.
// Every string from the input (ids, URLs, removed text, rule details) is HTML-escaped: the
// removed text is written by whoever injected the spam. A pure function of summary.json, so
// merged shards render the same page as a single run. Pure; thread-safe.
#ifndef SPAMSTRIP_SRC_AUDIT_REPORT_HTML_H_
#define SPAMSTRIP_SRC_AUDIT_REPORT_HTML_H_

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

namespace spamstrip {

// The page for a summary as AuditSummary::ToJson() writes it.
std::string AuditReportHtml(const nlohmann::ordered_json& summary);

// `s` with &, <, >, " and ' replaced by character references.
std::string HtmlEscape(std::string_view s);

}  // namespace spamstrip

#endif  // SPAMSTRIP_SRC_AUDIT_REPORT_HTML_H_
