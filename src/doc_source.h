// doc_source.h — the documents of an audit, streamed from every kind of input in one order.
//
// A DocSource walks a sorted input list (input_walker.h) and yields items: documents to
// analyse, problems (an unreadable file, a malformed JSON line, a corrupt gzip member, a bad
// WARC record, ...) and things skipped on purpose (a file with an unknown extension, a WARC
// request or metadata record, a non-HTML response). Every item has a place: its file and its
// index among the items of that file. Files come in list order and items in file order, so
// (file, index) orders everything the same way on every run, whichever items a shard keeps.
//
// Documents:
//   .txt, .html, .htm  the whole file; id = its path
//   .jsonl, .json      one JSON object per line with a "text" or "html" string field (and
//                      optionally "id", "url", "date" or "published"); id = "id" (string or
//                      number) or else "path:line"
//   .warc, .warc.gz    "response" records (HTTP 2xx, body decoded, HTML or plain text by the
//                      HTTP Content-Type) and "resource" records (by the record's Content-Type);
//                      id = WARC-Record-ID, url = WARC-Target-URI, date = WARC-Date
// Bodies are handed over as read; their charset (charset_label, a byte-order mark, a <meta>) is
// the analysing side's business (audit_text.h).
// Memory stays bounded: one document at a time, each at most `max_document` bytes (larger ones
// are reported and skipped, not loaded). Not thread-safe; one reader thread.
#ifndef SPAMSTRIP_SRC_DOC_SOURCE_H_
#define SPAMSTRIP_SRC_DOC_SOURCE_H_

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "chunk_stream.h"
#include "input_walker.h"
#include "warc_reader.h"

namespace spamstrip {

enum class DocFormat { kAuto, kText, kHtml };

struct SourceItem {
  enum class Kind { kDocument, kError, kSkipped };
  Kind kind = Kind::kDocument;
  size_t file = 0;        // index into the input list
  std::string source;     // the file's path
  uint64_t index = 0;     // the item's index among its file's items
  uint64_t offset = 0;    // byte offset in the file: a line's or record's start (0: whole file)
  uint64_t line = 0;      // JSONL: the 1-based line number; 0 otherwise
  std::string record_id;  // WARC: WARC-Record-ID

  // kDocument
  std::string id;
  std::string url;
  std::string date;  // as given (WARC-Date, "date" or "published")
  bool html = false;
  std::string bytes;
  // WARC: the charset parameter of the body's Content-Type (HTTP or record header), "" if none.
  std::string charset_label;
  // JSONL: the body is a JSON string, Unicode already; its charset is never converted.
  bool unicode = false;

  // kError: kind ("unreadable", "json", "missing_field", "too_large", "http", "warc", "gzip",
  // "truncated", "io") and a message naming the file and the place. kSkipped: why (kind).
  std::string what;
  std::string message;

  // The key that assigns the item to a shard: the document id, or "path#index" for others.
  std::string ShardKey() const;
};

class DocSource {
 public:
  struct Options {
    DocFormat format = DocFormat::kAuto;  // for .txt files and JSON "text" fields
    size_t max_document = size_t(64) << 20;
  };

  DocSource(std::vector<InputEntry> inputs, const Options& options);
  ~DocSource();
  DocSource(const DocSource&) = delete;
  DocSource& operator=(const DocSource&) = delete;

  // Starts at file `file`, skipping its first `skip` items (read, not returned): where an
  // interrupted audit stopped. Call before the first Next().
  void Seek(size_t file, uint64_t skip);

  // The next item; false when every file is done.
  bool Next(SourceItem* item);

  const std::vector<InputEntry>& inputs() const { return inputs_; }
  // Bytes of input read so far (compressed bytes for .warc.gz) and in all (sum of file sizes).
  uint64_t bytes_read() const;
  uint64_t total_bytes() const { return total_bytes_; }

  class FileReader;  // one per kind of file (doc_source.cc)

 private:
  bool OpenNext();

  std::vector<InputEntry> inputs_;
  Options options_;
  uint64_t total_bytes_ = 0;
  uint64_t done_bytes_ = 0;  // sizes of the files before the current one
  size_t next_file_ = 0;
  uint64_t skip_ = 0;
  uint64_t index_ = 0;  // of the next item of the current file
  std::unique_ptr<FileReader> reader_;
};

}  // namespace spamstrip

#endif  // SPAMSTRIP_SRC_DOC_SOURCE_H_
