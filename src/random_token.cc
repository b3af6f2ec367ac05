#include "random_token.h"

namespace spamstrip {
namespace {

bool Alnum(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

bool UrlBefore(char c) {
  switch (c) {
    case '/':
    case '.':
    case '=':
    case '?':
    case '&':
    case '#':
    case '%':
    case '-':
    case '_':
    case '@':
      return true;
    default:
      return false;
  }
}

bool UrlAfter(char c) { return c == '/' || c == '.' || c == '@' || c == '_'; }

}  // namespace

bool HoldsRandomToken(std::string_view text) {
  size_t i = 0;
  while (i < text.size()) {
    if (!Alnum(text[i])) {
      ++i;
      continue;
    }
    const size_t start = i;
    int digits = 0, upper = 0, lower = 0;
    for (; i < text.size() && Alnum(text[i]); ++i) {
      const char c = text[i];
      digits += c >= '0' && c <= '9';
      upper += c >= 'A' && c <= 'Z';
      lower += c >= 'a' && c <= 'z';
    }
    const bool before_ok = start == 0 || !UrlBefore(text[start - 1]);
    const bool after_ok = i == text.size() || !UrlAfter(text[i]);
    if (i - start >= kMinRandomTokenLength && digits >= 2 && upper >= 2 && lower >= 2 &&
        before_ok && after_ok) {
      return true;
    }
  }
  return false;
}

}  // namespace spamstrip
