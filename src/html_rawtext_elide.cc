#include "html_rawtext_elide.h"

#include <algorithm>
#include <cstring>

namespace spamstrip {
namespace {

constexpr size_t kNpos = std::string_view::npos;

bool IsTagSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

char Lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

// Whether html[i..] starts with `lower_word` (ASCII case-insensitive).
bool StartsWithCi(std::string_view html, size_t i, std::string_view lower_word) {
  if (html.size() - i < lower_word.size()) return false;
  for (size_t k = 0; k < lower_word.size(); ++k) {
    if (Lower(html[i + k]) != lower_word[k]) return false;
  }
  return true;
}

// Whether html[i..] is "<name" or "</name" (per `slash`) followed by a character that ends a
// tag name: tab, LF, FF, space, '/' or '>' (and CR, which the input stream reads as LF).
bool TagNameAt(std::string_view html, size_t i, bool slash, std::string_view name) {
  size_t k = i + 1;
  if (slash) {
    if (k >= html.size() || html[k] != '/') return false;
    ++k;
  }
  if (!StartsWithCi(html, k, name)) return false;
  k += name.size();
  return k < html.size() && (IsTagSpace(html[k]) || html[k] == '/' || html[k] == '>');
}

// One past the '>' ending the start tag whose name ends at `i`, following the tokenizer's
// attribute states (a quote opens a value only after '='); kNpos when the page ends first.
size_t StartTagEnd(std::string_view html, size_t i) {
  enum {
    kBeforeName,
    kName,
    kAfterName,
    kBeforeValue,
    kDouble,
    kSingle,
    kUnquoted
  } st = kBeforeName;
  for (; i < html.size(); ++i) {
    const char c = html[i];
    switch (st) {
      case kBeforeName:
      case kAfterName:
        if (c == '>') return i + 1;
        if (c == '=' && st == kAfterName) {
          st = kBeforeValue;
        } else if (c == '/') {
          st = kBeforeName;  // the self-closing slash; anything but '>' after it starts a name
        } else if (!IsTagSpace(c)) {
          st = kName;
        }
        break;
      case kName:
        if (c == '>') return i + 1;
        if (c == '=') {
          st = kBeforeValue;
        } else if (IsTagSpace(c)) {
          st = kAfterName;
        } else if (c == '/') {
          st = kBeforeName;
        }
        break;
      case kBeforeValue:
        if (c == '>') return i + 1;
        if (c == '"') {
          st = kDouble;
        } else if (c == '\'') {
          st = kSingle;
        } else if (!IsTagSpace(c)) {
          st = kUnquoted;
        }
        break;
      case kDouble:
      case kSingle:
        if (c == (st == kDouble ? '"' : '\'')) st = kBeforeName;  // after the value: a new name
        break;
      case kUnquoted:
        if (c == '>') return i + 1;
        if (IsTagSpace(c)) st = kBeforeName;
        break;
    }
  }
  return kNpos;
}

// One past the end of the comment opened by the "<!--" at `i`; kNpos when it runs to the end.
size_t CommentEnd(std::string_view html, size_t i) {
  size_t k = i + 4;
  if (k < html.size() && html[k] == '>') return k + 1;  // "<!-->"
  if (html.compare(k, 2, "->") == 0) return k + 2;      // "<!--->"
  for (;;) {
    k = html.find("--", k);
    if (k == kNpos) return kNpos;
    if (html.compare(k + 2, 1, ">") == 0) return k + 3;
    if (html.compare(k + 2, 2, "!>") == 0) return k + 4;
    ++k;
  }
}

// The start of the end tag "</name" closing raw text that starts at `i`, or kNpos; sets
// *escaped when "<!--" comes first in the text.
size_t RawTextEnd(std::string_view html, size_t i, std::string_view name, bool* escaped) {
  *escaped = false;
  for (;;) {
    const void* p = std::memchr(html.data() + i, '<', html.size() - i);
    if (!p) return kNpos;
    i = static_cast<size_t>(static_cast<const char*>(p) - html.data());
    if (TagNameAt(html, i, true, name)) return i;
    if (html.compare(i, 4, "<!--") == 0) *escaped = true;
    ++i;
  }
}

}  // namespace

bool RawTextElision::Build(std::string_view html, size_t min_length) {
  reduced_.clear();
  regions_.clear();
  shift_.clear();
  size_t i = 0;
  size_t copied = 0;  // html[0, copied) is in reduced_ (minus the regions before it)
  while (i < html.size()) {
    const void* p = std::memchr(html.data() + i, '<', html.size() - i);
    if (!p) break;
    i = static_cast<size_t>(static_cast<const char*>(p) - html.data());
    if (html.compare(i, 4, "<!--") == 0) {
      i = CommentEnd(html, i);
      if (i == kNpos) break;
      continue;
    }
    const bool script = TagNameAt(html, i, false, "script");
    if (!script && !TagNameAt(html, i, false, "style")) {
      ++i;
      continue;
    }
    const std::string_view name = script ? "script" : "style";
    const size_t content = StartTagEnd(html, i + 1 + name.size());
    if (content == kNpos) break;
    bool escaped = false;
    const size_t end = RawTextEnd(html, content, name, &escaped);
    if (end == kNpos) break;  // raw text to the end of the page: left as it is
    if (!(script && escaped) && end - content >= min_length) {
      if (regions_.empty()) reduced_.reserve(html.size());
      reduced_.append(html.data() + copied, content - copied);
      regions_.push_back(ElidedRegion{content, end - content, reduced_.size(), script});
      shift_.push_back((shift_.empty() ? 0 : shift_.back()) + (end - content));
      copied = end;
    }
    i = end;
  }
  if (regions_.empty()) return false;
  reduced_.append(html.data() + copied, html.size() - copied);
  return true;
}

size_t RawTextElision::Search(size_t r, bool after_region, size_t* hint) const {
  size_t k = hint ? *hint + 1 : 0;  // the next region, when the offsets go forward
  if (!Fits(k, r, after_region)) {
    auto it =
        after_region
            ? std::upper_bound(regions_.begin(), regions_.end(), r,
                               [](size_t x, const ElidedRegion& g) { return x < g.reduced_start; })
            : std::lower_bound(regions_.begin(), regions_.end(), r,
                               [](const ElidedRegion& g, size_t x) { return g.reduced_start < x; });
    k = static_cast<size_t>(it - regions_.begin());
  }
  if (hint) *hint = k;
  return k == 0 ? r : r + shift_[k - 1];
}

}  // namespace spamstrip
