// End-to-end tests of the `spamstrip` binary: exit codes (src/cli/exit_codes.h), outputs,
// reports, JSONL streams, atomic writes and `rules check`. Each test works in a fresh temporary
// directory under the build tree, removed afterwards.
#include <gtest/gtest.h>
#include <poll.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "charset_fixtures.h"
#include "cli/exit_codes.h"
#include "shell.h"
#include "spamstrip/detector.h"
#include "spamstrip/report.h"
#include "temp_dir.h"
#include "test_articles.h"

extern char** environ;

namespace spamstrip {
namespace {

namespace fs = std::filesystem;
using cli::kExitInput;
using cli::kExitOk;
using cli::kExitOutput;
using cli::kExitSpam;
using cli::kExitUsage;
using nlohmann::json;
using testing::BytesMinus;
using testing::Encode;
using testing::ExitCode;
using testing::HarbourCharsetPage;
using testing::JapanesePage;
using testing::kCasinoLine;
using testing::kCleanPage;
using testing::kHarbourSpamLine;
using testing::kSpamPage;
using testing::Quote;
using testing::ReadWholeFile;

struct Result {
  int rc = -1;
  std::string out;
  std::string err;
};

class CliTest : public testing::TempDirTest {
 protected:
  // Runs `spamstrip ARGS` (ARGS already shell-quoted where needed), stdin from `stdin_path`
  // (or /dev/null), capturing stdout and stderr.
  Result Run(const std::string& args, const std::string& stdin_path = "/dev/null") {
    const std::string out = Path("stdout.txt"), err = Path("stderr.txt");
    const std::string cmd = Quote(SPAMSTRIP_CLI) + " " + args + " <" + Quote(stdin_path) + " >" +
                            Quote(out) + " 2>" + Quote(err);
    const int status = std::system(cmd.c_str());
    Result r;
    r.rc = ExitCode(status);
    r.out = ReadWholeFile(out);
    r.err = ReadWholeFile(err);
    fs::remove(out);
    fs::remove(err);
    return r;
  }

  // What the library does with default options (the CLI must agree byte for byte).
  static std::string LibraryClean(const std::string& text) {
    std::unique_ptr<Detector> d;
    EXPECT_TRUE(Detector::Create(Options(), &d).ok());
    Report r;
    d->Analyze(text, &r);
    return Clean(text, r);
  }
  // The same for an HTML page.
  static std::string LibraryCleanHtml(const std::string& page) {
    std::unique_ptr<Detector> d;
    EXPECT_TRUE(Detector::Create(Options(), &d).ok());
    Report r;
    d->AnalyzeHtml(page, "", &r);
    return Clean(page, r);
  }

  std::vector<std::string> Files() const {
    std::vector<std::string> names;
    for (const auto& e : fs::directory_iterator(dir_))
      names.push_back(e.path().filename().string());
    std::sort(names.begin(), names.end());
    return names;
  }
};

std::vector<std::string> Lines(const std::string& s) {
  std::vector<std::string> out;
  std::istringstream in(s);
  std::string line;
  while (std::getline(in, line)) out.push_back(line);
  return out;
}

// ---------------------------------------------------------------------------------------------
// clean (text)

TEST_F(CliTest, CleanPrintsPageMinusSpam) {
  const std::string in = Write("page.txt", kSpamPage);
  Result r = Run("clean " + Quote(in));
  EXPECT_EQ(r.rc, kExitOk) << r.err;
  EXPECT_EQ(r.out, LibraryClean(kSpamPage));
  EXPECT_EQ(r.out.find("buy cipro"), std::string::npos) << r.out;
  for (const char* kept : {"Council Approves Harbour Budget\n", "\n351\n", "Photo: Boats moored",
                           "The council approved the harbour budget", "The mayor said the vote",
                           "Read more: How the lock gates were built\n"}) {
    EXPECT_NE(r.out.find(kept), std::string::npos) << kept;
  }
}

TEST_F(CliTest, CleanReadsStdin) {
  const std::string in = Write("page.txt", kSpamPage);
  Result a = Run("clean", in);
  Result b = Run("clean -", in);
  EXPECT_EQ(a.rc, kExitOk) << a.err;
  EXPECT_EQ(b.rc, kExitOk) << b.err;
  EXPECT_EQ(a.out, LibraryClean(kSpamPage));
  EXPECT_EQ(b.out, a.out);
}

TEST_F(CliTest, CleanCorpusPage) {
  const std::string page = std::string(SPAMSTRIP_CORPUS_DIR) + "/antibiotic_shortage.txt";
  Result r = Run("clean " + Quote(page));
  EXPECT_EQ(r.rc, kExitOk) << r.err;
  EXPECT_EQ(r.out, LibraryClean(ReadWholeFile(page)));
  EXPECT_NE(r.out.find("Read more: Why antibiotic resistance is rising in hospitals"),
            std::string::npos);
}

TEST_F(CliTest, ReportHasBlocksWithRangesAndReasons) {
  const std::string in = Write("page.txt", kSpamPage);
  const std::string rep = Path("r.json");
  Result r = Run("clean " + Quote(in) + " --report " + Quote(rep));
  ASSERT_EQ(r.rc, kExitOk) << r.err;
  json j = json::parse(ReadWholeFile(rep), nullptr, false);
  ASSERT_FALSE(j.is_discarded()) << ReadWholeFile(rep);
  EXPECT_EQ(j["bytes"], std::string(kSpamPage).size());
  ASSERT_TRUE(j["blocks"].is_array());
  ASSERT_FALSE(j["blocks"].empty());
  bool saw_strip = false;
  for (const json& b : j["blocks"]) {
    for (const char* key : {"start", "end", "kind", "score", "decision"}) {
      EXPECT_TRUE(b.contains(key)) << key << " missing in " << b.dump();
    }
    EXPECT_LT(b["start"].get<size_t>(), b["end"].get<size_t>());
    EXPECT_LE(b["end"].get<size_t>(), std::string(kSpamPage).size());
    if (b["decision"] == "strip") {
      saw_strip = true;
      EXPECT_EQ(b["category"], "pharma") << b.dump();
      ASSERT_TRUE(b.contains("reasons")) << b.dump();
      EXPECT_FALSE(b["reasons"].empty());
      for (const json& reason : b["reasons"]) {
        EXPECT_TRUE(reason.contains("source") && reason.contains("name") &&
                    reason.contains("value"));
      }
      const size_t a = b["start"], e = b["end"];
      EXPECT_EQ(b["text"], std::string(kSpamPage).substr(a, e - a));
    }
  }
  EXPECT_TRUE(saw_strip);
  ASSERT_FALSE(j["removed"].empty());
  for (const json& rm : j["removed"]) {
    const size_t a = rm["start"], e = rm["end"];
    EXPECT_EQ(rm["text"], std::string(kSpamPage).substr(a, e - a));
  }
  // The cleaned text still goes to stdout.
  EXPECT_EQ(r.out, LibraryClean(kSpamPage));
}

TEST_F(CliTest, FlagOnlyStripsNothing) {
  const std::string in = Write("page.txt", kSpamPage);
  const std::string rep = Path("r.json");
  Result r = Run("clean " + Quote(in) + " --flag-only --report " + Quote(rep));
  EXPECT_EQ(r.rc, kExitOk) << r.err;
  EXPECT_EQ(r.out, kSpamPage);
  json j = json::parse(ReadWholeFile(rep), nullptr, false);
  ASSERT_FALSE(j.is_discarded());
  EXPECT_FALSE(j["stripped"].get<bool>());
  EXPECT_TRUE(j["flagged"].get<bool>());
  EXPECT_TRUE(j["removed"].empty());
}

TEST_F(CliTest, FailOnSpam) {
  Result spam = Run("clean " + Quote(Write("spam.txt", kSpamPage)) + " --fail-on-spam");
  EXPECT_EQ(spam.rc, kExitSpam) << spam.err;
  EXPECT_EQ(spam.out, LibraryClean(kSpamPage)) << "the cleaned text is still written";
  Result clean = Run("clean " + Quote(Write("clean.txt", kCleanPage)) + " --fail-on-spam");
  EXPECT_EQ(clean.rc, kExitOk) << clean.err;
  EXPECT_EQ(clean.out, kCleanPage);
  // With --flag-only, spam is still "found".
  Result flag = Run("clean " + Quote(Path("spam.txt")) + " --fail-on-spam --flag-only");
  EXPECT_EQ(flag.rc, kExitSpam);
  EXPECT_EQ(flag.out, kSpamPage);
}

TEST_F(CliTest, ThresholdFlag) {
  // At threshold 1 nothing reaches the strip threshold in practice; the page is unchanged.
  const std::string in = Write("page.txt", kSpamPage);
  Result r = Run("clean " + Quote(in) + " --threshold 1");
  EXPECT_EQ(r.rc, kExitOk) << r.err;
  EXPECT_EQ(r.out, kSpamPage);
  Result z = Run("clean " + Quote(in) + " --threshold 0");
  EXPECT_EQ(z.rc, kExitOk) << z.err;
  EXPECT_EQ(z.out.find_first_not_of(" \n"), std::string::npos) << z.out;
}

TEST_F(CliTest, MissingFileExitsInputNamingTheFile) {
  const std::string missing = Path("no-such-article.txt");
  Result r = Run("clean " + Quote(missing));
  EXPECT_EQ(r.rc, kExitInput);
  EXPECT_NE(r.err.find(missing), std::string::npos) << r.err;
  EXPECT_TRUE(r.out.empty());
}

TEST_F(CliTest, DirectoryAsInputExitsInput) {
  Result r = Run("clean " + Quote(dir_.string()));
  EXPECT_EQ(r.rc, kExitInput);
  EXPECT_NE(r.err.find(dir_.string()), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("directory"), std::string::npos) << r.err;
  Result j = Run("clean --jsonl " + Quote(dir_.string()));
  EXPECT_EQ(j.rc, kExitInput);
}

TEST_F(CliTest, EmptyInput) {
  Result r = Run("clean " + Quote(Write("empty.txt", "")));
  EXPECT_EQ(r.rc, kExitOk) << r.err;
  EXPECT_TRUE(r.out.empty());
  Result s = Run("clean -", "/dev/null");
  EXPECT_EQ(s.rc, kExitOk) << s.err;
  EXPECT_TRUE(s.out.empty());
  Result f = Run("clean " + Quote(Path("empty.txt")) + " --fail-on-spam");
  EXPECT_EQ(f.rc, kExitOk);
}

TEST_F(CliTest, InvalidUtf8ToleratedByDefault) {
  std::string page = kCleanPage;
  const size_t bad = page.find("roof") + 2;
  page.insert(bad, "\xFF\xC3");
  Result r = Run("clean " + Quote(Write("bad.txt", page)));
  EXPECT_EQ(r.rc, kExitOk) << r.err;
  EXPECT_EQ(r.out, page) << "bad bytes must be kept as they are";
  EXPECT_NE(r.err.find("byte " + std::to_string(bad)), std::string::npos) << r.err;
}

TEST_F(CliTest, InvalidUtf8RejectedUnderStrictUtf8) {
  std::string page = kCleanPage;
  const size_t bad = page.find("heating");
  page.insert(bad, "\xE2\x82");  // truncated euro sign
  const std::string in = Write("bad.txt", page);
  const std::string out = Path("out.txt");
  Result r = Run("clean " + Quote(in) + " --strict-utf8 -o " + Quote(out));
  EXPECT_EQ(r.rc, kExitInput);
  EXPECT_NE(r.err.find("byte " + std::to_string(bad)), std::string::npos) << r.err;
  EXPECT_NE(r.err.find(in), std::string::npos) << r.err;
  EXPECT_FALSE(fs::exists(out));
  // Valid input passes under --strict-utf8.
  Result ok = Run("clean " + Quote(Write("good.txt", kCleanPage)) + " --strict-utf8");
  EXPECT_EQ(ok.rc, kExitOk) << ok.err;
}

TEST_F(CliTest, FiftyMegabyteSingleLine) {
  // Generated here, never committed.
  const std::string in = Path("big.txt");
  {
    std::ofstream f(in, std::ios::binary);
    const std::string words =
        "the council said the new bridge would open next spring after long delays caused by "
        "flooding and rising costs ";
    const size_t target = size_t(50) << 20;
    std::string chunk;
    while (chunk.size() < (1u << 20)) chunk += words;
    size_t written = 0;
    while (written < target) {
      const size_t n = std::min(chunk.size(), target - written);
      f.write(chunk.data(), static_cast<std::streamsize>(n));
      written += n;
    }
  }
  ASSERT_EQ(fs::file_size(in), size_t(50) << 20);
  const std::string out = Path("big.out");
  Result r = Run("clean " + Quote(in) + " -o " + Quote(out));
  EXPECT_EQ(r.rc, kExitOk) << r.err;
  ASSERT_TRUE(fs::exists(out));
  EXPECT_GT(fs::file_size(out), 0u);
  EXPECT_LE(fs::file_size(out), fs::file_size(in));
}

// ---------------------------------------------------------------------------------------------
// clean --jsonl

TEST_F(CliTest, JsonlOneOutputLinePerInputLine) {
  json good1 = {{"id", "spam-1"}, {"text", kSpamPage}};
  json good2 = {{"id", 42}, {"text", kCleanPage}};
  const std::string input = good1.dump() + "\n" +                         // line 1
                            "\n" +                                        // line 2: blank, skipped
                            "{\"id\": \"broken\", \"text\": \"unter\n" +  // line 3: malformed
                            "{\"id\": \"c\", \"body\": \"no text\"}\n" +  // line 4: no "text"
                            "[1, 2, 3]\n" +                               // line 5: not an object
                            "   \t\n" +                                   // line 6: blank
                            good2.dump() + "\n" +                         // line 7
                            "{\"id\": \"n\", \"text\": 17}\n";  // line 8: text not a string
  const std::string in = Write("in.jsonl", input);
  Result r = Run("clean --jsonl " + Quote(in));
  EXPECT_EQ(r.rc, kExitInput) << "malformed lines make the run fail";
  const auto lines = Lines(r.out);
  ASSERT_EQ(lines.size(), 6u) << r.out;
  std::vector<json> j;
  for (const auto& l : lines) {
    j.push_back(json::parse(l, nullptr, false));
    ASSERT_FALSE(j.back().is_discarded()) << "output line is not JSON: " << l;
  }
  // Error lines carry the input line number and a message.
  const std::pair<size_t, size_t> kErrors[] = {{1, 3}, {2, 4}, {3, 5}, {5, 8}};
  for (auto [out_index, in_line] : kErrors) {
    EXPECT_TRUE(j[out_index].contains("error")) << j[out_index].dump();
    EXPECT_EQ(j[out_index]["line"], in_line) << j[out_index].dump();
    EXPECT_FALSE(j[out_index]["error"].get<std::string>().empty());
  }
  EXPECT_EQ(j[2]["id"], "c");
  // Good lines.
  EXPECT_EQ(j[0]["id"], "spam-1");
  EXPECT_FALSE(j[0].contains("error"));
  EXPECT_EQ(j[0]["text"], LibraryClean(kSpamPage));
  EXPECT_EQ(j[4]["id"], 42);
  EXPECT_EQ(j[4]["text"], kCleanPage);
  EXPECT_TRUE(j[4]["removed"].empty());
  // The stderr summary names the failures.
  EXPECT_NE(r.err.find(":3:"), std::string::npos) << r.err;
}

// The id is written back as json::parse(token).dump() writes it, whatever its spelling (the
// common plain strings and integers are copied without a parser; the rest is not).
TEST_F(CliTest, JsonlIdWrittenAsJsonDumpsIt) {
  const std::vector<std::string> tokens = {"\"plain-1\"",
                                           "\"a\\/b\"",
                                           "\"caf\xC3\xA9\"",
                                           "\"\\u00e9\"",
                                           "\"tab\\there\"",
                                           "\"\x7F\"",
                                           "\"\"",
                                           "42",
                                           "-7",
                                           "0",
                                           "-0",
                                           "1.50",
                                           "1e2",
                                           "123456789012345678",
                                           "12345678901234567890"};
  std::string input;
  for (const auto& t : tokens) input += "{\"id\": " + t + ", \"text\": \"x\"}\n";
  Result r = Run("clean --jsonl " + Quote(Write("ids.jsonl", input)));
  EXPECT_EQ(r.rc, kExitOk) << r.err;
  const auto lines = Lines(r.out);
  ASSERT_EQ(lines.size(), tokens.size()) << r.out;
  for (size_t k = 0; k < tokens.size(); ++k) {
    const std::string want = "{\"id\":" + json::parse(tokens[k]).dump() + ",";
    EXPECT_EQ(lines[k].substr(0, want.size()), want) << tokens[k];
  }
}

TEST_F(CliTest, JsonlRemovedOffsetsMatchTheInputText) {
  const std::string text = kSpamPage;
  const std::string in = Write("in.jsonl", json({{"id", "a"}, {"text", text}}).dump() + "\n");
  Result r = Run("clean --jsonl " + Quote(in));
  ASSERT_EQ(r.rc, kExitOk) << r.err;
  json j = json::parse(r.out, nullptr, false);
  ASSERT_FALSE(j.is_discarded()) << r.out;
  ASSERT_TRUE(j.contains("id") && j.contains("text") && j.contains("removed")) << r.out;
  ASSERT_FALSE(j["removed"].empty());
  std::string rebuilt;
  size_t pos = 0;
  for (const json& rm : j["removed"]) {
    const size_t a = rm["start"], b = rm["end"];
    ASSERT_LE(pos, a);
    ASSERT_LE(b, text.size());
    EXPECT_EQ(rm["text"], text.substr(a, b - a));
    EXPECT_TRUE(rm.contains("score") && rm.contains("category") && rm.contains("reasons"));
    rebuilt += text.substr(pos, a - pos);
    pos = b;
  }
  rebuilt += text.substr(pos);
  EXPECT_EQ(j["text"], rebuilt);
  EXPECT_NE(j["removed"][0]["text"].get<std::string>().find("buy cipro online"), std::string::npos);
}

TEST_F(CliTest, JsonlMultibyteOffsetsAreBytes) {
  // Offsets count UTF-8 bytes of the decoded "text", not code points or JSON escapes.
  const std::string text =
      std::string(u8"\u00C9t\u00E9 \u2014 caf\u00E9s open late.\n\n") + kSpamPage;
  const std::string in =
      Write("in.jsonl", json({{"id", "u"}, {"text", text}}).dump(-1, ' ', true) + "\n");
  Result r = Run("clean --jsonl " + Quote(in));
  ASSERT_EQ(r.rc, kExitOk) << r.err;
  json j = json::parse(r.out, nullptr, false);
  ASSERT_FALSE(j.is_discarded());
  for (const json& rm : j["removed"]) {
    const size_t a = rm["start"], b = rm["end"];
    EXPECT_EQ(rm["text"], text.substr(a, b - a));
  }
}

TEST_F(CliTest, JsonlFailOnSpam) {
  const std::string in =
      Write("in.jsonl", json({{"id", 1}, {"text", kCleanPage}}).dump() + "\n" +
                            json({{"id", 2}, {"text", kSpamPage}}).dump() + "\n");
  EXPECT_EQ(Run("clean --jsonl --fail-on-spam " + Quote(in)).rc, kExitSpam);
  const std::string clean =
      Write("clean.jsonl", json({{"id", 1}, {"text", kCleanPage}}).dump() + "\n");
  EXPECT_EQ(Run("clean --jsonl --fail-on-spam " + Quote(clean)).rc, kExitOk);
}

TEST_F(CliTest, JsonlRejectsReportFlag) {
  const std::string in = Write("in.jsonl", "{\"id\":1,\"text\":\"x\"}\n");
  EXPECT_EQ(Run("clean --jsonl --report " + Quote(Path("r.json")) + " " + Quote(in)).rc,
            kExitUsage);
}

// ---------------------------------------------------------------------------------------------
// -o OUT

TEST_F(CliTest, OutputFileWrittenAtomically) {
  const std::string in = Write("page.txt", kSpamPage);
  const std::string out = Path("clean.txt");
  Write("clean.txt", "old content");
  Result r = Run("clean " + Quote(in) + " -o " + Quote(out));
  EXPECT_EQ(r.rc, kExitOk) << r.err;
  EXPECT_TRUE(r.out.empty()) << "with -o nothing goes to stdout";
  EXPECT_EQ(ReadWholeFile(out), LibraryClean(kSpamPage));
  EXPECT_EQ(Files(), (std::vector<std::string>{"clean.txt", "page.txt"})) << "temporary file left";
}

TEST_F(CliTest, NoOutputFileWhenInputIsMissing) {
  const std::string out = Path("clean.txt");
  for (const char* mode : {"", " --jsonl"}) {
    Result r = Run(std::string("clean") + mode + " " + Quote(Path("missing.txt")) + " -o " +
                   Quote(out) + " --report " + Quote(Path("r.json")));
    if (std::string(mode).empty()) {
      EXPECT_EQ(r.rc, kExitInput) << r.err;
    } else {
      EXPECT_NE(r.rc, kExitOk);
    }
    EXPECT_TRUE(Files().empty()) << "left behind: " << ::testing::PrintToString(Files());
  }
  Result j = Run("clean --jsonl " + Quote(Path("missing.jsonl")) + " -o " + Quote(out));
  EXPECT_EQ(j.rc, kExitInput) << j.err;
  EXPECT_TRUE(Files().empty()) << "left behind: " << ::testing::PrintToString(Files());
}

TEST_F(CliTest, JsonlOutputFile) {
  const std::string in = Write("in.jsonl", json({{"id", "a"}, {"text", kSpamPage}}).dump() + "\n");
  const std::string out = Path("out.jsonl");
  Result r = Run("clean --jsonl " + Quote(in) + " -o " + Quote(out));
  EXPECT_EQ(r.rc, kExitOk) << r.err;
  EXPECT_TRUE(r.out.empty());
  EXPECT_EQ(Lines(ReadWholeFile(out)).size(), 1u);
  EXPECT_EQ(Files(), (std::vector<std::string>{"in.jsonl", "out.jsonl"}));
}

TEST_F(CliTest, UnwritableOutputExitsOutput) {
  const std::string in = Write("page.txt", kCleanPage);
  Result r = Run("clean " + Quote(in) + " -o " + Quote(Path("no/such/dir/out.txt")));
  EXPECT_EQ(r.rc, kExitOutput);
  EXPECT_NE(r.err.find("no/such/dir/out.txt"), std::string::npos) << r.err;
}

// ---------------------------------------------------------------------------------------------
// rules check

TEST_F(CliTest, RulesCheckGoodFile) {
  const std::string f = Write("good.rules",
                              "rule t.buy pharma 3\n"
                              "  pattern \\bbuy\\s+viagra\\b\n"
                              "  about   Buying viagra.\n"
                              "  match   BUY VIAGRA now\n"
                              "  nomatch viagra sales fell\n");
  Result r = Run("rules check " + Quote(f));
  EXPECT_EQ(r.rc, kExitOk) << r.err;
  EXPECT_NE(r.out.find("1 files, 1 rules, 2 examples: all pass"), std::string::npos) << r.out;
}

TEST_F(CliTest, RulesCheckBuiltIn) {
  Result r = Run("rules check");
  EXPECT_EQ(r.rc, kExitOk) << r.err;
  EXPECT_NE(r.out.find("all pass"), std::string::npos) << r.out << r.err;
}

TEST_F(CliTest, RulesCheckShippedFiles) {
  std::string args;
  for (const auto& e : fs::directory_iterator(SPAMSTRIP_RULES_DIR)) {
    if (e.path().extension() == ".rules") args += " " + Quote(e.path().string());
  }
  ASSERT_FALSE(args.empty());
  Result r = Run("rules check" + args);
  EXPECT_EQ(r.rc, kExitOk) << r.err;
}

TEST_F(CliTest, RulesCheckBadPatternNamesFileLine) {
  const std::string f = Write("bad.rules",
                              "# comment\n"
                              "rule ok pharma 1\n"
                              "  pattern fine\n"
                              "  about x\n"
                              "\n"
                              "rule t.broken casino 2\n"
                              "  pattern (free\\s+spins\n"
                              "  about x\n");
  Result r = Run("rules check " + Quote(f));
  EXPECT_EQ(r.rc, kExitInput);
  EXPECT_NE(r.err.find(f + ":6:"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("missing )"), std::string::npos) << r.err;
}

TEST_F(CliTest, RulesCheckSyntaxErrorNamesFileLine) {
  const std::string f = Write("syntax.rules", "rule a pharma 1\n  pattern x\n  patern y\n");
  Result r = Run("rules check " + Quote(f));
  EXPECT_EQ(r.rc, kExitInput);
  EXPECT_NE(r.err.find(f + ":3:"), std::string::npos) << r.err;
}

TEST_F(CliTest, RulesCheckFailedExample) {
  const std::string f = Write("ex.rules",
                              "rule t.buy pharma 3\n"
                              "  pattern \\bbuy\\s+viagra\\b\n"
                              "  about   Buying viagra.\n"
                              "  match   order viagra today\n");
  Result r = Run("rules check " + Quote(f));
  EXPECT_EQ(r.rc, kExitInput);
  EXPECT_NE(r.err.find(f + ":1: rule t.buy: does not match its example 'order viagra today'"),
            std::string::npos)
      << r.err;
  EXPECT_NE(r.out.find("1 failed"), std::string::npos) << r.out;
}

TEST_F(CliTest, RulesCheckMissingFile) {
  Result r = Run("rules check " + Quote(Path("none.rules")));
  EXPECT_EQ(r.rc, kExitInput);
  EXPECT_NE(r.err.find("none.rules"), std::string::npos) << r.err;
}

TEST_F(CliTest, CleanWithBadRuleFileExitsInput) {
  const std::string f = Write("bad.rules", "rule x pharma 1\n  pattern (\n");
  Result r = Run("clean --rules " + Quote(f) + " " + Quote(Write("p.txt", kCleanPage)));
  EXPECT_EQ(r.rc, kExitInput);
  EXPECT_NE(r.err.find(f + ":1:"), std::string::npos) << r.err;
}

TEST_F(CliTest, CleanWithCorruptModelExitsInput) {
  const std::string m = Write("bad.model", "SPAMSTRP but not really a model");
  Result r = Run("clean --model " + Quote(m) + " " + Quote(Write("p.txt", kCleanPage)));
  EXPECT_EQ(r.rc, kExitInput);
  EXPECT_NE(r.err.find(m), std::string::npos) << r.err;
}

// ---------------------------------------------------------------------------------------------
// Usage errors

TEST_F(CliTest, UsageErrors) {
  const std::string page = Quote(Write("p.txt", kCleanPage));
  struct Case {
    std::string args;
    int rc;
  };
  const Case kCases[] = {
      {"", kExitUsage},
      {"frobnicate", kExitUsage},
      {"clean --no-such-flag " + page, kExitUsage},
      {"clean " + page + " --threshold", kExitUsage},
      {"clean " + page + " --threshold abc", kExitUsage},
      {"clean " + page + " --threshold 1.5", kExitUsage},
      {"clean " + page + " --threshold -0.1", kExitUsage},
      {"clean " + page + " --flag-threshold 2", kExitUsage},
      {"clean " + page + " " + page, kExitUsage},  // two inputs
      {"rules", kExitUsage},
      {"rules frobnicate", kExitUsage},
  };
  for (const auto& c : kCases) {
    Result r = Run(c.args);
    EXPECT_EQ(r.rc, c.rc) << "spamstrip " << c.args << "\n" << r.err;
    EXPECT_FALSE(r.err.empty()) << "spamstrip " << c.args << " printed no message";
    EXPECT_TRUE(r.out.empty()) << "spamstrip " << c.args;
  }
}

TEST_F(CliTest, HelpExitsOk) {
  EXPECT_EQ(Run("--help").rc, kExitOk);
  EXPECT_EQ(Run("clean --help").rc, kExitOk);
  EXPECT_EQ(Run("rules check --help").rc, kExitOk);
}

}  // namespace
}  // namespace spamstrip

// ---------------------------------------------------------------------------------------------
// clean (HTML)

namespace spamstrip {
namespace {

std::string HarbourPage() {
  return ReadWholeFile(std::string(SPAMSTRIP_CORPUS_DIR) + "/html/harbour_dredging.html");
}

TEST_F(CliTest, HtmlIsDetectedAndCutByElements) {
  const std::string page = HarbourPage();
  ASSERT_FALSE(page.empty());
  const std::string in = Write("page.html", page);
  Result r = Run("clean " + Quote(in));
  ASSERT_EQ(r.rc, kExitOk) << r.err;
  EXPECT_EQ(r.out, LibraryCleanHtml(page));
  EXPECT_EQ(r.out.find("Viagra"), std::string::npos);
  EXPECT_NE(r.out.find("<script>window.dataLayer"), std::string::npos);
  // --text: the article as text, without markup or boilerplate.
  r = Run("clean --html --text " + Quote(in));
  ASSERT_EQ(r.rc, kExitOk) << r.err;
  EXPECT_EQ(r.out.rfind("Harbour dredging to resume after court lifts injunction\n\n", 0), 0u);
  EXPECT_EQ(r.out.find('<'), std::string::npos);
  EXPECT_EQ(r.out.find("Privacy"), std::string::npos);
  // Read as text on request, the markup is just words: nothing is cut at element boundaries.
  r = Run("clean --format text --flag-only " + Quote(in));
  EXPECT_EQ(r.out, page);
}

TEST_F(CliTest, JsonlCarriesPagesInTheHtmlField) {
  const std::string page = HarbourPage();
  nlohmann::json a = {
      {"id", "page-1"}, {"html", page}, {"url", "https://www.coastlinecourier.example/x"}};
  nlohmann::json b = {{"id", "text-1"}, {"text", "A short clean note about the harbour."}};
  nlohmann::json c = {{"id", "bad"}, {"html", 42}};
  const std::string in = Write("in.jsonl", a.dump() + "\n" + b.dump() + "\n" + c.dump() + "\n");
  Result r = Run("clean --jsonl " + Quote(in));
  EXPECT_EQ(r.rc, kExitInput) << r.err;  // the third line is an error; the others are done
  std::vector<std::string> lines = Lines(r.out);
  ASSERT_EQ(lines.size(), 3u) << r.out;
  nlohmann::json o = nlohmann::json::parse(lines[0]);
  EXPECT_EQ(o["id"], "page-1");
  ASSERT_TRUE(o["html"].is_string());
  EXPECT_FALSE(o.contains("text"));
  ASSERT_EQ(o["removed"].size(), 3u) << lines[0].substr(0, 400);
  // Offsets are into the page; the removed text is the markup that was cut.
  for (const auto& rm : o["removed"]) {
    const size_t s = rm["start"], e = rm["end"];
    EXPECT_EQ(page.substr(s, e - s), rm["text"].get<std::string>());
  }
  EXPECT_EQ(nlohmann::json::parse(lines[1])["text"], "A short clean note about the harbour.");
  nlohmann::json err = nlohmann::json::parse(lines[2]);
  EXPECT_EQ(err["id"], "bad");
  EXPECT_NE(err["error"].get<std::string>().find("html"), std::string::npos);
}

// A caller that keeps `clean --jsonl` running and sends one article at a time (a CMS hook, a
// co-process) gets each answer before it sends the next: nothing waits in an output buffer.
TEST_F(CliTest, JsonlAnswersEachLineBeforeTheNextArrives) {
  int to_child[2], from_child[2];
  ASSERT_EQ(::pipe(to_child), 0);
  ASSERT_EQ(::pipe(from_child), 0);
  posix_spawn_file_actions_t fa;
  posix_spawn_file_actions_init(&fa);
  posix_spawn_file_actions_adddup2(&fa, to_child[0], 0);
  posix_spawn_file_actions_adddup2(&fa, from_child[1], 1);
  for (int fd : {to_child[0], to_child[1], from_child[0], from_child[1]}) {
    posix_spawn_file_actions_addclose(&fa, fd);
  }
  const char* argv[] = {SPAMSTRIP_CLI, "clean", "--jsonl", nullptr};
  pid_t pid = -1;
  ASSERT_EQ(posix_spawn(&pid, SPAMSTRIP_CLI, &fa, nullptr, const_cast<char**>(argv), environ), 0);
  posix_spawn_file_actions_destroy(&fa);
  ::close(to_child[0]);
  ::close(from_child[1]);
  std::string pending;
  // One line of output, or "" when none comes within the time limit.
  auto read_line = [&]() -> std::string {
    for (;;) {
      const size_t nl = pending.find('\n');
      if (nl != std::string::npos) {
        std::string line = pending.substr(0, nl);
        pending.erase(0, nl + 1);
        return line;
      }
      pollfd p{from_child[0], POLLIN, 0};
      if (::poll(&p, 1, 60000) <= 0) return "";
      char buf[4096];
      const ssize_t n = ::read(from_child[0], buf, sizeof(buf));
      if (n <= 0) return "";
      pending.append(buf, static_cast<size_t>(n));
    }
  };
  auto send = [&](const json& j) {
    const std::string line = j.dump() + "\n";
    ASSERT_EQ(::write(to_child[1], line.data(), line.size()), static_cast<ssize_t>(line.size()));
  };
  send({{"id", "first"}, {"text", kSpamPage}});
  const std::string first = read_line();
  ASSERT_FALSE(first.empty()) << "no answer while the input stays open";
  EXPECT_EQ(json::parse(first)["id"], "first");
  EXPECT_FALSE(json::parse(first)["removed"].empty());
  send({{"id", "second"}, {"text", kCleanPage}});
  const std::string second = read_line();
  ASSERT_FALSE(second.empty());
  EXPECT_EQ(json::parse(second)["id"], "second");
  EXPECT_EQ(json::parse(second)["text"], kCleanPage);
  ::close(to_child[1]);
  EXPECT_EQ(read_line(), "");
  ::close(from_child[0]);
  int status = 0;
  ::waitpid(pid, &status, 0);
  EXPECT_EQ(ExitCode(status), kExitOk);
}

// A key is its decoded string: "h\u0074ml" is the "html" member (once read as a missing
// "text", when only lines with a literal "html" in them were read as pages).
TEST_F(CliTest, JsonlHtmlKeyWithAnEscapeIsThePage) {
  const std::string in =
      Write("in.jsonl", "{\"id\": \"e\", \"h\\u0074ml\": \"<p>A short clean note.</p>\"}\n");
  Result r = Run("clean --jsonl " + Quote(in));
  ASSERT_EQ(r.rc, kExitOk) << r.err;
  nlohmann::json o = nlohmann::json::parse(Lines(r.out).at(0));
  EXPECT_EQ(o["html"], "<p>A short clean note.</p>");
}

// ---------------------------------------------------------------------------------------------
// clean (HTML in a declared legacy charset: decoded as audit decodes it, cut in its own bytes)

bool AllSpace(std::string_view s) { return s.find_first_not_of(" \t\r\n") == s.npos; }

TEST_F(CliTest, CleanHtmlInWindows1252CutsTheSpamElementFromThePageBytes) {
  const std::string page =
      Encode(HarbourCharsetPage("<meta charset=\"windows-1252\">"), "windows-1252");
  const std::string spam = Encode(kHarbourSpamLine, "windows-1252");
  const size_t at = page.find(spam);
  ASSERT_NE(at, std::string::npos);
  const std::string in = Write("harbour.html", page), rep = Path("report.json");
  // --strict-utf8 does not apply: the page says what it is.
  Result r = Run("clean --html --strict-utf8 " + Quote(in) + " --report " + Quote(rep));
  ASSERT_EQ(r.rc, kExitOk) << r.err;
  EXPECT_EQ(r.err, "");
  const json report = json::parse(ReadWholeFile(rep));
  EXPECT_EQ(report.at("bytes"), page.size());
  // One removal: the spam element's bytes in the file and, at most, whitespace around them.
  const json& removed = report.at("removed");
  ASSERT_EQ(removed.size(), 1u) << removed.dump();
  const size_t s = removed[0].at("start"), e = removed[0].at("end");
  ASSERT_LE(s, at);
  ASSERT_GE(e, at + spam.size());
  EXPECT_TRUE(AllSpace(page.substr(s, at - s)));
  EXPECT_TRUE(AllSpace(page.substr(at + spam.size(), e - at - spam.size())));
  // Every other byte is the file's, the windows-1252 accents and quotes included.
  EXPECT_EQ(r.out, page.substr(0, s) + page.substr(e));
  EXPECT_EQ(r.out, BytesMinus(page, removed));
  // The stripped block is the element, in bytes of the file; its text is decoded.
  size_t stripped = 0;
  for (const json& b : report.at("blocks")) {
    if (b.at("decision") != "strip") continue;
    ++stripped;
    EXPECT_EQ(b.at("start"), at);
    EXPECT_EQ(b.at("end"), at + spam.size());
    EXPECT_EQ(b.at("text"), kHarbourSpamLine);
  }
  EXPECT_EQ(stripped, 1u);
  // --text: the kept article, decoded.
  r = Run("clean --html --text " + Quote(in));
  ASSERT_EQ(r.rc, kExitOk) << r.err;
  EXPECT_NE(r.out.find("a long d\u00e9bat about costs \u2014 repairs"), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("cipro"), std::string::npos);
}

TEST_F(CliTest, CleanHtmlInShiftJisKeepsTheJapaneseBytes) {
  const std::string page = Encode(JapanesePage("<meta charset=\"Shift_JIS\">"), "Shift_JIS");
  const size_t at = page.find(kCasinoLine);
  ASSERT_NE(at, std::string::npos);
  const std::string in = Write("ja.html", page), rep = Path("report.json");
  Result r = Run("clean " + Quote(in) + " --report " + Quote(rep));  // auto: HTML
  ASSERT_EQ(r.rc, kExitOk) << r.err;
  EXPECT_EQ(r.err, "");
  const json report = json::parse(ReadWholeFile(rep));
  ASSERT_EQ(report.at("removed").size(), 1u) << report.at("removed").dump();
  EXPECT_EQ(r.out, BytesMinus(page, report.at("removed")));
  EXPECT_EQ(r.out.find("casino"), std::string::npos);
  // The paragraphs kept are there in Shift_JIS bytes; the article text is decoded.
  const std::string kept =
      "\u5e02\u8b70\u4f1a\u306f\u6708\u66dc\u65e5\u3001\u9577\u3044\u8b70\u8ad6\u306e\u672b";
  EXPECT_NE(r.out.find(Encode(kept, "Shift_JIS")), std::string::npos);
  for (const json& b : report.at("blocks")) {
    const size_t s = b.at("start"), e = b.at("end");
    ASSERT_LE(s, e);
    ASSERT_LE(e, page.size());
    if (b.at("decision") == "strip") {
      EXPECT_EQ(page.substr(s, e - s), kCasinoLine);
      EXPECT_EQ(b.at("text"), kCasinoLine);
    }
  }
  r = Run("clean --text " + Quote(in));
  ASSERT_EQ(r.rc, kExitOk) << r.err;
  EXPECT_NE(r.out.find(kept), std::string::npos) << r.out;
}

TEST_F(CliTest, CleanHtmlWithAnUnknownCharsetLabelReadsUtf8AndSaysSo) {
  const std::string page = HarbourCharsetPage("<meta charset=\"x-martian-7\">");  // UTF-8 bytes
  const std::string in = Write("unknown.html", page);
  Result r = Run("clean --html " + Quote(in));
  ASSERT_EQ(r.rc, kExitOk) << r.err;
  EXPECT_EQ(r.out, LibraryCleanHtml(page));
  EXPECT_EQ(r.out.find("cipro"), std::string::npos);
  EXPECT_NE(r.err.find("unknown charset \"x-martian-7\" (read as UTF-8)"), std::string::npos)
      << r.err;
}

}  // namespace
}  // namespace spamstrip
