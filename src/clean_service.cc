#include "clean_service.h"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "ascii.h"
#include "audit_text.h"
#include "charset_label.h"
#include "html_reader.h"
#include "source_report.h"
#include "spamstrip/report_json.h"
#include "utf8.h"

namespace spamstrip {
namespace {

using json = nlohmann::json;

CleanResponse Error(int status, const std::string& message) {
  return CleanResponse{status, json{{"error", ToValidUtf8(message)}}.dump()};
}

// "Text/HTML; charset=utf-8" -> "text/html".
std::string MediaType(const std::string& content_type) {
  std::string t = content_type.substr(0, content_type.find(';'));
  t.erase(t.find_last_not_of(" \t") + 1);
  t.erase(0, std::min(t.size(), t.find_first_not_of(" \t")));
  return AsciiLower(t);
}

}  // namespace

CleanResponse HandleClean(const Detector& detector, const CleanRequest& request) {
  if (request.format != "auto" && request.format != "text" && request.format != "html") {
    return Error(400, "format must be auto, text or html (got \"" + request.format + "\")");
  }
  const std::string media = MediaType(request.content_type);
  std::string id_json = "null";
  std::string url = request.url;
  std::string from_json;  // the document when it came in a JSON body
  const std::string* doc = &request.body;
  bool html;
  if (media == "application/json") {
    json j = json::parse(request.body, nullptr, false);
    if (j.is_discarded() || !j.is_object()) {
      return Error(400, "body: not a JSON object (malformed JSON or invalid UTF-8)");
    }
    auto text = j.find("text"), page = j.find("html");
    const bool has_text = text != j.end() && text->is_string();
    const bool has_page = page != j.end() && page->is_string();
    if (!has_text && !has_page) return Error(400, "body: no string field \"text\" or \"html\"");
    html = request.format == "html" || (request.format == "auto" && has_page);
    from_json =
        has_page && (html || !has_text) ? page->get<std::string>() : text->get<std::string>();
    doc = &from_json;
    if (auto u = j.find("url"); u != j.end() && u->is_string()) url = u->get<std::string>();
    if (auto id = j.find("id"); id != j.end() && (id->is_string() || id->is_number())) {
      id_json = id->dump();
    }
  } else if (media == "text/plain" || media == "text/html" || media.empty()) {
    html = request.format == "html" ||
           (request.format == "auto" && (media == "text/html" || LooksLikeHtml(request.body)));
  } else {
    return Error(415,
                 "content type \"" + media + "\" is not text/plain, text/html or application/json");
  }
  // A page in the body declaring another charset (a byte-order mark, the Content-Type's charset,
  // a <meta>) is analysed decoded to UTF-8, as `audit` reads it; a JSON string is Unicode already.
  const bool raw_page = html && doc == &request.body;
  const AuditText page(*doc, raw_page ? CharsetParameter(request.content_type) : std::string(),
                       raw_page, /*unicode=*/!raw_page);
  json warnings = json::array();
  if (const size_t bad = page.converted() ? std::string::npos : FindInvalidUtf8(*doc);
      bad != std::string::npos) {
    warnings.push_back("invalid UTF-8 at byte " + std::to_string(bad) +
                       " (read as U+FFFD; bytes kept as they are)");
  }
  Report report;
  if (html) {
    detector.AnalyzeHtml(page.text(), url, &report);
  } else {
    detector.Analyze(*doc, &report);
  }
  const char* field = html ? "html" : "text";
  // Decoded, the cleaned page is given in UTF-8 (a JSON string holds no other charset) and the
  // offsets are mapped back to bytes of the body.
  json out = json::parse(JsonlResult(id_json, page.text(), report, field));
  if (out.contains("flagged")) {
    out["flagged_findings"] = std::move(out["flagged"]);
  }
  if (id_json == "null") out.erase("id");
  out["format"] = field;
  out["stripped"] = report.stripped_any;
  out["flagged"] = report.flagged_any;
  if (html) out["article_text"] = ToValidUtf8(report.article_text);
  if (page.converted()) out["charset"] = page.charset();
  if (!page.unknown_label().empty()) out["charset_unknown"] = page.unknown_label();
  if (!warnings.empty()) out["warnings"] = std::move(warnings);
  if (request.report) out["report"] = json::parse(ReportToJson(page.text(), report, -1));
  MapJsonOffsets(page, &out);
  return CleanResponse{200, out.dump()};
}

}  // namespace spamstrip
