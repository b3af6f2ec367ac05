// Tests for atom_matcher.h: every atom occurring in a text is found, once, in ascending order —
// against a plain substring search (FindUnordered() too, once sorted), for ASCII and non-ASCII
// atoms, overlaps and duplicates.
#include "atom_matcher.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <string>
#include <vector>

namespace spamstrip {
namespace {

std::vector<int> Naive(const std::vector<std::string>& atoms, const std::string& text) {
  std::vector<int> found;
  for (size_t i = 0; i < atoms.size(); ++i) {
    if (text.find(atoms[i]) != std::string::npos) found.push_back(static_cast<int>(i));
  }
  return found;
}

TEST(AtomMatcher, FindsOverlappingAndNestedAtoms) {
  const std::vector<std::string> atoms = {
      "he", "she", "his", "hers", "she", u8"\u0444\u043e\u0442\u043e", u8"\u00a3", "x"};
  AtomMatcher m(atoms);
  std::vector<int> found;
  m.Find("ushers", &found);
  EXPECT_EQ(found, (std::vector<int>{0, 1, 3, 4}));
  m.Find(u8"\u0444\u043e\u0442\u043e for \u00a35", &found);
  EXPECT_EQ(found, (std::vector<int>{5, 6}));
  m.Find("", &found);
  EXPECT_TRUE(found.empty());
}

TEST(AtomMatcher, AgreesWithSubstringSearch) {
  std::mt19937 rng(5);
  const std::vector<std::string> pieces = {
      "a",        "b",        "ab",           "ba", " ", "the", "\xC3\xA9",
      "\xD1\x84", "\xD0\xBE", "\xE2\x80\x99", "1",  ".", "-"};
  auto random_string = [&](size_t max_pieces) {
    std::string s;
    const size_t n = 1 + rng() % max_pieces;
    for (size_t k = 0; k < n; ++k) s += pieces[rng() % pieces.size()];
    return s;
  };
  for (int round = 0; round < 50; ++round) {
    std::vector<std::string> atoms;
    const size_t count = 1 + rng() % 60;
    for (size_t i = 0; i < count; ++i) atoms.push_back(random_string(4));
    AtomMatcher m(atoms);
    std::vector<int> found;
    for (int t = 0; t < 200; ++t) {
      const std::string text = random_string(30);
      m.Find(text, &found);
      ASSERT_EQ(found, Naive(atoms, text)) << text;
      m.FindUnordered(text, &found);
      std::sort(found.begin(), found.end());
      ASSERT_EQ(found, Naive(atoms, text)) << text;
    }
  }
}

}  // namespace
}  // namespace spamstrip
