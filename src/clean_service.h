// clean_service.h — one article in, the cleaned article and its explained report out: what
// `spamstrip serve` answers to POST /v1/clean, kept apart from the HTTP server so that it is a
// pure function of the request (tested without sockets).
//
// The body is the article: text/plain, text/html, or application/json
// {"text" | "html": "...", "url"?: "...", "id"?: ...}. The answer is JSON:
//   {"id"?, "format": "text"|"html", "stripped": bool, "flagged": bool,
//    "text"|"html": <the cleaned document>, "article_text"? (HTML: the kept article as text),
//    "removed": [...], "flagged_findings"?: [...], "warnings"?: [...],
//    "report"?: <every block, as `clean --report` writes it>}
// Errors are JSON too: {"error": "<what and where>"} with status 400 (a body that cannot be
// read) or 415 (a content type that is not one of the three).
// An HTML body (not a JSON string) that declares another charset — a byte-order mark, the
// Content-Type's charset parameter, else a <meta> — is analysed decoded to UTF-8 as `audit`
// reads it: "html" is then the cleaned page in UTF-8, "charset" names the decoded one, and every
// "start"/"end" is a byte offset of the body as posted (source_report.h). A label naming no
// known encoding is given as "charset_unknown" and the body read as UTF-8.
#ifndef SPAMSTRIP_SRC_CLEAN_SERVICE_H_
#define SPAMSTRIP_SRC_CLEAN_SERVICE_H_

#include <string>

#include "spamstrip/detector.h"

namespace spamstrip {

struct CleanRequest {
  std::string content_type;  // of the body; its charset parameter counts for an HTML body
  std::string body;
  std::string format = "auto";  // "auto", "text" or "html" (query ?format=)
  std::string url;              // the page's URL (query ?url=; a JSON body's "url" wins)
  bool report = true;           // include the per-block report (query ?report=0 leaves it out)
};

struct CleanResponse {
  int status = 200;  // HTTP status
  std::string body;  // JSON
};

CleanResponse HandleClean(const Detector& detector, const CleanRequest& request);

}  // namespace spamstrip

#endif  // SPAMSTRIP_SRC_CLEAN_SERVICE_H_
