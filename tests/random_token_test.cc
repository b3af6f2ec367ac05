// Tests for random_token.h: machine-made tokens in a line, not words, codes or URLs.
#include "random_token.h"

#include <gtest/gtest.h>

namespace spamstrip {
namespace {

TEST(HoldsRandomToken, HashBustersAndReferralIds) {
  EXPECT_TRUE(HoldsRandomToken(
      "\xE6\x88\x91\xE8\xB4\x8F\xE9\x8C\xA2\xE4\xBA\x86 9iz5IOamknbO3ql9u1maoutC1cv"));
  EXPECT_TRUE(HoldsRandomToken("Claim your bonus with code Xk7pQ2mW9zLa today"));
  EXPECT_TRUE(HoldsRandomToken("aB3dE5fG7hJ9"));  // exactly twelve
}

TEST(HoldsRandomToken, WordsNamesAndCodesAreNot) {
  EXPECT_FALSE(
      HoldsRandomToken("Hospitals Ration Antibiotics as Ciprofloxacin Supplies Run Short"));
  EXPECT_FALSE(HoldsRandomToken("Airbus A320neo and Boeing 737MAX orders in 2024"));
  EXPECT_FALSE(HoldsRandomToken("COVID19 PlayStation5 GPT4o"));  // short, or one case only
  EXPECT_FALSE(HoldsRandomToken("aB3dE5fG7hJ"));                 // eleven
  EXPECT_FALSE(HoldsRandomToken("ABCDEFGH1234567"));             // no lower case
  EXPECT_FALSE(HoldsRandomToken("INTERNATIONALBUSINESS machinesCorp"));
}

TEST(HoldsRandomToken, PartsOfAddressesAreNot) {
  EXPECT_FALSE(HoldsRandomToken("http://example.com/a/9iz5IOamknbO3ql9u1maoutC1cv"));
  EXPECT_FALSE(HoldsRandomToken("sahabat.html#ixzz2PpyAj3AN"));
  EXPECT_FALSE(HoldsRandomToken("see ?id=9iz5IOamknbO3ql9u1 for more"));
  EXPECT_FALSE(HoldsRandomToken("9iz5IOamknbO3ql9u1maoutC1cv@mail.example"));
  EXPECT_FALSE(HoldsRandomToken("9iz5IOamknbO3ql9u1maoutC1cv.example.com"));
}

}  // namespace
}  // namespace spamstrip
