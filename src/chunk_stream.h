// chunk_stream.h — a file read in fixed-size chunks, plain or gzip (any number of members).
//
// For a gzip file every chunk comes from one member and carries that member's offset in the
// compressed file, so a WARC record can be located by the member it starts in (WARC files
// usually compress each record as a member of its own). A corrupt or truncated member is
// reported with its offset and the stream goes on at the next member: the next gzip header
// found after it, checked by inflating from there (a candidate that fails at once is taken for a
// chance match of the magic bytes and passed over silently, so a run of corrupt members is
// reported once, at its first member). Memory stays bounded (one input and one output
// buffer) however large the file. Not thread-safe; one stream per thread.
#ifndef SPAMSTRIP_SRC_CHUNK_STREAM_H_
#define SPAMSTRIP_SRC_CHUNK_STREAM_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "spamstrip/status.h"

namespace spamstrip {

struct StreamError {
  uint64_t offset = 0;  // in the file (the compressed file for gzip)
  std::string kind;     // "gzip" (corrupt member), "truncated" (file ends inside a member), "io"
  std::string message;  // names the file and the offset
};

class ChunkStream {
 public:
  struct Chunk {
    std::string_view data;  // valid until the next call to Next()
    // Plain: the file offset of data[0]. Gzip: the offset of the member the bytes come from.
    uint64_t offset = 0;
    // Bytes before this chunk were lost (a corrupt member was skipped): whatever was being
    // parsed across the gap is incomplete.
    bool after_gap = false;
  };

  ChunkStream();
  ~ChunkStream();
  ChunkStream(const ChunkStream&) = delete;
  ChunkStream& operator=(const ChunkStream&) = delete;

  // Opens `path`; `gzip` selects decompression. NotFound / IoError name the path.
  Status Open(const std::string& path, bool gzip);

  // The next chunk; false at the end of the file. Problems met on the way (a corrupt member, a
  // read error) are appended to *errors; after a read error the stream ends.
  bool Next(Chunk* chunk, std::vector<StreamError>* errors);

  // Bytes of the file consumed so far (for progress).
  uint64_t consumed() const { return consumed_; }

 private:
  // Reads up to buf->size() bytes into *buf (retrying when interrupted); the count, or 0 at the
  // end of the file or after a read error (reported at file offset `at`), which end the stream.
  size_t Read(std::vector<char>* buf, uint64_t at, std::vector<StreamError>* errors);
  bool NextPlain(Chunk* chunk, std::vector<StreamError>* errors);
  bool NextGzip(Chunk* chunk, std::vector<StreamError>* errors);
  // Reads more compressed input; false at end of file or on a read error (reported).
  bool Refill(std::vector<StreamError>* errors);
  // Skips to the next gzip header after `from` and restarts inflation there; false if none.
  bool Resync(uint64_t from, std::vector<StreamError>* errors);

  struct Zlib;
  std::string path_;
  int fd_ = -1;
  bool gzip_ = false;
  bool eof_ = false;
  uint64_t consumed_ = 0;
  std::unique_ptr<Zlib> z_;
  std::vector<char> in_;
  std::vector<char> out_;
  uint64_t in_base_ = 0;         // file offset of in_[0]
  size_t in_len_ = 0;            // bytes of in_ filled
  uint64_t member_ = 0;          // file offset of the current member
  bool member_started_ = false;  // input of the current member has been consumed
  bool resyncing_ = false;       // the current member was found by Resync and is unconfirmed
  bool gap_ = false;             // the next chunk follows lost bytes
};

}  // namespace spamstrip

#endif  // SPAMSTRIP_SRC_CHUNK_STREAM_H_
