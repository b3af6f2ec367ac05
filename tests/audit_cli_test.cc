// End-to-end tests of `spamstrip audit`: a generated tree with every kind of input, broken ones
// included (exit code, counts, errors with their places, findings), identical outputs for any
// number of jobs, resume after SIGKILL and after SIGINT, shards merged into a single run's
// outputs, and the command's usage errors. All inputs are generated here.
#include <gtest/gtest.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "audit_fixtures.h"
#include "cli/exit_codes.h"
#include "shell.h"
#include "temp_dir.h"

extern char** environ;

namespace spamstrip {
namespace {

namespace fs = std::filesystem;
using cli::kExitInput;
using cli::kExitInterrupted;
using cli::kExitOk;
using cli::kExitUsage;
using nlohmann::json;
using testing::Article;
using testing::ExitCode;
using testing::GzipMember;
using testing::HttpMessage;
using testing::MakeWarcRecord;
using testing::Quote;
using testing::ReadWholeFile;
using testing::ResponseRecord;

std::vector<json> JsonLines(const std::string& s) {
  std::vector<json> out;
  std::istringstream in(s);
  std::string line;
  while (std::getline(in, line)) out.push_back(json::parse(line));
  return out;
}

struct Result {
  int rc = -1;
  std::string out, err;
};

const char* const kOutputs[] = {"findings.jsonl", "summary.json", "report.html"};

class AuditCliTest : public testing::TempDirTest {
 protected:
  // Runs `spamstrip ARGS` in the test directory (so paths in the outputs are relative).
  Result Run(const std::string& args) {
    const std::string out = Path("stdout.txt"), err = Path("stderr.txt");
    const std::string cmd = "cd " + Quote(dir_.string()) + " && " + Quote(SPAMSTRIP_CLI) + " " +
                            args + " </dev/null >" + Quote(out) + " 2>" + Quote(err);
    const int status = std::system(cmd.c_str());
    Result r;
    r.rc = ExitCode(status);
    r.out = ReadWholeFile(out);
    r.err = ReadWholeFile(err);
    fs::remove(out);
    fs::remove(err);
    return r;
  }

  // Starts `spamstrip ARGS` in the background; returns its pid.
  pid_t Start(const std::string& args) {
    const std::string cmd = "cd " + Quote(dir_.string()) + " && exec " + Quote(SPAMSTRIP_CLI) +
                            " " + args + " </dev/null >/dev/null 2>" + Quote(Path("bg.txt"));
    const char* argv[] = {"/bin/sh", "-c", cmd.c_str(), nullptr};
    pid_t pid = -1;
    EXPECT_EQ(posix_spawn(&pid, "/bin/sh", nullptr, nullptr, const_cast<char**>(argv), environ), 0);
    return pid;
  }

  static int Wait(pid_t pid) {
    int status = 0;
    ::waitpid(pid, &status, 0);
    return ExitCode(status);
  }

  void ExpectSameOutputs(const std::string& a, const std::string& b) {
    for (const char* f : kOutputs) {
      ASSERT_TRUE(fs::exists(dir_ / a / f)) << a << "/" << f;
      ASSERT_TRUE(fs::exists(dir_ / b / f)) << b << "/" << f;
      EXPECT_TRUE(ReadWholeFile(dir_ / a / f) == ReadWholeFile(dir_ / b / f))
          << a << "/" << f << " differs from " << b << "/" << f;
    }
  }

  // Four JSONL files of 2500 articles under big/: a few seconds of work on one job, long enough
  // to be stopped midway.
  void WriteBigInput() {
    for (int f = 0; f < 4; ++f)
      Write("big/part" + std::to_string(f) + ".jsonl", Feed(2500, f * 2500));
  }

  // Polls `ready` every 5 ms until it holds or a minute has passed.
  static void WaitUntil(const std::function<bool()>& ready) {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
    while (std::chrono::steady_clock::now() < deadline && !ready()) {
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
  }

  // A JSONL feed of `n` articles, every third with spam, from three sites over six months.
  std::string Feed(int n, int first = 0) {
    std::string s;
    for (int i = first; i < first + n; ++i) {
      s += json({{"id", "feed-" + std::to_string(i)},
                 {"url",
                  "https://site" + std::to_string(i % 3) + ".example/news/" + std::to_string(i)},
                 {"date", "2023-0" + std::to_string(1 + i % 6) + "-1" + std::to_string(i % 10)},
                 {"text", Article(i, i % 3 == 0)}})
               .dump() +
           "\n";
    }
    return s;
  }

  // Every kind of input, broken ones included; the expected figures are stated next to each.
  void MakeTree() {
    // 4 text files, 2 with spam.
    for (int i = 0; i < 4; ++i) {
      Write("tree/articles/a" + std::to_string(i) + ".txt", Article(i, i % 2 == 0));
    }
    // 2 HTML pages, clean.
    Write("tree/pages/p0.html",
          "<html><body><h1>Harbour</h1><p>" + Article(5, false) + "</p></body></html>");
    Write("tree/pages/p1.htm", "<html><body><p>" + Article(6, false) + "</p></body></html>");
    // JSONL: 12 documents (4 with spam), a malformed line (line 14), a line without text (15).
    Write("tree/feed.jsonl", Feed(12) + "{\"id\": \"broken\", \"text\": \"unterminated\n" +
                                 "{\"id\": \"no-text\", \"title\": \"x\"}\n");
    // WARC: warcinfo, request (skipped), 2 responses (1 spam), a 404 (skipped), a truncated
    // last record.
    std::string warc =
        MakeWarcRecord("warcinfo", "w0", "", "2024-05-01T00:00:00Z", "application/warc-fields",
                       "software: test\r\n") +
        MakeWarcRecord("request", "w1", "https://crawl.example/a?id=1", "2024-05-01T00:00:01Z",
                       "application/http; msgtype=request", "GET /a?id=1 HTTP/1.1\r\n\r\n") +
        ResponseRecord("w2", "https://crawl.example/a?id=1", "2024-05-01T00:00:02Z",
                       HttpMessage("text/plain; charset=utf-8", Article(20, true))) +
        ResponseRecord("w3", "https://crawl.example/b", "2024-06-01T00:00:03Z",
                       HttpMessage("text/plain", Article(21, false))) +
        ResponseRecord("w4", "https://crawl.example/gone", "2024-06-01T00:00:04Z",
                       HttpMessage("text/html", "not found", "", 404));
    truncated_at_ = warc.size();
    const std::string last = ResponseRecord("w5", "https://crawl.example/c", "2024-06-01T00:00:05Z",
                                            HttpMessage("text/plain", Article(22, true)));
    Write("tree/crawl/c1.warc", warc + last.substr(0, last.size() / 2));
    // WARC.gz: 3 members, the middle one corrupt; 2 responses (both spam) survive.
    std::string m1 = GzipMember(ResponseRecord("g1", "https://gz.example/1", "2024-07-01T00:00:00Z",
                                               HttpMessage("text/plain", Article(30, true))));
    std::string m2 = GzipMember(ResponseRecord("g2", "https://gz.example/2", "2024-07-01T00:00:00Z",
                                               HttpMessage("text/plain", Article(31, true))));
    m2[10] = static_cast<char>(0xFF);
    corrupt_at_ = m1.size();
    std::string m3 = GzipMember(ResponseRecord("g3", "https://gz.example/3", "2024-07-02T00:00:00Z",
                                               HttpMessage("text/plain", Article(32, true))));
    Write("tree/crawl/c2.warc.gz", m1 + m2 + m3);
    // Unreadable (a dangling link) and skipped (unknown extension).
    fs::create_symlink(dir_ / "nowhere", dir_ / "tree" / "gone.txt");
    Write("tree/readme.md", "not an input");
  }

  size_t truncated_at_ = 0;
  size_t corrupt_at_ = 0;
};

TEST_F(AuditCliTest, TreeWithEveryKindOfInput) {
  MakeTree();
  std::map<std::string, std::string> before;
  for (const auto& e : fs::recursive_directory_iterator(dir_ / "tree")) {
    if (e.is_regular_file()) before[e.path().string()] = ReadWholeFile(e.path());
  }
  Result r = Run("audit tree --out out --jobs 2");
  EXPECT_EQ(r.rc, kExitInput) << "input errors make the exit code 3\n" << r.err;

  const json s = json::parse(ReadWholeFile(dir_ / "out" / "summary.json"));
  const json& t = s["totals"];
  EXPECT_EQ(t["files"], 4 + 2 + 1 + 2);
  EXPECT_EQ(t["documents"], 4 + 2 + 12 + 2 + 2);
  EXPECT_EQ(t["html_documents"], 2);
  EXPECT_EQ(t["flagged_documents"], 2 + 4 + 1 + 2) << s["totals"].dump();
  EXPECT_EQ(
      s["errors"]["by_kind"],
      json({{"gzip", 1}, {"json", 1}, {"missing_field", 1}, {"truncated", 1}, {"unreadable", 1}}));
  EXPECT_EQ(
      s["skipped"]["by_kind"],
      json({{"file_extension", 1}, {"http_status", 1}, {"warc_request", 1}, {"warc_warcinfo", 1}}));
  EXPECT_EQ(s["files"],
            json({{"html", 2}, {"jsonl", 1}, {"text", 4}, {"warc", 1}, {"warc.gz", 1}}));
  // Every error has its place, in input order, and was printed on stderr.
  std::vector<std::string> where;
  for (const json& e : s["errors"]["first"]) {
    where.push_back(e["kind"].get<std::string>() + "@" + e["source"].get<std::string>() + "#" +
                    std::to_string(e["offset"].get<uint64_t>()));
    EXPECT_NE(r.err.find(e["message"].get<std::string>()), std::string::npos) << e["message"];
  }
  EXPECT_EQ(where,
            (std::vector<std::string>{
                "truncated@tree/crawl/c1.warc#" + std::to_string(truncated_at_),
                "gzip@tree/crawl/c2.warc.gz#" + std::to_string(corrupt_at_),
                "json@tree/feed.jsonl#" + std::to_string(Feed(12).size()),
                "missing_field@tree/feed.jsonl#" +
                    std::to_string(Feed(12).size() + std::string("{\"id\": \"broken\", \"text\": "
                                                                 "\"unterminated\n")
                                                         .size()),
                "unreadable@tree/gone.txt#0"}));
  EXPECT_NE(r.err.find("tree/feed.jsonl:13:"), std::string::npos) << r.err;
  // The closing lines on stdout lead with the documents that have spam to strip.
  EXPECT_EQ(t["stripped_documents"], 9) << s["totals"].dump();
  EXPECT_NE(r.out.find("22 documents (2 HTML) in 9 files"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("spam to strip in 9 documents (40.9%)"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("categories: pharma "), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("5 input errors"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("report: out/report.html"), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("flagged for review"), std::string::npos) << r.out;
  EXPECT_NE(r.err.find("tree/gone.txt"), std::string::npos) << r.err;

  // Findings: one line per flagged document, in input order, each with its place and the text.
  const auto lines = JsonLines(ReadWholeFile(dir_ / "out" / "findings.jsonl"));
  ASSERT_EQ(lines.size(), 9u);
  std::vector<std::string> ids;
  for (const json& l : lines) {
    ids.push_back(l["id"]);
    for (const char* key : {"source", "index", "offset", "url", "date", "format", "findings"}) {
      EXPECT_TRUE(l.contains(key)) << key << " in " << l.dump();
    }
    ASSERT_FALSE(l["findings"].empty());
    for (const json& f : l["findings"]) {
      const std::string text = f["text"];
      EXPECT_TRUE(text.find("cipro") != std::string::npos ||
                  text.find("casino") != std::string::npos)
          << text;
      EXPECT_TRUE(f["category"] == "pharma" || f["category"] == "casino") << f.dump();
      EXPECT_FALSE(f["reasons"].empty());
      EXPECT_EQ(f["end"].get<size_t>() - f["start"].get<size_t>(), text.size());
    }
  }
  EXPECT_EQ(ids, (std::vector<std::string>{"tree/articles/a0.txt", "tree/articles/a2.txt",
                                           "<urn:uuid:w2>", "<urn:uuid:g1>", "<urn:uuid:g3>",
                                           "feed-0", "feed-3", "feed-6", "feed-9"}));
  EXPECT_EQ(lines[2]["url"], "https://crawl.example/a?id=1");
  EXPECT_EQ(lines[2]["record_id"], "<urn:uuid:w2>");
  EXPECT_EQ(lines[2]["date"], "2024-05-01T00:00:02Z");
  EXPECT_EQ(lines[5]["line"], 1);
  // Per-site and per-month figures from the JSONL feed and the WARC files.
  bool saw_site = false;
  for (const json& site : s["sites"]) {
    if (site["site"] == "site0.example") {
      saw_site = true;
      EXPECT_EQ(site["documents"], 4);
      EXPECT_EQ(site["flagged"], 4);
    }
  }
  EXPECT_TRUE(saw_site);
  EXPECT_EQ(s["months"].size(), 6u + 3u);
  EXPECT_EQ(s["linked_domains"][0]["domain"], "pharma-example.test");
  const std::string report = ReadWholeFile(dir_ / "out" / "report.html");
  EXPECT_NE(report.find("<mark>buy cipro online"), std::string::npos);
  // Nothing half-written or temporary is left, and the inputs are untouched.
  std::vector<std::string> out_files;
  for (const auto& e : fs::directory_iterator(dir_ / "out"))
    out_files.push_back(e.path().filename());
  std::sort(out_files.begin(), out_files.end());
  EXPECT_EQ(out_files, (std::vector<std::string>{"findings.jsonl", "report.html", "summary.json"}));
  for (const auto& [path, data] : before) EXPECT_EQ(ReadWholeFile(path), data) << path;
}

TEST_F(AuditCliTest, SameOutputsForAnyNumberOfJobs) {
  MakeTree();
  Write("tree/more.jsonl", Feed(150, 100));
  ASSERT_EQ(Run("audit tree --out j1 --jobs 1 -q").rc, kExitInput);
  ASSERT_EQ(Run("audit tree --out j2 --jobs 2 -q").rc, kExitInput);
  ASSERT_EQ(Run("audit tree --out j5 --jobs 5 -q").rc, kExitInput);
  ExpectSameOutputs("j1", "j2");
  ExpectSameOutputs("j1", "j5");
}

TEST_F(AuditCliTest, ShardsMergeIntoTheSingleRun) {
  MakeTree();
  Write("tree/more.jsonl", Feed(120, 100));
  ASSERT_EQ(Run("audit tree --out single -q").rc, kExitInput);
  for (int k = 1; k <= 3; ++k) {
    Result r = Run("audit tree --out shard" + std::to_string(k) + " --shard " + std::to_string(k) +
                   "/3 -q");
    ASSERT_NE(r.rc, kExitUsage) << r.err;
    const json s =
        json::parse(ReadWholeFile(dir_ / ("shard" + std::to_string(k)) / "summary.json"));
    EXPECT_EQ(s["shard"], std::to_string(k) + "/3");
    EXPECT_GT(s["totals"]["documents"].get<int>(), 0) << "each shard gets some documents";
  }
  Result m = Run("audit merge shard3 shard1 shard2 --out merged");
  ASSERT_EQ(m.rc, kExitOk) << m.err;
  ExpectSameOutputs("single", "merged");

  // A missing or repeated shard is refused.
  EXPECT_EQ(Run("audit merge shard1 shard2 --out m2").rc, kExitUsage);
  Result twice = Run("audit merge shard1 shard1 shard2 shard3 --out m3");
  EXPECT_EQ(twice.rc, kExitUsage);
  EXPECT_NE(twice.err.find("twice"), std::string::npos) << twice.err;
  EXPECT_EQ(Run("audit merge shard1 single --out m4").rc, kExitUsage);
  // Other settings do not merge.
  ASSERT_NE(Run("audit tree --out other --threshold 0.9 --shard 1/3 -q").rc, kExitUsage);
  EXPECT_EQ(Run("audit merge other shard2 shard3 --out m5").rc, kExitUsage);
}

TEST_F(AuditCliTest, ResumeAfterKillFinishesWithoutRedoingOrLosing) {
  WriteBigInput();
  const std::string args = "audit big --jobs 1 --quiet --checkpoint-interval 0.05";
  ASSERT_EQ(Run(args + " --out whole").rc, kExitOk);

  const pid_t pid = Start(args + " --out resumed");
  const fs::path cp = dir_ / "resumed" / ".partial" / "checkpoint.json";
  WaitUntil([&cp] {
    return fs::exists(cp) &&
           json::parse(ReadWholeFile(cp), nullptr, false).value("next_skip", 0) > 300;
  });
  ASSERT_EQ(::kill(pid, SIGKILL), 0);
  EXPECT_EQ(Wait(pid), 128 + SIGKILL);
  ASSERT_TRUE(fs::exists(cp)) << "killed before a checkpoint";
  EXPECT_FALSE(fs::exists(dir_ / "resumed" / "summary.json"));
  // Without --resume the interrupted audit is not overwritten by accident.
  EXPECT_EQ(Run(args + " --out resumed").rc, kExitUsage);

  Result r = Run("audit big --jobs 2 --checkpoint-interval 0.05 --out resumed --resume");
  ASSERT_EQ(r.rc, kExitOk) << r.err;
  EXPECT_NE(r.err.find("resuming after"), std::string::npos) << r.err;
  EXPECT_EQ(r.err.find("resuming after 0 "), std::string::npos) << r.err;
  EXPECT_FALSE(fs::exists(dir_ / "resumed" / ".partial"));
  ExpectSameOutputs("whole", "resumed");
  // Resuming a finished audit does nothing.
  Result again = Run("audit big --out resumed --resume");
  EXPECT_EQ(again.rc, kExitOk) << again.err;
  EXPECT_NE(again.err.find("nothing to resume"), std::string::npos) << again.err;
}

TEST_F(AuditCliTest, InterruptCheckpointsAndResumes) {
  WriteBigInput();
  const std::string args = "audit big --jobs 1 --quiet";
  ASSERT_EQ(Run(args + " --out whole").rc, kExitOk);
  const pid_t pid = Start(args + " --out stopped");
  const fs::path findings = dir_ / "stopped" / ".partial" / "findings.jsonl";
  WaitUntil([&findings] { return fs::exists(findings) && fs::file_size(findings) > 0; });
  std::this_thread::sleep_for(std::chrono::milliseconds(100));
  ASSERT_EQ(::kill(pid, SIGINT), 0);
  EXPECT_EQ(Wait(pid), kExitInterrupted) << ReadWholeFile(Path("bg.txt"));
  EXPECT_NE(ReadWholeFile(Path("bg.txt")).find("--resume"), std::string::npos);
  ASSERT_TRUE(fs::exists(dir_ / "stopped" / ".partial" / "checkpoint.json"));
  Result r = Run(args + " --out stopped --resume");
  ASSERT_EQ(r.rc, kExitOk) << r.err;
  ExpectSameOutputs("whole", "stopped");
}

TEST_F(AuditCliTest, ResumeRefusesOtherInputsAndForceStartsOver) {
  Write("in/a.jsonl", Feed(30));
  ASSERT_EQ(Run("audit in --out out -q").rc, kExitOk);
  Result again = Run("audit in --out out -q");
  EXPECT_EQ(again.rc, kExitUsage);
  EXPECT_NE(again.err.find("--force"), std::string::npos) << again.err;
  Write("in/b.jsonl", Feed(5, 50));
  ASSERT_EQ(Run("audit in --out out -q --force").rc, kExitOk);
  EXPECT_EQ(json::parse(ReadWholeFile(dir_ / "out" / "summary.json"))["totals"]["documents"], 35);
  // An interrupted audit of other inputs is not resumed.
  fs::create_directories(dir_ / "out2" / ".partial");
  Write("out2/.partial/checkpoint.json",
        json({{"version", 1}, {"complete", false}, {"fingerprint", {{"inputs", {"x"}}}}}).dump());
  Result other = Run("audit in --out out2 --resume -q");
  EXPECT_EQ(other.rc, kExitUsage);
  EXPECT_NE(other.err.find("other inputs"), std::string::npos) << other.err;
}

TEST_F(AuditCliTest, UsageErrors) {
  Write("in/a.txt", Article(1, false));
  for (const char* args :
       {"audit", "audit in", "audit --out o", "audit in --out o --shard 3/2",
        "audit in --out o --shard x", "audit in --out o --format pdf", "audit in --out o --jobs -1",
        "audit in --out o --resume --force", "audit in --out o --threshold 2", "audit merge",
        "audit merge o", "audit in --out o --no-such-flag"}) {
    Result r = Run(args);
    EXPECT_EQ(r.rc, kExitUsage) << args << "\n" << r.err;
    EXPECT_FALSE(r.err.empty()) << args;
  }
  EXPECT_EQ(Run("audit --help").rc, kExitOk);
  EXPECT_EQ(Run("audit merge --help").rc, kExitOk);
}

}  // namespace
}  // namespace spamstrip
