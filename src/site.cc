#include "site.h"

#include "ascii.h"
#include "html_reader.h"

namespace spamstrip {
namespace {

bool IsUrlSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

// Second-level labels under which registrations happen one level deeper ("co.uk").
bool IsTwoLevelSuffix(std::string_view s) {
  static const char* const kSuffixes[] = {
      "co.uk",  "org.uk", "ac.uk",  "gov.uk", "me.uk",  "net.uk", "ltd.uk", "plc.uk", "com.au",
      "net.au", "org.au", "edu.au", "gov.au", "co.jp",  "ne.jp",  "or.jp",  "ac.jp",  "go.jp",
      "co.kr",  "or.kr",  "com.br", "net.br", "org.br", "gov.br", "com.cn", "net.cn", "org.cn",
      "gov.cn", "com.sa", "co.in",  "net.in", "org.in", "gov.in", "co.nz",  "org.nz", "net.nz",
      "co.za",  "org.za", "gov.za", "com.tr", "org.tr", "gov.tr", "com.mx", "org.mx", "gob.mx",
      "com.ar", "gob.ar", "com.sg", "org.sg", "com.hk", "org.hk", "com.tw", "org.tw", "co.il",
      "org.il", "co.id",  "or.id",  "co.th",  "in.th",  "com.my", "com.ph", "com.pk", "com.ng",
      "com.eg", "com.ua", "org.ua", "com.vn", "com.pe", "com.co", "com.ve", "com.uy", "com.ec",
      "co.ke",  "com.gh", "com.bd", "com.np", "com.lb", "com.qa", "com.kw", "co.ae",  "com.pl",
      "gov.pl", "com.ru", "msk.ru", "spb.ru", "co.at",  "or.at",  "ac.at",  "com.es", "gob.es",
      "com.gr", "com.cy", "com.mt", "co.hu",  "com.pt"};
  for (const char* x : kSuffixes) {
    if (s == x) return true;
  }
  return false;
}

bool IsIpAddress(std::string_view host) {
  if (host.find(':') != std::string_view::npos) return true;  // IPv6
  if (host.empty()) return false;
  for (char c : host) {
    if (!(c == '.' || (c >= '0' && c <= '9'))) return false;
  }
  return true;
}

}  // namespace

std::string UrlHost(std::string_view url) {
  while (!url.empty() && IsUrlSpace(url.front())) url.remove_prefix(1);
  while (!url.empty() && IsUrlSpace(url.back())) url.remove_suffix(1);
  if (StartsWithCi(url, "http://")) {
    url.remove_prefix(7);
  } else if (StartsWithCi(url, "https://")) {
    url.remove_prefix(8);
  } else if (url.substr(0, 2) == "//") {
    url.remove_prefix(2);
  } else {
    return "";
  }
  size_t end = 0;
  while (end < url.size() && url[end] != '/' && url[end] != '?' && url[end] != '#' &&
         url[end] != '\\') {
    ++end;
  }
  std::string_view authority = url.substr(0, end);
  const size_t at = authority.rfind('@');
  if (at != std::string_view::npos) authority.remove_prefix(at + 1);
  std::string host;
  if (!authority.empty() && authority.front() == '[') {  // [IPv6]:port
    const size_t close = authority.find(']');
    authority = authority.substr(0, close == std::string_view::npos ? authority.size() : close + 1);
  } else {
    authority = authority.substr(0, authority.find(':'));
  }
  while (!authority.empty() && authority.back() == '.') authority.remove_suffix(1);
  host.reserve(authority.size());
  for (char c : authority) host.push_back(AsciiLower(c));
  return host;
}

std::string SiteOf(std::string_view host) {
  while (!host.empty() && IsUrlSpace(host.front())) host.remove_prefix(1);
  while (!host.empty() && IsUrlSpace(host.back())) host.remove_suffix(1);
  if (!host.empty() && host.front() == '[') {
    const size_t close = host.find(']');
    return std::string(host.substr(0, close == std::string_view::npos ? host.size() : close + 1));
  }
  // Strip a port (a single ':'; more than one means a bare IPv6 address).
  const size_t colon = host.find(':');
  if (colon != std::string_view::npos && host.find(':', colon + 1) == std::string_view::npos) {
    host = host.substr(0, colon);
  }
  while (!host.empty() && host.back() == '.') host.remove_suffix(1);
  std::string h;
  h.reserve(host.size());
  for (char c : host) h.push_back(AsciiLower(c));
  if (IsIpAddress(h)) return h;
  // The last two labels, or three under a two-level public suffix.
  const size_t last_dot = h.rfind('.');
  if (last_dot == std::string::npos || last_dot == 0) return h;
  const size_t second_dot = h.rfind('.', last_dot - 1);
  if (second_dot == std::string::npos) return h;
  if (!IsTwoLevelSuffix(std::string_view(h).substr(second_dot + 1)) || second_dot == 0) {
    return h.substr(second_dot + 1);
  }
  const size_t third_dot = h.rfind('.', second_dot - 1);
  return third_dot == std::string::npos ? h : h.substr(third_dot + 1);
}

}  // namespace spamstrip
