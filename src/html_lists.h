// html_lists.h — which blocks of a page are items of one list.
//
// A list is consecutive list items (<li>, or a link list) at the same depth, in the same region,
// with no list starting or ending between them in the page (two lists side by side in a footer
// are two lists). Link farms are told by their lists (html_stray_links.h), and an item is judged
// with the rest of its list (detector.cc).
#ifndef SPAMSTRIP_SRC_HTML_LISTS_H_
#define SPAMSTRIP_SRC_HTML_LISTS_H_

#include <string_view>

#include "html_reader.h"

namespace spamstrip {

// Whether block `b` is a list item (BlockKind::kListItem or kLinkList).
bool IsListItem(const HtmlBlock& b);

// Sets HtmlFacts::list_first and HtmlFacts::list_items of every block of `doc`, read from `html`:
// a block that is no list item is a list of one.
void MarkLists(std::string_view html, HtmlDocument* doc);

}  // namespace spamstrip

#endif  // SPAMSTRIP_SRC_HTML_LISTS_H_
