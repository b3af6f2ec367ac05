// spamstrip/detector.h — finds injected spam in one document and says why.
//
// Usage:
//   std::unique_ptr<spamstrip::Detector> d;
//   spamstrip::Status s = spamstrip::Detector::Create(options, &d);
//   if (!s.ok()) ...;
//   spamstrip::Report r;
//   d->Analyze(text, &r);
//   std::string cleaned = spamstrip::Clean(text, r);
//
// A Detector holds the compiled rules and the model; creating one costs milliseconds, so make
// one and reuse it. Analyze() is const and thread-safe: many threads may share one Detector.
// Results are deterministic: same input, rules, model and options give the same report on any
// machine and thread count.
#ifndef SPAMSTRIP_DETECTOR_H_
#define SPAMSTRIP_DETECTOR_H_

#include <memory>
#include <string_view>

#include "spamstrip/options.h"
#include "spamstrip/report.h"
#include "spamstrip/status.h"

namespace spamstrip {

class Detector {
 public:
  // Compiles the rules and loads the model named in `options` (or the built-in defaults).
  // On failure *out is untouched and the Status names the file and line (rule files) or the
  // byte offset (model files) with the underlying error.
  static Status Create(const Options& options, std::unique_ptr<Detector>* out);

  virtual ~Detector();
  Detector(const Detector&) = delete;  // owns compiled regexps and a model; share by pointer
  Detector& operator=(const Detector&) = delete;

  // Analyses `text` (UTF-8 plain text: paragraphs separated by blank lines, one item per line).
  // Invalid UTF-8 is tolerated: bad bytes are read as U+FFFD for scoring and kept as they are
  // in the output. Fills *report (previous content is discarded); always succeeds for any bytes.
  virtual void Analyze(std::string_view text, Report* report) const = 0;

  // Analyses an HTML page. Blocks and removals are byte ranges of `html`; a removal is always a
  // whole element (or a balanced run of markup and text), so the cleaned page is `html` minus
  // those ranges and parses to the same tree minus the removed elements. Blocks in navigation,
  // footers, sidebars and the like are reported as kBoilerplate and stripped only when they look
  // injected. `url` is the page's own address when known ("" to take it from the page). Always
  // succeeds for any bytes.
  virtual void AnalyzeHtml(std::string_view html, std::string_view url, Report* report) const = 0;

  // The effective thresholds after model defaults were applied.
  virtual double threshold() const = 0;
  virtual double flag_threshold() const = 0;

 protected:
  Detector() = default;
};

}  // namespace spamstrip

#endif  // SPAMSTRIP_DETECTOR_H_
