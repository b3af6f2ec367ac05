// test_files.h — test helpers: a whole file read into a string, a string written out as a file.
#ifndef SPAMSTRIP_TESTS_TEST_FILES_H_
#define SPAMSTRIP_TESTS_TEST_FILES_H_

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>

namespace spamstrip::testing {

// The bytes of `path`; "" when it cannot be read.
inline std::string ReadWholeFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// Writes `data` to `path`, creating the directories above it; returns `path` as a string.
inline std::string WriteWholeFile(const std::filesystem::path& path, std::string_view data) {
  std::filesystem::create_directories(path.parent_path());
  std::ofstream(path, std::ios::binary) << data;
  return path.string();
}

}  // namespace spamstrip::testing

#endif  // SPAMSTRIP_TESTS_TEST_FILES_H_
