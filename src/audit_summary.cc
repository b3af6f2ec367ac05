#include "audit_summary.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <set>
#include <utility>

#include "url_util.h"

namespace spamstrip {
namespace {

using json = nlohmann::ordered_json;

constexpr char kFormat[] = "spamstrip-audit-summary/1";

double Share(uint64_t part, uint64_t whole) {
  return whole == 0
             ? 0.0
             : std::round(1e4 * static_cast<double>(part) / static_cast<double>(whole)) / 1e4;
}

bool IsDigits(const std::string& s, size_t from, size_t n) {
  if (s.size() < from + n) return false;
  for (size_t i = from; i < from + n; ++i) {
    if (s[i] < '0' || s[i] > '9') return false;
  }
  return true;
}

// Entries of `m` sorted by `key` (largest first), ties by name.
template <typename Key>
std::vector<std::pair<std::string, AuditSummary::Count2>> Sorted(
    const std::map<std::string, AuditSummary::Count2>& m, Key key) {
  std::vector<std::pair<std::string, AuditSummary::Count2>> v(m.begin(), m.end());
  std::stable_sort(v.begin(), v.end(),
                   [&key](const auto& x, const auto& y) { return key(x.second) > key(y.second); });
  return v;
}

json HitJson(const AuditHit& h) {
  return {{"category", h.category}, {"score", h.score}, {"decision", h.stripped ? "strip" : "flag"},
          {"bytes", h.bytes},       {"rules", h.rules}, {"domains", h.hosts},
          {"before", h.before},     {"text", h.text},   {"after", h.after}};
}

AuditHit HitFromJson(const json& j) {
  AuditHit h;
  h.category = j.value("category", "");
  h.score = j.value("score", 0.0);
  h.stripped = j.value("decision", "") == "strip";
  h.bytes = j.value("bytes", uint64_t{0});
  h.rules = j.value("rules", std::vector<std::string>());
  h.hosts = j.value("domains", std::vector<std::string>());
  h.before = j.value("before", "");
  h.text = j.value("text", "");
  h.after = j.value("after", "");
  return h;
}

void AddCounts(std::map<std::string, AuditSummary::Count2>* to,
               const std::map<std::string, AuditSummary::Count2>& from) {
  for (const auto& [k, v] : from) {
    auto& c = (*to)[k];
    c.a += v.a;
    c.b += v.b;
    c.c += v.c;
  }
}

void AddCounts(std::map<std::string, uint64_t>* to, const std::map<std::string, uint64_t>& from) {
  for (const auto& [k, v] : from) (*to)[k] += v;
}

void TrimWorst(std::vector<AuditSummary::WorstPage>* v) {
  std::sort(v->begin(), v->end(), AuditSummary::Worse);
  if (v->size() > AuditSummary::kWorstPages) v->resize(AuditSummary::kWorstPages);
}

void TrimErrors(std::vector<AuditError>* v) {
  std::sort(v->begin(), v->end(),
            [](const AuditError& a, const AuditError& b) { return a.place < b.place; });
  if (v->size() > AuditSummary::kErrorList) v->resize(AuditSummary::kErrorList);
}

}  // namespace

std::string MonthOf(const std::string& date) {
  if (IsDigits(date, 0, 4) && date.size() >= 7 && date[4] == '-' && IsDigits(date, 5, 2) &&
      date[5] <= '1' && (date.size() == 7 || !std::isdigit(static_cast<unsigned char>(date[7])))) {
    return date.substr(0, 7);
  }
  return "";
}

bool AuditSummary::Worse(const WorstPage& a, const WorstPage& b) {
  if (a.spam_bytes != b.spam_bytes) return a.spam_bytes > b.spam_bytes;
  if (a.max_score != b.max_score) return a.max_score > b.max_score;
  return a.doc.place < b.doc.place;
}

void AuditSummary::AddFile(const std::string& kind, uint64_t bytes) {
  ++files_;
  ++files_by_kind_[kind];
  input_bytes_ += bytes;
}

void AuditSummary::AddDocument(const DocOutcome& doc) {
  ++documents_;
  if (doc.html) ++html_documents_;
  bytes_ += doc.bytes;
  if (!doc.charset.empty()) {
    ++converted_;
    ++charsets_[doc.charset];
  }
  if (!doc.unknown_charset.empty()) {
    ++unknown_charset_;
    ++unknown_charsets_[doc.unknown_charset];
  }
  if (doc.utf8_despite_label) ++utf8_despite_label_;
  const bool flagged = !doc.hits.empty();
  const std::string site = HostOfUrl(doc.url);
  if (!site.empty()) {
    auto& s = sites_[site];
    ++s.a;
    if (flagged) ++s.b;
  }
  const std::string month = MonthOf(doc.date);
  if (!month.empty()) {
    auto& m = months_[month];
    ++m.a;
    if (flagged) ++m.b;
  }
  if (!flagged) return;
  ++flagged_;
  WorstPage page;
  std::set<std::string> cats, rules, hosts;
  bool stripped = false;
  for (const AuditHit& h : doc.hits) {
    ++hits_;
    spam_bytes_ += h.bytes;
    page.spam_bytes += h.bytes;
    page.max_score = std::max(page.max_score, h.score);
    stripped |= h.stripped;
    auto& c = categories_[h.category];
    ++c.b;
    c.c += h.bytes;
    if (cats.insert(h.category).second) ++c.a;
    for (const std::string& r : h.rules) {
      ++rules_[r].b;
      if (rules.insert(r).second) ++rules_[r].a;
    }
    for (const std::string& d : h.hosts) {
      ++hosts_[d].b;
      if (hosts.insert(d).second) ++hosts_[d].a;
    }
  }
  if (stripped) ++stripped_;
  page.doc = doc;
  AddWorst(std::move(page));
}

void AuditSummary::AddError(const AuditError& error) {
  ++errors_;
  ++error_kinds_[error.kind];
  error_list_.push_back(error);
  if (error_list_.size() >= 2 * kErrorList) TrimLists();
}

void AuditSummary::AddSkipped(const std::string& why) {
  ++skipped_;
  ++skipped_kinds_[why];
}

void AuditSummary::AddWorst(WorstPage page) {
  worst_.push_back(std::move(page));
  if (worst_.size() >= 2 * kWorstPages) TrimLists();
}

void AuditSummary::TrimLists() {
  TrimWorst(&worst_);
  TrimErrors(&error_list_);
}

void AuditSummary::Merge(const AuditSummary& o) {
  files_ += o.files_;
  input_bytes_ += o.input_bytes_;
  AddCounts(&files_by_kind_, o.files_by_kind_);
  documents_ += o.documents_;
  html_documents_ += o.html_documents_;
  bytes_ += o.bytes_;
  converted_ += o.converted_;
  unknown_charset_ += o.unknown_charset_;
  utf8_despite_label_ += o.utf8_despite_label_;
  AddCounts(&charsets_, o.charsets_);
  AddCounts(&unknown_charsets_, o.unknown_charsets_);
  flagged_ += o.flagged_;
  stripped_ += o.stripped_;
  hits_ += o.hits_;
  spam_bytes_ += o.spam_bytes_;
  errors_ += o.errors_;
  skipped_ += o.skipped_;
  AddCounts(&categories_, o.categories_);
  AddCounts(&rules_, o.rules_);
  AddCounts(&hosts_, o.hosts_);
  AddCounts(&sites_, o.sites_);
  AddCounts(&months_, o.months_);
  AddCounts(&error_kinds_, o.error_kinds_);
  AddCounts(&skipped_kinds_, o.skipped_kinds_);
  worst_.insert(worst_.end(), o.worst_.begin(), o.worst_.end());
  error_list_.insert(error_list_.end(), o.error_list_.begin(), o.error_list_.end());
  TrimLists();
}

json AuditSummary::ToJson() const {
  std::vector<WorstPage> worst_pages = worst_;
  TrimWorst(&worst_pages);
  std::vector<AuditError> error_list = error_list_;
  TrimErrors(&error_list);
  json j;
  j["format"] = kFormat;
  j["settings"] = settings.is_null() ? json::object() : settings;
  j["totals"] = {{"files", files_},
                 {"input_bytes", input_bytes_},
                 {"documents", documents_},
                 {"html_documents", html_documents_},
                 {"bytes", bytes_},
                 {"converted_documents", converted_},
                 {"unknown_charset_documents", unknown_charset_},
                 {"utf8_despite_label_documents", utf8_despite_label_},
                 {"flagged_documents", flagged_},
                 {"flagged_share", Share(flagged_, documents_)},
                 {"stripped_documents", stripped_},
                 {"findings", hits_},
                 {"spam_bytes", spam_bytes_},
                 {"errors", errors_},
                 {"skipped", skipped_}};
  j["files"] = files_by_kind_;
  j["charsets"] = {{"converted", charsets_}, {"unknown", unknown_charsets_}};
  json cats = json::array();
  for (const auto& [k, c] : Sorted(categories_, [](const Count2& c) { return c.a; })) {
    cats.push_back({{"category", k}, {"documents", c.a}, {"findings", c.b}, {"bytes", c.c}});
  }
  j["categories"] = std::move(cats);
  json rules = json::array();
  for (const auto& [k, c] : Sorted(rules_, [](const Count2& c) { return c.b; })) {
    rules.push_back({{"rule", k}, {"documents", c.a}, {"findings", c.b}});
  }
  j["rules"] = std::move(rules);
  json hosts = json::array();
  for (const auto& [k, c] : Sorted(hosts_, [](const Count2& c) { return c.a; })) {
    hosts.push_back({{"domain", k}, {"documents", c.a}, {"findings", c.b}});
  }
  j["linked_domains"] = std::move(hosts);
  json sites = json::array();
  for (const auto& [k, c] : Sorted(sites_, [](const Count2& c) { return c.b; })) {
    sites.push_back(
        {{"site", k}, {"documents", c.a}, {"flagged", c.b}, {"flagged_share", Share(c.b, c.a)}});
  }
  j["sites"] = std::move(sites);
  json months = json::array();
  for (const auto& [k, c] : months_) {
    months.push_back(
        {{"month", k}, {"documents", c.a}, {"flagged", c.b}, {"flagged_share", Share(c.b, c.a)}});
  }
  j["months"] = std::move(months);
  json errors = json::array();
  for (const AuditError& e : error_list) {
    errors.push_back({{"kind", e.kind},
                      {"source", e.place.source},
                      {"index", e.place.index},
                      {"offset", e.offset},
                      {"message", e.message}});
  }
  j["errors"] = {{"by_kind", error_kinds_}, {"first", std::move(errors)}};
  j["skipped"] = {{"by_kind", skipped_kinds_}};
  json worst = json::array();
  for (const WorstPage& w : worst_pages) {
    const DocOutcome& d = w.doc;
    json hits = json::array();
    for (const AuditHit& h : d.hits) hits.push_back(HitJson(h));
    worst.push_back({{"id", d.id},
                     {"source", d.place.source},
                     {"index", d.place.index},
                     {"offset", d.offset},
                     {"url", d.url},
                     {"date", d.date},
                     {"format", d.html ? "html" : "text"},
                     {"bytes", d.bytes},
                     {"spam_bytes", w.spam_bytes},
                     {"max_score", w.max_score},
                     {"findings", std::move(hits)}});
    if (!d.charset.empty()) worst.back()["charset"] = d.charset;
  }
  j["worst_pages"] = std::move(worst);
  return j;
}

Status AuditSummary::FromJson(const json& j, AuditSummary* out) {
  *out = AuditSummary();
  if (!j.is_object() || j.value("format", "") != kFormat) {
    return Status::Corrupt("not a spamstrip audit summary (format " + std::string(kFormat) + ")");
  }
  try {
    out->settings = j.at("settings");
    const json& t = j.at("totals");
    out->files_ = t.at("files");
    out->input_bytes_ = t.at("input_bytes");
    out->documents_ = t.at("documents");
    out->html_documents_ = t.at("html_documents");
    out->bytes_ = t.at("bytes");
    // Absent from summaries written before charsets were converted.
    out->converted_ = t.value("converted_documents", uint64_t{0});
    out->unknown_charset_ = t.value("unknown_charset_documents", uint64_t{0});
    out->utf8_despite_label_ = t.value("utf8_despite_label_documents", uint64_t{0});
    if (j.contains("charsets")) {
      out->charsets_ = j.at("charsets").at("converted").get<std::map<std::string, uint64_t>>();
      out->unknown_charsets_ =
          j.at("charsets").at("unknown").get<std::map<std::string, uint64_t>>();
    }
    out->flagged_ = t.at("flagged_documents");
    out->stripped_ = t.at("stripped_documents");
    out->hits_ = t.at("findings");
    out->spam_bytes_ = t.at("spam_bytes");
    out->errors_ = t.at("errors");
    out->skipped_ = t.at("skipped");
    out->files_by_kind_ = j.at("files").get<std::map<std::string, uint64_t>>();
    for (const json& c : j.at("categories")) {
      out->categories_[c.at("category")] = {c.at("documents"), c.at("findings"), c.at("bytes")};
    }
    for (const json& c : j.at("rules")) {
      out->rules_[c.at("rule")] = {c.at("documents"), c.at("findings"), 0};
    }
    for (const json& c : j.at("linked_domains")) {
      out->hosts_[c.at("domain")] = {c.at("documents"), c.at("findings"), 0};
    }
    for (const json& c : j.at("sites")) {
      out->sites_[c.at("site")] = {c.at("documents"), c.at("flagged"), 0};
    }
    for (const json& c : j.at("months")) {
      out->months_[c.at("month")] = {c.at("documents"), c.at("flagged"), 0};
    }
    out->error_kinds_ = j.at("errors").at("by_kind").get<std::map<std::string, uint64_t>>();
    for (const json& e : j.at("errors").at("first")) {
      AuditError err;
      err.kind = e.at("kind");
      err.place = {e.at("source"), e.at("index")};
      err.offset = e.at("offset");
      err.message = e.at("message");
      out->error_list_.push_back(std::move(err));
    }
    out->skipped_kinds_ = j.at("skipped").at("by_kind").get<std::map<std::string, uint64_t>>();
    for (const json& w : j.at("worst_pages")) {
      WorstPage p;
      p.doc.id = w.at("id");
      p.doc.place = {w.at("source"), w.at("index")};
      p.doc.offset = w.at("offset");
      p.doc.url = w.at("url");
      p.doc.date = w.at("date");
      p.doc.html = w.at("format") == "html";
      p.doc.bytes = w.at("bytes");
      p.doc.charset = w.value("charset", "");
      p.spam_bytes = w.at("spam_bytes");
      p.max_score = w.at("max_score");
      for (const json& h : w.at("findings")) p.doc.hits.push_back(HitFromJson(h));
      out->worst_.push_back(std::move(p));
    }
  } catch (const json::exception& e) {
    *out = AuditSummary();
    return Status::Corrupt(std::string("malformed audit summary: ") + e.what());
  }
  return Status::Ok();
}

}  // namespace spamstrip
