// Tests for normalizer.h: the canonical text rules and the model see, and its map back to the
// input bytes.
#include "normalizer.h"

#include <gtest/gtest.h>

#include <cctype>
#include <string>
#include <string_view>
#include <vector>

#include "utf8.h"

namespace spamstrip {
namespace {

std::string Canon(std::string_view in) {
  CanonicalText ct;
  Normalize(in, &ct);
  return ct.text;
}

// Invariants every canonical text must satisfy for input `in`.
void CheckOffsetMap(std::string_view in, const CanonicalText& ct) {
  ASSERT_EQ(ct.src.size(), ct.text.size() + 1) << in;
  EXPECT_EQ(ct.src.back(), in.size()) << in;
  for (size_t i = 0; i < ct.text.size(); ++i) {
    ASSERT_LT(ct.src[i], in.size()) << "byte " << i << " of " << ::testing::PrintToString(in);
    if (i > 0) {
      ASSERT_LE(ct.src[i - 1], ct.src[i]) << "src[] not monotone at " << i;
    }
    // Each canonical byte points at the first byte of an input character (in invalid input a
    // stray continuation byte is a character of its own, read as U+FFFD).
    if (ct.src[i] > 0) {
      size_t len = 0, at = 0;
      while (at < ct.src[i]) {
        DecodeUtf8(in, at, &len);
        at += len;
      }
      EXPECT_EQ(at, ct.src[i]) << "src[" << i << "] points into the middle of a character";
    }
    // All bytes of one canonical character come from the same input character.
    if ((static_cast<unsigned char>(ct.text[i]) & 0xC0) == 0x80) {
      EXPECT_EQ(ct.src[i], ct.src[i - 1]) << "a canonical character split across inputs at " << i;
    }
  }
  EXPECT_EQ(FindInvalidUtf8(ct.text), std::string_view::npos) << "canonical text is not UTF-8";
}

struct NormCase {
  const char* name;
  const char* input;
  const char* canonical;
};

const NormCase kNormCases[] = {
    {"ascii_lower", "buy viagra", "buy viagra"},
    {"case_fold", "BUY CiAlIs NOW", "buy cialis now"},
    {"fullwidth_to_ascii", u8"\uFF36\uFF29\uFF21\uFF27\uFF32\uFF21", "viagra"},
    {"fullwidth_digits_and_punct", u8"\uFF11\uFF10\uFF10\uFF05 \uFF01", "100% !"},
    {"ligature_fi", u8"\uFB01nance", "finance"},
    {"sharp_s_folds", u8"Stra\u00DFe", "strasse"},
    {"zero_width_space", u8"vi\u200Bagra", "viagra"},
    {"zero_width_joiner_and_nonjoiner", u8"ca\u200Dsi\u200Cno", "casino"},
    {"soft_hyphen", u8"ci\u00ADalis", "cialis"},
    {"bom_and_word_joiner", u8"\uFEFFlo\u2060ans", "loans"},
    {"bidi_override", u8"\u202Epoker\u202C", "poker"},
    {"variation_selector", u8"win\uFE0F", "win"},
    {"cyrillic_i_in_latin_word", u8"v\u0456agra", "viagra"},
    {"cyrillic_a_and_o_in_latin_word", u8"c\u0430sin\u043E", "casino"},
    {"greek_omicron_in_latin_word", u8"p\u03BFker", "poker"},
    {"leet_digits", "c1al1s", "cialis"},
    {"leet_zero", "p0ker", "poker"},
    {"leet_dollar", "ca$ino", "casino"},
    {"at_sign_left_alone", "c@sino mail@web.de", "c@sino mail@web.de"},
    {"leet_upper_case", "V1AGRA", "viagra"},
    {"covid19_unchanged", "covid19", "covid19"},
    {"digits_at_word_edge_unchanged", "3d mp3 b2b 2024", "3d mp3 b2b 2024"},
    {"price_unchanged", "$5 for 1", "$5 for 1"},
    {"russian_word_with_latin_e", u8"\u041F\u0440\u0438\u0432e\u0442",
     u8"\u043F\u0440\u0438\u0432\u0435\u0442"},
    {"russian_word_with_latin_a_o", u8"\u041Aa\u0437\u0438\u043Do",
     u8"\u043A\u0430\u0437\u0438\u043D\u043E"},
    {"russian_plain_case_fold", u8"\u041C\u043E\u0441\u043A\u0432\u0430",
     u8"\u043C\u043E\u0441\u043A\u0432\u0430"},
    {"arabic_unchanged", u8"\u0645\u0631\u062D\u0628\u0627", u8"\u0645\u0631\u062D\u0628\u0627"},
    {"japanese_kept", u8"\u30B9\u30FC\u30D1\u30FC\u30B3\u30D4\u30FC",
     u8"\u30B9\u30FC\u30D1\u30FC\u30B3\u30D4\u30FC"},
    {"halfwidth_katakana_to_fullwidth", u8"\uFF7D\uFF70\uFF8A\uFF70", u8"\u30B9\u30FC\u30CF\u30FC"},
    {"punctuation_and_spaces_kept", "Buy now!  Call: 555.", "buy now!  call: 555."},
    {"empty", "", ""},
};

class NormalizeTest : public ::testing::TestWithParam<NormCase> {};

TEST_P(NormalizeTest, Canonical) {
  const NormCase& c = GetParam();
  CanonicalText ct;
  Normalize(c.input, &ct);
  EXPECT_EQ(ct.text, c.canonical);
  CheckOffsetMap(c.input, ct);
}

INSTANTIATE_TEST_SUITE_P(Normalizer, NormalizeTest, ::testing::ValuesIn(kNormCases),
                         [](const ::testing::TestParamInfo<NormCase>& p) {
                           return std::string(p.param.name);
                         });

TEST(Normalizer, CountsWordsMixedScriptAndLeet) {
  CanonicalText ct;
  Normalize(u8"buy v\u0456agra and c1al1s today", &ct);
  EXPECT_EQ(ct.text, "buy viagra and cialis today");
  EXPECT_EQ(ct.words, 5);
  EXPECT_EQ(ct.mixed_script_words, 1);
  EXPECT_EQ(ct.leet_folds, 2);

  Normalize("covid19 cases rose in 2024", &ct);
  EXPECT_EQ(ct.mixed_script_words, 0);
  EXPECT_EQ(ct.leet_folds, 0);
}

TEST(Normalizer, PureCyrillicWordsAreNotFolded) {
  // Cyrillic letters that look Latin are left alone when the word has no Latin letter.
  CanonicalText ct;
  Normalize(u8"\u0430\u0440\u0435\u0441", &ct);  // "арес", every letter has a Latin twin
  EXPECT_EQ(ct.text, u8"\u0430\u0440\u0435\u0441");
  EXPECT_EQ(ct.mixed_script_words, 0);
}

TEST(Normalizer, OffsetMapSkipsIgnorables) {
  // "vi" + U+200B (3 bytes, offsets 2..4) + "agra"
  const std::string in = u8"vi\u200Bagra";
  CanonicalText ct;
  Normalize(in, &ct);
  ASSERT_EQ(ct.text, "viagra");
  const std::vector<uint32_t> want = {0, 1, 5, 6, 7, 8, 9};
  EXPECT_EQ(ct.src, want);
  EXPECT_EQ(ct.ToCanonical(0), 0u);
  EXPECT_EQ(ct.ToCanonical(2), 2u);  // inside the removed character: the next canonical byte
  EXPECT_EQ(ct.ToCanonical(5), 2u);
  EXPECT_EQ(ct.ToCanonical(in.size()), ct.text.size());
}

TEST(Normalizer, OffsetMapForExpansions) {
  // U+FB01 "fi" ligature (3 bytes) expands to two bytes, both from input offset 0;
  // U+00DF (2 bytes at offset 5) expands to "ss".
  const std::string in = u8"\uFB01ne \u00DFx";
  CanonicalText ct;
  Normalize(in, &ct);
  ASSERT_EQ(ct.text, "fine ssx");
  const std::vector<uint32_t> want = {0, 0, 3, 4, 5, 6, 6, 8, 9};
  EXPECT_EQ(ct.src, want);
  CheckOffsetMap(in, ct);
}

TEST(Normalizer, OffsetMapForFullwidth) {
  const std::string in = u8"\uFF21\uFF22 c";  // two 3-byte characters, a space, 'c'
  CanonicalText ct;
  Normalize(in, &ct);
  ASSERT_EQ(ct.text, "ab c");
  const std::vector<uint32_t> want = {0, 3, 6, 7, 8};
  EXPECT_EQ(ct.src, want);
}

TEST(Normalizer, OffsetMapMapsBackToTheRightBytes) {
  // Every canonical ASCII letter must come from an input character that folds to it.
  const std::string in =
      u8"Breaking: B\u0423Y v\u0456\u200Bagra \uFF2E\uFF2F\uFF37 at c1al1s-shop, "
      u8"\u041F\u0440\u0438\u0432e\u0442 \u00DF \uFB01 covid19.";
  CanonicalText ct;
  Normalize(in, &ct);
  CheckOffsetMap(in, ct);
  for (size_t i = 0; i < ct.text.size(); ++i) {
    const size_t at = ct.src[i];
    size_t len = 0;
    DecodeUtf8(in, at, &len);
    std::string one_char = in.substr(at, len);
    // The canonical byte must appear in the canonical form of its own source character, or be
    // a look-alike/leet replacement (then the source is a letter, digit, @ or $).
    std::string alone = Canon(one_char);
    if (alone.find(ct.text[i]) == std::string::npos) {
      EXPECT_TRUE(len > 1 || std::isalnum(static_cast<unsigned char>(in[at])) || in[at] == '@' ||
                  in[at] == '$')
          << "canonical byte " << i << " (" << ct.text[i] << ") maps to input '" << one_char << "'";
    }
  }
  // Spot checks: where the words start.
  const size_t v = in.find(u8"v\u0456");
  EXPECT_EQ(ct.src[ct.text.find("viagra")], v);
  EXPECT_EQ(ct.src[ct.text.find("viagra") + 2], in.find("agra"));
  EXPECT_EQ(ct.src[ct.text.find("now")], in.find(u8"\uFF2E"));
  EXPECT_EQ(ct.src[ct.text.find("cialis") + 1], in.find("1al1s"));
}

TEST(Normalizer, InvalidUtf8ReadsAsReplacementCharacter) {
  const std::string in =
      "ab\xFF"
      "cd\xE2\x82";
  CanonicalText ct;
  Normalize(in, &ct);
  EXPECT_EQ(ct.text,
            "ab\xEF\xBF\xBD"
            "cd\xEF\xBF\xBD\xEF\xBF\xBD");
  CheckOffsetMap(in, ct);
  EXPECT_EQ(ct.src[2], 2u);
  EXPECT_EQ(ct.src[5], 3u);
}

TEST(Normalizer, ArbitraryBytesKeepInvariants) {
  // A cheap deterministic fuzz: the offset map invariants hold for any bytes.
  uint64_t state = 12345;
  auto next = [&]() {
    state = state * 6364136223846793005ull + 1442695040888963407ull;
    return static_cast<uint32_t>(state >> 33);
  };
  const std::string pieces[] = {
      "a",        "Z",        "1",        " ",        "\n",       "\xFF",
      "\x80",     "\xC3",     "\xE2\x82", u8"\u0456", u8"\u200B", u8"\uFF21",
      u8"\u00DF", u8"\uFB01", u8"\u30B9", "@",        "$",        u8"\U0001F600",
      u8"\u0645"};
  for (int round = 0; round < 300; ++round) {
    std::string in;
    const int n = static_cast<int>(next() % 40);
    for (int k = 0; k < n; ++k) in += pieces[next() % std::size(pieces)];
    CanonicalText ct;
    Normalize(in, &ct);
    CheckOffsetMap(in, ct);
    if (::testing::Test::HasFailure()) break;
  }
}

// NormalizeText() is Normalize() without the offset map, on every path (ASCII, the one-pass
// non-ASCII path, the general path with composition and script folding), reusing its output.
TEST(Normalizer, NormalizeTextIsNormalizeWithoutTheMap) {
  uint64_t state = 4242;
  auto next = [&]() {
    state = state * 6364136223846793005ull + 1442695040888963407ull;
    return static_cast<uint32_t>(state >> 33);
  };
  const std::string pieces[] = {
      "Word",     "a",        "C1AL1S",   " ",        "\n",       "4",        "$",
      "\x01",     "abcdefgh", "\xFF",     "\xC3",     u8"\u0456", u8"\u200B", u8"\uFF21",
      u8"\u00DF", u8"\uFB01", u8"\u30B9", u8"\u0301", u8"\u2019", u8"\u0645", u8"\U0001F600"};
  CanonicalText with_map, text_only;
  for (int round = 0; round < 3000; ++round) {
    std::string in;
    const int n = static_cast<int>(next() % 30);
    for (int k = 0; k < n; ++k) in += pieces[next() % std::size(pieces)];
    Normalize(in, &with_map);
    NormalizeText(in, &text_only);
    ASSERT_EQ(text_only.text, with_map.text) << in;
    ASSERT_EQ(text_only.words, with_map.words) << in;
    ASSERT_EQ(text_only.mixed_script_words, with_map.mixed_script_words) << in;
    ASSERT_EQ(text_only.leet_folds, with_map.leet_folds) << in;
    ASSERT_TRUE(text_only.src.empty()) << in;
  }
}

// ASCII text is normalised eight bytes at a time where it can be (no digit, '$' or control
// character in the chunk) and byte by byte elsewhere; both give what this reference gives:
// lower-case, control characters other than whitespace dropped, word runs counted, leet digits
// folded between two lower-case letters (left to right, in place).
TEST(Normalizer, AsciiChunksMatchTheByteRules) {
  uint64_t state = 777;
  auto next = [&]() {
    state = state * 6364136223846793005ull + 1442695040888963407ull;
    return static_cast<uint32_t>(state >> 33);
  };
  const std::string pieces[] = {"Word",   "viagra", "a", " ", "  ", ".",        ",",
                                "C1AL1S", "4",      "$", "@", "\t", "\n",       "\x01",
                                "\x7F",   "x",      "Q", "0", "-",  "abcdefgh", "IJKLMNOP"};
  for (int round = 0; round < 2000; ++round) {
    std::string in;
    const int n = static_cast<int>(next() % 30);
    for (int k = 0; k < n; ++k) in += pieces[next() % std::size(pieces)];
    std::string text;
    std::vector<uint32_t> src;
    int words = 0, leet = 0;
    bool in_word = false;
    std::vector<size_t> leet_at;
    for (size_t i = 0; i < in.size(); ++i) {
      const char c = in[i];
      if ((static_cast<unsigned char>(c) < 0x20 && c != '\t' && c != '\n') || c == 0x7F) continue;
      const bool word = std::isalnum(static_cast<unsigned char>(c)) != 0;
      if (word && !in_word) ++words;
      in_word = word;
      if (std::string_view("013457$").find(c) != std::string_view::npos)
        leet_at.push_back(text.size());
      text += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      src.push_back(static_cast<uint32_t>(i));
    }
    src.push_back(static_cast<uint32_t>(in.size()));
    auto lower = [](char c) { return c >= 'a' && c <= 'z'; };
    for (size_t k : leet_at) {
      if (k == 0 || k + 1 >= text.size() || !lower(text[k - 1]) || !lower(text[k + 1])) continue;
      const char from = text[k];
      text[k] = from == '0'   ? 'o'
                : from == '1' ? 'i'
                : from == '3' ? 'e'
                : from == '4' ? 'a'
                : from == '7' ? 't'
                              : 's';
      ++leet;
    }
    CanonicalText ct;
    Normalize(in, &ct);
    ASSERT_EQ(ct.text, text) << in;
    ASSERT_EQ(ct.src, src) << in;
    ASSERT_EQ(ct.words, words) << in;
    ASSERT_EQ(ct.leet_folds, leet) << in;
  }
}

TEST(Normalizer, ComposesDecomposedInput) {
  // NFKC composes: "cafe" + U+0301 COMBINING ACUTE ACCENT is the same text as "caf\u00E9",
  // so rules and n-grams must see the same canonical bytes for both spellings.
  EXPECT_EQ(Canon(u8"cafe\u0301"), Canon(u8"caf\u00E9"));
  // Half-width katakana with a separate voicing mark: \uFF8A \uFF9F is \u30D1 under NFKC.
  EXPECT_EQ(Canon(u8"\uFF8A\uFF9F"), u8"\u30D1");
}

TEST(Normalizer, ReusesOutputObject) {
  CanonicalText ct;
  Normalize(u8"c1al1s v\u0456agra", &ct);
  Normalize("plain", &ct);
  EXPECT_EQ(ct.text, "plain");
  EXPECT_EQ(ct.src.size(), 6u);
  EXPECT_EQ(ct.words, 1);
  EXPECT_EQ(ct.mixed_script_words, 0);
  EXPECT_EQ(ct.leet_folds, 0);
}

}  // namespace
}  // namespace spamstrip
