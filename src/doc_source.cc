#include "doc_source.h"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <utility>

#include "ascii.h"
#include "charset_label.h"
#include "file_util.h"
#include "http_payload.h"

namespace spamstrip {

// Reads the items of one file. `Next` fills everything but file, source and index.
class DocSource::FileReader {
 public:
  virtual ~FileReader() = default;
  virtual bool Next(SourceItem* item) = 0;
  virtual uint64_t consumed() const = 0;
};

namespace {

using Kind = SourceItem::Kind;

void SetError(SourceItem* item, std::string what, std::string message) {
  item->kind = Kind::kError;
  item->what = std::move(what);
  item->message = std::move(message);
}

void SetSkipped(SourceItem* item, std::string why) {
  item->kind = Kind::kSkipped;
  item->what = std::move(why);
}

// One item made up front: an input that could not be listed, or a skipped file.
class SingleItem : public DocSource::FileReader {
 public:
  explicit SingleItem(SourceItem item) : item_(std::move(item)) {}
  bool Next(SourceItem* item) override {
    if (done_) return false;
    done_ = true;
    *item = std::move(item_);
    return true;
  }
  uint64_t consumed() const override { return 0; }

 private:
  SourceItem item_;
  bool done_ = false;
};

// A .txt or .html file: one document.
class WholeFile : public DocSource::FileReader {
 public:
  WholeFile(const InputEntry& e, bool html, size_t max) : entry_(e), html_(html), max_(max) {}
  bool Next(SourceItem* item) override {
    if (done_) return false;
    done_ = true;
    if (entry_.size > max_) {
      SetError(item, "too_large",
               entry_.path + ": " + std::to_string(entry_.size) +
                   " bytes is larger than the limit of " + std::to_string(max_) + " bytes");
      return true;
    }
    Status s = ReadFile(entry_.path, &item->bytes);
    if (!s.ok()) {
      item->bytes.clear();
      SetError(item, "unreadable", s.message());
      return true;
    }
    item->kind = Kind::kDocument;
    item->id = entry_.path;
    item->html = html_;
    return true;
  }
  uint64_t consumed() const override { return done_ ? entry_.size : 0; }

 private:
  InputEntry entry_;
  bool html_;
  size_t max_;
  bool done_ = false;
};

// A JSONL file, plain or gzip: one document per non-blank line. Offsets count the bytes of the
// decompressed stream.
class JsonlFile : public DocSource::FileReader {
 public:
  JsonlFile(const InputEntry& e, DocFormat format, size_t max)
      : path_(e.path), format_(format), max_(max) {
    Status s = stream_.Open(path_, e.kind == InputKind::kJsonlGz);
    if (!s.ok()) open_error_ = s.message();
  }

  bool Next(SourceItem* item) override {
    if (!open_error_.empty()) {
      SetError(item, "unreadable", open_error_);
      open_error_.clear();
      end_ = true;
      return true;
    }
    for (;;) {
      if (!pending_.empty()) {
        SetError(item, pending_.front().kind, pending_.front().message);
        item->offset = pending_.front().offset;
        pending_.erase(pending_.begin());
        return true;
      }
      size_t nl = buf_.find('\n', scan_);
      if (nl == std::string::npos) {
        scan_ = buf_.size();
        if (buf_.size() - pos_ > max_) {  // a line too long to hold: report, then skip it
          if (!discarding_) {
            ++line_;
            SetError(item, "too_large",
                     path_ + ":" + std::to_string(line_) + ": line longer than the limit of " +
                         std::to_string(max_) + " bytes");
            item->line = line_;
            item->offset = base_ + pos_;
            discarding_ = true;
            Drop(buf_.size());
            return true;
          }
          Drop(buf_.size());
        }
        if (!end_ && Fill()) continue;
        end_ = true;
        if (pos_ >= buf_.size()) return false;
        nl = buf_.size();  // the last line has no newline
      }
      const uint64_t offset = base_ + pos_;
      if (discarding_) {  // the rest of a line reported as too large
        discarding_ = false;
        Drop(std::min(nl + 1, buf_.size()));
        continue;
      }
      ++line_;
      if (nl - pos_ > max_) {
        SetError(item, "too_large",
                 path_ + ":" + std::to_string(line_) + ": line longer than the limit of " +
                     std::to_string(max_) + " bytes");
        item->line = line_;
        item->offset = offset;
        Drop(std::min(nl + 1, buf_.size()));
        return true;
      }
      std::string line = buf_.substr(pos_, nl - pos_);
      Drop(std::min(nl + 1, buf_.size()));
      if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
      item->line = line_;
      item->offset = offset;
      Parse(line, item);
      return true;
    }
  }

  uint64_t consumed() const override { return stream_.consumed(); }

 private:
  bool Fill() {
    ChunkStream::Chunk c;
    if (!stream_.Next(&c, &pending_)) return !pending_.empty();
    buf_.append(c.data.data(), c.data.size());
    return true;
  }

  void Drop(size_t upto) {
    pos_ = upto;
    scan_ = std::max(scan_, pos_);
    if (pos_ > buf_.size() / 2) {
      buf_.erase(0, pos_);
      base_ += pos_;
      scan_ -= pos_;
      pos_ = 0;
    }
  }

  void Parse(const std::string& line, SourceItem* item) {
    const std::string where = path_ + ":" + std::to_string(line_);
    nlohmann::json j = nlohmann::json::parse(line, nullptr, false);
    if (j.is_discarded() || !j.is_object()) {
      SetError(item, "json", where + ": not a JSON object (malformed JSON or invalid UTF-8)");
      return;
    }
    auto str = [&j](const char* key) -> const std::string* {
      auto it = j.find(key);
      return it != j.end() && it->is_string() ? &it->get_ref<const std::string&>() : nullptr;
    };
    auto id = j.find("id");
    if (id != j.end() && id->is_string()) {
      item->id = id->get<std::string>();
    } else if (id != j.end() && id->is_number()) {
      item->id = id->dump();
    } else {
      item->id = where;
    }
    if (const std::string* url = str("url")) item->url = *url;
    if (const std::string* date = str("date")) {
      item->date = *date;
    } else if (const std::string* published = str("published")) {
      item->date = *published;
    }
    const std::string* text = str("text");
    const std::string* html = str("html");
    const std::string* body = nullptr;
    switch (format_) {
      case DocFormat::kAuto:
        body = html != nullptr ? html : text;
        item->html = html != nullptr;
        break;
      case DocFormat::kText:
        body = text != nullptr ? text : html;
        item->html = false;
        break;
      case DocFormat::kHtml:
        body = html != nullptr ? html : text;
        item->html = true;
        break;
    }
    if (body == nullptr) {
      item->id.clear();
      item->url.clear();
      item->date.clear();
      SetError(item, "missing_field", where + ": no string field \"text\" or \"html\"");
      return;
    }
    item->kind = Kind::kDocument;
    item->bytes = *body;
    item->unicode = true;
  }

  std::string path_;
  DocFormat format_;
  size_t max_;
  ChunkStream stream_;
  std::string open_error_;
  std::vector<StreamError> pending_;
  std::string buf_;
  size_t pos_ = 0;
  size_t scan_ = 0;    // buf_ has no '\n' in [pos_, scan_)
  uint64_t base_ = 0;  // file offset of buf_[0]
  uint64_t line_ = 0;
  bool discarding_ = false;
  bool end_ = false;
};

bool StartsWith(const std::string& s, const char* prefix) { return s.rfind(prefix, 0) == 0; }

// A WARC file: one document per response or resource record with text or HTML in it.
class WarcFile : public DocSource::FileReader {
 public:
  WarcFile(const InputEntry& e, size_t max) : max_(max) {
    WarcReader::Options o;
    o.max_record = max;
    Status s = reader_.Open(e.path, e.kind == InputKind::kWarcGz, o);
    if (!s.ok()) open_error_ = s.message();
    path_ = e.path;
  }

  bool Next(SourceItem* item) override {
    if (!open_error_.empty()) {
      SetError(item, "unreadable", open_error_);
      open_error_.clear();
      done_ = true;
      return true;
    }
    if (done_) return false;
    WarcItem w;
    if (!reader_.Next(&w)) return false;
    if (w.is_error) {
      item->offset = w.error.offset;
      SetError(item, w.error.kind, w.error.message);
      return true;
    }
    WarcRecord& r = w.record;
    item->offset = r.offset;
    item->record_id = r.record_id;
    if (!r.loaded) {
      SetSkipped(item, "warc_" + (r.type.empty() ? std::string("untyped") : r.type));
      return true;
    }
    std::string content_type = AsciiLower(r.content_type);
    std::string body;
    if (r.type == "response" && content_type.find("application/http") != std::string::npos) {
      HttpResponse http;
      std::string error;
      if (!ParseHttpResponse(r.block, max_, &http, &error)) {
        SetError(item, "http",
                 path_ + ": record at byte " + std::to_string(r.offset) + " (" + r.record_id +
                     "): " + error);
        return true;
      }
      if (http.status < 200 || http.status > 299) {
        SetSkipped(item, "http_status");
        return true;
      }
      content_type = http.content_type;
      body = std::move(http.body);
    } else if (r.type == "response") {
      SetSkipped(item, "not_http");
      return true;
    } else {
      body = std::move(r.block);
    }
    const bool html = content_type.find("html") != std::string::npos;
    if (!html && !StartsWith(content_type, "text/plain")) {
      SetSkipped(item, "content_type");
      return true;
    }
    item->kind = Kind::kDocument;
    item->id = r.record_id.empty() ? path_ + "@" + std::to_string(r.offset) : r.record_id;
    item->url = r.target_uri;
    item->date = r.date;
    item->html = html;
    item->bytes = std::move(body);
    item->charset_label = CharsetParameter(content_type);
    return true;
  }

  uint64_t consumed() const override { return reader_.consumed(); }

 private:
  size_t max_;
  std::string path_;
  WarcReader reader_;
  std::string open_error_;
  bool done_ = false;
};

}  // namespace

std::string SourceItem::ShardKey() const {
  return kind == Kind::kDocument ? id : source + "#" + std::to_string(index);
}

DocSource::DocSource(std::vector<InputEntry> inputs, const Options& options)
    : inputs_(std::move(inputs)), options_(options) {
  for (const InputEntry& e : inputs_) total_bytes_ += e.size;
}

DocSource::~DocSource() = default;

void DocSource::Seek(size_t file, uint64_t skip) {
  next_file_ = std::min(file, inputs_.size());
  skip_ = skip;
  done_bytes_ = 0;
  for (size_t i = 0; i < next_file_; ++i) done_bytes_ += inputs_[i].size;
}

uint64_t DocSource::bytes_read() const {
  return done_bytes_ + (reader_ != nullptr ? reader_->consumed() : 0);
}

bool DocSource::OpenNext() {
  if (reader_ != nullptr) {
    done_bytes_ += inputs_[next_file_ - 1].size;
    reader_.reset();
  }
  if (next_file_ >= inputs_.size()) return false;
  const InputEntry& e = inputs_[next_file_++];
  switch (e.kind) {
    case InputKind::kText:
      reader_ = std::make_unique<WholeFile>(e, options_.format == DocFormat::kHtml,
                                            options_.max_document);
      break;
    case InputKind::kHtml:
      reader_ = std::make_unique<WholeFile>(e, true, options_.max_document);
      break;
    case InputKind::kJsonl:
    case InputKind::kJsonlGz:
      reader_ = std::make_unique<JsonlFile>(e, options_.format, options_.max_document);
      break;
    case InputKind::kWarc:
    case InputKind::kWarcGz:
      reader_ = std::make_unique<WarcFile>(e, options_.max_document);
      break;
    case InputKind::kSkipped: {
      SourceItem item;
      SetSkipped(&item, "file_extension");
      reader_ = std::make_unique<SingleItem>(std::move(item));
      break;
    }
    case InputKind::kError: {
      SourceItem item;
      SetError(&item, "unreadable", e.error);
      reader_ = std::make_unique<SingleItem>(std::move(item));
      break;
    }
  }
  index_ = 0;
  return true;
}

bool DocSource::Next(SourceItem* item) {
  for (;;) {
    if (reader_ == nullptr && !OpenNext()) return false;
    *item = SourceItem();
    if (!reader_->Next(item)) {
      if (!OpenNext()) return false;
      continue;
    }
    item->file = next_file_ - 1;
    item->source = inputs_[item->file].path;
    item->index = index_++;
    if (skip_ > 0) {
      --skip_;
      continue;
    }
    return true;
  }
}

}  // namespace spamstrip
