// site.h — the host of a URL, for telling a page's own links from links to other sites.
// SiteOf() (the registrable domain of a host) is declared in html_reader.h. Pure.
#ifndef SPAMSTRIP_SRC_SITE_H_
#define SPAMSTRIP_SRC_SITE_H_

#include <string>
#include <string_view>

namespace spamstrip {

// The host of an absolute http(s) URL or a scheme-relative one ("//cdn.example.com/x"), lower
// case, without user info, port or trailing dot; "" for relative URLs, other schemes (mailto:,
// javascript:) and URLs without a host. Leading and trailing whitespace is ignored.
std::string UrlHost(std::string_view url);

}  // namespace spamstrip

#endif  // SPAMSTRIP_SRC_SITE_H_
