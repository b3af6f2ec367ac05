#include "url_util.h"

#include <re2/re2.h>

#include <cctype>

#include "ascii.h"

namespace spamstrip {
std::string HostOfUrl(std::string_view url) {
  const size_t scheme = url.find("://");
  if (scheme == std::string_view::npos || scheme == 0) return "";
  for (size_t i = 0; i < scheme; ++i) {
    const char c = url[i];
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '+' && c != '-' && c != '.') {
      return "";
    }
  }
  std::string_view rest = url.substr(scheme + 3);
  rest = rest.substr(0, rest.find_first_of("/?#"));
  const size_t at = rest.rfind('@');
  if (at != std::string_view::npos) rest.remove_prefix(at + 1);
  if (!rest.empty() && rest.front() == '[') {  // IPv6 literal
    const size_t close = rest.find(']');
    return close == std::string_view::npos ? "" : AsciiLower(rest.substr(0, close + 1));
  }
  rest = rest.substr(0, rest.find(':'));
  while (!rest.empty() && rest.back() == '.') rest.remove_suffix(1);
  return AsciiLower(rest);
}

std::vector<std::string> LinkedHosts(std::string_view text) {
  static const RE2* re = new RE2(
      R"((?i)(?:https?://|\bwww\.)([a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)+))");
  std::vector<std::string> hosts;
  re2::StringPiece in(text.data(), text.size());
  std::string host;
  while (RE2::FindAndConsume(&in, *re, &host)) {
    std::string h = AsciiLower(host);
    if (h.rfind("www.", 0) == 0) h.erase(0, 4);
    if (std::find(hosts.begin(), hosts.end(), h) == hosts.end()) hosts.push_back(std::move(h));
  }
  return hosts;
}

}  // namespace spamstrip
