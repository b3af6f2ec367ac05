// url_util.h — host names out of URLs and out of text (for the audit's per-site and
// linked-domain figures).
#ifndef SPAMSTRIP_SRC_URL_UTIL_H_
#define SPAMSTRIP_SRC_URL_UTIL_H_

#include <string>
#include <string_view>
#include <vector>

namespace spamstrip {

// The host of an absolute URL, lower case, without user info, port or a trailing dot:
// "https://User@News.Example.COM:8080/a?b" -> "news.example.com". "" when `url` has no
// "scheme://" or an empty host.
std::string HostOfUrl(std::string_view url);

// The hosts linked from `text`: every http(s):// or www. address, in plain text or in an HTML
// attribute, lower case, "www." dropped, each host once, in order of first appearance.
std::vector<std::string> LinkedHosts(std::string_view text);

}  // namespace spamstrip

#endif  // SPAMSTRIP_SRC_URL_UTIL_H_
