#include "file_util.h"

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

#include "temp_dir.h"

namespace spamstrip {
namespace {

namespace fs = std::filesystem;

class FileUtilTest : public testing::TempDirTest {
 protected:
  static std::string Slurp(const std::string& path) { return testing::ReadWholeFile(path); }
  // Names in the directory (to see that no temporary file is left behind).
  std::vector<std::string> Names() const {
    std::vector<std::string> out;
    for (const auto& e : fs::directory_iterator(dir_)) out.push_back(e.path().filename());
    std::sort(out.begin(), out.end());
    return out;
  }
};

TEST_F(FileUtilTest, WritesANewFileAndLeavesNoTemporary) {
  ASSERT_TRUE(WriteFileAtomic(Path("report.json"), "{\"blocks\": []}\n").ok());
  EXPECT_EQ(Slurp(Path("report.json")), "{\"blocks\": []}\n");
  EXPECT_EQ(Names(), std::vector<std::string>{"report.json"});
}

TEST_F(FileUtilTest, ReplacesAnExistingFileWhole) {
  ASSERT_TRUE(WriteFileAtomic(Path("out.txt"), std::string(10000, 'x')).ok());
  ASSERT_TRUE(WriteFileAtomic(Path("out.txt"), "short").ok());
  EXPECT_EQ(Slurp(Path("out.txt")), "short");
}

TEST_F(FileUtilTest, FollowsASymbolicLinkAndKeepsIt) {
  ASSERT_TRUE(WriteFileAtomic(Path("target.json"), "old").ok());
  fs::create_symlink("target.json", Path("link.json"));
  ASSERT_TRUE(WriteFileAtomic(Path("link.json"), "new").ok());
  EXPECT_TRUE(fs::is_symlink(Path("link.json")));
  EXPECT_EQ(Slurp(Path("target.json")), "new");
  EXPECT_EQ(Names(), (std::vector<std::string>{"link.json", "target.json"}));
}

// A FIFO stands for /dev/null, /dev/stdout or a pipe: it must be written into, not replaced by
// a regular file (renaming over /dev/null would break every other program on the machine).
TEST_F(FileUtilTest, WritesIntoAFifoInsteadOfReplacingIt) {
  const std::string fifo = Path("pipe");
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  std::string got;
  std::thread reader([&] { got = Slurp(fifo); });
  Status s = WriteFileAtomic(fifo, "streamed report\n");
  reader.join();
  ASSERT_TRUE(s.ok()) << s.ToString();
  EXPECT_EQ(got, "streamed report\n");
  struct stat st;
  ASSERT_EQ(::stat(fifo.c_str(), &st), 0);
  EXPECT_TRUE(S_ISFIFO(st.st_mode)) << "the FIFO was replaced";
  EXPECT_EQ(Names(), std::vector<std::string>{"pipe"});
}

TEST_F(FileUtilTest, PlanOutputWritesBesideRegularFilesOnly) {
  OutputTarget t = PlanOutput(Path("new.jsonl"));
  EXPECT_FALSE(t.in_place);
  EXPECT_EQ(t.final_path, Path("new.jsonl"));
  EXPECT_NE(t.write_path, t.final_path);
  EXPECT_EQ(fs::path(t.write_path).parent_path(), dir_);
  OutputTarget dev = PlanOutput("/dev/null");
  EXPECT_TRUE(dev.in_place);
  EXPECT_EQ(dev.write_path, "/dev/null");
}

TEST_F(FileUtilTest, AbandonedOutputLeavesNothing) {
  OutputTarget t = PlanOutput(Path("half.jsonl"));
  { std::ofstream(t.write_path) << "partial"; }
  AbandonOutput(t);
  EXPECT_TRUE(Names().empty());
}

TEST_F(FileUtilTest, MissingDirectoryIsAnErrorNamingThePath) {
  Status s = WriteFileAtomic(Path("no/such/dir/out.json"), "x");
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.ToString().find("no/such/dir/out.json"), std::string::npos) << s.ToString();
}

}  // namespace
}  // namespace spamstrip
