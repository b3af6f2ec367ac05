// ascii.h — ASCII case folding, comparison and trimming for protocol and markup text (header
// names and values, URL hosts, file names, tag and attribute names). Only 'A'-'Z' fold; every
// other byte, UTF-8 included, is left as it is, whatever the locale.
#ifndef SPAMSTRIP_SRC_ASCII_H_
#define SPAMSTRIP_SRC_ASCII_H_

#include <string>
#include <string_view>

namespace spamstrip {

inline char AsciiLower(char c) {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

inline std::string AsciiLower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = AsciiLower(c);
  return out;
}

// Whether `a` and `b` are equal but for ASCII case.
inline bool EqualsCi(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (AsciiLower(a[i]) != AsciiLower(b[i])) return false;
  }
  return true;
}

// Whether `s` starts with `lower_prefix` but for ASCII case; `lower_prefix` is in lower case.
inline bool StartsWithCi(std::string_view s, std::string_view lower_prefix) {
  if (s.size() < lower_prefix.size()) return false;
  for (size_t i = 0; i < lower_prefix.size(); ++i) {
    if (AsciiLower(s[i]) != lower_prefix[i]) return false;
  }
  return true;
}

// `s` without the spaces and tabs around it, nor the CR a CRLF line ends with: a header line,
// or a header name or value.
inline std::string_view TrimHeaderSpace(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) {
    s.remove_suffix(1);
  }
  return s;
}

}  // namespace spamstrip

#endif  // SPAMSTRIP_SRC_ASCII_H_
