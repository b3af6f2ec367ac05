// html_reader.h on real news pages: the benchmark pages under ../shared/data/news/html (or
// $SPAMSTRIP_DATA/news/html), read in place and never copied into the repository. Skipped when
// the data is not there.
//
// Every page reads; the cut property holds for the blocks checked (every block when
// SPAMSTRIP_FULL_CUT_CHECK=1, else an evenly spread sample per page); the gold article text is
// found in visible content blocks.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "html_parse.h"
#include "html_reader.h"
#include "html_tree_util.h"
#include "test_files.h"

namespace spamstrip {
namespace {

namespace fs = std::filesystem;

fs::path NewsHtmlDir() {
  const char* env = std::getenv("SPAMSTRIP_DATA");
  return fs::path(env ? env : SPAMSTRIP_SHARED_DATA_DIR) / "news" / "html";
}

std::vector<fs::path> Pages() {
  std::vector<fs::path> out;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(NewsHtmlDir() / "scrapinghub", ec)) {
    if (e.path().extension() == ".html") out.push_back(e.path());
  }
  std::sort(out.begin(), out.end());
  return out;
}

double Percent(size_t part, size_t whole) {
  return whole ? 100.0 * static_cast<double>(part) / static_cast<double>(whole) : 0.0;
}

// Whitespace (and no-break spaces) collapsed to single spaces, trimmed.
std::string Collapse(std::string_view s) {
  std::string out;
  bool space = false;
  for (size_t i = 0; i < s.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    const bool nbsp = c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xA0;
    if (c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || nbsp) {
      space = true;
      if (nbsp) ++i;
      continue;
    }
    if (space && !out.empty()) out.push_back(' ');
    space = false;
    out.push_back(static_cast<char>(c));
  }
  return out;
}

TEST(HtmlPages, EveryPageReadsAndBlocksCutCleanly) {
  const std::vector<fs::path> pages = Pages();
  if (pages.empty()) GTEST_SKIP() << "no pages under " << NewsHtmlDir();
  const bool full = std::getenv("SPAMSTRIP_FULL_CUT_CHECK") != nullptr;
  const size_t kSample = 8;
  size_t blocks = 0, uncuttable = 0, checked = 0, whitespace_moved = 0, checked_wrappers = 0;
  std::vector<size_t> wrapped;  // blocks of the current page with a hidden wrapper
  std::vector<std::string> failures;
  for (const fs::path& p : pages) {
    const std::string html = testing::ReadWholeFile(p);
    HtmlDocument d;
    ReadHtml(html, HtmlReadOptions(), &d);
    EXPECT_FALSE(d.blocks.empty()) << p;
    blocks += d.blocks.size();
    std::vector<size_t> cuttable;
    size_t prev_end = 0;
    for (size_t i = 0; i < d.blocks.size(); ++i) {
      const HtmlBlock& b = d.blocks[i];
      ASSERT_LE(b.text.end, d.text.size());
      ASSERT_LE(b.source.end, html.size());
      if (b.source.start == b.source.end) {
        ++uncuttable;
        continue;
      }
      EXPECT_LE(prev_end, b.source.start) << p << " block " << i;
      prev_end = b.source.end;
      cuttable.push_back(i);
      if (b.hidden_source.start != b.source.start || b.hidden_source.end != b.source.end) {
        EXPECT_LE(b.hidden_source.start, b.source.start) << p << " block " << i;
        EXPECT_GE(b.hidden_source.end, b.source.end) << p << " block " << i;
        wrapped.push_back(i);
      }
    }
    const testing_html::ParsedPage page(html);
    // Every hidden wrapper cut is checked: there are few.
    for (size_t i : wrapped) {
      ++checked_wrappers;
      const std::string diff = testing_html::CheckCut(page, html, d.blocks[i].hidden_source);
      if (!diff.empty() && diff.rfind(testing_html::kWhitespaceOnly, 0) != 0) {
        failures.push_back(p.filename().string() + " hidden wrapper of block " + std::to_string(i) +
                           "\n" + diff);
      }
    }
    wrapped.clear();
    const size_t step = full ? 1 : std::max<size_t>(1, cuttable.size() / kSample);
    for (size_t k = 0; k < cuttable.size(); k += step) {
      const size_t i = cuttable[k];
      ++checked;
      const std::string diff = testing_html::CheckCut(page, html, d.blocks[i].source);
      if (diff.rfind(testing_html::kWhitespaceOnly, 0) == 0) {
        ++whitespace_moved;  // see kWhitespaceOnly in html_tree_util.h
      } else if (!diff.empty()) {
        failures.push_back(p.filename().string() + " block " + std::to_string(i) + ": " +
                           d.text.substr(d.blocks[i].text.start, 60) + "\n" + diff);
      }
    }
  }
  std::cout << "[ pages    ] " << pages.size() << " pages, " << blocks << " blocks, " << uncuttable
            << " without a cut (tangled markup), " << checked << " cuts checked, "
            << failures.size() << " changed the tree, " << whitespace_moved
            << " moved only whitespace (see html_tree_util.h), " << checked_wrappers
            << " hidden wrappers cut\n";
  for (const std::string& f : failures) ADD_FAILURE() << f;
  EXPECT_LT(uncuttable * 100, blocks);         // under 1% of blocks have no clean cut
  EXPECT_LE(whitespace_moved * 500, checked);  // the quirk stays rare (at most 0.2%)
}

// The parse with script and style contents elided (html_parse.h) gives each page's own tree,
// and the reader the same document; and the fast path is taken on most pages.
TEST(HtmlPages, ElidedParseIsTheWholeParse) {
  const std::vector<fs::path> pages = Pages();
  if (pages.empty()) GTEST_SKIP() << "no pages under " << NewsHtmlDir();
  size_t bytes = 0, elided_bytes = 0, regions = 0, fell_back = 0;
  for (const fs::path& p : pages) {
    const std::string html = testing::ReadWholeFile(p);
    bytes += html.size();
    html_internal::Arena fast_arena, whole_arena;
    html_internal::ParseInfo info;
    GumboOutput* fast = html_internal::ParseHtml(html, true, &fast_arena, &info);
    GumboOutput* whole = html_internal::ParseHtml(html, false, &whole_arena);
    EXPECT_EQ(testing_html::CompareTrees(fast->document, whole->document, html), "") << p;
    regions += info.elided;
    elided_bytes += info.elided_bytes;
    if (info.fell_back) ++fell_back;

    HtmlDocument a, b;
    HtmlReadOptions no_elision;
    no_elision.elide_raw_text = false;
    ReadHtml(html, HtmlReadOptions(), &a);
    ReadHtml(html, no_elision, &b);
    EXPECT_EQ(a.text, b.text) << p;
    ASSERT_EQ(a.blocks.size(), b.blocks.size()) << p;
    for (size_t i = 0; i < a.blocks.size(); ++i) {
      EXPECT_EQ(a.blocks[i].source.start, b.blocks[i].source.start) << p << " block " << i;
      EXPECT_EQ(a.blocks[i].source.end, b.blocks[i].source.end) << p << " block " << i;
    }
    ASSERT_EQ(a.pieces.size(), b.pieces.size()) << p;
    for (size_t i = 0; i < a.pieces.size(); ++i) {
      EXPECT_EQ(a.pieces[i].source_start, b.pieces[i].source_start) << p << " piece " << i;
      EXPECT_EQ(a.pieces[i].source_end, b.pieces[i].source_end) << p << " piece " << i;
    }
  }
  std::cout << "[ elision  ] " << pages.size() << " pages, " << regions << " script/style "
            << "contents elided, " << elided_bytes << " of " << bytes << " bytes ("
            << Percent(elided_bytes, bytes) << "%), " << fell_back
            << " pages parsed whole after the check failed\n";
  EXPECT_LE(fell_back * 10, pages.size());  // the fast path on at least 90% of the pages
}

TEST(HtmlPages, GoldArticleTextIsVisibleContent) {
  std::ifstream gold(NewsHtmlDir() / "gold.jsonl");
  if (!gold) GTEST_SKIP() << "no gold.jsonl under " << NewsHtmlDir();
  size_t paragraphs = 0, found = 0, in_content = 0, hidden = 0;
  size_t bytes = 0, content_bytes = 0;
  std::string line;
  while (std::getline(gold, line)) {
    const nlohmann::json j = nlohmann::json::parse(line);
    // html_file is relative to news/.
    const std::string html =
        testing::ReadWholeFile(NewsHtmlDir().parent_path() / j.at("html_file").get<std::string>());
    HtmlReadOptions o;
    o.url = j.value("url", "");
    HtmlDocument d;
    ReadHtml(html, o, &d);
    std::vector<std::string> texts;
    for (const HtmlBlock& b : d.blocks) {
      texts.push_back(Collapse(std::string_view(d.text).substr(b.text.start, b.text.size())));
    }
    for (const auto& para : j.at("paragraphs")) {
      const std::string want = Collapse(para.get<std::string>());
      if (want.size() < 40) continue;  // short lines (datelines, "All...") are ambiguous
      ++paragraphs;
      bytes += want.size();
      for (size_t i = 0; i < texts.size(); ++i) {
        if (texts[i].find(want) == std::string::npos) continue;
        ++found;
        const HtmlFacts& f = d.blocks[i].facts;
        if (f.hidden) ++hidden;
        if (f.region == HtmlRegion::kContent && !f.hidden) {
          ++in_content;
          content_bytes += want.size();
        }
        break;
      }
    }
  }
  ASSERT_GT(paragraphs, 0u);
  std::cout << "[ gold     ] " << paragraphs << " gold paragraphs of 40+ bytes: " << found
            << " found inside one block (" << Percent(found, paragraphs) << "%), " << in_content
            << " in visible content blocks (" << Percent(in_content, paragraphs) << "%, "
            << Percent(content_bytes, bytes) << "% of bytes), " << hidden << " in hidden blocks\n";
  EXPECT_GE(found * 100, paragraphs * 90);
  EXPECT_GE(in_content * 100, paragraphs * 93);
  EXPECT_LE(hidden * 100, paragraphs * 2);
}

}  // namespace
}  // namespace spamstrip
