#include "text_format.h"

#include <cstdio>

namespace spamstrip {

std::string Num(uint64_t n) {
  std::string digits = std::to_string(n), out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

std::string Fixed(double v, int decimals) {
  char buf[64];
  std::snprintf(buf, sizeof(buf), "%.*f", decimals, v);
  return buf;
}

std::string Percent(double share) { return Fixed(100.0 * share, share < 0.1 ? 2 : 1) + "%"; }

std::string Megabytes(uint64_t bytes) { return Fixed(static_cast<double>(bytes) / 1e6, 1) + " MB"; }

std::string Size(uint64_t bytes) {
  const double b = static_cast<double>(bytes);
  if (bytes < 1000) return std::to_string(bytes) + " bytes";
  if (b < 1e6) return Fixed(b / 1e3, 1) + " kB";
  if (b < 1e9) return Fixed(b / 1e6, 1) + " MB";
  return Fixed(b / 1e9, 1) + " GB";
}

std::string Duration(double seconds) {
  if (seconds < 9.95) return Fixed(seconds, 1) + "s";
  const long s = static_cast<long>(seconds + 0.5);
  if (s >= 3600) return std::to_string(s / 3600) + "h" + std::to_string((s % 3600) / 60) + "m";
  if (s >= 60) return std::to_string(s / 60) + "m" + std::to_string(s % 60) + "s";
  return std::to_string(s) + "s";
}

}  // namespace spamstrip
