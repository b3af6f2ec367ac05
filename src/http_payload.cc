#include "http_payload.h"

#include <zlib.h>

#include <algorithm>

#include "ascii.h"

namespace spamstrip {
namespace {

int HexDigit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// Decodes a chunked body. Returns false (with *error) when it is not chunked at all
// (*not_chunked) or breaks off inside; a missing final 0-size chunk is tolerated.
bool Dechunk(std::string_view in, size_t max_body, std::string* out, bool* not_chunked,
             std::string* error) {
  out->clear();
  *not_chunked = false;
  size_t i = 0;
  bool first = true;
  while (i < in.size()) {
    size_t nl = in.find('\n', i);
    if (nl == std::string_view::npos) nl = in.size();
    std::string_view line = TrimHeaderSpace(in.substr(i, nl - i));
    const size_t semi = line.find(';');
    if (semi != std::string_view::npos) line = TrimHeaderSpace(line.substr(0, semi));
    uint64_t size = 0;
    bool ok = !line.empty() && line.size() <= 15;
    for (char c : line) {
      const int d = HexDigit(c);
      if (d < 0) {
        ok = false;
        break;
      }
      size = size * 16 + static_cast<uint64_t>(d);
    }
    if (!ok) {
      *not_chunked = first;
      *error = "bad chunked encoding at body byte " + std::to_string(i);
      return false;
    }
    first = false;
    i = std::min(nl + 1, in.size());
    if (size == 0) return true;
    if (size > in.size() - i) {
      *error = "bad chunked encoding: chunk of " + std::to_string(size) + " bytes at body byte " +
               std::to_string(i) + " runs past the end";
      return false;
    }
    if (out->size() + size > max_body) {
      *error = "decoded body larger than " + std::to_string(max_body) + " bytes";
      return false;
    }
    out->append(in.data() + i, static_cast<size_t>(size));
    i += static_cast<size_t>(size);
    if (i < in.size() && in[i] == '\r') ++i;
    if (i < in.size() && in[i] == '\n') ++i;
  }
  return true;
}

// Inflates gzip (windowBits 15+16), zlib (15) or raw deflate (-15) data.
bool Inflate(std::string_view in, int window_bits, size_t max_body, std::string* out,
             std::string* error) {
  z_stream z{};
  if (inflateInit2(&z, window_bits) != Z_OK) {
    *error = "zlib init failed";
    return false;
  }
  out->clear();
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
  z.avail_in = static_cast<uInt>(in.size());
  char buf[1 << 15];
  int rc = Z_OK;
  while (rc == Z_OK) {
    z.next_out = reinterpret_cast<Bytef*>(buf);
    z.avail_out = sizeof(buf);
    rc = inflate(&z, Z_NO_FLUSH);
    out->append(buf, sizeof(buf) - z.avail_out);
    if (out->size() > max_body) {
      inflateEnd(&z);
      *error = "decoded body larger than " + std::to_string(max_body) + " bytes";
      return false;
    }
    if (rc == Z_BUF_ERROR && z.avail_in == 0) break;  // truncated: keep what was decoded
  }
  const bool ok = rc == Z_STREAM_END || (rc == Z_BUF_ERROR && !out->empty());
  if (!ok) *error = std::string("bad compressed body: ") + (z.msg != nullptr ? z.msg : "error");
  inflateEnd(&z);
  return ok;
}

}  // namespace

bool ParseHttpResponse(std::string_view message, size_t max_body, HttpResponse* out,
                       std::string* error) {
  *out = HttpResponse();
  if (message.compare(0, 5, "HTTP/") != 0) {
    *error = "no HTTP status line";
    return false;
  }
  size_t nl = message.find('\n');
  const std::string_view status_line = message.substr(0, nl);
  const size_t sp = status_line.find(' ');
  if (sp != std::string_view::npos) {
    int status = 0;
    for (size_t i = sp + 1; i < status_line.size() && i < sp + 4; ++i) {
      if (status_line[i] < '0' || status_line[i] > '9') break;
      status = status * 10 + (status_line[i] - '0');
    }
    out->status = status;
  }
  std::string transfer_encoding, content_encoding;
  size_t i = nl == std::string_view::npos ? message.size() : nl + 1;
  bool ended = false;
  while (i < message.size()) {
    size_t e = message.find('\n', i);
    if (e == std::string_view::npos) e = message.size();
    const std::string_view line = TrimHeaderSpace(message.substr(i, e - i));
    i = std::min(e + 1, message.size());
    if (line.empty()) {
      ended = true;
      break;
    }
    const size_t colon = line.find(':');
    if (colon == std::string_view::npos) continue;
    const std::string name = AsciiLower(TrimHeaderSpace(line.substr(0, colon)));
    const std::string_view value = TrimHeaderSpace(line.substr(colon + 1));
    if (name == "content-type") {
      out->content_type = AsciiLower(value);
    } else if (name == "transfer-encoding") {
      transfer_encoding = AsciiLower(value);
    } else if (name == "content-encoding") {
      content_encoding = AsciiLower(value);
    }
  }
  if (!ended) {
    *error = "HTTP headers never end";
    return false;
  }
  std::string_view body = message.substr(i);
  std::string dechunked;
  if (transfer_encoding.find("chunked") != std::string::npos) {
    bool not_chunked = false;
    std::string e;
    if (Dechunk(body, max_body, &dechunked, &not_chunked, &e)) {
      body = dechunked;
    } else if (!not_chunked) {
      *error = e;
      return false;
    }
  }
  if (content_encoding == "gzip" || content_encoding == "x-gzip" || content_encoding == "deflate") {
    const bool gzip_magic = body.size() >= 2 && static_cast<unsigned char>(body[0]) == 0x1f &&
                            static_cast<unsigned char>(body[1]) == 0x8b;
    if (content_encoding != "deflate" && !gzip_magic) {
      out->body.assign(body);  // already decoded by the crawler
    } else if (content_encoding != "deflate") {
      if (!Inflate(body, 15 + 16, max_body, &out->body, error)) return false;
    } else if (!Inflate(body, 15, max_body, &out->body, error) &&
               !Inflate(body, -15, max_body, &out->body, error)) {
      return false;
    }
  } else if (content_encoding.empty() || content_encoding == "identity") {
    out->body.assign(body);
  } else {
    *error = "unsupported Content-Encoding " + content_encoding;
    return false;
  }
  return true;
}

}  // namespace spamstrip
