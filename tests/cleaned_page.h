// cleaned_page.h — test fixture base: a page analysed by a Detector, with the cleaned page, the
// report and the removed pieces of markup, for tests that check what a page loses and keeps.
#ifndef SPAMSTRIP_TESTS_CLEANED_PAGE_H_
#define SPAMSTRIP_TESTS_CLEANED_PAGE_H_

#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

#include "spamstrip/detector.h"
#include "spamstrip/report.h"

namespace spamstrip::testing {

template <typename Base = ::testing::Test>
class CleanedPageTest : public Base {
 protected:
  // Analyses `html` as a page with no URL of its own and fills the members.
  void AnalyzePage(const Detector& d, std::string html) {
    html_ = std::move(html);
    d.AnalyzeHtml(html_, "", &report_);
    cleaned_ = Clean(html_, report_);
    cuts_.clear();
    for (const auto& rm : report_.removed) {
      cuts_.push_back(html_.substr(rm.start, rm.end - rm.start));
    }
  }

  std::string html_, cleaned_;
  Report report_;
  std::vector<std::string> cuts_;  // the removed ranges of html_, in order
};

}  // namespace spamstrip::testing

#endif  // SPAMSTRIP_TESTS_CLEANED_PAGE_H_
