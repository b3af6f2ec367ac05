// spamstrip/status.h — the result of an operation that can fail.
//
// Every fallible library call returns a Status (LevelDB style). The library never throws to its
// caller, prints or exits; the CLI maps a Status to a message and an exit code in one place.
// A Status is a small value type: copy it freely; it is thread-compatible.
#ifndef SPAMSTRIP_STATUS_H_
#define SPAMSTRIP_STATUS_H_

#include <string>
#include <utility>

namespace spamstrip {

class Status {
 public:
  enum class Code {
    kOk = 0,
    kInvalidArgument,  // bad options or a call that makes no sense
    kIoError,          // a file could not be opened, read or written
    kCorrupt,          // input bytes that do not parse (rule file, model file, JSON, UTF-8)
    kNotFound,         // a named file or resource does not exist
  };

  Status() = default;  // OK
  static Status Ok() { return Status(); }
  static Status InvalidArgument(std::string msg) {
    return Status(Code::kInvalidArgument, std::move(msg));
  }
  static Status IoError(std::string msg) { return Status(Code::kIoError, std::move(msg)); }
  static Status Corrupt(std::string msg) { return Status(Code::kCorrupt, std::move(msg)); }
  static Status NotFound(std::string msg) { return Status(Code::kNotFound, std::move(msg)); }

  bool ok() const { return code_ == Code::kOk; }
  Code code() const { return code_; }
  // Human-readable message; names what failed and where (file:line, byte offset) when known.
  const std::string& message() const { return message_; }
  // "OK" or "<kind>: <message>".
  std::string ToString() const;

 private:
  Status(Code code, std::string msg) : code_(code), message_(std::move(msg)) {}
  Code code_ = Code::kOk;
  std::string message_;
};

}  // namespace spamstrip

#endif  // SPAMSTRIP_STATUS_H_
