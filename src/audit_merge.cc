#include "audit_merge.h"

#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <memory>
#include <nlohmann/json.hpp>
#include <queue>
#include <set>

#include "audit_report_html.h"
#include "audit_summary.h"
#include "file_util.h"
#include "shard.h"

namespace spamstrip {
namespace {

namespace fs = std::filesystem;
using json = nlohmann::ordered_json;

// One findings.jsonl being read, its current line and that line's place.
struct FindingsCursor {
  std::string path;
  size_t order = 0;  // position of its directory on the command line (ties)
  std::ifstream in;
  uint64_t lineno = 0;
  std::string line;
  InputPlace place;

  // Reads the next line; false at the end.
  Status Advance(bool* more) {
    *more = false;
    while (std::getline(in, line)) {
      ++lineno;
      if (line.empty()) continue;
      json j = json::parse(line, nullptr, false);
      if (j.is_discarded() || !j.is_object() || !j.contains("source") || !j["source"].is_string() ||
          !j.contains("index") || !j["index"].is_number_unsigned()) {
        return Status::Corrupt(path + ":" + std::to_string(lineno) +
                               ": not a findings line (no \"source\" and \"index\")");
      }
      place = {j["source"].get<std::string>(), j["index"].get<uint64_t>()};
      *more = true;
      return Status::Ok();
    }
    if (in.bad()) return Status::IoError(path + ": read failed");
    return Status::Ok();
  }
};

Status ReadSummary(const std::string& dir, json* out) {
  const std::string path = dir + "/summary.json";
  std::string text;
  Status s = ReadFile(path, &text);
  if (!s.ok()) return s;
  *out = json::parse(text, nullptr, false);
  if (out->is_discarded()) return Status::Corrupt(path + ": malformed JSON");
  return Status::Ok();
}

Status MergeFindings(const std::vector<std::string>& dirs, const std::string& out_path) {
  std::vector<std::unique_ptr<FindingsCursor>> cursors;
  auto later = [&cursors](size_t a, size_t b) {
    const FindingsCursor& x = *cursors[a];
    const FindingsCursor& y = *cursors[b];
    if (!(x.place == y.place)) return y.place < x.place;
    return x.order > y.order;
  };
  std::priority_queue<size_t, std::vector<size_t>, decltype(later)> heap(later);
  for (size_t i = 0; i < dirs.size(); ++i) {
    auto c = std::make_unique<FindingsCursor>();
    c->path = dirs[i] + "/findings.jsonl";
    c->order = i;
    Status s = CheckReadable(c->path);
    if (!s.ok()) return s;
    c->in.open(c->path, std::ios::binary);
    cursors.push_back(std::move(c));
    bool more = false;
    s = cursors.back()->Advance(&more);
    if (!s.ok()) return s;
    if (more) heap.push(i);
  }
  const OutputTarget target = PlanOutput(out_path);
  std::FILE* out = std::fopen(target.write_path.c_str(), "wb");
  if (out == nullptr) return Status::IoError(out_path + ": cannot create: " + std::strerror(errno));
  Status s;
  bool ok = true;
  while (!heap.empty() && s.ok()) {
    const size_t i = heap.top();
    heap.pop();
    FindingsCursor& c = *cursors[i];
    ok &= std::fwrite(c.line.data(), 1, c.line.size(), out) == c.line.size() &&
          std::fputc('\n', out) != EOF;
    bool more = false;
    s = c.Advance(&more);
    if (more) heap.push(i);
  }
  ok &= std::fflush(out) == 0 && (target.in_place || ::fsync(fileno(out)) == 0);
  ok &= std::fclose(out) == 0;
  if (!s.ok() || !ok) {
    AbandonOutput(target);
    return s.ok() ? Status::IoError(out_path + ": write failed") : s;
  }
  return CommitOutput(target);
}

}  // namespace

Status MergeAudits(const std::vector<std::string>& dirs, const std::string& out_dir, bool force) {
  if (dirs.empty()) return Status::InvalidArgument("nothing to merge");
  AuditSummary total;
  json settings;
  std::set<uint32_t> shards;
  uint32_t shard_n = 0;
  size_t unsharded = 0;
  for (size_t i = 0; i < dirs.size(); ++i) {
    json j;
    Status s = ReadSummary(dirs[i], &j);
    if (!s.ok()) return s;
    Shard shard;
    if (j.contains("shard")) {
      if (!j["shard"].is_string() || !ParseShard(j["shard"].get<std::string>(), &shard)) {
        return Status::Corrupt(dirs[i] + "/summary.json: bad \"shard\"");
      }
      if (shard_n != 0 && shard.n != shard_n) {
        return Status::InvalidArgument(dirs[i] + " is shard " + shard.ToString() +
                                       " of another split (others are of " +
                                       std::to_string(shard_n) + ")");
      }
      shard_n = shard.n;
      if (!shards.insert(shard.k).second) {
        return Status::InvalidArgument(dirs[i] + ": shard " + shard.ToString() + " is given twice");
      }
    } else {
      ++unsharded;
    }
    AuditSummary part;
    s = AuditSummary::FromJson(j, &part);
    if (!s.ok()) return Status::Corrupt(dirs[i] + "/summary.json: " + s.message());
    if (i == 0) {
      settings = part.settings;
    } else if (part.settings != settings) {
      return Status::InvalidArgument(dirs[i] + " was audited with other settings than " + dirs[0]);
    }
    total.Merge(part);
  }
  if (unsharded > 0 && !shards.empty()) {
    return Status::InvalidArgument("cannot merge shards with whole audits");
  }
  if (!shards.empty() && shards.size() != shard_n) {
    for (uint32_t k = 1; k <= shard_n; ++k) {
      if (shards.count(k) == 0) {
        return Status::InvalidArgument("shard " + std::to_string(k) + "/" +
                                       std::to_string(shard_n) + " is missing");
      }
    }
  }
  std::error_code ec;
  fs::create_directories(out_dir, ec);
  if (ec || !fs::is_directory(out_dir)) {
    return Status::IoError(out_dir + ": cannot create the output directory");
  }
  if (!force && fs::exists(out_dir + "/summary.json")) {
    return Status::InvalidArgument(out_dir +
                                   " already holds an audit (summary.json): --force "
                                   "replaces it");
  }
  total.settings = settings;
  const json summary = total.ToJson();
  Status s = MergeFindings(dirs, out_dir + "/findings.jsonl");
  if (s.ok()) s = WriteFileAtomic(out_dir + "/summary.json", SummaryFileText(summary));
  if (s.ok()) s = WriteFileAtomic(out_dir + "/report.html", AuditReportHtml(summary));
  return s;
}

}  // namespace spamstrip
