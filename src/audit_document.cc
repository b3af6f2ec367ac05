#include "audit_document.h"

#include <cmath>
#include <nlohmann/json.hpp>
#include <string_view>

#include "url_util.h"
#include "utf8.h"

namespace spamstrip {
namespace {

using json = nlohmann::ordered_json;

constexpr size_t kContextBytes = 160;   // of text shown before and after a hit in the report
constexpr size_t kHitTextBytes = 2000;  // of a hit's own text kept for the report

double Round(double v, double scale) { return std::round(v * scale) / scale; }

bool IsContinuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

// text[from, to) with both ends moved inwards to UTF-8 character boundaries.
std::string_view Cut(std::string_view text, size_t from, size_t to) {
  while (from < to && from < text.size() && IsContinuation(text[from])) ++from;
  while (to > from && to < text.size() && IsContinuation(text[to])) --to;
  return text.substr(from, to - from);
}

// `source_bytes`: the length of the finding's range in the document's bytes.
AuditHit MakeHit(std::string_view text, const Finding& f, uint64_t source_bytes) {
  AuditHit h;
  h.category = f.category.empty() ? "unknown" : f.category;
  h.score = Round(f.score, 1e4);
  h.stripped = f.decision == Decision::kStrip;
  h.bytes = source_bytes;
  for (const Reason& r : f.reasons) {
    if (r.source == "rule") h.rules.push_back(r.name);
  }
  const std::string_view range = text.substr(f.start, f.end - f.start);
  h.hosts = LinkedHosts(range);
  // An ellipsis marks each end that was cut.
  h.before = (f.start > kContextBytes ? "\u2026" : "") +
             ToValidUtf8(Cut(text, f.start > kContextBytes ? f.start - kContextBytes : 0, f.start));
  h.text = ToValidUtf8(Cut(text, f.start, std::min(f.end, f.start + kHitTextBytes)));
  if (f.end - f.start > kHitTextBytes) h.text += " \u2026";
  h.after = ToValidUtf8(Cut(text, f.end, f.end + kContextBytes));
  if (f.end + kContextBytes < text.size()) h.after += "\u2026";
  return h;
}

// `start`, `end`: the finding's range in the document's bytes.
json FindingJson(std::string_view text, const Finding& f, size_t start, size_t end) {
  json reasons = json::array();
  for (const Reason& r : f.reasons) {
    json o = {{"source", r.source}, {"name", r.name}, {"value", Round(r.value, 1e3)}};
    if (!r.detail.empty()) o["detail"] = ToValidUtf8(r.detail);
    reasons.push_back(std::move(o));
  }
  return {{"start", start},
          {"end", end},
          {"decision", DecisionName(f.decision)},
          {"category", f.category.empty() ? "unknown" : f.category},
          {"score", Round(f.score, 1e4)},
          {"reasons", std::move(reasons)},
          {"text", ToValidUtf8(text.substr(f.start, f.end - f.start))}};
}

}  // namespace

void DescribeDocument(const SourceItem& item, const AuditText& analysed, const Report& report,
                      DocOutcome* outcome, std::string* line) {
  const std::string_view text = analysed.text();
  *outcome = DocOutcome();
  outcome->place = {ToValidUtf8(item.source), item.index};
  outcome->id = ToValidUtf8(item.id);
  outcome->url = ToValidUtf8(item.url);
  outcome->date = ToValidUtf8(item.date);
  outcome->offset = item.offset;
  outcome->html = item.html;
  outcome->bytes = item.bytes.size();
  outcome->charset = analysed.charset();
  outcome->unknown_charset = analysed.unknown_label();
  outcome->utf8_despite_label = analysed.utf8_despite_label();
  line->clear();
  json findings = json::array();
  auto add = [&](const Finding& f) {
    if (f.decision == Decision::kKeep || f.end <= f.start || f.end > text.size()) return;
    const size_t start = analysed.SourceStart(f.start), end = analysed.SourceEnd(f.end);
    outcome->hits.push_back(MakeHit(text, f, end - start));
    findings.push_back(FindingJson(text, f, start, end));
  };
  for (const BlockReport& b : report.blocks) {
    add(b.block);
    for (const Finding& s : b.spans) add(s);
  }
  if (findings.empty()) return;
  json o;
  o["id"] = outcome->id;
  o["source"] = ToValidUtf8(item.source);
  o["index"] = item.index;
  o["offset"] = item.offset;
  if (item.line > 0) o["line"] = item.line;
  if (!item.record_id.empty()) o["record_id"] = ToValidUtf8(item.record_id);
  o["url"] = outcome->url;
  o["date"] = outcome->date;
  o["format"] = item.html ? "html" : "text";
  o["bytes"] = item.bytes.size();
  if (analysed.converted()) o["charset"] = analysed.charset();
  if (!analysed.unknown_label().empty()) o["charset_unknown"] = analysed.unknown_label();
  o["findings"] = std::move(findings);
  json removed = json::array();
  for (const Report::Removal& r : report.removed) {
    removed.push_back({analysed.SourceStart(r.start), analysed.SourceEnd(r.end)});
  }
  o["removed"] = std::move(removed);
  *line = o.dump(-1, ' ', false, json::error_handler_t::replace);
}

}  // namespace spamstrip
