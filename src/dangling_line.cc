#include "dangling_line.h"

#include <array>

#include "ascii.h"

namespace spamstrip {
namespace {

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

bool IsAsciiLetter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

}  // namespace

bool EndsDangling(std::string_view text) {
  while (!text.empty() && IsSpace(text.back())) text.remove_suffix(1);
  size_t i = text.size();
  while (i > 0 && IsAsciiLetter(text[i - 1])) --i;
  // The last word must follow a space: a lone word, or "U.S.A", is no dangling end.
  if (i == text.size() || i == 0 || !IsSpace(text[i - 1])) return false;
  static constexpr std::array<std::string_view, 11> kDangling = {
      "the", "a", "an", "and", "or", "of", "your", "our", "their", "its", "my"};
  const std::string_view word = text.substr(i);
  // A capital "A" ends titles as a name ("Plan A", "Vitamin A", "Group A").
  if (word == "A") return false;
  for (std::string_view d : kDangling) {
    if (EqualsCi(word, d)) return true;
  }
  return false;
}

bool OpensInLowerCase(std::string_view text) {
  size_t i = 0;
  while (i < text.size() && IsSpace(text[i])) ++i;
  const size_t start = i;
  while (i < text.size() && text[i] >= 'a' && text[i] <= 'z') ++i;
  if (i == start) return false;
  // The word ends at a space (or punctuation) and another word follows.
  // "iPhone", "eBay", "e-commerce", "bit.ly": a name as its owner writes it.
  if (i < text.size() && (IsAsciiLetter(text[i]) || text[i] == '-' || text[i] == '.')) {
    return false;
  }
  for (; i < text.size(); ++i) {
    if (IsSpace(text[i])) break;
  }
  while (i < text.size() && IsSpace(text[i])) ++i;
  return i < text.size();
}

}  // namespace spamstrip
