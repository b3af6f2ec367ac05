#include "audit_summary_text.h"

#include <filesystem>

#include "text_format.h"

namespace spamstrip {
namespace {

using json = nlohmann::ordered_json;

constexpr size_t kCategoriesShown = 5;

uint64_t U(const json& j, const char* key) {
  auto it = j.find(key);
  return it != j.end() && it->is_number_unsigned() ? it->get<uint64_t>() : 0;
}

std::string Share(uint64_t part, uint64_t whole) {
  return whole == 0 ? ""
                    : " (" + Percent(static_cast<double>(part) / static_cast<double>(whole)) + ")";
}

}  // namespace

std::string AuditSummaryText(const json& summary, const std::string& out_dir, double seconds) {
  static const json kEmpty = json::object();
  const json& t = summary.contains("totals") ? summary["totals"] : kEmpty;
  const uint64_t docs = U(t, "documents"), stripped = U(t, "stripped_documents"),
                 flagged = U(t, "flagged_documents"), errors = U(t, "errors");
  std::string s = "spamstrip audit: " + Num(docs) + " documents";
  if (U(t, "html_documents") > 0) s += " (" + Num(U(t, "html_documents")) + " HTML)";
  s += " in " + Num(U(t, "files")) + " files, " + Size(U(t, "input_bytes"));
  if (seconds > 0) s += " in " + Duration(seconds);
  s += "\n";
  s += "  spam to strip in " + Num(stripped) + " documents" + Share(stripped, docs) + ", " +
       Size(U(t, "spam_bytes")) + " of spam\n";
  const uint64_t review = flagged >= stripped ? flagged - stripped : 0;
  if (review > 0) {
    s += "  " + Num(review) + " more documents with findings below the strip threshold (flagged " +
         "for review)\n";
  }
  if (auto c = summary.find("categories"); c != summary.end() && c->is_array() && !c->empty()) {
    s += "  categories:";
    size_t shown = 0;
    for (const json& cat : *c) {
      if (shown == kCategoriesShown) break;
      s += (shown++ ? ", " : " ") + cat.value("category", std::string("?")) + " " +
           Num(U(cat, "documents"));
    }
    if (c->size() > kCategoriesShown) s += ", …";
    s += " (documents)\n";
  }
  if (errors > 0) s += "  " + Num(errors) + " input errors (listed in summary.json)\n";
  if (U(t, "skipped") > 0) s += "  " + Num(U(t, "skipped")) + " items skipped (not documents)\n";
  const std::filesystem::path dir(out_dir);
  s += "  report: " + (dir / "report.html").string() + "  (also summary.json, findings.jsonl)\n";
  return s;
}

}  // namespace spamstrip
