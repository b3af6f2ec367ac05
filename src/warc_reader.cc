#include "warc_reader.h"

#include <algorithm>
#include <cstring>
#include <string_view>

#include "ascii.h"

namespace spamstrip {
namespace {

constexpr size_t kMaxHeader = size_t(1) << 20;

// The end of a header block starting at `from`: the index just past the empty line that ends
// it ("\r\n\r\n", tolerating bare "\n"), or npos.
size_t FindHeaderEnd(const std::string& buf, size_t from) {
  size_t i = from;
  while ((i = buf.find('\n', i)) != std::string::npos) {
    ++i;
    if (i < buf.size() && buf[i] == '\n') return i + 1;
    if (i + 1 < buf.size() && buf[i] == '\r' && buf[i + 1] == '\n') return i + 2;
    if (i + 1 >= buf.size()) return std::string::npos;  // undecided: need more bytes
  }
  return std::string::npos;
}

bool ParseLength(std::string_view v, uint64_t* out) {
  if (v.empty() || v.size() > 19) return false;
  uint64_t n = 0;
  for (char c : v) {
    if (c < '0' || c > '9') return false;
    n = n * 10 + static_cast<uint64_t>(c - '0');
  }
  *out = n;
  return true;
}

}  // namespace

Status WarcReader::Open(const std::string& path, bool gzip, const Options& options) {
  path_ = path;
  gzip_ = gzip;
  options_ = options;
  return stream_.Open(path, gzip);
}

void WarcReader::Compact() {
  if (pos_ == 0 || pos_ < buf_.size() / 2) return;  // amortised: move at most half the buffer
  buf_.erase(0, pos_);
  base_ += pos_;
  pos_ = 0;
  while (segments_.size() > 1 && segments_[1].logical <= base_) segments_.pop_front();
}

WarcReader::FillResult WarcReader::Fill() {
  if (end_) return FillResult::kEnd;
  Compact();
  ChunkStream::Chunk c;
  const bool got = stream_.Next(&c, &stream_errors_);
  for (auto& e : stream_errors_) pending_.push_back(std::move(e));
  stream_errors_.clear();
  if (!got) {
    end_ = true;
    return FillResult::kEnd;
  }
  if (c.after_gap) {
    // Whatever was being read ran into lost bytes: drop it and look for the next record.
    base_ += buf_.size();
    buf_.clear();
    pos_ = 0;
    segments_.clear();
    resync_ = true;
  }
  segments_.push_back({base_ + buf_.size(), c.offset});
  buf_.append(c.data.data(), c.data.size());
  return c.after_gap ? FillResult::kGap : FillResult::kData;
}

uint64_t WarcReader::FileOffset(uint64_t logical) const {
  const Segment* s = nullptr;
  for (const Segment& seg : segments_) {
    if (seg.logical > logical) break;
    s = &seg;
  }
  if (s == nullptr) return 0;
  return gzip_ ? s->offset : s->offset + (logical - s->logical);
}

void WarcReader::Problem(uint64_t off, const std::string& kind, const std::string& what) {
  pending_.push_back({off, kind, path_ + ": record at byte " + std::to_string(off) + ": " + what});
}

WarcReader::FillResult WarcReader::Skip(uint64_t n) {
  for (;;) {
    const uint64_t take = std::min<uint64_t>(n, buf_.size() - pos_);
    pos_ += static_cast<size_t>(take);
    n -= take;
    if (n == 0) return FillResult::kData;
    const FillResult r = Fill();
    if (r != FillResult::kData) return r;
  }
}

bool WarcReader::Next(WarcItem* item) {
  for (;;) {
    if (!pending_.empty()) {
      item->is_error = true;
      item->error = std::move(pending_.front());
      pending_.pop_front();
      return true;
    }
    while (pos_ < buf_.size() && (buf_[pos_] == '\r' || buf_[pos_] == '\n')) ++pos_;
    if (pos_ >= buf_.size()) {
      if (Fill() == FillResult::kEnd && pending_.empty()) return false;
      continue;
    }
    if (resync_) {
      size_t hit = pos_;
      while ((hit = buf_.find("WARC/1.", hit)) != std::string::npos && hit > 0 &&
             buf_[hit - 1] != '\n') {
        ++hit;
      }
      if (hit == std::string::npos) {
        pos_ = std::max(pos_, buf_.size() > 7 ? buf_.size() - 7 : size_t(0));
        if (Fill() == FillResult::kEnd) pos_ = buf_.size();
        continue;
      }
      pos_ = hit;
      resync_ = false;
    }

    // The header.
    const uint64_t start = FileOffset(base_ + pos_);
    size_t end = FindHeaderEnd(buf_, pos_);
    bool lost = false;
    while (end == std::string::npos) {
      if (buf_.size() - pos_ > kMaxHeader) {
        Problem(start, "warc", "malformed record: header longer than 1 MiB");
        ++pos_;
        resync_ = true;
        lost = true;
        break;
      }
      const size_t searched = buf_.size() - pos_;
      const FillResult r = Fill();
      if (r == FillResult::kGap) {
        lost = true;
        break;
      }
      if (r == FillResult::kEnd) {
        Problem(start, "truncated", "record header cut short by the end of the file");
        pos_ = buf_.size();
        lost = true;
        break;
      }
      end = FindHeaderEnd(buf_, pos_ + (searched > 3 ? searched - 3 : 0));
    }
    if (lost) continue;
    std::string_view header(buf_.data() + pos_, end - pos_);
    if (header.compare(0, 7, "WARC/1.") != 0) {
      Problem(start, "warc", "malformed record: no WARC/1.x version line");
      ++pos_;
      resync_ = true;
      continue;
    }
    WarcRecord rec;
    rec.offset = start;
    bool have_length = false;
    size_t line_start = header.find('\n') + 1;
    while (line_start < header.size()) {
      size_t line_end = header.find('\n', line_start);
      if (line_end == std::string_view::npos) line_end = header.size();
      std::string_view line = header.substr(line_start, line_end - line_start);
      line_start = line_end + 1;
      const size_t colon = line.find(':');
      if (colon == std::string_view::npos) continue;
      const std::string_view name = TrimHeaderSpace(line.substr(0, colon));
      const std::string_view value = TrimHeaderSpace(line.substr(colon + 1));
      if (EqualsCi(name, "WARC-Type")) {
        rec.type = std::string(value);
      } else if (EqualsCi(name, "WARC-Record-ID")) {
        rec.record_id = std::string(value);
      } else if (EqualsCi(name, "WARC-Target-URI")) {
        rec.target_uri = std::string(value);
        // WARC/1.0 examples wrap the URI in angle brackets; 1.1 does not.
        if (rec.target_uri.size() >= 2 && rec.target_uri.front() == '<' &&
            rec.target_uri.back() == '>') {
          rec.target_uri = rec.target_uri.substr(1, rec.target_uri.size() - 2);
        }
      } else if (EqualsCi(name, "WARC-Date")) {
        rec.date = std::string(value);
      } else if (EqualsCi(name, "Content-Type")) {
        rec.content_type = std::string(value);
      } else if (EqualsCi(name, "Content-Length")) {
        have_length = ParseLength(value, &rec.length);
      }
    }
    pos_ = end;
    const std::string id = rec.record_id.empty() ? "" : " (" + rec.record_id + ")";
    if (!have_length) {
      Problem(start, "warc", "malformed record" + id + ": no valid Content-Length");
      resync_ = true;
      continue;
    }
    if (rec.length > options_.max_record) {
      Problem(start, "too_large",
              "record" + id + " of " + std::to_string(rec.length) +
                  " bytes is larger than the limit of " + std::to_string(options_.max_record) +
                  " bytes; skipped");
      if (Skip(rec.length) == FillResult::kEnd) pos_ = buf_.size();
      continue;
    }
    const bool load = std::find(options_.load_types.begin(), options_.load_types.end(), rec.type) !=
                      options_.load_types.end();
    FillResult r = FillResult::kData;
    if (load) {
      while (r == FillResult::kData && buf_.size() - pos_ < rec.length) r = Fill();
      if (r == FillResult::kData) {
        rec.block.assign(buf_, pos_, static_cast<size_t>(rec.length));
        rec.loaded = true;
        pos_ += static_cast<size_t>(rec.length);
      }
    } else {
      r = Skip(rec.length);
    }
    if (r == FillResult::kGap) continue;  // the stream reported the lost bytes
    if (r == FillResult::kEnd) {
      Problem(start, "truncated",
              "record" + id + " cut short: Content-Length " + std::to_string(rec.length) +
                  " but the file ends first");
      pos_ = buf_.size();
      continue;
    }
    item->is_error = false;
    item->record = std::move(rec);
    return true;
  }
}

}  // namespace spamstrip
