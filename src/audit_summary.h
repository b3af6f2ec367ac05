// audit_summary.h — the figures of an audit, kept so that they can be merged exactly.
//
// Every figure is an exact count kept per key (category, rule, linked host, site, month, error
// kind), so the summary of a whole archive is the sum of the summaries of any partition of it:
// merging the shards of an audit gives the numbers of a single run, to the byte, in any merge
// order. Lists that are cut (the worst pages, the error locations) keep the first K by a total
// order that does not depend on the partition — worst pages by spam bytes, then top score, then
// input order; errors by input order — so the first K of a merge are the first K of the whole.
// Top-N lists are made only when the JSON is written, with ties broken by key.
//
// Nothing in it depends on timing, thread count or host; summary.json is a pure function of the
// inputs and the detector's settings. Not thread-safe (one writer).
#ifndef SPAMSTRIP_SRC_AUDIT_SUMMARY_H_
#define SPAMSTRIP_SRC_AUDIT_SUMMARY_H_

#include <cstddef>
#include <cstdint>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "spamstrip/status.h"

namespace spamstrip {

// Where an item is in the input: its file's path and its index among that file's items. The
// input list is sorted by path, so (source, index) is the audit's order.
struct InputPlace {
  std::string source;
  uint64_t index = 0;
  bool operator<(const InputPlace& o) const {
    return source != o.source ? source < o.source : index < o.index;
  }
  bool operator==(const InputPlace& o) const { return source == o.source && index == o.index; }
};

// One flagged or stripped range of a document, as the summary and the report need it.
struct AuditHit {
  std::string category;             // "unknown" when no evidence pointed anywhere
  double score = 0;                 // rounded to 4 decimals
  bool stripped = false;            // decision strip (else flag)
  uint64_t bytes = 0;               // length of the range
  std::vector<std::string> rules;   // rule ids among the reasons
  std::vector<std::string> hosts;   // hosts linked from the range
  std::string before, text, after;  // the range and some context, cut to a readable length
};

// What one analysed document contributes.
struct DocOutcome {
  InputPlace place;
  std::string id, url, date;
  uint64_t offset = 0;
  bool html = false;
  uint64_t bytes = 0;
  std::vector<AuditHit> hits;
  std::string charset;              // the charset its bytes were converted from ("" if none)
  std::string unknown_charset;      // a declared charset label that is unknown ("" if none)
  bool utf8_despite_label = false;  // valid UTF-8 read as such despite another label
};

struct AuditError {
  InputPlace place;
  uint64_t offset = 0;
  std::string kind;
  std::string message;
};

class AuditSummary {
 public:
  static constexpr size_t kWorstPages = 100;
  static constexpr size_t kErrorList = 1000;

  void AddFile(const std::string& kind, uint64_t bytes);
  void AddDocument(const DocOutcome& doc);
  void AddError(const AuditError& error);
  void AddSkipped(const std::string& why);
  // Adds `other` (another part of the same audit, or another archive).
  void Merge(const AuditSummary& other);

  // The summary.json object: totals, every per-key count sorted by count (top first), the
  // worst pages and the first errors. `settings` (thresholds, ...) is copied in as it is.
  nlohmann::ordered_json ToJson() const;
  // Reads what ToJson wrote (derived fields such as shares are ignored).
  static Status FromJson(const nlohmann::ordered_json& j, AuditSummary* out);

  uint64_t documents() const { return documents_; }
  uint64_t flagged() const { return flagged_; }
  uint64_t errors() const { return errors_; }

  nlohmann::ordered_json settings;  // the detector's settings, recorded for merge checks

  struct Count2 {
    uint64_t a = 0;  // documents (categories, rules, hosts, sites, months)
    uint64_t b = 0;  // blocks (categories, rules, hosts) or flagged documents (sites, months)
    uint64_t c = 0;  // bytes (categories only)
  };
  struct WorstPage {
    DocOutcome doc;
    uint64_t spam_bytes = 0;
    double max_score = 0;
  };
  // Order of the worst pages: more spam bytes, then a higher top score, then input order.
  static bool Worse(const WorstPage& a, const WorstPage& b);

  const std::vector<WorstPage>& worst() const { return worst_; }
  const std::vector<AuditError>& error_list() const { return error_list_; }

 private:
  void AddWorst(WorstPage page);
  void TrimLists();

  uint64_t files_ = 0, input_bytes_ = 0;
  std::map<std::string, uint64_t> files_by_kind_;
  uint64_t documents_ = 0, html_documents_ = 0, bytes_ = 0;
  uint64_t flagged_ = 0, stripped_ = 0, hits_ = 0, spam_bytes_ = 0;
  uint64_t errors_ = 0, skipped_ = 0;
  uint64_t converted_ = 0, unknown_charset_ = 0, utf8_despite_label_ = 0;
  std::map<std::string, uint64_t> charsets_, unknown_charsets_;  // documents by name / label
  std::map<std::string, Count2> categories_, rules_, hosts_, sites_, months_;
  std::map<std::string, uint64_t> error_kinds_, skipped_kinds_;
  std::vector<WorstPage> worst_;
  std::vector<AuditError> error_list_;
};

// The text of summary.json for `summary` (one format for a run and a merge, so they compare
// byte for byte).
inline std::string SummaryFileText(const nlohmann::ordered_json& summary) {
  return summary.dump(1, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
}

// "YYYY-MM" from a date that starts with an ISO 8601 date ("2024-03-05T10:00:00Z",
// "2024-03"), or "" for anything else.
std::string MonthOf(const std::string& date);

}  // namespace spamstrip

#endif  // SPAMSTRIP_SRC_AUDIT_SUMMARY_H_
