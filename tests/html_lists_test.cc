// Unit tests of html_lists.h: which blocks of a page are items of one list.
#include "html_lists.h"

#include <gtest/gtest.h>

#include <string>

namespace spamstrip {
namespace {

HtmlDocument Read(std::string_view html) {
  HtmlDocument d;
  ReadHtml(html, HtmlReadOptions(), &d);
  return d;
}

// The first block whose text starts with `prefix`.
const HtmlBlock& Block(const HtmlDocument& d, std::string_view prefix) {
  for (const HtmlBlock& b : d.blocks) {
    if (std::string_view(d.text).substr(b.text.start, prefix.size()) == prefix) return b;
  }
  ADD_FAILURE() << "no block " << prefix;
  return d.blocks.front();
}

TEST(MarkLists, ItemsOfOneListAndListsSideBySide) {
  const HtmlDocument d = Read(
      "<p>Residents can return home tonight.</p>"
      "<ul><li>Roads reopen at seven</li><li>Counselling until Friday</li>"
      "<li>Bins move to Saturday</li></ul>"
      "<ul><li>Sport</li><li>Weather</li></ul>"
      "<p>The sheriff thanked the neighbours.</p>");
  const HtmlBlock& first = Block(d, "Roads reopen");
  const size_t first_index = static_cast<size_t>(&first - d.blocks.data());
  for (const char* item : {"Roads reopen", "Counselling", "Bins move"}) {
    EXPECT_EQ(Block(d, item).facts.list_items, 3u) << item;
    EXPECT_EQ(Block(d, item).facts.list_first, first_index) << item;
  }
  // The next <ul> is a list of its own.
  EXPECT_EQ(Block(d, "Sport").facts.list_items, 2u);
  EXPECT_EQ(Block(d, "Weather").facts.list_first, first_index + 3);
  // A paragraph is a list of one: itself.
  const HtmlBlock& p = Block(d, "The sheriff");
  EXPECT_EQ(p.facts.list_items, 1u);
  EXPECT_EQ(p.facts.list_first, static_cast<size_t>(&p - d.blocks.data()));
  EXPECT_FALSE(IsListItem(p));
  EXPECT_TRUE(IsListItem(first));
}

TEST(MarkLists, NestedListsAreListsOfTheirOwn) {
  const HtmlDocument d = Read(
      "<ul><li>Roads reopen at seven</li><li>Counselling until Friday<ul><li>At the centre</li>"
      "<li>By phone</li></ul></li><li>Bins move to Saturday</li></ul>");
  EXPECT_EQ(Block(d, "At the centre").facts.list_items, 2u);
  EXPECT_NE(Block(d, "At the centre").facts.list_first, Block(d, "Roads reopen").facts.list_first);
}

}  // namespace
}  // namespace spamstrip
