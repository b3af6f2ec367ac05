// segmenter.h — splits plain text into paragraphs, blocks (one per line) and sentences.
//
// Paragraphs are separated by blank (whitespace-only) lines; inside a paragraph each line is a
// block of its own (a heading above its paragraph, a caption, one line of a link farm).
// Sentences split a block at . ! ? … (with closing quotes/brackets) followed by whitespace and a
// character that does not continue a sentence (not a lower-case Latin letter). All ranges are
// byte offsets into the input and exclude leading/trailing whitespace. Pure; thread-safe.
#ifndef SPAMSTRIP_SRC_SEGMENTER_H_
#define SPAMSTRIP_SRC_SEGMENTER_H_

#include <cstddef>
#include <string_view>
#include <vector>

#include "spamstrip/report.h"

namespace spamstrip {

struct Range {
  size_t start = 0;
  size_t end = 0;
  size_t size() const { return end - start; }
};

struct Segment {
  Range range;                   // the block, trimmed
  size_t paragraph = 0;          // paragraph index
  size_t line_in_paragraph = 0;  // 0-based
  size_t lines_in_paragraph = 1;
  BlockKind kind = BlockKind::kParagraph;
  std::vector<Range> sentences;  // cover the block, in order, each trimmed
};

// Sentences longer than this are cut into pieces at whitespace for scoring.
constexpr size_t kMaxSentenceBytes = 4096;

// Sets *out to the blocks of `text` (the sentence lists of the segments it held are reused
// for their memory).
void SegmentText(std::string_view text, std::vector<Segment>* out);

// The kind of a block from its text alone: kNoise (no letter), kCaption ("Photo: ..."),
// kHeading (at most 12 words, no final punctuation), else kLine (one of several lines of a
// paragraph) or kParagraph.
BlockKind ClassifyText(std::string_view s, size_t lines_in_paragraph);

// Sentence ranges of text[r.start, r.end).
void SplitSentences(std::string_view text, Range r, std::vector<Range>* out);

}  // namespace spamstrip

#endif  // SPAMSTRIP_SRC_SEGMENTER_H_
