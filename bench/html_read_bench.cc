// Throughput of ReadHtml (gumbo parse + blocks + text mapping) over HTML files:
//   html_read_bench [--reps N] [--whole] FILE_OR_DIR...
// Reads every *.html file into memory, then reads all of them N times (default 5) and prints
// MB/s (10^6 bytes of HTML per second) for the best and the median pass, by wall clock and by
// the thread's CPU time. --whole parses each page as it is (HtmlReadOptions::elide_raw_text
// off: the parse before script and style contents were elided).
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "html_reader.h"

int main(int argc, char** argv) {
  namespace fs = std::filesystem;
  int reps = 5;
  spamstrip::HtmlReadOptions options;
  std::vector<std::string> pages;
  auto add = [&](const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    pages.emplace_back((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  };
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--reps" && i + 1 < argc) {
      reps = std::max(1, std::atoi(argv[++i]));
      continue;
    }
    if (arg == "--whole") {
      options.elide_raw_text = false;
      continue;
    }
    std::error_code ec;
    if (fs::is_directory(arg, ec)) {
      for (const auto& e : fs::directory_iterator(arg, ec)) {
        if (e.path().extension() == ".html") add(e.path());
      }
    } else {
      add(arg);
    }
  }
  if (pages.empty()) {
    std::fprintf(stderr, "usage: html_read_bench [--reps N] [--whole] FILE_OR_DIR...\n");
    return 2;
  }
  size_t bytes = 0;
  for (const std::string& p : pages) bytes += p.size();
  auto cpu_seconds = [] {
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) / 1e9;
  };
  std::vector<double> mbps, cpu_mbps;
  size_t blocks = 0;
  spamstrip::HtmlDocument doc;
  for (int r = 0; r < reps; ++r) {
    blocks = 0;
    const auto t0 = std::chrono::steady_clock::now();
    const double c0 = cpu_seconds();
    for (const std::string& p : pages) {
      spamstrip::ReadHtml(p, options, &doc);
      blocks += doc.blocks.size();
    }
    const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    mbps.push_back(static_cast<double>(bytes) / 1e6 / s);
    cpu_mbps.push_back(static_cast<double>(bytes) / 1e6 / (cpu_seconds() - c0));
  }
  std::sort(mbps.begin(), mbps.end());
  std::sort(cpu_mbps.begin(), cpu_mbps.end());
  std::printf(
      "%zu pages, %.1f MB, %zu blocks%s: wall best %.1f MB/s, median %.1f MB/s; CPU best %.1f "
      "MB/s, median %.1f MB/s (%d passes)\n",
      pages.size(), static_cast<double>(bytes) / 1e6, blocks,
      options.elide_raw_text ? "" : " (parsed whole)", mbps.back(), mbps[mbps.size() / 2],
      cpu_mbps.back(), cpu_mbps[cpu_mbps.size() / 2], reps);
  return 0;
}
