// file_util.h — whole-file reads and atomic writes with errors that name the file.
#ifndef SPAMSTRIP_SRC_FILE_UTIL_H_
#define SPAMSTRIP_SRC_FILE_UTIL_H_

#include <string>
#include <string_view>

#include "spamstrip/status.h"

namespace spamstrip {

// Reads all of `path` into *out. NotFound / IoError name the path and the OS error.
Status ReadFile(const std::string& path, std::string* out);

// OK when `path` can be opened for reading and is not a directory; otherwise the same errors
// as ReadFile. Reads nothing (for inputs that are then streamed).
Status CheckReadable(const std::string& path);

// Writes `data` to `path` atomically: a temporary file in the same directory, flushed, then
// renamed over `path`. On failure nothing is left at `path` that was not there before.
Status WriteFileAtomic(const std::string& path, std::string_view data);

}  // namespace spamstrip

#endif  // SPAMSTRIP_SRC_FILE_UTIL_H_
