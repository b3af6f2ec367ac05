// text_format.h — numbers as people read them in reports and progress lines.
#ifndef SPAMSTRIP_SRC_TEXT_FORMAT_H_
#define SPAMSTRIP_SRC_TEXT_FORMAT_H_

#include <cstdint>
#include <string>

namespace spamstrip {

// 1234567 -> "1,234,567".
std::string Num(uint64_t n);
// `v` with `decimals` digits after the point ("%.*f").
std::string Fixed(double v, int decimals);
// A share in [0, 1] as a percentage: two decimals below 10%, one above ("4.25%", "37.5%").
std::string Percent(double share);
// Bytes as decimal megabytes with one decimal ("31.5 MB").
std::string Megabytes(uint64_t bytes);
// Bytes in the largest decimal unit that keeps a digit before the point ("812 bytes",
// "45.3 kB", "31.5 MB", "2.1 GB").
std::string Size(uint64_t bytes);
// Seconds as "0.4s" (under ten seconds), "42s", "3m20s" or "2h5m".
std::string Duration(double seconds);

}  // namespace spamstrip

#endif  // SPAMSTRIP_SRC_TEXT_FORMAT_H_
