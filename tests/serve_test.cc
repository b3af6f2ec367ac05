// `spamstrip serve` end to end: the real binary on a free port, spoken to over HTTP.
#include <gtest/gtest.h>
#include <httplib.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <nlohmann/json.hpp>
#include <regex>
#include <string>
#include <thread>

#include "cli/exit_codes.h"
#include "shell.h"
#include "temp_dir.h"
#include "test_articles.h"

extern char** environ;

namespace spamstrip {
namespace {

using nlohmann::json;

class ServeTest : public testing::TempDirTest {
 protected:
  // Starts the server with `extra` flags on a free port; returns false if it does not report
  // its address in time.
  bool Start(std::vector<std::string> extra = {}) {
    const std::string err = Path("serve.err");
    std::vector<std::string> args = {SPAMSTRIP_CLI, "serve", "--port", "0", "--threads", "2"};
    args.insert(args.end(), extra.begin(), extra.end());
    std::vector<char*> argv;
    for (auto& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_addopen(&fa, 2, err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    const int rc = posix_spawn(&pid_, SPAMSTRIP_CLI, &fa, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&fa);
    if (rc != 0) return false;
    const std::regex listening("listening on http://127\\.0\\.0\\.1:([0-9]+)");
    for (int i = 0; i < 600; ++i) {  // up to a minute (sanitizer builds start slowly)
      std::smatch m;
      const std::string text = testing::ReadWholeFile(err);
      if (std::regex_search(text, m, listening)) {
        port_ = std::stoi(m[1]);
        return true;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    return false;
  }
  int Stop() {
    ::kill(pid_, SIGTERM);
    int status = 0;
    ::waitpid(pid_, &status, 0);
    pid_ = -1;
    return testing::ExitCode(status);
  }
  void TearDown() override {
    if (pid_ > 0) Stop();
    TempDirTest::TearDown();
  }

  pid_t pid_ = -1;
  int port_ = 0;
};

using testing::kSpamPage;

TEST_F(ServeTest, CleansArticlesOverHttpAndStopsOnSigterm) {
  ASSERT_TRUE(Start()) << testing::ReadWholeFile(Path("serve.err"));
  httplib::Client client("127.0.0.1", port_);
  client.set_read_timeout(60, 0);

  auto health = client.Get("/v1/health");
  ASSERT_TRUE(health);
  EXPECT_EQ(health->status, 200);
  EXPECT_EQ(json::parse(health->body)["status"], "ok");

  // The same connection serves one article after another.
  for (int i = 0; i < 3; ++i) {
    auto res = client.Post("/v1/clean", kSpamPage, "text/plain");
    ASSERT_TRUE(res);
    ASSERT_EQ(res->status, 200) << res->body;
    EXPECT_EQ(res->get_header_value("Content-Type"), "application/json");
    const json out = json::parse(res->body);
    const std::string cleaned = out["text"];
    EXPECT_EQ(cleaned.find("buy cipro"), std::string::npos) << cleaned;
    EXPECT_NE(cleaned.find("The mayor said the vote"), std::string::npos) << cleaned;
    ASSERT_EQ(out["removed"].size(), 1u);
    EXPECT_EQ(out["removed"][0]["category"], "pharma");
    EXPECT_TRUE(out.contains("report"));
  }
  auto page =
      client.Post("/v1/clean?report=0",
                  json{{"id", "p1"}, {"html", "<p>" + std::string(kSpamPage) + "</p>"}}.dump(),
                  "application/json");
  ASSERT_TRUE(page);
  EXPECT_EQ(page->status, 200);
  EXPECT_EQ(json::parse(page->body)["id"], "p1");
  EXPECT_FALSE(json::parse(page->body).contains("report"));

  auto bad = client.Post("/v1/clean", "{\"text\": ", "application/json");
  ASSERT_TRUE(bad);
  EXPECT_EQ(bad->status, 400);
  EXPECT_TRUE(json::parse(bad->body).contains("error"));
  auto missing = client.Get("/v2/clean");
  ASSERT_TRUE(missing);
  EXPECT_EQ(missing->status, 404);
  EXPECT_NE(json::parse(missing->body)["error"].get<std::string>().find("/v1/clean"),
            std::string::npos);

  EXPECT_EQ(Stop(), cli::kExitOk);
  EXPECT_NE(testing::ReadWholeFile(Path("serve.err")).find("stopped"), std::string::npos);
}

TEST_F(ServeTest, BodiesOverTheLimitAreRefused) {
  ASSERT_TRUE(Start({"--max-bytes", "1000"})) << testing::ReadWholeFile(Path("serve.err"));
  httplib::Client client("127.0.0.1", port_);
  client.set_read_timeout(60, 0);
  auto big = client.Post("/v1/clean", std::string(5000, 'a'), "text/plain");
  ASSERT_TRUE(big);
  EXPECT_EQ(big->status, 413);
  auto small = client.Post("/v1/clean", kSpamPage, "text/plain");
  ASSERT_TRUE(small);
  EXPECT_EQ(small->status, 200);
}

TEST_F(ServeTest, UsageErrors) {
  const std::string cmd = testing::Quote(SPAMSTRIP_CLI) + " serve --port 70000 2>/dev/null";
  EXPECT_EQ(testing::ExitCode(std::system(cmd.c_str())), cli::kExitUsage);
}

}  // namespace
}  // namespace spamstrip
