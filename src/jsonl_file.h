// jsonl_file.h — reading a JSONL file object by object, with errors that say file:line.
#ifndef SPAMSTRIP_SRC_JSONL_FILE_H_
#define SPAMSTRIP_SRC_JSONL_FILE_H_

#include <functional>
#include <nlohmann/json.hpp>
#include <string>

#include "spamstrip/status.h"

namespace spamstrip {

// Calls fn(object, where) for every non-blank line of `path`, in order; `where` is "path:line: "
// for fn's own error messages. Stops at the first error: a line that is not a JSON object, an
// unreadable file, or a non-OK Status returned by fn.
Status ForEachJsonlObject(
    const std::string& path,
    const std::function<Status(const nlohmann::json& object, const std::string& where)>& fn);

}  // namespace spamstrip

#endif  // SPAMSTRIP_SRC_JSONL_FILE_H_
