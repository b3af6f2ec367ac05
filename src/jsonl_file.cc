#include "jsonl_file.h"

#include <fstream>

namespace spamstrip {

Status ForEachJsonlObject(
    const std::string& path,
    const std::function<Status(const nlohmann::json& object, const std::string& where)>& fn) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::NotFound(path + ": cannot open");
  std::string line;
  size_t lineno = 0;
  while (std::getline(in, line)) {
    ++lineno;
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    const std::string where = path + ":" + std::to_string(lineno) + ": ";
    nlohmann::json j = nlohmann::json::parse(line, nullptr, false);
    if (j.is_discarded() || !j.is_object()) return Status::Corrupt(where + "not a JSON object");
    Status s = fn(j, where);
    if (!s.ok()) return s;
  }
  if (in.bad()) return Status::IoError(path + ": read failed after line " + std::to_string(lineno));
  return Status::Ok();
}

}  // namespace spamstrip
