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

// Where an output that must appear whole or not at all is written. A regular file (or a new
// one) is written to a temporary file beside it and renamed into place when complete. A path
// that exists and is not a regular file — /dev/null, /dev/stdout, a FIFO, a terminal — is
// written in place: renaming over it would replace the device with a file. A symbolic link is
// followed: the file it points to is replaced and the link stays.
struct OutputTarget {
  std::string path;        // as the user gave it (for messages)
  std::string write_path;  // where to write
  std::string final_path;  // where the file ends up
  bool in_place = false;   // write_path == final_path; nothing to rename
};
OutputTarget PlanOutput(const std::string& path);
// Renames the finished temporary file into place (nothing to do in place).
Status CommitOutput(const OutputTarget& t);
// Removes the temporary file of an output that failed (nothing to do in place).
void AbandonOutput(const OutputTarget& t);

// Writes `data` to `path` atomically (see PlanOutput): a temporary file in the same directory,
// flushed, then renamed over `path`. On failure nothing is left at `path` that was not there
// before.
Status WriteFileAtomic(const std::string& path, std::string_view data);

}  // namespace spamstrip

#endif  // SPAMSTRIP_SRC_FILE_UTIL_H_
