#include "audit_output.h"

#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

#include "file_util.h"

namespace spamstrip {
namespace {

namespace fs = std::filesystem;
using json = nlohmann::ordered_json;

constexpr char kFindings[] = "findings.jsonl";
constexpr char kSummary[] = "summary.json";
constexpr char kReport[] = "report.html";
constexpr char kCheckpoint[] = "checkpoint.json";

std::string Join(const std::string& dir, const char* name) { return dir + "/" + name; }

Status ReadCheckpoint(const std::string& path, json* out) {
  std::string text;
  Status s = ReadFile(path, &text);
  if (!s.ok()) return s;
  *out = json::parse(text, nullptr, false);
  if (out->is_discarded() || !out->is_object() || out->value("version", 0) != 1) {
    return Status::Corrupt(path + ": not a checkpoint of this version");
  }
  return Status::Ok();
}

}  // namespace

AuditOutput::~AuditOutput() {
  if (findings_ != nullptr) std::fclose(findings_);
}

Status AuditOutput::Open(const std::string& dir, Mode mode, const json& fingerprint,
                         AuditCheckpoint* checkpoint, State* state) {
  dir_ = dir;
  fingerprint_ = fingerprint;
  partial_ = Join(dir, ".partial");
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec || !fs::is_directory(dir)) {
    return Status::IoError(dir + ": cannot create the output directory" +
                           (ec ? ": " + ec.message() : std::string()));
  }
  const bool has_partial = fs::exists(partial_);
  const bool complete = fs::exists(Join(dir, kSummary));
  *state = State::kStarted;
  if (mode == Mode::kFresh && has_partial) {
    return Status::InvalidArgument(dir +
                                   " holds an interrupted audit: --resume finishes it, "
                                   "--force starts over");
  }
  if (mode == Mode::kFresh && complete) {
    return Status::InvalidArgument(dir +
                                   " already holds an audit (summary.json): --force "
                                   "replaces it");
  }
  uint64_t keep = 0;
  const std::string cp_path = Join(partial_, kCheckpoint);
  if (mode == Mode::kResume && has_partial && fs::exists(cp_path)) {
    json cp;
    Status s = ReadCheckpoint(cp_path, &cp);
    if (!s.ok()) return s;
    if (cp["fingerprint"] != fingerprint) {
      return Status::InvalidArgument(dir +
                                     " holds an audit of other inputs or with other "
                                     "settings: --force starts over");
    }
    if (cp.value("complete", false)) {
      s = MoveIntoPlace();
      if (s.ok()) *state = State::kAlreadyComplete;
      return s;
    }
    try {
      checkpoint->fingerprint = fingerprint;
      checkpoint->next_file = cp.at("next_file");
      checkpoint->next_skip = cp.at("next_skip");
      checkpoint->findings_bytes = cp.at("findings_bytes");
    } catch (const json::exception& e) {
      return Status::Corrupt(cp_path + ": " + e.what());
    }
    s = AuditSummary::FromJson(cp["summary"], &checkpoint->summary);
    if (!s.ok()) return Status::Corrupt(cp_path + ": " + s.message());
    const std::string findings = Join(partial_, kFindings);
    std::error_code size_ec;
    const uintmax_t size = fs::file_size(findings, size_ec);
    if (size_ec || size < checkpoint->findings_bytes) {
      return Status::Corrupt(findings + ": shorter than its checkpoint says (" +
                             std::to_string(checkpoint->findings_bytes) + " bytes)");
    }
    if (::truncate(findings.c_str(), static_cast<off_t>(checkpoint->findings_bytes)) != 0) {
      return Status::IoError(findings + ": cannot truncate: " + std::strerror(errno));
    }
    keep = checkpoint->findings_bytes;
    *state = State::kResumed;
  } else if (mode == Mode::kResume && !has_partial && complete) {
    *state = State::kAlreadyComplete;
    return Status::Ok();
  } else {
    fs::remove_all(partial_, ec);
    if (ec) return Status::IoError(partial_ + ": cannot remove: " + ec.message());
  }
  fs::create_directories(partial_, ec);
  if (ec) return Status::IoError(partial_ + ": cannot create: " + ec.message());
  const std::string findings = Join(partial_, kFindings);
  findings_ = std::fopen(findings.c_str(), keep > 0 ? "ab" : "wb");
  if (findings_ == nullptr) {
    return Status::IoError(findings + ": cannot open: " + std::strerror(errno));
  }
  findings_bytes_ = keep;
  return Status::Ok();
}

Status AuditOutput::AppendFindings(const std::string& line) {
  if (std::fwrite(line.data(), 1, line.size(), findings_) != line.size() ||
      std::fputc('\n', findings_) == EOF) {
    return Status::IoError(Join(partial_, kFindings) + ": write failed: " + std::strerror(errno));
  }
  findings_bytes_ += line.size() + 1;
  return Status::Ok();
}

Status AuditOutput::FlushFindings() {
  if (std::fflush(findings_) != 0 || ::fsync(fileno(findings_)) != 0) {
    return Status::IoError(Join(partial_, kFindings) + ": flush failed: " + std::strerror(errno));
  }
  return Status::Ok();
}

Status AuditOutput::Checkpoint(AuditCheckpoint* cp) {
  Status s = FlushFindings();
  if (!s.ok()) return s;
  cp->findings_bytes = findings_bytes_;
  json j;
  j["version"] = 1;
  j["complete"] = false;
  j["fingerprint"] = cp->fingerprint;
  j["next_file"] = cp->next_file;
  j["next_skip"] = cp->next_skip;
  j["findings_bytes"] = cp->findings_bytes;
  j["summary"] = cp->summary.ToJson();
  return WriteFileAtomic(Join(partial_, kCheckpoint), j.dump() + "\n");
}

Status AuditOutput::Finish(const std::string& summary_json, const std::string& report_html) {
  Status s = FlushFindings();
  if (!s.ok()) return s;
  std::fclose(findings_);
  findings_ = nullptr;
  s = WriteFileAtomic(Join(partial_, kSummary), summary_json);
  if (s.ok()) s = WriteFileAtomic(Join(partial_, kReport), report_html);
  if (!s.ok()) return s;
  // From here on the outputs are final: a run stopped during the renames is completed by
  // --resume without reading anything again.
  json cp;
  cp["version"] = 1;
  cp["complete"] = true;
  cp["fingerprint"] = fingerprint_;
  s = WriteFileAtomic(Join(partial_, kCheckpoint), cp.dump() + "\n");
  if (!s.ok()) return s;
  return MoveIntoPlace();
}

Status AuditOutput::MoveIntoPlace() {
  for (const char* name : {kFindings, kSummary, kReport}) {
    const std::string from = Join(partial_, name), to = Join(dir_, name);
    if (!fs::exists(from)) continue;  // moved by the run that was stopped
    if (std::rename(from.c_str(), to.c_str()) != 0) {
      return Status::IoError(to + ": rename failed: " + std::strerror(errno));
    }
  }
  std::error_code ec;
  fs::remove_all(partial_, ec);
  if (ec) return Status::IoError(partial_ + ": cannot remove: " + ec.message());
  return Status::Ok();
}

}  // namespace spamstrip
