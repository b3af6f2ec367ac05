// html_stray_links.h — links to other sites that stand apart from the page around them.
//
// Hacks that sell links leave them where a reader skims past: a list of keyword links at the end
// of <body> or in the footer (a link farm), or a link slipped in after a paragraph's last
// sentence. Either way the sites linked are foreign to the page and linked nowhere else on it.
// A real footer links to the site's own sections, or to a few social networks that the page's
// share buttons name too; an article cites its sources inside its sentences.
//
// These facts only describe the page; how much they weigh is learned (html_features.h).
#ifndef SPAMSTRIP_SRC_HTML_STRAY_LINKS_H_
#define SPAMSTRIP_SRC_HTML_STRAY_LINKS_H_

#include "html_reader.h"

namespace spamstrip {

// Sets HtmlFacts::link_farm and HtmlFacts::stray_links of every block of `doc`, whose lists are
// marked (MarkLists; ReadHtml calls this last):
//  - link_farm: the block is an item of a list (html_lists.h) of at least kMinFarmItems items
//    that are each wholly text of links to other sites (several, none linked by more than two
//    thirds of the links), sites the page links nowhere outside the list, and such items make up
//    most of the list; or, not a list item, it is itself wholly text of kMinFarmItems or more
//    such links;
//  - stray_links: where the links to other sites that end the block after text of its own
//    (TrailingForeignLinks) begin, when the page links their sites nowhere else.
// A link whose text names where it goes (a URL, a domain, the site's name: "YouTube", "The
// A.V. Club", "pic.twitter.com/..") counts for neither: that is how social profiles, sister
// publications and cited sources are linked.
void MarkStrayLinks(HtmlDocument* doc);

constexpr size_t kMinFarmItems = 3;

}  // namespace spamstrip

#endif  // SPAMSTRIP_SRC_HTML_STRAY_LINKS_H_
