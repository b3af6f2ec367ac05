// block_place.h — where a block stands in the document being judged: in the article body or
// outside it, at the article's end, amid the story, beside its title. The detector's holds
// (detector.cc, HeldBack) ask these questions; none depends on the block's score.
#ifndef SPAMSTRIP_SRC_BLOCK_PLACE_H_
#define SPAMSTRIP_SRC_BLOCK_PLACE_H_

#include <cstddef>
#include <string_view>
#include <vector>

#include "document_analysis.h"
#include "html_reader.h"
#include "spamstrip/report.h"

namespace spamstrip {

// A document being judged: its analysis and, for a page, its HTML reading.
struct JudgedDocument {
  std::string_view text;  // what the blocks' ranges index: the article, or the page's text
  const AnalyzedDocument& a;
  const HtmlDocument* html;  // null for plain text
};

// Whether block `block` of a page lies outside the article body the page has (HtmlFacts::
// in_article_body). There, text with no sign of injection is not cut at all: injections
// outside the story come hidden or as links (a hacked theme's footer, a link farm at the end
// of <body>), and the rest is the site's furniture (bylines, datelines, cookie notices,
// addresses, promos).
bool OutsideArticleBody(const JudgedDocument& doc, size_t block);

// Whether no paragraph of the article follows block `block`: where a publisher's copyright
// notice stands (a notice amid the story is someone else's). On a page, the paragraphs of the
// article body count, or those of the content when the page has no article body.
bool EndsArticle(const JudgedDocument& doc, size_t block);

// Whether heading `block` of a plain text stands amid the story: not among the first two
// blocks, where a title stands (also after an injected first paragraph), and right after a
// paragraph (or a line of one), the blocks before it already stripped (`decided`) set aside:
// a heading that follows an injection follows what stood before it (a date, a time, another
// heading). Subheadings stand there too, so this alone strips nothing (HeldBack).
bool HeadingAmidStory(const JudgedDocument& doc, size_t block,
                      const std::vector<BlockReport>& decided);

// Whether heading `block` of a plain text stands where the title does (the first two blocks)
// beside the title: it has two content words or more (a kicker, "Analysis", has one), none
// found elsewhere in the text, while another heading of the first three blocks shares words
// with the story (a title names what its story tells).
bool BesideTheTitle(const JudgedDocument& doc, size_t block);

// Whether heading `block` of a plain text ends in the middle of a sentence (EndsDangling).
bool WrappedTextLine(const JudgedDocument& doc, size_t block);

// Whether heading `block` of a plain text opens in lower case (OpensInLowerCase): a comment or a
// line of running text, never a title, whatever its words.
bool LowerCaseLine(const JudgedDocument& doc, size_t block);

}  // namespace spamstrip

#endif  // SPAMSTRIP_SRC_BLOCK_PLACE_H_
