// dangling_line.h — a "heading" that is a line cut from wrapped text.
//
// The segmenter takes a short line with no final punctuation for a heading, and a heading that
// matched no rule is stripped only at the heading bar (detector.cc, HeldBack). A line that ends
// on an article, a coordinating conjunction, a possessive or "of" ("Find out how thousands
// are saving on their", "Lowest prices ever on all of") ends in the middle of a sentence:
// it is a piece of a hard-wrapped text, as pasted e-mail spam is, and no title.
//
// Measured on the train split of the text benchmark (../shared/data): of 9,841 one-line blocks
// of at most 12 words with no final punctuation, 44 spam lines end so and one clean line (a
// hard-wrapped line of a news paragraph, which its words keep).
#ifndef SPAMSTRIP_SRC_DANGLING_LINE_H_
#define SPAMSTRIP_SRC_DANGLING_LINE_H_

#include <string_view>

namespace spamstrip {

// Whether `text` (a block; trailing white space is ignored) has at least two words and its last
// word is one of: the, a, an, and, or, of, your, our, their, its, my (ASCII, any case, but a
// capital "A" alone is a name: "Vitamin A"). A word is a run of ASCII letters after a space;
// "U.S.A" or "e-mail" is no such word.
bool EndsDangling(std::string_view text);

// Whether `text` (leading white space ignored) opens with a word of lower-case ASCII letters
// and at least one more word ("check out my channel", "to the point of them hanging up"): a
// title or subheading opens with a capital, a digit or a quotation mark, so such a line is a
// piece of running text (or a comment) that the segmenter took for a heading. A name written
// with an inner capital, a hyphen or a dot ("iPhone sales slow", "eBay results", "e-commerce
// booms") is no such word.
bool OpensInLowerCase(std::string_view text);

}  // namespace spamstrip

#endif  // SPAMSTRIP_SRC_DANGLING_LINE_H_
