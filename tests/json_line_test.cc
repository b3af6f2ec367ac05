// Tests for json_line.h: the fast JSONL reader accepts only lines nlohmann::json accepts as an
// object, and then reads the same "id", "text", "html" and "url"; it takes the common lines
// itself.
#include "json_line.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <random>
#include <string>
#include <tuple>
#include <vector>

#include "utf8.h"

namespace spamstrip {
namespace {

using nlohmann::json;
using Kind = JsonLineMembers::Kind;

Kind KindOf(const json& v) {
  return v.is_string() ? Kind::kString : v.is_number() ? Kind::kNumber : Kind::kOther;
}

// When the fast reader takes `line`, nlohmann::json must agree on everything the CLI uses.
// Returns whether the fast reader took it.
bool CheckAgainstNlohmann(const std::string& line) {
  JsonLineMembers m;
  if (!ReadJsonObjectLine(line, &m)) return false;
  const json j = json::parse(line, nullptr, false);
  EXPECT_FALSE(j.is_discarded()) << "accepted what nlohmann rejects: " << line;
  if (j.is_discarded()) return true;
  EXPECT_TRUE(j.is_object()) << line;
  if (!j.is_object()) return true;
  auto id = j.find("id");
  EXPECT_EQ(m.id_kind, id == j.end() ? Kind::kAbsent : KindOf(*id)) << line;
  if (id != j.end() && (id->is_string() || id->is_number())) {
    EXPECT_EQ(json::parse(m.id_token).dump(), id->dump()) << line;
  }
  for (const auto& [name, kind, value] : {std::make_tuple("text", m.text_kind, &m.text),
                                          std::make_tuple("html", m.html_kind, &m.html),
                                          std::make_tuple("url", m.url_kind, &m.url)}) {
    auto member = j.find(name);
    EXPECT_EQ(kind, member == j.end() ? Kind::kAbsent : KindOf(*member)) << name << ": " << line;
    if (member != j.end() && member->is_string()) {
      EXPECT_EQ(*value, member->get<std::string>()) << name << ": " << line;
    }
  }
  return true;
}

TEST(JsonLine, ReadsTheCommonLines) {
  const std::vector<std::string> lines = {
      R"({"id": "a", "text": "hello"})",
      R"({"id":17,"text":"x"})",
      R"(  {"text": "only text"}  )",
      "{\"id\": -1.5, \"text\": \"t\"}\r",
      R"({"id": "d", "lang": "en", "text": "a\nb\tc \"q\" \\ \/ \b\f\r", "spans": [{"start": 0, "end": 3, "category": "pharma", "mode": "block"}], "blocks": []})",
      R"({"id": "u", "text": "\u00e9\u4e2d\ud83d\ude00 \u0000 end"})",
      "{\"id\": \"raw\", \"text\": \"caf\xC3\xA9 \xE2\x80\x9C\xE2\x80\x9D\"}",
      R"({"te\u0078t": "escaped key", "id": 0})",
      R"({"text": "first", "text": "last"})",
      R"({"text": "s", "text": 5})",
      R"({"id": null, "text": "t", "x": [true, false, null, {}, [], 0, -0, 10.25, -0.0, "s"]})",
      R"({"id": {"nested": [1, {"a": "b"}]}, "text": ""})",
      R"({})",
      R"({"id": "no text"})",
      R"({"text": 12})",
      R"({"id": "p1", "html": "<p class=\"a\">x &amp; y</p>\n", "url": "https://example.com/a"})",
      R"({"html": "<b>first</b>", "text": "also text", "html": "<i>last</i>", "url": 3})",
      R"({"h\u0074ml": "escaped key", "url": null})",
      R"({"html": ["not", "a", "string"], "url": "u"})",
  };
  for (const auto& line : lines) EXPECT_TRUE(CheckAgainstNlohmann(line)) << line;
}

TEST(JsonLine, LeavesEverythingElseToNlohmann) {
  const std::vector<std::string> lines = {
      "",
      "[1, 2]",
      R"("a string")",
      "42",
      R"({"id": 1, "text": "x",})",
      R"({'id': 1})",
      R"({"id": 01, "text": "x"})",
      R"({"id": 1., "text": "x"})",
      R"({"id": .5, "text": "x"})",
      R"({"id": +1, "text": "x"})",
      R"({"id": 1e999, "text": "x"})",
      R"({"id": 2E5, "text": "x"})",
      R"({"text": "lone \ud800 high"})",
      R"({"text": "lone \udc00 low"})",
      R"({"text": "bad \x escape"})",
      R"({"text": "short \u12"})",
      "{\"text\": \"raw\ttab\"}",
      R"({"text": "unterminated)",
      R"({"text": "x"} trailing)",
      R"({"text": "x"}{"text": "y"})",
      R"({"text": tru})",
      R"(/* comment */ {"text": "x"})",
      "\xEF\xBB\xBF{\"text\": \"bom\"}",
      std::string("{\"text\": \"x\"}\0", 14),
      std::string(100, '[') + std::string(100, ']'),
      "{\"a\":" + std::string(80, '[') + std::string(80, ']') + ", \"text\": \"deep\"}",
  };
  for (const auto& line : lines) EXPECT_FALSE(CheckAgainstNlohmann(line)) << line;
}

// Random edits of valid lines: whatever the fast reader takes, nlohmann agrees with.
TEST(JsonLine, MutatedLinesNeverDisagree) {
  const std::vector<std::string> seeds = {
      R"({"id": "doc-1", "lang": "en", "text": "Line one.\n\nLine \"two\" \u00e9.", "spans": [{"start": 0, "end": 9}], "blocks": [{"start": 0, "end": 9, "label": "clean"}]})",
      R"({"id": 12345, "text": "a\tb\\c\/d\u0041\ud83d\ude00", "x": [true, false, null, -0.5e-7]})",
      R"({"id": "p", "html": "<p>a &amp; \"b\"</p>\n<script>x<\/script>", "url": "https://e.com/"})",
  };
  const std::string alphabet = "{}[]:,\"\\ \t\r\nabtexuidfn0123456789.-+eE/";
  std::mt19937 rng(20261128);
  size_t taken = 0;
  for (int it = 0; it < 100000; ++it) {
    std::string line = seeds[rng() % seeds.size()];
    const int edits = 1 + static_cast<int>(rng() % 3);
    for (int e = 0; e < edits && !line.empty(); ++e) {
      const size_t at = rng() % line.size();
      const char c = alphabet[rng() % alphabet.size()];
      switch (rng() % 3) {
        case 0:
          line[at] = c;
          break;
        case 1:
          line.insert(line.begin() + static_cast<long>(at), c);
          break;
        default:
          line.erase(at, 1);
      }
    }
    if (FindInvalidUtf8(line) != std::string::npos) continue;  // the caller rejects those first
    taken += CheckAgainstNlohmann(line) ? 1 : 0;
    if (HasFailure()) break;
  }
  EXPECT_GT(taken, 1000u);  // the edits leave many lines valid
}

}  // namespace
}  // namespace spamstrip
