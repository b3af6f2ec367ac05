// audit_fixtures.h — test inputs for the audit tests, made in code: WARC records, gzip members,
// news-like articles with and without injected spam lines (written for this project).
#ifndef SPAMSTRIP_TESTS_AUDIT_FIXTURES_H_
#define SPAMSTRIP_TESTS_AUDIT_FIXTURES_H_

#include <zlib.h>

#include <stdexcept>
#include <string>
#include <string_view>

namespace spamstrip::testing {

// One gzip member holding `data`.
inline std::string GzipMember(std::string_view data) {
  z_stream z{};
  if (deflateInit2(&z, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK) {
    throw std::runtime_error("deflateInit2");
  }
  std::string out(deflateBound(&z, static_cast<uLong>(data.size())) + 64, '\0');
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  z.avail_in = static_cast<uInt>(data.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  if (deflate(&z, Z_FINISH) != Z_STREAM_END) throw std::runtime_error("deflate");
  out.resize(out.size() - z.avail_out);
  deflateEnd(&z);
  return out;
}

// A WARC/1.1 record with the given headers and block (CRLF CRLF after the block).
inline std::string MakeWarcRecord(const std::string& type, const std::string& id,
                                  const std::string& uri, const std::string& date,
                                  const std::string& content_type, std::string_view block) {
  std::string r =
      "WARC/1.1\r\nWARC-Type: " + type + "\r\nWARC-Record-ID: <urn:uuid:" + id + ">\r\n";
  if (!uri.empty()) r += "WARC-Target-URI: " + uri + "\r\n";
  r += "WARC-Date: " + date + "\r\nContent-Type: " + content_type +
       "\r\nContent-Length: " + std::to_string(block.size()) + "\r\n\r\n";
  r.append(block.data(), block.size());
  return r + "\r\n\r\n";
}

// An HTTP response message.
inline std::string HttpMessage(const std::string& content_type, std::string_view body,
                               const std::string& extra_headers = "", int status = 200) {
  return "HTTP/1.1 " + std::to_string(status) + " OK\r\nContent-Type: " + content_type + "\r\n" +
         extra_headers + "\r\n" + std::string(body);
}

inline std::string ResponseRecord(const std::string& id, const std::string& uri,
                                  const std::string& date, const std::string& http) {
  return MakeWarcRecord("response", id, uri, date, "application/http; msgtype=response", http);
}

// A short news article; with `spam` a pharmacy or casino line is injected between its
// paragraphs (the default rules and model strip both).
inline std::string Article(int n, bool spam) {
  static const char* const kTopics[] = {"harbour", "library", "bridge", "school",
                                        "market",  "railway", "museum", "hospital"};
  const std::string topic = kTopics[n % 8];
  std::string a = "Council Approves New " + topic + " Plan\n\nThe council approved the " + topic +
                  " plan on Monday after a long debate about costs, repairs and the timetable "
                  "for the work, which is expected to take two years.\n\n";
  if (spam) {
    a += n % 2 == 0
             ? "buy cipro online https://pharma-example.test/cipro no prescription pharmacy\n\n"
             : "Best online casino bonus: get 200 free spins at https://casino-example.test/spins "
               "today, no deposit needed!\n\n";
  }
  a += "Residents said the " + topic +
       " had been neglected for years and welcomed the decision, "
       "though some worried about noise and traffic during the work (report " +
       std::to_string(n) + ").\n";
  return a;
}

}  // namespace spamstrip::testing

#endif  // SPAMSTRIP_TESTS_AUDIT_FIXTURES_H_
