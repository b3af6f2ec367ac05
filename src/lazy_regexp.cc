#include "lazy_regexp.h"

namespace spamstrip {

LazyRegexp::~LazyRegexp() { delete re_.load(std::memory_order_acquire); }

const RE2& LazyRegexp::Build(const std::string& pattern, const RE2::Options& options) const {
  const RE2* built = new RE2(pattern, options);
  const RE2* expected = nullptr;
  if (re_.compare_exchange_strong(expected, built, std::memory_order_acq_rel,
                                  std::memory_order_acquire)) {
    return *built;
  }
  delete built;  // another thread published its own first
  return *expected;
}

}  // namespace spamstrip
