// LooksLikeHtml (declared in html_reader.h): a cheap look at the first kilobyte.
#include <cstddef>
#include <string_view>

#include "ascii.h"
#include "html_reader.h"

namespace spamstrip {
namespace {

// A tag name ends at '>', whitespace or '/'.
bool TagEnds(std::string_view s, size_t at) {
  return at >= s.size() || s[at] == '>' || s[at] == ' ' || s[at] == '\t' || s[at] == '\n' ||
         s[at] == '\r' || s[at] == '/';
}

}  // namespace

bool LooksLikeHtml(std::string_view bytes) {
  std::string_view s = bytes.substr(0, 1024);
  if (s.substr(0, 3) == "\xEF\xBB\xBF") s.remove_prefix(3);
  size_t i = 0;
  while (i < s.size() &&
         (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r' || s[i] == '\f')) {
    ++i;
  }
  const std::string_view first = s.substr(i);
  if (StartsWithCi(first, "<!doctype html") ||
      (StartsWithCi(first, "<html") && TagEnds(s, i + 5)) ||
      (StartsWithCi(first, "<head") && TagEnds(s, i + 5)) ||
      (StartsWithCi(first, "<body") && TagEnds(s, i + 5)) || StartsWithCi(first, "<?xml")) {
    return true;
  }
  if (StartsWithCi(first, "<!--")) {
    // A comment first (a generator note, a conditional comment): an <html tag must follow.
    const std::string_view head = bytes.substr(0, 64 * 1024);
    for (size_t k = i + 4; k + 5 <= head.size(); ++k) {
      if (head[k] == '<' &&
          (StartsWithCi(head.substr(k), "<html") || StartsWithCi(head.substr(k), "<!doctype"))) {
        return true;
      }
    }
  }
  // Otherwise several common tags near the start.
  static const struct {
    const char* tag;
    bool needs_end;  // the name must end there ("<p>" vs "<pre")
  } kTags[] = {{"<p", true},       {"<div", true},  {"<br", true},
               {"<a href", false}, {"<span", true}, {"</p>", false}};
  int hits = 0;
  bool seen[sizeof(kTags) / sizeof(kTags[0])] = {};
  for (size_t k = i; k < s.size(); ++k) {
    if (s[k] != '<') continue;
    for (size_t t = 0; t < sizeof(kTags) / sizeof(kTags[0]); ++t) {
      const std::string_view tag = kTags[t].tag;
      if (!seen[t] && StartsWithCi(s.substr(k), tag) &&
          (!kTags[t].needs_end || TagEnds(s, k + tag.size()))) {
        seen[t] = true;
        if (++hits >= 2) return true;
      }
    }
  }
  return false;
}

}  // namespace spamstrip
