// furniture.h — text that belongs to a news page whatever the model says of it.
//
// The model learns spam from spam and news from article paragraphs. Two kinds of real page text
// are missing from what it learns from, and it scores them like spam:
//  - a copyright notice ("Copyright 2019 Hawaii News Now. All rights reserved."): the words of
//    the footers of spam e-mails, and a line that fits no article;
//  - reported speech ("\"Hands! Let me see your hands!\" an officer ordered."): short, urgent,
//    addressed to "you", made of words found nowhere else in the story.
// The detector does not strip such a block on the model's word alone (detector.cc); a rule hit,
// hidden text or links to other sites still cut it, and a spam sentence appended to it is still
// cut as a span.
//
// Measured on ../shared/data (train and dev splits): a paragraph opening with reported speech
// (IsReportedSpeech) is 5.0% of 49,900 news paragraphs and none of 7,650 spam texts.
#ifndef SPAMSTRIP_SRC_FURNITURE_H_
#define SPAMSTRIP_SRC_FURNITURE_H_

#include <string_view>

namespace spamstrip {

// Whether `text` (a block, trimmed) is a copyright notice and nothing more: it opens with
// "Copyright", "©" or "(c)" followed by a year or a name, and holds at most kMaxNoticeWords words
// and no URL or e-mail address.
bool IsCopyrightNotice(std::string_view text);

// Whether `text` opens with reported speech: a quotation (straight or typographic double
// quotes, « », „ “) of at least two words whose last character inside the marks is
// punctuation (, . ! ? …), followed by its attribution, in which a lower-case word comes within
// the first three words ("…," he said; "…!" an officer ordered; "…," Mr Smith told the BBC).
// Scripts without letter case never qualify.
bool IsReportedSpeech(std::string_view text);

constexpr int kMaxNoticeWords = 16;

}  // namespace spamstrip

#endif  // SPAMSTRIP_SRC_FURNITURE_H_
