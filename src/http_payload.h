// http_payload.h — the body of an HTTP response as archived in a WARC "response" record.
//
// Splits the status line and headers from the body, undoes Transfer-Encoding: chunked and
// Content-Encoding gzip / x-gzip / deflate, and keeps the Content-Type. Crawlers disagree on
// whether they archive the bytes on the wire or the decoded body (some keep the headers of the
// first but store the second), so a body that does not look chunked or compressed is taken as
// it is. Pure; thread-safe.
#ifndef SPAMSTRIP_SRC_HTTP_PAYLOAD_H_
#define SPAMSTRIP_SRC_HTTP_PAYLOAD_H_

#include <cstddef>
#include <string>
#include <string_view>

namespace spamstrip {

struct HttpResponse {
  int status = 0;            // 200, 404, ...
  std::string content_type;  // the Content-Type header, lower case ("text/html; charset=utf-8")
  std::string body;          // decoded
};

// Parses `message` (status line, headers, blank line, body) into *out. On failure returns false
// with *error saying what is wrong ("no HTTP status line", "bad chunked encoding at body byte N",
// "unsupported Content-Encoding br", "decoded body larger than N bytes").
bool ParseHttpResponse(std::string_view message, size_t max_body, HttpResponse* out,
                       std::string* error);

}  // namespace spamstrip

#endif  // SPAMSTRIP_SRC_HTTP_PAYLOAD_H_
