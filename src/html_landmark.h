// html_landmark.h — the page region an element's class and id attributes name ("site-header",
// "mainNav", "related-posts", "comment-list", ...), read as words rather than substrings.
//
// A class name is split into words at '-', '_', ':', '.', digits and lower-to-upper case
// changes ("commentList" -> comment, list). A word names a region (nav, menu, breadcrumb ->
// navigation; header, masthead -> header; footer, colophon -> footer; sidebar, widget, related,
// share, social, newsletter, promo, ... -> aside; comment(s), disqus -> comments). A class name
// is ignored when it starts with a state word ("has-sidebar", "no-comments", "is-menu-open")
// or when a content word (content, article, story, entry, post) comes before the region word
// ("entry-header", "content-sidebar-wrap"): those name the article's parts or a wrapper. Pure.
#ifndef SPAMSTRIP_SRC_HTML_LANDMARK_H_
#define SPAMSTRIP_SRC_HTML_LANDMARK_H_

#include <string_view>

#include "html_reader.h"

namespace spamstrip {

// The region named by any class name in `class_attr` or by `id` (id first); false when none.
bool RegionFromNames(std::string_view class_attr, std::string_view id, HtmlRegion* region);

// The region an ARIA role names ("navigation", "banner", "contentinfo", "complementary",
// "search"); false for any other role.
bool RegionFromRole(std::string_view role, HtmlRegion* region);

// Whether the element names itself the article's body: itemprop="articleBody", or a class or
// id word entry/post/article/story directly followed by content/body/text ("entry-content",
// "post-body", "articleBody", "c-entry-content").
bool NamesArticleBody(std::string_view class_attr, std::string_view id, std::string_view itemprop);

// Whether the class or id mentions "caption" (any case).
bool NamesCaption(std::string_view class_attr, std::string_view id);

}  // namespace spamstrip

#endif  // SPAMSTRIP_SRC_HTML_LANDMARK_H_
