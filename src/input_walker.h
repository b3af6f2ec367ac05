// input_walker.h — the audit's inputs: files and directories expanded to one sorted list.
//
// Every path named is walked (directories recursively, following symbolic links to directories
// at most once each, so a link loop ends) and every entry is classified by its extension. The
// list is sorted by path, byte-wise, and that order is the audit's document order: the same
// inputs give the same list on any machine, whichever order the file system returns.
#ifndef SPAMSTRIP_SRC_INPUT_WALKER_H_
#define SPAMSTRIP_SRC_INPUT_WALKER_H_

#include <cstdint>
#include <string>
#include <vector>

namespace spamstrip {

enum class InputKind {
  kText,     // .txt: one plain-text document
  kHtml,     // .html, .htm: one HTML page
  kJsonl,    // .jsonl, .json: one JSON document per line
  kJsonlGz,  // .jsonl.gz, .json.gz: the same, gzip-compressed (any number of members)
  kWarc,     // .warc
  kWarcGz,   // .warc.gz
  kSkipped,  // any other extension: counted, not read
  kError,    // could not be listed or examined (`error` says why)
};
const char* InputKindName(InputKind kind);

// The kind a file name implies (extensions compared case-insensitively).
InputKind KindOfPath(const std::string& path);

struct InputEntry {
  std::string path;  // as named: the INPUT argument joined with the path below it
  InputKind kind = InputKind::kSkipped;
  uint64_t size = 0;  // bytes on disk (0 for kSkipped and kError)
  std::string error;  // kError only: "<path>: <reason>"
};

// Expands `inputs` into *out, sorted by path (byte-wise), each path once. Never fails: a path
// that does not exist or cannot be read becomes a kError entry and the walk goes on.
void WalkInputs(const std::vector<std::string>& inputs, std::vector<InputEntry>* out);

}  // namespace spamstrip

#endif  // SPAMSTRIP_SRC_INPUT_WALKER_H_
