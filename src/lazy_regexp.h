// lazy_regexp.h — an RE2 built the first time it is needed, safely from several threads.
//
// RuleSet holds one per rule: building all ~200 RE2s of the shipped rules cost ~165 M
// instructions, half of a one-article `spamstrip clean`, while a typical article confirms a
// handful of rules. The RE2 is published through an atomic pointer: Get() is one acquire load
// (a plain load on x86) once it is built. Threads that find it unbuilt each build one and the
// first compare-exchange wins; the others delete theirs. No lock is taken and nothing blocks;
// the price is that two threads racing on the same rule's first use may both compile it.
// (std::call_once would build it once, but every later Get() would call into the runtime.)
#ifndef SPAMSTRIP_SRC_LAZY_REGEXP_H_
#define SPAMSTRIP_SRC_LAZY_REGEXP_H_

#include <re2/re2.h>

#include <atomic>
#include <string>

namespace spamstrip {

class LazyRegexp {
 public:
  LazyRegexp() = default;
  ~LazyRegexp();
  LazyRegexp(const LazyRegexp&) = delete;
  LazyRegexp& operator=(const LazyRegexp&) = delete;

  // The RE2 of `pattern` under `options`, built by the first call. Every call on one object must
  // pass the same pattern and options. Thread-safe. The result may be !ok() (RE2 failed to
  // compile the pattern); RE2 then matches nothing.
  const RE2& Get(const std::string& pattern, const RE2::Options& options) const {
    const RE2* re = re_.load(std::memory_order_acquire);
    return re != nullptr ? *re : Build(pattern, options);
  }
  // Whether Get() has built the RE2 (for tests).
  bool built() const { return re_.load(std::memory_order_acquire) != nullptr; }

 private:
  const RE2& Build(const std::string& pattern, const RE2::Options& options) const;

  mutable std::atomic<const RE2*> re_{nullptr};
};

}  // namespace spamstrip

#endif  // SPAMSTRIP_SRC_LAZY_REGEXP_H_
