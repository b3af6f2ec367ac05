#include "block_place.h"

#include "dangling_line.h"

namespace spamstrip {
namespace {

// The content words of block `k` that occur elsewhere in the document too.
int RecurringWords(const JudgedDocument& doc, size_t k) {
  int n = 0;
  for (const SentenceStats& st : doc.a.sentences[k]) {
    for (const WordCount& w : st.content) n += w.in_doc > w.count ? 1 : 0;
  }
  return n;
}

}  // namespace

bool OutsideArticleBody(const JudgedDocument& doc, size_t block) {
  return doc.html != nullptr && doc.html->has_article_body &&
         !doc.html->blocks[block].facts.in_article_body;
}

bool EndsArticle(const JudgedDocument& doc, size_t block) {
  for (size_t k = block + 1; k < doc.a.blocks.size(); ++k) {
    if (doc.a.blocks[k].kind != BlockKind::kParagraph) continue;
    if (doc.html == nullptr) return false;
    const HtmlFacts& f = doc.html->blocks[k].facts;
    if (doc.html->has_article_body ? f.in_article_body : f.region == HtmlRegion::kContent) {
      return false;
    }
  }
  return true;
}

bool HeadingAmidStory(const JudgedDocument& doc, size_t block,
                      const std::vector<BlockReport>& decided) {
  const auto& segs = doc.a.blocks;
  if (doc.html != nullptr || block < 2 || segs[block].kind != BlockKind::kHeading) return false;
  size_t prev = block - 1;
  while (prev > 0 && decided[prev].block.decision == Decision::kStrip) --prev;
  return segs[prev].kind == BlockKind::kParagraph || segs[prev].kind == BlockKind::kLine;
}

bool BesideTheTitle(const JudgedDocument& doc, size_t block) {
  const auto& segs = doc.a.blocks;
  if (doc.html != nullptr || block > 1 || segs[block].kind != BlockKind::kHeading) return false;
  size_t words = 0;
  for (const SentenceStats& st : doc.a.sentences[block]) words += st.content.size();
  if (words < 2 || RecurringWords(doc, block) > 0) return false;
  for (size_t k = 0; k < 3 && k < segs.size(); ++k) {
    if (k != block && segs[k].kind == BlockKind::kHeading && RecurringWords(doc, k) > 0) {
      return true;
    }
  }
  return false;
}

bool WrappedTextLine(const JudgedDocument& doc, size_t block) {
  const Segment& seg = doc.a.blocks[block];
  return doc.html == nullptr && seg.kind == BlockKind::kHeading &&
         EndsDangling(doc.text.substr(seg.range.start, seg.range.size()));
}

bool LowerCaseLine(const JudgedDocument& doc, size_t block) {
  const Segment& seg = doc.a.blocks[block];
  return doc.html == nullptr && seg.kind == BlockKind::kHeading &&
         OpensInLowerCase(doc.text.substr(seg.range.start, seg.range.size()));
}

}  // namespace spamstrip
