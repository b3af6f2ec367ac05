// test_articles.h — two short news articles written for the tests: one with an injected
// pharmacy line between real paragraphs (plus a share count, a caption and a "Read more:" line
// that must stay), one clean.
#ifndef SPAMSTRIP_TESTS_TEST_ARTICLES_H_
#define SPAMSTRIP_TESTS_TEST_ARTICLES_H_

namespace spamstrip::testing {

inline constexpr char kSpamPage[] =
    "Council Approves Harbour Budget\n"
    "\n"
    "351\n"
    "Photo: Boats moored in the old harbour on Monday\n"
    "\n"
    "The council approved the harbour budget on Monday after a long debate about dredging, "
    "road repairs and the cost of replacing the old lock gates.\n"
    "\n"
    "buy cipro online https://www.pills-example.com/cipro.html no prescription pharmacy\n"
    "\n"
    "The mayor said the vote was a relief for fishermen, who had warned that silt was making the "
    "channel too shallow at low tide.\n"
    "\n"
    "Read more: How the lock gates were built\n";

inline constexpr char kCleanPage[] =
    "Library Reopens After Repairs\n"
    "\n"
    "The town library reopened on Saturday after six months of repairs to its roof and "
    "heating system.\n"
    "\n"
    "Staff said the children's section had been enlarged and a new reading room added on the "
    "first floor.\n";

}  // namespace spamstrip::testing

#endif  // SPAMSTRIP_TESTS_TEST_ARTICLES_H_
