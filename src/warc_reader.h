// warc_reader.h — WARC/1.0 and WARC/1.1 records streamed from a .warc or .warc.gz file.
//
// Records are read one at a time through a ChunkStream, so memory is bounded by the largest
// record loaded (and records above `max_record` bytes are skipped, not loaded). A malformed
// record (no "WARC/1." version line, no valid Content-Length, a header that never ends, a block
// cut short by the end of the file) is reported with the file offset where it starts, and
// reading resumes at the next "WARC/1." line; a corrupt gzip member is reported by the stream
// and reading resumes in the next member. Not thread-safe; one reader per thread.
#ifndef SPAMSTRIP_SRC_WARC_READER_H_
#define SPAMSTRIP_SRC_WARC_READER_H_

#include <cstddef>
#include <cstdint>
#include <deque>
#include <string>
#include <vector>

#include "chunk_stream.h"
#include "spamstrip/status.h"

namespace spamstrip {

struct WarcRecord {
  std::string type;          // WARC-Type: response, resource, request, metadata, warcinfo, ...
  std::string record_id;     // WARC-Record-ID as written, e.g. "<urn:uuid:...>"
  std::string target_uri;    // WARC-Target-URI, whole (scheme, host, path, query)
  std::string date;          // WARC-Date as written (ISO 8601)
  std::string content_type;  // Content-Type of the record block
  uint64_t offset = 0;       // of the record in the file (.gz: of the gzip member it starts in)
  uint64_t length = 0;       // Content-Length of the block
  bool loaded = false;       // `block` holds the block (a wanted type within the size limit)
  std::string block;
};

// One step of the reader: a record, or a problem met where the next record should have been.
struct WarcItem {
  bool is_error = false;
  WarcRecord record;  // !is_error
  StreamError error;  // is_error: kind "warc", "truncated", "too_large", "gzip" or "io"
};

class WarcReader {
 public:
  struct Options {
    size_t max_record = size_t(64) << 20;  // larger blocks are reported and skipped
    std::vector<std::string> load_types = {"response", "resource"};  // blocks loaded for these
  };

  WarcReader() = default;
  WarcReader(const WarcReader&) = delete;
  WarcReader& operator=(const WarcReader&) = delete;

  // Opens `path` (gzip when `gzip`). NotFound / IoError name the path.
  Status Open(const std::string& path, bool gzip, const Options& options);

  // The next record or problem, in file order; false at the end of the file.
  bool Next(WarcItem* item);

  // Bytes of the file consumed so far (for progress).
  uint64_t consumed() const { return stream_.consumed(); }

 private:
  enum class FillResult { kData, kGap, kEnd };
  FillResult Fill();
  uint64_t FileOffset(uint64_t logical) const;
  // Queues a problem at file offset `offset` (reported before the next record).
  void Problem(uint64_t offset, const std::string& kind, const std::string& what);
  // Drops the buffer up to `pos_`.
  void Compact();
  // Discards `n` bytes starting at pos_; false when the file ended or a gap came first.
  FillResult Skip(uint64_t n);

  struct Segment {
    uint64_t logical = 0;  // logical position of the first byte from this chunk
    uint64_t offset = 0;   // Chunk::offset
  };

  std::string path_;
  bool gzip_ = false;
  Options options_;
  ChunkStream stream_;
  std::vector<StreamError> stream_errors_;
  std::deque<StreamError> pending_;
  std::string buf_;
  size_t pos_ = 0;
  uint64_t base_ = 0;  // logical position of buf_[0]
  std::deque<Segment> segments_;
  bool resync_ = false;
  bool end_ = false;
};

}  // namespace spamstrip

#endif  // SPAMSTRIP_SRC_WARC_READER_H_
