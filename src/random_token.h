// random_token.h — a token no writer types: a machine-made string in a line of text.
//
// Spam carries them to defeat filters that match whole messages (hash-busters), as promo codes
// and as referral ids: "9iz5IOamknbO3ql9u1maoutC1cv". Titles and captions never do, so a
// "heading" holding one is judged as text (detector.cc, HeldBack), like one holding an address.
//
// Measured on ../shared/data (train and dev): such a token is in 1 of 52,152 news paragraphs and
// titles (a URL fragment, "#ixzz2PpyAj3AN", which the test below excludes as part of a URL) and
// in 0.2-3% of the texts of each spam e-mail, SMS, YouTube and Telegram source.
#ifndef SPAMSTRIP_SRC_RANDOM_TOKEN_H_
#define SPAMSTRIP_SRC_RANDOM_TOKEN_H_

#include <string_view>

namespace spamstrip {

// Whether `text` holds a run of at least kMinRandomTokenLength ASCII letters and digits, with at
// least two digits, two upper-case and two lower-case letters, that is not part of a URL, a
// path or an address: the run is not preceded by a letter, digit, '/', '.', '=', '?', '&', '#',
// '%', '-', '_' or '@', nor followed by a letter, digit, '/', '.', '@' or '_'.
bool HoldsRandomToken(std::string_view text);

constexpr size_t kMinRandomTokenLength = 12;

}  // namespace spamstrip

#endif  // SPAMSTRIP_SRC_RANDOM_TOKEN_H_
