#include "spamstrip/report_json.h"

#include <cmath>
#include <nlohmann/json.hpp>

#include "utf8.h"

namespace spamstrip {
namespace {

using nlohmann::json;

double Round(double v, double scale = 1e4) { return std::round(v * scale) / scale; }

json ReasonsJson(const std::vector<Reason>& reasons) {
  json a = json::array();
  for (const Reason& r : reasons) {
    json o = {{"source", r.source}, {"name", r.name}, {"value", Round(r.value, 1e3)}};
    if (!r.detail.empty()) o["detail"] = ToValidUtf8(r.detail);
    a.push_back(std::move(o));
  }
  return a;
}

json FindingJson(const Finding& f, std::string_view input, bool with_text) {
  json o = {{"start", f.start},
            {"end", f.end},
            {"score", Round(f.score)},
            {"decision", DecisionName(f.decision)}};
  if (!f.category.empty()) o["category"] = f.category;
  if (!f.reasons.empty()) o["reasons"] = ReasonsJson(f.reasons);
  if (with_text) o["text"] = ToValidUtf8(input.substr(f.start, f.end - f.start));
  return o;
}

json RemovedJson(std::string_view input, const Report& report) {
  json a = json::array();
  for (const auto& r : report.removed) {
    const Finding& f = report.FindingOf(r);
    json o = {{"start", r.start},
              {"end", r.end},
              {"score", Round(f.score)},
              {"category", f.category.empty() ? "unknown" : f.category},
              {"reasons", ReasonsJson(f.reasons)},
              {"text", ToValidUtf8(input.substr(r.start, r.end - r.start))}};
    a.push_back(std::move(o));
  }
  return a;
}

json FlaggedJson(std::string_view input, const Report& report) {
  json a = json::array();
  for (const auto& b : report.blocks) {
    if (b.block.decision == Decision::kFlag) a.push_back(FindingJson(b.block, input, true));
    for (const auto& s : b.spans) {
      if (s.decision == Decision::kFlag) a.push_back(FindingJson(s, input, true));
    }
  }
  return a;
}

}  // namespace

std::string ReportToJson(std::string_view input, const Report& report, int indent) {
  json blocks = json::array();
  for (const auto& b : report.blocks) {
    json o = FindingJson(b.block, input, b.block.decision != Decision::kKeep);
    o["kind"] = BlockKindName(b.kind);
    o["paragraph"] = b.paragraph;
    if (!b.spans.empty()) {
      json spans = json::array();
      for (const auto& s : b.spans) spans.push_back(FindingJson(s, input, true));
      o["spans"] = std::move(spans);
    }
    blocks.push_back(std::move(o));
  }
  json doc = {{"threshold", Round(report.threshold)},
              {"flag_threshold", Round(report.flag_threshold)},
              {"bytes", input.size()},
              {"stripped", report.stripped_any},
              {"flagged", report.flagged_any},
              {"removed", RemovedJson(input, report)},
              {"blocks", std::move(blocks)}};
  return doc.dump(indent);
}

std::string JsonlResult(const std::string& id_json, std::string_view input, const Report& report,
                        std::string_view field) {
  json o;
  o["id"] = json::parse(id_json, nullptr, false);
  o[std::string(field)] = ToValidUtf8(Clean(input, report));
  o["removed"] = RemovedJson(input, report);
  json flagged = FlaggedJson(input, report);
  if (!flagged.empty()) o["flagged"] = std::move(flagged);
  return o.dump();
}

std::string JsonlError(const std::string& id_json, size_t line, const std::string& message) {
  json o;
  o["id"] = id_json.empty() ? json(nullptr) : json::parse(id_json, nullptr, false);
  o["line"] = line;
  o["error"] = ToValidUtf8(message);
  return o.dump();
}

}  // namespace spamstrip
