#include "source_report.h"

#include <nlohmann/json.hpp>

#include "spamstrip/report_json.h"

namespace spamstrip {
namespace {

// [*start, *end) of text.text() as a range of the document's bytes.
void MapRange(const AuditText& text, size_t* start, size_t* end) {
  const size_t s = text.SourceStart(*start);
  *end = text.SourceEnd(*end);
  *start = s;
}

}  // namespace

Report SourceReport(const AuditText& text, const Report& report) {
  Report out = report;
  if (!text.converted()) return out;
  for (BlockReport& b : out.blocks) {
    MapRange(text, &b.block.start, &b.block.end);
    for (Finding& s : b.spans) MapRange(text, &s.start, &s.end);
  }
  for (Report::Removal& r : out.removed) MapRange(text, &r.start, &r.end);
  return out;
}

void MapJsonOffsets(const AuditText& text, nlohmann::json* j) {
  if (!text.converted()) return;
  if (j->is_array()) {
    for (nlohmann::json& e : *j) MapJsonOffsets(text, &e);
    return;
  }
  if (!j->is_object()) return;
  auto start = j->find("start"), end = j->find("end");
  if (start != j->end() && end != j->end() && start->is_number_unsigned() &&
      end->is_number_unsigned()) {
    *start = text.SourceStart(start->get<size_t>());
    *end = text.SourceEnd(end->get<size_t>());
  }
  if (auto bytes = j->find("bytes"); bytes != j->end() && j->contains("blocks")) {
    *bytes = text.SourceEnd(text.text().size());
  }
  for (auto& [key, value] : j->items()) {
    if (value.is_structured()) MapJsonOffsets(text, &value);
  }
}

std::string SourceReportJson(const AuditText& text, const Report& report, int indent) {
  std::string out = ReportToJson(text.text(), report, indent);
  if (!text.converted()) return out;
  nlohmann::json j = nlohmann::json::parse(out);
  MapJsonOffsets(text, &j);
  return j.dump(indent);
}

}  // namespace spamstrip
