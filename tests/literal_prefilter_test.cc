// Tests for literal_prefilter.h and the prefilter in RuleSet: the required literals of a
// pattern, and above all that they are sound — whatever text a pattern matches satisfies them,
// so RuleSet::Match finds exactly the rules whose RE2 matches.
#include "literal_prefilter.h"

#include <gtest/gtest.h>
#include <re2/re2.h>

#include <cctype>
#include <filesystem>
#include <random>
#include <string>
#include <vector>

#include "normalizer.h"
#include "rule_set.h"
#include "segmenter.h"
#include "test_files.h"

namespace spamstrip {
namespace {

std::string Required(std::string_view pattern) { return ToString(RequiredLiterals(pattern).get()); }

TEST(LiteralPrefilter, Literals) {
  EXPECT_EQ(Required("viagra"), "\"viagra\"");
  EXPECT_EQ(Required(R"(\bbuy\s+viagra\b)"), "AND(\"buy\",\"viagra\")");
  EXPECT_EQ(Required(R"(cheap\.pills)"), "\"cheap.pills\"");
  EXPECT_EQ(Required(R"(\x41bc)"), "\"Abc\"");
  EXPECT_EQ(Required(u8"\u0444\u043e\u0442\u043e"), u8"\"\u0444\u043e\u0442\u043e\"");
}

TEST(LiteralPrefilter, ShortLiteralsRequireNothing) {
  EXPECT_EQ(Required("ab"), "ALL");
  EXPECT_EQ(Required(R"(\bmy\s+\w+)"), "ALL");
  EXPECT_EQ(Required(R"(ab\s+cdef)"), "\"cdef\"");
}

TEST(LiteralPrefilter, AlternationsAndSmallSets) {
  EXPECT_EQ(Required("buy (viagra|cialis)"), "OR(\"buy cialis\",\"buy viagra\")");
  EXPECT_EQ(Required("colou?r"), "OR(\"color\",\"colour\")");
  EXPECT_EQ(Required("[cb]at"), "OR(\"bat\",\"cat\")");
  EXPECT_EQ(Required("x[a-c]yz"), "OR(\"xayz\",\"xbyz\",\"xcyz\")");
  // One alternative without a requirement: the whole has none.
  EXPECT_EQ(Required(R"(viagra|\d+)"), "ALL");
  EXPECT_EQ(Required("viagra|"), "ALL");
}

// Characters appended to a set of strings where one is a prefix of another change their order
// ("xa" < "xab" but "xacd" > "xabcd"); the OR lists them sorted whatever the path that appended
// them (plain characters, an escape, a case-folded letter).
TEST(LiteralPrefilter, AppendingKeepsTheSetSorted) {
  EXPECT_EQ(Required("(xa|xab)cd"), "OR(\"xabcd\",\"xacd\")");
  EXPECT_EQ(Required(R"((xa|xab)\.cd)"), "OR(\"xa.cd\",\"xab.cd\")");
  EXPECT_EQ(Required("(?i)(Xa|xAB)Cd"), "OR(\"xabcd\",\"xacd\")");
  EXPECT_EQ(Required("(xa|xab)cd+e"), "OR(\"xabc\",\"xac\")");
}

TEST(LiteralPrefilter, GapsSplitLiterals) {
  // A gap that may hold anything must not be multiplied out ("foobar" is not required).
  EXPECT_EQ(Required("foo(x.*)bar"), "AND(\"foo\",\"bar\")");
  EXPECT_EQ(Required("foo.bar"), "AND(\"foo\",\"bar\")");
  EXPECT_EQ(Required(R"(casino[^.!?]*bonus)"), "AND(\"casino\",\"bonus\")");
  EXPECT_EQ(Required("free (.*)spins"), "AND(\"free \",\"spins\")");
}

TEST(LiteralPrefilter, Repetitions) {
  EXPECT_EQ(Required("(viagra)*"), "ALL");
  EXPECT_EQ(Required("(viagra)+"), "\"viagra\"");
  EXPECT_EQ(Required("(viagra){0,3}"), "ALL");
  EXPECT_EQ(Required("(viagra){2,3}"), "OR(\"viagraviagra\",\"viagraviagraviagra\")");
  EXPECT_EQ(Required(R"(w{3}\.)"), "\"www.\"");
  EXPECT_EQ(Required("ab{2}cde"), "\"abbcde\"");
  EXPECT_EQ(Required("ab{1,2}cd"), "OR(\"abbcd\",\"abcd\")");
  EXPECT_EQ(Required("x(ab){2,}y"), "\"abab\"");  // at least "abab"; x is too short alone
  EXPECT_EQ(Required(R"(\d{3}-\d{4})"), "ALL");
  EXPECT_EQ(Required("a{,5}bcd"), "\"a{,5}bcd\"");  // not a repetition: literal braces
  EXPECT_EQ(Required("viagra+?"), "\"viagr\"");
}

TEST(LiteralPrefilter, CaseInsensitiveLiteralsAreLowerCase) {
  // The text is case folded, so "(?i)" literals are looked for in lower case.
  EXPECT_EQ(Required("(?i)Buy Now"), "\"buy now\"");
  EXPECT_EQ(Required("(?i:VIAGRA) PILLS"), "\"viagra PILLS\"");
  EXPECT_EQ(Required("(x(?i)ABC)DEF"), "\"xabcDEF\"");
  EXPECT_EQ(Required("(?i)[AB]cde"), "OR(\"acde\",\"bcde\")");
  EXPECT_EQ(Required("(?i-i)ABC"), "\"ABC\"");
  // A non-ASCII letter's case folding is not modelled.
  EXPECT_EQ(Required(u8"(?i)\u0444\u043e\u0442\u043e"), "ALL");
}

TEST(LiteralPrefilter, UnmodelledSyntaxRequiresNothing) {
  EXPECT_EQ(Required(R"(\Qviagra\E)"), "ALL");
  EXPECT_EQ(Required(R"(viagra\1)"), "ALL");
  EXPECT_EQ(Required("(viagra"), "ALL");
  EXPECT_EQ(Required("viagra)"), "ALL");
  EXPECT_EQ(Required("(?s:.*)viagra"), "\"viagra\"");
  EXPECT_EQ(Required("(?P<drug>viagra)"), "\"viagra\"");
}

TEST(LiteralPrefilter, Classes) {
  EXPECT_EQ(Required(R"([\d]viagra)"), "\"viagra\"");
  EXPECT_EQ(Required("[^a]viagra"), "\"viagra\"");
  EXPECT_EQ(Required("[]a]bcd"), "OR(\"]bcd\",\"abcd\")");
  EXPECT_EQ(Required("[[:alpha:]]bcd"), "\"bcd\"");
  EXPECT_EQ(Required(R"([\.\-]com)"), "OR(\"-com\",\".com\")");
}

// Texts the tree must accept whenever the pattern matches: pieces of the pattern's own
// examples, shuffled and glued.
std::vector<std::string> ProbeTexts(const std::vector<std::string>& seeds, size_t n) {
  std::mt19937 rng(7);
  std::vector<std::string> out(seeds.begin(), seeds.end());
  for (size_t i = 0; i < n && !seeds.empty(); ++i) {
    std::string s = seeds[rng() % seeds.size()];
    switch (rng() % 4) {
      case 0:
        s += " " + seeds[rng() % seeds.size()];
        break;
      case 1:
        if (s.size() > 2) s.erase(rng() % s.size(), 1 + rng() % 6);
        break;
      case 2: {
        const std::string& t = seeds[rng() % seeds.size()];
        s.insert(rng() % (s.size() + 1), t.substr(rng() % (t.size() + 1), 1 + rng() % 12));
        break;
      }
      default:
        s.insert(rng() % (s.size() + 1), " ");
    }
    out.push_back(s);
  }
  return out;
}

bool TreeHolds(const LiteralNode* tree, const std::string& text) {
  return tree == nullptr ||
         Holds(*tree, [&](const std::string& a) { return text.find(a) != std::string::npos; });
}

TEST(LiteralPrefilter, SoundOnHandWrittenPatterns) {
  const std::vector<std::string> patterns = {"foo(x.*)bar",
                                             "colou?r",
                                             "a(bc|de)*fgh",
                                             R"((ab|cd)\s?(ef|gh)ij)",
                                             "x[a-c]yz",
                                             "(viagra|cialis){2,}",
                                             "pre(fix)?(ed)?post",
                                             "[]a]bcd",
                                             R"(\bcall\s+0\s*9\d{2})"};
  const std::vector<std::string> seeds = {"foobar fooxbar foo x bar",
                                          "color colour colr",
                                          "afgh abcfgh adedefgh",
                                          "abefij cd ghij abghij",
                                          "xayz xbyz xdyz",
                                          "viagraviagra cialisviagra viagra",
                                          "prepost prefixpost preedpost prefixedpost",
                                          "]bcd abcd bcd",
                                          "call 0912 call 09 12"};
  for (const auto& p : patterns) {
    const RE2 re(p);
    ASSERT_TRUE(re.ok()) << p;
    const auto tree = RequiredLiterals(p);
    for (const auto& t : ProbeTexts(seeds, 3000)) {
      if (RE2::PartialMatch(t, re)) {
        EXPECT_TRUE(TreeHolds(tree.get(), t))
            << p << " matches '" << t << "' but " << ToString(tree.get()) << " fails";
      }
    }
  }
}

// Under "(?i)" the literals are lower case, which holds on case-folded text (what RuleSet
// matches): checked on lower-case texts only.
TEST(LiteralPrefilter, SoundOnCaseFoldedTextUnderCaseInsensitiveFlag) {
  const std::vector<std::string> patterns = {"(?i)Buy Now", "(?i:AB)cde", "x(?i)[AB]yz(?-i)Q?w",
                                             "(?i)colou?r|(?i:kelvin)"};
  std::vector<std::string> seeds = {"buy now ok", "abcde", "xayzw xbyzqw", "color colour kelvin"};
  for (const auto& p : patterns) {
    const RE2 re(p);
    ASSERT_TRUE(re.ok()) << p;
    const auto tree = RequiredLiterals(p);
    for (std::string t : ProbeTexts(seeds, 3000)) {
      for (char& c : t) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      if (RE2::PartialMatch(t, re)) {
        EXPECT_TRUE(TreeHolds(tree.get(), t))
            << p << " matches '" << t << "' but " << ToString(tree.get()) << " fails";
      }
    }
  }
}

// RuleSet::Match against running every rule's RE2 on every text: the built-in rules on their
// own examples (and edits of them) and on the sentences of the golden corpus.
TEST(LiteralPrefilter, RuleSetMatchEqualsEveryRuleRun) {
  RuleSet rules;
  ASSERT_TRUE(rules.Load({}).ok());
  std::vector<std::string> seeds;
  CanonicalText ct;
  for (const Rule& r : rules.rules()) {
    for (const auto* list : {&r.match, &r.nomatch}) {
      for (const auto& e : *list) {
        Normalize(e, &ct);
        seeds.push_back(ct.text);
      }
    }
  }
  std::vector<std::string> texts = ProbeTexts(seeds, 20000);
  for (const auto& e : std::filesystem::directory_iterator(SPAMSTRIP_CORPUS_DIR)) {
    if (e.path().extension() != ".txt") continue;
    const std::string doc = testing::ReadWholeFile(e.path());
    std::vector<Segment> segs;
    SegmentText(doc, &segs);
    for (const auto& s : segs) {
      for (const auto& r : s.sentences) {
        Normalize(std::string_view(doc).substr(r.start, r.size()), &ct);
        texts.push_back(ct.text);
      }
    }
  }
  size_t matches = 0;
  for (const auto& t : texts) {
    std::vector<int> got, want;
    rules.Match(t, &got);
    for (size_t r = 0; r < rules.size(); ++r) {
      if (RE2::PartialMatch(t, rules.Pattern(static_cast<int>(r)))) {
        want.push_back(static_cast<int>(r));
      }
    }
    matches += want.size();
    ASSERT_EQ(got, want) << t;
  }
  EXPECT_GT(matches, 1000u);
  EXPECT_EQ(rules.unfiltered(), 0u);  // every shipped rule has literals to look for
}

}  // namespace
}  // namespace spamstrip
