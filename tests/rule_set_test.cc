// Tests for rule_set.h: the rule language parser (errors carry file:line), RE2 compilation
// (errors carry file:line and RE2's message), matching, and example checking; plus CheckRules
// (spamstrip/rules.h) over files on disk and over the built-in rules.
#include "rule_set.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <string>
#include <thread>
#include <vector>

#include "normalizer.h"
#include "spamstrip/rules.h"
#include "temp_dir.h"

namespace spamstrip {
namespace {

struct ParseErrorCase {
  const char* name;
  const char* text;
  const char* where;   // expected "file:line: " prefix
  const char* detail;  // expected substring of the message
};

const ParseErrorCase kParseErrors[] = {
    {"unknown_key", "rule a.b pharma 1\n  pattren x\n", "t.rules:2: ", "unknown key 'pattren'"},
    {"unknown_key_after_comments", "# c\n\nrule a pharma 1\n  pattern x\n  exmaple y\n",
     "t.rules:5: ", "unknown key 'exmaple'"},
    {"missing_pattern_at_eof", "rule a pharma 1\n  about no pattern here\n",
     "t.rules:1: ", "rule a has no pattern"},
    {"missing_pattern_before_next_rule",
     "rule a pharma 1\n  about x\nrule b pharma 1\n  pattern y\n",
     "t.rules:1: ", "rule a has no pattern"},
    {"duplicate_id", "rule a pharma 1\n  pattern x\nrule a casino 2\n  pattern y\n",
     "t.rules:3: ", "duplicate rule id 'a'"},
    {"bad_category", "rule a spamz 1\n  pattern x\n", "t.rules:1: ", "unknown category 'spamz'"},
    {"category_is_case_sensitive", "rule a Pharma 1\n  pattern x\n",
     "t.rules:1: ", "unknown category 'Pharma'"},
    {"bad_weight_word", "rule a pharma heavy\n  pattern x\n", "t.rules:1: ", "numeric weight"},
    {"missing_weight", "rule a pharma\n  pattern x\n", "t.rules:1: ", "numeric weight"},
    {"weight_with_suffix", "rule a pharma 1.5x\n  pattern x\n", "t.rules:1: ", "numeric weight"},
    {"extra_field_after_weight", "rule a pharma 1 2\n  pattern x\n",
     "t.rules:1: ", "numeric weight"},
    {"bad_id_upper_case", "rule Pharma.X pharma 1\n  pattern x\n", "t.rules:1: ", "bad rule id"},
    {"bad_id_missing", "rule\n", "t.rules:1: ", "bad rule id"},
    {"top_level_not_rule", "pattern x\n", "t.rules:1: ", "expected 'rule"},
    {"indented_outside_rule", "  pattern x\n", "t.rules:1: ", "outside a rule"},
    {"second_pattern", "rule a pharma 1\n  pattern x\n  pattern y\n",
     "t.rules:3: ", "second pattern"},
    {"empty_pattern", "rule a pharma 1\n  pattern\n", "t.rules:2: ", "empty pattern"},
    {"crlf_line_numbers", "rule a pharma 1\r\n  pattern x\r\n  nope y\r\n",
     "t.rules:3: ", "unknown key 'nope'"},
};

class ParseErrorTest : public ::testing::TestWithParam<ParseErrorCase> {};

TEST_P(ParseErrorTest, ReportsFileLine) {
  const ParseErrorCase& c = GetParam();
  RuleSet set;
  Status s = set.Parse(c.text, "t.rules");
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.code(), Status::Code::kCorrupt);
  EXPECT_EQ(s.message().rfind(c.where, 0), 0u) << s.message();
  EXPECT_NE(s.message().find(c.detail), std::string::npos) << s.message();
}

INSTANTIATE_TEST_SUITE_P(RuleSet, ParseErrorTest, ::testing::ValuesIn(kParseErrors),
                         [](const ::testing::TestParamInfo<ParseErrorCase>& p) {
                           return std::string(p.param.name);
                         });

const char kGoodRules[] =
    "# A comment line.\n"
    "\n"
    "rule pharma.buy pharma 4.0\n"
    "  pattern \\bbuy\\s+(viagra|cialis)\\b\n"
    "  about   Buying lifestyle drugs.\n"
    "  match   BUY VIAGRA today\n"
    "  match   buy v\xD1\x96"
    "agra now\n"  // Cyrillic i: matched after canonicalisation
    "  nomatch viagra sales fell\n"
    "\n"
    "rule casino.bonus casino 2.5\n"
    "\t# comments may be indented too\n"
    "\tpattern \\bfree\\s+spins\\b\n"
    "\tabout   Casino bonus offers.\n"
    "\tmatch   Get 50 free spins\n"
    "rule loans.payday loans 3\n"
    "  pattern payday\\s+loans?\n"
    "  about   Payday loans.";  // no trailing newline

TEST(RuleSet, ParsesGoodFile) {
  RuleSet set;
  ASSERT_TRUE(set.Parse(kGoodRules, "good.rules").ok());
  ASSERT_TRUE(set.Compile().ok());
  ASSERT_EQ(set.size(), 3u);
  const Rule& r = set.rules()[0];
  EXPECT_EQ(r.id, "pharma.buy");
  EXPECT_EQ(r.category, "pharma");
  EXPECT_DOUBLE_EQ(r.weight, 4.0);
  EXPECT_EQ(r.pattern, "\\bbuy\\s+(viagra|cialis)\\b");
  EXPECT_EQ(r.about, "Buying lifestyle drugs.");
  EXPECT_EQ(r.match.size(), 2u);
  EXPECT_EQ(r.nomatch.size(), 1u);
  EXPECT_EQ(r.file, "good.rules");
  EXPECT_EQ(r.line, 3);
  EXPECT_EQ(set.rules()[1].line, 10);
  EXPECT_EQ(set.rules()[1].pattern, "\\bfree\\s+spins\\b");
  EXPECT_DOUBLE_EQ(set.rules()[1].weight, 2.5);
  EXPECT_EQ(set.rules()[2].about, "Payday loans.");
  EXPECT_TRUE(set.CheckExamples().empty());
}

TEST(RuleSet, ParsesCrlfFile) {
  std::string crlf;
  for (char c : std::string(kGoodRules)) {
    if (c == '\n') crlf += '\r';
    crlf += c;
  }
  RuleSet set;
  ASSERT_TRUE(set.Parse(crlf, "crlf.rules").ok());
  ASSERT_TRUE(set.Compile().ok());
  EXPECT_EQ(set.rules()[0].pattern, "\\bbuy\\s+(viagra|cialis)\\b");
  EXPECT_EQ(set.rules()[2].about, "Payday loans.");
  EXPECT_TRUE(set.CheckExamples().empty());
}

TEST(RuleSet, EmptyFileHasNoRules) {
  RuleSet set;
  ASSERT_TRUE(set.Parse("", "empty.rules").ok());
  ASSERT_TRUE(set.Parse("# only comments\n\n", "c.rules").ok());
  ASSERT_TRUE(set.Compile().ok());
  EXPECT_EQ(set.size(), 0u);
  std::vector<int> ids;
  set.Match("buy viagra", &ids);
  EXPECT_TRUE(ids.empty());
}

TEST(RuleSet, DuplicateIdAcrossFilesNamesSecondFile) {
  RuleSet set;
  ASSERT_TRUE(set.Parse("rule a pharma 1\n  pattern x\n", "one.rules").ok());
  Status s = set.Parse("\nrule a casino 1\n  pattern y\n", "two.rules");
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.message().rfind("two.rules:2: ", 0), 0u) << s.message();
  EXPECT_NE(s.message().find("duplicate rule id 'a'"), std::string::npos);
}

TEST(RuleSet, AcceptsEveryDocumentedCategory) {
  std::string text;
  int n = 0;
  for (const auto& c : RuleCategories()) {
    text += "rule r" + std::to_string(n++) + " " + c + " 1\n  pattern x\n";
  }
  RuleSet set;
  EXPECT_TRUE(set.Parse(text, "cats.rules").ok());
  EXPECT_EQ(set.size(), RuleCategories().size());
}

TEST(RuleSet, AcceptsNegativeAndFractionalWeights) {
  RuleSet set;
  ASSERT_TRUE(
      set.Parse("rule a pharma -1.25\n  pattern x\nrule b casino .5\n  pattern y\n", "w").ok());
  EXPECT_DOUBLE_EQ(set.rules()[0].weight, -1.25);
  EXPECT_DOUBLE_EQ(set.rules()[1].weight, 0.5);
}

struct CompileErrorCase {
  const char* name;
  const char* pattern;
  const char* re2_message;  // RE2's own words
};

const CompileErrorCase kCompileErrors[] = {
    {"unbalanced_paren", "(abc", "missing )"},
    {"unbalanced_close_paren", "abc)", "unexpected )"},
    {"bad_repetition", "a**", "bad repetition operator"},
    {"missing_bracket", "[abc", "missing ]"},
    {"bad_escape", "\\8", "invalid escape sequence"},
    {"backreference_unsupported", "(a)\\1", "invalid escape sequence"},
    {"lookahead_unsupported", "a(?=b)", "invalid perl operator"},
};

class CompileErrorTest : public ::testing::TestWithParam<CompileErrorCase> {};

TEST_P(CompileErrorTest, ReportsFileLineAndRe2Message) {
  const CompileErrorCase& c = GetParam();
  RuleSet set;
  const std::string text =
      std::string("rule ok pharma 1\n  pattern fine\n\nrule bad.one casino 1\n") +
      "  about x\n  pattern " + c.pattern + "\n";
  ASSERT_TRUE(set.Parse(text, "dir/bad.rules").ok());
  Status s = set.Compile();
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.code(), Status::Code::kCorrupt);
  // The rule's header line: where the rule is defined.
  EXPECT_EQ(s.message().rfind("dir/bad.rules:4: ", 0), 0u) << s.message();
  EXPECT_NE(s.message().find("bad.one"), std::string::npos) << s.message();
  EXPECT_NE(s.message().find(c.re2_message), std::string::npos) << s.message();
}

INSTANTIATE_TEST_SUITE_P(RuleSet, CompileErrorTest, ::testing::ValuesIn(kCompileErrors),
                         [](const ::testing::TestParamInfo<CompileErrorCase>& p) {
                           return std::string(p.param.name);
                         });

TEST(RuleSet, RejectsUnbalancedParen) {
  RuleSet set;
  ASSERT_TRUE(set.Parse("rule x pharma 1\n  pattern (buy|order\n", "p.rules").ok());
  Status s = set.Compile();
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.message().find("p.rules:1: rule x: bad pattern: missing ): (buy|order"),
            std::string::npos)
      << s.message();
}

TEST(RuleSet, MatchReturnsSortedIds) {
  RuleSet set;
  ASSERT_TRUE(set.Parse(kGoodRules, "good.rules").ok());
  ASSERT_TRUE(set.Compile().ok());
  std::vector<int> ids;
  set.Match("buy cialis and get free spins with payday loans", &ids);
  EXPECT_EQ(ids, (std::vector<int>{0, 1, 2}));
  ids.clear();
  set.Match("payday loans and free spins", &ids);
  EXPECT_EQ(ids, (std::vector<int>{1, 2}));
  ids.clear();
  set.Match("the weather was fine", &ids);
  EXPECT_TRUE(ids.empty());
  // Match appends.
  ids = {7};
  set.Match("free spins", &ids);
  EXPECT_EQ(ids, (std::vector<int>{7, 1}));
}

TEST(RuleSet, MatchSeesCanonicalTextOnly) {
  // Patterns are written for canonical (case-folded) text; raw upper case does not match.
  RuleSet set;
  ASSERT_TRUE(set.Parse(kGoodRules, "good.rules").ok());
  ASSERT_TRUE(set.Compile().ok());
  std::vector<int> ids;
  set.Match("BUY VIAGRA", &ids);
  EXPECT_TRUE(ids.empty());
  CanonicalText ct;
  Normalize(u8"BUY V\u0456AGRA", &ct);
  set.Match(ct.text, &ids);
  EXPECT_EQ(ids, (std::vector<int>{0}));
}

TEST(RuleSet, MatchedText) {
  RuleSet set;
  ASSERT_TRUE(set.Parse(kGoodRules, "good.rules").ok());
  ASSERT_TRUE(set.Compile().ok());
  EXPECT_EQ(set.MatchedText(0, "please buy viagra now"), "buy viagra");
  EXPECT_EQ(set.MatchedText(1, "please buy viagra now"), "");
  EXPECT_EQ(set.MatchedText(-1, "x"), "");
  EXPECT_EQ(set.MatchedText(99, "x"), "");
}

// The RE2s are built on first use (lazy_regexp.h): a RuleSet shared by threads that all meet
// its rules for the first time at once confirms what a RuleSet used by one thread does.
TEST(RuleSet, SharedByThreadsMatchesAsOneThread) {
  RuleSet one, shared;
  ASSERT_TRUE(one.Load({}).ok());
  ASSERT_TRUE(shared.Load({}).ok());
  std::vector<std::string> texts;
  CanonicalText ct;
  for (const Rule& r : one.rules()) {
    for (const auto* list : {&r.match, &r.nomatch}) {
      for (const auto& e : *list) {
        Normalize(e, &ct);
        texts.push_back(ct.text);
      }
    }
  }
  std::vector<std::vector<int>> want(texts.size());
  size_t matches = 0;
  for (size_t i = 0; i < texts.size(); ++i) {
    one.Match(texts[i], &want[i]);
    matches += want[i].size();
  }
  ASSERT_GT(matches, 500u);
  constexpr size_t kThreads = 4;
  std::vector<std::vector<std::vector<int>>> got(kThreads);
  std::vector<std::thread> threads;
  for (size_t t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      got[t].resize(texts.size());
      // Threads 0 and 1 go forwards, 2 and 3 backwards: some rules are first met by two threads
      // at once, others by threads at different points.
      for (size_t k = 0; k < texts.size(); ++k) {
        const size_t i = t < 2 ? k : texts.size() - 1 - k;
        shared.Match(texts[i], &got[t][i]);
        if (!got[t][i].empty()) {
          (void)shared.MatchedText(got[t][i][0], texts[i]);  // explanations share them too
        }
      }
    });
  }
  for (auto& th : threads) th.join();
  for (size_t t = 0; t < kThreads; ++t) {
    for (size_t i = 0; i < texts.size(); ++i) ASSERT_EQ(got[t][i], want[i]) << texts[i];
  }
}

// MatchedText() and Pattern() build a rule's RE2 on their own, before any Match().
TEST(RuleSet, PatternIsBuiltWithoutMatch) {
  RuleSet set;
  ASSERT_TRUE(set.Parse(kGoodRules, "good.rules").ok());
  ASSERT_TRUE(set.Compile().ok());
  EXPECT_EQ(set.MatchedText(0, "please buy viagra now"), "buy viagra");
  EXPECT_TRUE(set.Pattern(1).ok());
  EXPECT_EQ(set.Pattern(1).pattern(), set.rules()[1].pattern);
  EXPECT_TRUE(set.BuildAllPatterns().ok());
}

TEST(RuleSet, CheckExamplesReportsFailures) {
  const char kRules[] =
      "rule a pharma 1\n"  // line 1
      "  pattern \\bbuy viagra\\b\n"
      "  about   x\n"
      "  match   order viagra\n"        // does not match
      "  nomatch buy viagra cheaply\n"  // matches its counter-example
      "rule b casino 1\n"               // line 6
      "  pattern casino\n"              // no about line
      "  match   CASINO\n";
  RuleSet set;
  ASSERT_TRUE(set.Parse(kRules, "ex.rules").ok());
  ASSERT_TRUE(set.Compile().ok());
  std::vector<std::string> f = set.CheckExamples();
  ASSERT_EQ(f.size(), 3u) << ::testing::PrintToString(f);
  EXPECT_EQ(f[0], "ex.rules:1: rule a: does not match its example 'order viagra'");
  EXPECT_EQ(f[1], "ex.rules:1: rule a: matches its counter-example 'buy viagra cheaply'");
  EXPECT_EQ(f[2], "ex.rules:6: rule b: no 'about' line");
}

// CheckRules, the engine of `spamstrip rules check`, over files on disk.
class CheckRulesTest : public testing::TempDirTest {};

TEST_F(CheckRulesTest, GoodFiles) {
  RuleCheckResult r;
  Status s = CheckRules({Write("a.rules", kGoodRules)}, &r);
  ASSERT_TRUE(s.ok()) << s.ToString();
  EXPECT_EQ(r.files, 1u);
  EXPECT_EQ(r.rules, 3u);
  EXPECT_EQ(r.examples, 4u);
  EXPECT_TRUE(r.failures.empty());
}

TEST_F(CheckRulesTest, BadPatternNamesFileAndLine) {
  const std::string path = Write("bad.rules", "\n\nrule x.y pharma 1\n  pattern (oops\n");
  RuleCheckResult r;
  Status s = CheckRules({path}, &r);
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.message().find(path + ":3: "), std::string::npos) << s.message();
  EXPECT_NE(s.message().find("missing )"), std::string::npos) << s.message();
}

TEST_F(CheckRulesTest, MissingFileIsNotFound) {
  const std::string path = (dir_ / "nope.rules").string();
  RuleCheckResult r;
  Status s = CheckRules({path}, &r);
  EXPECT_EQ(s.code(), Status::Code::kNotFound);
  EXPECT_NE(s.message().find(path), std::string::npos);
}

TEST_F(CheckRulesTest, FailedExamplesAreListedWithOkStatus) {
  RuleCheckResult r;
  Status s = CheckRules(
      {Write("f.rules", "rule a pharma 1\n  pattern zzz\n  about x\n  match yyy\n")}, &r);
  ASSERT_TRUE(s.ok());
  ASSERT_EQ(r.failures.size(), 1u);
  EXPECT_NE(r.failures[0].find(":1: rule a: does not match its example 'yyy'"), std::string::npos);
}

// Loading the built-in rules does not parse-check their patterns (RuleSet::Load): this test is
// what guarantees that RE2 builds every one of them.
TEST(RuleSet, BuiltInRulesAllCompile) {
  RuleSet set;
  ASSERT_TRUE(set.Load({}).ok());
  ASSERT_GT(set.rules().size(), 100u);
  const Status s = set.BuildAllPatterns();
  EXPECT_TRUE(s.ok()) << s.ToString();
  for (size_t i = 0; i < set.rules().size(); ++i) {
    EXPECT_TRUE(set.Pattern(static_cast<int>(i)).ok()) << set.rules()[i].id;
  }
}

TEST(RuleSet, BuiltInRulesPassTheirOwnExamples) {
  RuleCheckResult r;
  Status s = CheckRules({}, &r);
  ASSERT_TRUE(s.ok()) << s.ToString();
  EXPECT_GT(r.rules, 0u);
  EXPECT_TRUE(r.failures.empty()) << ::testing::PrintToString(r.failures);
}

}  // namespace
}  // namespace spamstrip
