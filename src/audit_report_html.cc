#include "audit_report_html.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>
#include <vector>

#include "text_format.h"

namespace spamstrip {
namespace {

using json = nlohmann::ordered_json;

constexpr size_t kTopBars = 15;
constexpr size_t kTopRules = 25;
constexpr size_t kErrorsShown = 100;

const char* const kPalette[] = {"#c0392b", "#2e86c1", "#d68910", "#7d3c98", "#17a589",
                                "#cb4335", "#2874a6", "#b9770e", "#6c3483", "#138d75",
                                "#a93226", "#1f618d", "#9a7d0a"};

// At most `max` characters (code points) of `s`, with an ellipsis when cut.
std::string Shorten(const std::string& s, size_t max) {
  size_t cps = 0, i = 0;
  while (i < s.size()) {
    if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80 && ++cps > max) {
      return s.substr(0, i) + "\u2026";
    }
    ++i;
  }
  return s;
}

uint64_t U(const json& j, const char* key) {
  auto it = j.find(key);
  return it != j.end() && it->is_number_unsigned() ? it->get<uint64_t>() : 0;
}

double D(const json& j, const char* key) {
  auto it = j.find(key);
  return it != j.end() && it->is_number() ? it->get<double>() : 0.0;
}

std::string S(const json& j, const char* key) {
  auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

struct Bar {
  std::string label;
  double value = 0;  // bar length, relative to the largest
  std::string note;  // written after the bar
  std::string color;
};

// A horizontal bar chart `width` units wide (760 for a full-width section, 480 for a half).
std::string BarChart(const std::vector<Bar>& bars, int width) {
  if (bars.empty()) return "<p class=\"none\">Nothing to show.</p>";
  const int row = 24, label_w = width * 3 / 10, bar_w = width * 43 / 100;
  double max = 0;
  for (const Bar& b : bars) max = std::max(max, b.value);
  std::string svg = "<svg class=\"chart\" viewBox=\"0 0 " + std::to_string(width) + " " +
                    std::to_string(row * bars.size() + 8) + "\" role=\"img\">";
  for (size_t i = 0; i < bars.size(); ++i) {
    const Bar& b = bars[i];
    const int y = static_cast<int>(i) * row + 4;
    const double w = max > 0 ? std::max(1.0, bar_w * b.value / max) : 1.0;
    svg += "<g><title>" + HtmlEscape(b.label + ": " + b.note) + "</title>";
    svg += "<text x=\"" + std::to_string(label_w - 8) + "\" y=\"" + std::to_string(y + 16) +
           "\" text-anchor=\"end\">" +
           HtmlEscape(Shorten(b.label, static_cast<size_t>(label_w / 9))) + "</text>";
    svg += "<rect x=\"" + std::to_string(label_w) + "\" y=\"" + std::to_string(y + 3) +
           "\" width=\"" + Fixed(w, 1) + "\" height=\"" + std::to_string(row - 8) +
           "\" rx=\"2\" fill=\"" + (b.color.empty() ? "#2e86c1" : b.color) + "\"/>";
    svg += "<text x=\"" + Fixed(label_w + w + 6, 1) + "\" y=\"" + std::to_string(y + 16) +
           "\" class=\"note\">" + HtmlEscape(b.note) + "</text></g>";
  }
  return svg + "</svg>";
}

std::string MonthChart(const json& months) {
  if (months.empty()) {
    return "<p class=\"none\">No dates are known for these documents (WARC-Date, or a "
           "\"date\" / \"published\" field in JSONL).</p>";
  }
  const int width = 760, height = 250, left = 56, right = 34, top = 14, bottom = 40;
  const int plot_w = width - left - right, plot_h = height - top - bottom;
  double max = 0;
  for (const json& m : months) max = std::max(max, D(m, "flagged_share"));
  // A round top for the axis: 1, 2 or 5 times a power of ten.
  double top_value = 0.01;
  if (max > 0) {
    const double p = std::pow(10.0, std::floor(std::log10(max)));
    top_value = max <= p ? p : max <= 2 * p ? 2 * p : max <= 5 * p ? 5 * p : 10 * p;
  }
  const size_t n = months.size();
  auto x_of = [&](size_t i) {
    return left +
           (n == 1 ? plot_w / 2.0 : plot_w * static_cast<double>(i) / static_cast<double>(n - 1));
  };
  auto y_of = [&](double v) { return top + plot_h * (1.0 - v / top_value); };
  std::string svg = "<svg class=\"chart\" viewBox=\"0 0 " + std::to_string(width) + " " +
                    std::to_string(height) + "\" role=\"img\">";
  for (int t = 0; t <= 4; ++t) {
    const double v = top_value * t / 4;
    const std::string y = Fixed(y_of(v), 1);
    svg += "<line x1=\"" + std::to_string(left) + "\" x2=\"" + std::to_string(width - right) +
           "\" y1=\"" + y + "\" y2=\"" + y + "\" class=\"grid\"/>";
    svg += "<text x=\"" + std::to_string(left - 6) + "\" y=\"" + y +
           "\" dy=\"4\" text-anchor=\"end\" class=\"note\">" +
           Fixed(100.0 * v, top_value >= 0.1 ? 1 : 2) + "%</text>";
  }
  const size_t label_every = std::max<size_t>(1, (n + 11) / 12);
  std::string points;
  for (size_t i = 0; i < n; ++i) {
    points += Fixed(x_of(i), 1) + "," + Fixed(y_of(D(months[i], "flagged_share")), 1) + " ";
    if (i % label_every == 0 || i + 1 == n) {
      svg += "<text x=\"" + Fixed(x_of(i), 1) + "\" y=\"" + std::to_string(height - bottom + 18) +
             "\" text-anchor=\"middle\" class=\"note\">" + HtmlEscape(S(months[i], "month")) +
             "</text>";
    }
  }
  svg += "<polyline points=\"" + points + "\" class=\"line\"/>";
  for (size_t i = 0; i < n; ++i) {
    const json& m = months[i];
    svg +=
        "<circle cx=\"" + Fixed(x_of(i), 1) + "\" cy=\"" + Fixed(y_of(D(m, "flagged_share")), 1) +
        "\" r=\"3.5\" class=\"dot\"><title>" +
        HtmlEscape(S(m, "month") + ": " + Num(U(m, "flagged")) + " of " + Num(U(m, "documents")) +
                   " documents flagged (" + Percent(D(m, "flagged_share")) + ")") +
        "</title></circle>";
  }
  return svg + "</svg>";
}

std::string Card(const std::string& value, const std::string& label) {
  return "<div class=\"card\"><div class=\"value\">" + HtmlEscape(value) +
         "</div><div class=\"label\">" + HtmlEscape(label) + "</div></div>";
}

std::string WorstTable(const json& pages) {
  if (pages.empty()) return "<p class=\"none\">No page has findings.</p>";
  std::string h =
      "<p><input id=\"filter\" type=\"search\" placeholder=\"Filter by text, site, category, "
      "rule\u2026\" aria-label=\"filter\"> <span id=\"shown\"></span></p>"
      "<table id=\"worst\"><thead><tr><th data-type=\"num\">#</th><th>Page</th>"
      "<th>Date</th><th>Categories</th><th data-type=\"num\">Top score</th>"
      "<th data-type=\"num\">Spam bytes</th><th>Found (highlighted) in context</th></tr></thead>"
      "<tbody>";
  size_t rank = 0;
  for (const json& p : pages) {
    ++rank;
    std::vector<std::string> cats;
    std::string found;
    for (const json& f : p.value("findings", json::array())) {
      const std::string cat = S(f, "category");
      if (std::find(cats.begin(), cats.end(), cat) == cats.end()) cats.push_back(cat);
      std::string rules;
      for (const json& r : f.value("rules", json::array())) {
        if (r.is_string()) rules += (rules.empty() ? "" : ", ") + r.get<std::string>();
      }
      found += "<div class=\"hit\"><div class=\"meta\">" + HtmlEscape(cat) + " \u00b7 " +
               S(f, "decision") + " \u00b7 score " + Fixed(D(f, "score"), 4) +
               (rules.empty() ? "" : " \u00b7 " + HtmlEscape(rules)) + "</div><div class=\"ctx\">" +
               HtmlEscape(S(f, "before")) + "<mark>" + HtmlEscape(S(f, "text")) + "</mark>" +
               HtmlEscape(S(f, "after")) + "</div></div>";
    }
    std::string cat_list;
    for (const std::string& c : cats) cat_list += (cat_list.empty() ? "" : ", ") + c;
    const std::string url = S(p, "url");
    std::string page = "<div class=\"id\">" + HtmlEscape(Shorten(S(p, "id"), 80)) + "</div>";
    if (!url.empty()) page += "<div class=\"url\">" + HtmlEscape(Shorten(url, 100)) + "</div>";
    page += "<div class=\"src\">" + HtmlEscape(S(p, "source")) + " \u00b7 item " +
            std::to_string(U(p, "index")) + " \u00b7 byte " + std::to_string(U(p, "offset")) +
            "</div>";
    h += "<tr><td data-v=\"" + std::to_string(rank) + "\">" + std::to_string(rank) + "</td><td>" +
         page + "</td><td>" + HtmlEscape(S(p, "date").substr(0, 10)) + "</td><td>" +
         HtmlEscape(cat_list) + "</td><td data-v=\"" + Fixed(D(p, "max_score"), 4) + "\">" +
         Fixed(D(p, "max_score"), 4) + "</td><td data-v=\"" + std::to_string(U(p, "spam_bytes")) +
         "\">" + Num(U(p, "spam_bytes")) + "</td><td>" + found + "</td></tr>";
  }
  return h + "</tbody></table>";
}

const char kStyle[] = R"(<style>
:root{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",sans-serif;color:#1c2833;background:#f4f6f7}
body{margin:0 auto;max-width:1180px;padding:24px}
h1{font-size:26px;margin:0 0 4px}h2{font-size:19px;margin:0 0 12px}
.sub{color:#5d6d7e;margin:0 0 20px;font-size:14px}
section{background:#fff;border-radius:8px;padding:18px 20px;margin:0 0 18px;box-shadow:0 1px 3px rgba(0,0,0,.08)}
.cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(170px,1fr));gap:12px}
.card{background:#fff;border-radius:8px;padding:14px 16px;box-shadow:0 1px 3px rgba(0,0,0,.08)}
.card .value{font-size:24px;font-weight:600}.card .label{color:#5d6d7e;font-size:13px;margin-top:2px}
.grid2{display:grid;grid-template-columns:1fr 1fr;gap:18px}
@media (max-width:1000px){.grid2{grid-template-columns:1fr}}
.grid2 section{margin:0}
svg.chart{width:100%;height:auto;font-size:13px}.grid2 svg.chart{max-width:560px}
svg .note{fill:#5d6d7e;font-size:12px}svg .grid{stroke:#e5e8e8}
svg .line{fill:none;stroke:#c0392b;stroke-width:2}svg .dot{fill:#c0392b}
table{border-collapse:collapse;width:100%;font-size:13px}
th,td{text-align:left;vertical-align:top;padding:6px 8px;border-bottom:1px solid #e5e8e8}
th{background:#f8f9f9;position:sticky;top:0;cursor:pointer;user-select:none;white-space:nowrap}
th.asc::after{content:" \25b2"}th.desc::after{content:" \25bc"}
td.n,th.n{text-align:right}
#worst td:nth-child(7){max-width:520px}#worst td:nth-child(3){white-space:nowrap}
.id{font-weight:600;word-break:break-all}.url{color:#2874a6;word-break:break-all}.src{color:#7f8c8d;font-size:12px;word-break:break-all}
.hit{margin:0 0 8px}.meta{color:#5d6d7e;font-size:12px;margin-bottom:2px}
.ctx{white-space:pre-wrap;word-break:break-word;font-family:ui-monospace,"DejaVu Sans Mono",monospace;font-size:12px;background:#f8f9f9;padding:6px;border-radius:4px;max-height:220px;overflow:auto}
mark{background:#fadbd8;color:#78281f;border-bottom:2px solid #c0392b}
.none{color:#7f8c8d}
input[type=search]{width:340px;padding:6px 8px;border:1px solid #ccd1d1;border-radius:4px;font-size:14px}
</style>)";

const char kScript[] = R"(<script>
(function(){
  var t=document.getElementById('worst'); if(!t) return;
  var body=t.tBodies[0], rows=Array.prototype.slice.call(body.rows);
  var f=document.getElementById('filter'), shown=document.getElementById('shown');
  function count(){var n=0;rows.forEach(function(r){if(r.style.display!=='none')n++;});shown.textContent=n+' of '+rows.length+' pages';}
  f.addEventListener('input',function(){var q=f.value.toLowerCase();
    rows.forEach(function(r){r.style.display=r.textContent.toLowerCase().indexOf(q)>=0?'':'none';});count();});
  Array.prototype.forEach.call(t.tHead.rows[0].cells,function(th,i){
    th.addEventListener('click',function(){
      var asc=!th.classList.contains('asc'), num=th.getAttribute('data-type')==='num';
      Array.prototype.forEach.call(t.tHead.rows[0].cells,function(c){c.classList.remove('asc','desc');});
      th.classList.add(asc?'asc':'desc');
      rows.sort(function(a,b){var x=a.cells[i],y=b.cells[i];
        var u=num?parseFloat(x.getAttribute('data-v')):x.textContent, v=num?parseFloat(y.getAttribute('data-v')):y.textContent;
        var c=num?u-v:u.localeCompare(v);return asc?c:-c;});
      rows.forEach(function(r){body.appendChild(r);});});});
  count();
})();
</script>)";

}  // namespace

std::string HtmlEscape(std::string_view s) {
  std::string out;
  out.reserve(s.size() + s.size() / 8);
  for (char c : s) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string AuditReportHtml(const json& summary) {
  const json empty = json::object();
  const json& t = summary.contains("totals") ? summary["totals"] : empty;
  const json none = json::array();
  auto list = [&](const char* key) -> const json& {
    return summary.contains(key) && summary[key].is_array() ? summary[key] : none;
  };
  const uint64_t docs = U(t, "documents");
  std::string h =
      "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
      "<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">"
      "<title>spamstrip audit report</title>";
  h += kStyle;
  h += "</head><body><h1>Injected spam audit</h1><p class=\"sub\">" + Num(U(t, "files")) +
       " files, " + Megabytes(U(t, "input_bytes")) + " read, " + Num(docs) +
       " documents analysed (" + Num(U(t, "html_documents")) + " HTML" +
       (U(t, "converted_documents") > 0
            ? ", " + Num(U(t, "converted_documents")) + " decoded from another charset"
            : "") +
       (U(t, "unknown_charset_documents") > 0
            ? ", " + Num(U(t, "unknown_charset_documents")) + " with an unknown charset"
            : "") +
       ") \u00b7 strip threshold " + Fixed(D(summary.value("settings", empty), "threshold"), 2) +
       ", flag threshold " + Fixed(D(summary.value("settings", empty), "flag_threshold"), 2) +
       "</p>";

  h += "<div class=\"cards\">";
  // Documents with spam to strip lead; findings below the strip threshold are for review.
  const uint64_t stripped = U(t, "stripped_documents"), flagged = U(t, "flagged_documents");
  h += Card(Num(docs), "documents analysed");
  h += Card(Num(stripped), "documents with spam to strip");
  h += Card(Percent(docs ? static_cast<double>(stripped) / static_cast<double>(docs) : 0),
            "share of documents with spam to strip");
  h += Card(Num(flagged >= stripped ? flagged - stripped : 0),
            "more documents flagged for review only");
  h += Card(Num(U(t, "findings")), "flagged or stripped blocks and sentences");
  h += Card(Num(U(t, "spam_bytes")), "bytes of spam found");
  h += Card(Num(U(t, "errors")), "input errors");
  h += Card(Num(U(t, "skipped")), "items skipped (not documents)");
  h += "</div>";

  std::vector<Bar> cats;
  size_t color = 0;
  for (const json& c : list("categories")) {
    if (cats.size() == kTopBars) break;
    cats.push_back({S(c, "category"), static_cast<double>(U(c, "documents")),
                    Num(U(c, "documents")) + " documents, " + Num(U(c, "findings")) + " blocks",
                    kPalette[color++ % (sizeof(kPalette) / sizeof(kPalette[0]))]});
  }
  h += "<section style=\"margin-top:18px\"><h2>Documents by category</h2>" + BarChart(cats, 760) +
       "</section>";
  h += "<section><h2>Share of documents flagged, by month</h2>" + MonthChart(list("months")) +
       "</section>";

  std::vector<Bar> sites;
  for (const json& s : list("sites")) {
    if (sites.size() == kTopBars || U(s, "flagged") == 0) break;
    sites.push_back({S(s, "site"), D(s, "flagged_share"),
                     Percent(D(s, "flagged_share")) + " (" + Num(U(s, "flagged")) + " of " +
                         Num(U(s, "documents")) + ")",
                     "#cb4335"});
  }
  std::vector<Bar> domains;
  for (const json& d : list("linked_domains")) {
    if (domains.size() == kTopBars) break;
    domains.push_back({S(d, "domain"), static_cast<double>(U(d, "documents")),
                       Num(U(d, "documents")) + " documents", "#7d3c98"});
  }
  h += "<div class=\"grid2\"><section><h2>Sites with the most flagged pages</h2>"
       "<p class=\"sub\">Share of each site's documents flagged; the sites with the most flagged "
       "documents.</p>" +
       BarChart(sites, 480) +
       "</section><section><h2>Domains linked from flagged blocks</h2><p class=\"sub\">Documents "
       "whose flagged blocks link to the domain.</p>" +
       BarChart(domains, 480) + "</section></div>";

  h += "<section style=\"margin-top:18px\"><h2>Worst pages</h2><p class=\"sub\">The pages with "
       "the most spam (bytes flagged or stripped), their findings highlighted in context. Click "
       "a heading to sort.</p>" +
       WorstTable(list("worst_pages")) + "</section>";

  h += "<div class=\"grid2\"><section><h2>Rules that fired most</h2>";
  if (list("rules").empty()) {
    h += "<p class=\"none\">No rule matched in a flagged block.</p>";
  } else {
    h += "<table><thead><tr><th>Rule</th><th class=\"n\">Blocks</th><th class=\"n\">Documents"
         "</th></tr></thead><tbody>";
    size_t n = 0;
    for (const json& r : list("rules")) {
      if (n++ == kTopRules) break;
      h += "<tr><td>" + HtmlEscape(S(r, "rule")) + "</td><td class=\"n\">" + Num(U(r, "findings")) +
           "</td><td class=\"n\">" + Num(U(r, "documents")) + "</td></tr>";
    }
    h += "</tbody></table>";
  }
  h += "</section><section><h2>Input errors and skipped items</h2>";
  const json& errors = summary.value("errors", empty);
  const json& skipped = summary.value("skipped", empty);
  h += "<table><thead><tr><th>Kind</th><th class=\"n\">Count</th></tr></thead><tbody>";
  const json error_kinds = errors.value("by_kind", empty);
  const json skipped_kinds = skipped.value("by_kind", empty);
  for (const auto& [k, v] : error_kinds.items()) {
    h += "<tr><td>error: " + HtmlEscape(k) + "</td><td class=\"n\">" +
         Num(v.is_number_unsigned() ? v.get<uint64_t>() : 0) + "</td></tr>";
  }
  for (const auto& [k, v] : skipped_kinds.items()) {
    h += "<tr><td>skipped: " + HtmlEscape(k) + "</td><td class=\"n\">" +
         Num(v.is_number_unsigned() ? v.get<uint64_t>() : 0) + "</td></tr>";
  }
  h += "</tbody></table>";
  const json first = errors.value("first", none);
  if (!first.empty()) {
    h += "<h2 style=\"margin-top:14px\">Where</h2><table><tbody>";
    size_t n = 0;
    for (const json& e : first) {
      if (n++ == kErrorsShown) break;
      h += "<tr><td>" + HtmlEscape(S(e, "kind")) + "</td><td class=\"src\">" +
           HtmlEscape(S(e, "message")) + "</td></tr>";
    }
    h += "</tbody></table>";
    if (first.size() > kErrorsShown) {
      h += "<p class=\"none\">" + Num(first.size() - kErrorsShown) +
           " more listed in summary.json.</p>";
    }
  }
  h += "</section></div>";
  h += kScript;
  h += "</body></html>\n";
  return h;
}

}  // namespace spamstrip
