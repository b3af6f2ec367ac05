#include "input_walker.h"

#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <set>
#include <utility>

#include "ascii.h"

namespace spamstrip {
namespace {

namespace fs = std::filesystem;

bool EndsWith(const std::string& s, const char* suffix) {
  const size_t n = std::strlen(suffix);
  return s.size() >= n && s.compare(s.size() - n, n, suffix) == 0;
}

class Walker {
 public:
  explicit Walker(std::vector<InputEntry>* out) : out_(out) {}

  void Visit(const std::string& path) {
    struct stat st;
    if (::stat(path.c_str(), &st) != 0) {
      Error(path, std::strerror(errno));
      return;
    }
    if (S_ISDIR(st.st_mode)) {
      if (!visited_.insert({st.st_dev, st.st_ino}).second) return;  // a link back up the tree
      std::error_code ec;
      fs::directory_iterator it(path, ec), end;
      if (ec) {
        Error(path, ec.message());
        return;
      }
      std::vector<std::string> children;
      for (; it != end; it.increment(ec)) {
        if (ec) break;
        children.push_back((fs::path(path) / it->path().filename()).string());
      }
      if (ec) Error(path, ec.message());
      // Sorted, so that which of two links to one directory is followed does not depend on
      // the order the file system lists them in.
      std::sort(children.begin(), children.end());
      for (const std::string& child : children) Visit(child);
      return;
    }
    InputEntry e;
    e.path = path;
    e.kind = S_ISREG(st.st_mode) ? KindOfPath(path) : InputKind::kSkipped;
    if (e.kind != InputKind::kSkipped) e.size = static_cast<uint64_t>(st.st_size);
    out_->push_back(std::move(e));
  }

 private:
  void Error(const std::string& path, const std::string& reason) {
    InputEntry e;
    e.path = path;
    e.kind = InputKind::kError;
    e.error = path + ": " + reason;
    out_->push_back(std::move(e));
  }

  std::vector<InputEntry>* out_;
  std::set<std::pair<dev_t, ino_t>> visited_;
};

}  // namespace

const char* InputKindName(InputKind kind) {
  switch (kind) {
    case InputKind::kText:
      return "text";
    case InputKind::kHtml:
      return "html";
    case InputKind::kJsonl:
      return "jsonl";
    case InputKind::kJsonlGz:
      return "jsonl.gz";
    case InputKind::kWarc:
      return "warc";
    case InputKind::kWarcGz:
      return "warc.gz";
    case InputKind::kSkipped:
      return "skipped";
    case InputKind::kError:
      return "error";
  }
  return "?";
}

InputKind KindOfPath(const std::string& path) {
  const std::string p = AsciiLower(path);
  if (EndsWith(p, ".warc.gz")) return InputKind::kWarcGz;
  if (EndsWith(p, ".warc")) return InputKind::kWarc;
  if (EndsWith(p, ".jsonl") || EndsWith(p, ".json")) return InputKind::kJsonl;
  if (EndsWith(p, ".jsonl.gz") || EndsWith(p, ".json.gz")) return InputKind::kJsonlGz;
  if (EndsWith(p, ".html") || EndsWith(p, ".htm")) return InputKind::kHtml;
  if (EndsWith(p, ".txt")) return InputKind::kText;
  return InputKind::kSkipped;
}

void WalkInputs(const std::vector<std::string>& inputs, std::vector<InputEntry>* out) {
  out->clear();
  Walker walker(out);
  for (const std::string& input : inputs) {
    std::string p = fs::path(input).lexically_normal().string();
    if (p.size() > 1 && p.back() == '/') p.pop_back();
    walker.Visit(p.empty() ? "." : p);
  }
  std::stable_sort(out->begin(), out->end(),
                   [](const InputEntry& a, const InputEntry& b) { return a.path < b.path; });
  out->erase(std::unique(out->begin(), out->end(),
                         [](const InputEntry& a, const InputEntry& b) { return a.path == b.path; }),
             out->end());
}

}  // namespace spamstrip
