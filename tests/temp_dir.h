// temp_dir.h — test fixture: each test gets a fresh directory of its own under
// SPAMSTRIP_TEST_TMP_DIR (mkdtemp, so tests may run in parallel), removed with everything in it
// afterwards.
#ifndef SPAMSTRIP_TESTS_TEMP_DIR_H_
#define SPAMSTRIP_TESTS_TEMP_DIR_H_

#include <gtest/gtest.h>
#include <stdlib.h>

#include <filesystem>
#include <string>
#include <string_view>
#include <system_error>

#include "test_files.h"

namespace spamstrip::testing {

class TempDirTest : public ::testing::Test {
 protected:
  // The directory is named after the test suite ("CliTest_XXXXXX").
  void SetUp() override {
    std::string suite = ::testing::UnitTest::GetInstance()->current_test_info()->test_suite_name();
    for (char& c : suite) {
      if (c == '/') c = '_';
    }
    std::filesystem::create_directories(SPAMSTRIP_TEST_TMP_DIR);
    std::string tmpl = std::string(SPAMSTRIP_TEST_TMP_DIR) + "/" + suite + "_XXXXXX";
    ASSERT_NE(::mkdtemp(tmpl.data()), nullptr);
    dir_ = tmpl;
  }
  void TearDown() override {
    std::error_code ec;
    std::filesystem::remove_all(dir_, ec);
  }

  // `name` (a relative path) inside the directory.
  std::string Path(const std::string& name) const { return (dir_ / name).string(); }

  // Writes `data` to `name` inside the directory (creating subdirectories); returns its path.
  std::string Write(const std::string& name, std::string_view data) const {
    return WriteWholeFile(dir_ / name, data);
  }

  std::filesystem::path dir_;
};

}  // namespace spamstrip::testing

#endif  // SPAMSTRIP_TESTS_TEMP_DIR_H_
