#include "furniture.h"

#include "ascii.h"

namespace spamstrip {
namespace {

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

std::string_view Trim(std::string_view s) {
  while (!s.empty() && IsSpace(s.front())) s.remove_prefix(1);
  while (!s.empty() && IsSpace(s.back())) s.remove_suffix(1);
  return s;
}

int CountWords(std::string_view s) {
  int words = 0;
  bool in_word = false;
  for (char c : s) {
    const bool w = !IsSpace(c);
    if (w && !in_word) ++words;
    in_word = w;
  }
  return words;
}

// The length of the quotation mark opening `s`, or 0.
size_t OpeningQuote(std::string_view s) {
  if (!s.empty() && s[0] == '"') return 1;
  for (std::string_view q : {"\u201C", "\u201E", "\u00AB"}) {  // “ „ «
    if (s.substr(0, q.size()) == q) return q.size();
  }
  return 0;
}

// The first closing quotation mark in `s` from `from`: its position and length.
bool FindClosingQuote(std::string_view s, size_t from, size_t* at, size_t* len) {
  for (size_t i = from; i < s.size(); ++i) {
    if (s[i] == '"') {
      *at = i;
      *len = 1;
      return true;
    }
    for (std::string_view q : {"\u201D", "\u201C", "\u00BB"}) {  // ” “ »
      if (s.substr(i, q.size()) == q) {
        *at = i;
        *len = q.size();
        return true;
      }
    }
  }
  return false;
}

bool EndsWithSpeechPunctuation(std::string_view quoted) {
  if (quoted.empty()) return false;
  const char c = quoted.back();
  if (c == ',' || c == '.' || c == '!' || c == '?') return true;
  constexpr std::string_view kEllipsis = "\u2026";
  return quoted.size() >= kEllipsis.size() &&
         quoted.substr(quoted.size() - kEllipsis.size()) == kEllipsis;
}

}  // namespace

bool IsCopyrightNotice(std::string_view text) {
  const std::string_view s = Trim(text);
  size_t marker = 0;
  if (StartsWithCi(s, "copyright")) {
    marker = 9;
  } else if (s.substr(0, 2) == "\u00A9") {  // ©
    marker = 2;
  } else if (StartsWithCi(s, "(c)")) {
    marker = 3;
  } else {
    return false;
  }
  // "Copyright" must be a word of its own, and something must follow the marker.
  if (marker >= s.size()) return false;
  const unsigned char next = static_cast<unsigned char>(s[marker]);
  if (marker == 9 && !(IsSpace(s[marker]) || next == 0xC2 || s[marker] == ':')) return false;
  if (CountWords(s) > kMaxNoticeWords) return false;
  return s.find("://") == std::string_view::npos && s.find("www.") == std::string_view::npos &&
         s.find('@') == std::string_view::npos;
}

bool IsReportedSpeech(std::string_view text) {
  const std::string_view s = Trim(text);
  const size_t open = OpeningQuote(s);
  if (open == 0) return false;
  size_t close = 0, close_len = 0;
  if (!FindClosingQuote(s, open, &close, &close_len)) return false;
  const std::string_view quoted = Trim(s.substr(open, close - open));
  if (CountWords(quoted) < 2 || !EndsWithSpeechPunctuation(quoted)) return false;
  // The attribution: a lower-case word among its first three words.
  std::string_view rest = s.substr(close + close_len);
  for (int word = 0; word < 3; ++word) {
    while (!rest.empty() && IsSpace(rest.front())) rest.remove_prefix(1);
    if (rest.empty()) return false;
    if (rest.front() >= 'a' && rest.front() <= 'z') return true;
    while (!rest.empty() && !IsSpace(rest.front())) rest.remove_prefix(1);
  }
  return false;
}

}  // namespace spamstrip
