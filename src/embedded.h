// embedded.h — the default rules and model compiled into the library (generated at build time
// from rules/*.rules and rules/default.model by cmake/embed.cmake).
#ifndef SPAMSTRIP_SRC_EMBEDDED_H_
#define SPAMSTRIP_SRC_EMBEDDED_H_

#include <cstddef>
#include <string_view>
#include <vector>

namespace spamstrip {

struct EmbeddedFile {
  std::string_view name;  // e.g. "rules/pharma.rules"
  std::string_view data;
};

// The shipped rule files, in file-name order.
const std::vector<EmbeddedFile>& EmbeddedRules();
// The shipped model file image; empty when the build had no rules/default.model.
std::string_view EmbeddedModel();

}  // namespace spamstrip

#endif  // SPAMSTRIP_SRC_EMBEDDED_H_
