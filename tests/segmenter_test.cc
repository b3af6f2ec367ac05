// Tests for segmenter.h: paragraphs, blocks (one per line), kinds and sentences, all as byte
// ranges of the input.
#include "segmenter.h"

#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

namespace spamstrip {
namespace {

bool IsSpace(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v';
}

std::string Text(std::string_view t, Range r) { return std::string(t.substr(r.start, r.size())); }

std::vector<Segment> Segment_(std::string_view text) {
  std::vector<Segment> out;
  SegmentText(text, &out);
  return out;
}

// Each block's text with the number of its paragraph.
std::vector<std::pair<std::string, size_t>> TextsAndParagraphs(std::string_view text,
                                                               const std::vector<Segment>& segs) {
  std::vector<std::pair<std::string, size_t>> out;
  for (const Segment& s : segs) out.emplace_back(Text(text, s.range), s.paragraph);
  return out;
}

std::vector<std::string> Sentences(std::string_view text) {
  std::vector<Range> out;
  SplitSentences(text, Range{0, text.size()}, &out);
  std::vector<std::string> s;
  for (Range r : out) s.push_back(Text(text, r));
  return s;
}

// Invariants of every segmentation.
void CheckSegments(std::string_view text, const std::vector<Segment>& segs) {
  size_t prev_end = 0;
  for (size_t i = 0; i < segs.size(); ++i) {
    const Segment& s = segs[i];
    SCOPED_TRACE("block " + std::to_string(i));
    ASSERT_LT(s.range.start, s.range.end);
    ASSERT_LE(s.range.end, text.size());
    EXPECT_LE(prev_end, s.range.start);
    EXPECT_FALSE(IsSpace(text[s.range.start]));
    EXPECT_FALSE(IsSpace(text[s.range.end - 1]));
    EXPECT_EQ(Text(text, s.range).find('\n'), std::string::npos) << "a block spans lines";
    ASSERT_FALSE(s.sentences.empty());
    EXPECT_EQ(s.sentences.front().start, s.range.start);
    EXPECT_EQ(s.sentences.back().end, s.range.end);
    size_t sprev = s.range.start;
    for (Range r : s.sentences) {
      EXPECT_LE(sprev, r.start);
      EXPECT_LT(r.start, r.end);
      EXPECT_LE(r.size(), kMaxSentenceBytes);
      EXPECT_FALSE(IsSpace(text[r.start]));
      EXPECT_FALSE(IsSpace(text[r.end - 1]));
      // Nothing but whitespace between consecutive sentences.
      for (size_t k = sprev; k < r.start; ++k) EXPECT_TRUE(IsSpace(text[k])) << "gap byte " << k;
      sprev = r.end;
    }
    prev_end = s.range.end;
  }
}

TEST(Segmenter, ParagraphsByBlankLines) {
  const std::string t = "First para here.\n\nSecond para here.\n\n\n\nThird para here.";
  auto segs = Segment_(t);
  CheckSegments(t, segs);
  EXPECT_EQ(TextsAndParagraphs(t, segs),
            (std::vector<std::pair<std::string, size_t>>{
                {"First para here.", 0}, {"Second para here.", 1}, {"Third para here.", 2}}));
}

TEST(Segmenter, WhitespaceOnlyLineIsBlank) {
  const std::string t = "One sentence here.\n  \t \nAnother sentence here.\n";
  auto segs = Segment_(t);
  CheckSegments(t, segs);
  ASSERT_EQ(segs.size(), 2u);
  EXPECT_EQ(segs[1].paragraph, 1u);
}

TEST(Segmenter, EachLineIsABlock) {
  const std::string t =
      "The first line of a paragraph ends here.\nThe second line of it ends here.\n\nNext one.";
  auto segs = Segment_(t);
  CheckSegments(t, segs);
  ASSERT_EQ(segs.size(), 3u);
  EXPECT_EQ(segs[0].paragraph, 0u);
  EXPECT_EQ(segs[1].paragraph, 0u);
  EXPECT_EQ(segs[0].line_in_paragraph, 0u);
  EXPECT_EQ(segs[1].line_in_paragraph, 1u);
  EXPECT_EQ(segs[0].lines_in_paragraph, 2u);
  EXPECT_EQ(segs[1].lines_in_paragraph, 2u);
  EXPECT_EQ(segs[0].kind, BlockKind::kLine);
  EXPECT_EQ(segs[1].kind, BlockKind::kLine);
  EXPECT_EQ(segs[2].paragraph, 1u);
  EXPECT_EQ(segs[2].lines_in_paragraph, 1u);
  EXPECT_EQ(segs[2].kind, BlockKind::kParagraph);
}

TEST(Segmenter, RangesAreTrimmed) {
  const std::string t = "   Indented text here.   \n\t\tTabbed text here.\t\n";
  auto segs = Segment_(t);
  CheckSegments(t, segs);
  ASSERT_EQ(segs.size(), 2u);
  EXPECT_EQ(segs[0].range.start, 3u);
  EXPECT_EQ(Text(t, segs[0].range), "Indented text here.");
  EXPECT_EQ(Text(t, segs[1].range), "Tabbed text here.");
}

TEST(Segmenter, CrlfInput) {
  const std::string t =
      "Headline Here\r\n\r\nA first paragraph.\r\nA second line.\r\n\r\nLast.\r\n";
  auto segs = Segment_(t);
  CheckSegments(t, segs);
  EXPECT_EQ(
      TextsAndParagraphs(t, segs),
      (std::vector<std::pair<std::string, size_t>>{
          {"Headline Here", 0}, {"A first paragraph.", 1}, {"A second line.", 1}, {"Last.", 2}}));
}

TEST(Segmenter, EmptyAndBlankInput) {
  EXPECT_TRUE(Segment_("").empty());
  EXPECT_TRUE(Segment_("\n\n \t\r\n").empty());
}

TEST(Segmenter, NoTrailingNewline) {
  const std::string t = "Only one block.";
  auto segs = Segment_(t);
  ASSERT_EQ(segs.size(), 1u);
  EXPECT_EQ(segs[0].range.end, t.size());
}

struct KindCase {
  const char* name;
  const char* line;
  BlockKind kind;
};

const KindCase kKindCases[] = {
    {"share_count", "351", BlockKind::kNoise},
    {"date_only", "29.12.2021", BlockKind::kNoise},
    {"stars", "* * *", BlockKind::kNoise},
    {"photo_caption", "Photo: Soldiers at the border crossing on Tuesday", BlockKind::kCaption},
    {"photo_caption_upper", "PHOTO: REUTERS", BlockKind::kCaption},
    {"image_credit", "Credit: Jane Doe/Agency", BlockKind::kCaption},
    {"read_more", "Read more: How the ferry strike affects travellers", BlockKind::kCaption},
    {"related", "Related: Port workers vote on new contract.", BlockKind::kCaption},
    {"file_photo", "File photo of the harbour in winter", BlockKind::kCaption},
    {"labelled_credit", "Main image credit: Getty", BlockKind::kCaption},
    {"labelled_photo", "Top photo: Boats in the old harbour", BlockKind::kCaption},
    {"label_too_long_is_heading", "Why the council changed its mind about the harbour: a timeline",
     BlockKind::kHeading},
    {"one_word_before_colon_is_not_a_label", "Warning: the harbour is closed", BlockKind::kHeading},
    {"colon_after_a_non_label_word", "Local businesses react: mixed feelings", BlockKind::kHeading},
    {"heading", "Iraq-US security and political relationship", BlockKind::kHeading},
    {"heading_short", "Background", BlockKind::kHeading},
    {"sentence_is_paragraph", "The minister said the plan would be published next week.",
     BlockKind::kParagraph},
    {"question_is_paragraph", "What happens next?", BlockKind::kParagraph},
    {"long_line_without_stop_is_paragraph",
     "The council said on Monday that the new rules for market traders would come into force "
     "in the spring after a long consultation",
     BlockKind::kParagraph},
    {"quote_ending_is_paragraph", "\"We are ready,\" she said, \"and we will go.\"",
     BlockKind::kParagraph},
    // Open bug (fails today): a closing curly quote after the stop is final punctuation too;
    // Classify() looks only at the last byte, so this short quoted sentence becomes a heading.
    {"curly_quote_ending_is_paragraph",
     u8"He called the result \u201Ca disaster for everyone.\u201D", BlockKind::kParagraph},
};

class KindTest : public ::testing::TestWithParam<KindCase> {};

TEST_P(KindTest, ClassifiesSingleLineParagraph) {
  const KindCase& c = GetParam();
  const std::string t = std::string("\n") + c.line + "\n\n";
  auto segs = Segment_(t);
  ASSERT_EQ(segs.size(), 1u);
  EXPECT_EQ(BlockKindName(segs[0].kind), std::string(BlockKindName(c.kind))) << c.line;
}

INSTANTIATE_TEST_SUITE_P(Segmenter, KindTest, ::testing::ValuesIn(kKindCases),
                         [](const ::testing::TestParamInfo<KindCase>& p) {
                           return std::string(p.param.name);
                         });

using S = std::vector<std::string>;

struct SentenceCase {
  const char* name;
  const char* text;
  S sentences;
};

const SentenceCase kSentenceCases[] = {
    {"basic",
     "He left. She stayed! Why? Nobody knows.",
     {"He left.", "She stayed!", "Why?", "Nobody knows."}},
    {"one_sentence", "Just one sentence here", {"Just one sentence here"}},
    {"repeated_marks", "Really?! Yes... Fine.", {"Really?!", "Yes...", "Fine."}},
    {"decimal_number",
     "Prices rose 3.5 percent. Then fell.",
     {"Prices rose 3.5 percent.", "Then fell."}},
    {"lower_case_continues",
     "They met at 9 a.m. on Monday. Then left.",
     {"They met at 9 a.m. on Monday.", "Then left."}},
    {"abbreviation_before_lower",
     "It costs approx. five pounds. Cheap.",
     {"It costs approx. five pounds.", "Cheap."}},
    {"us_before_lower",
     "The U.S. officials agreed. Talks ended.",
     {"The U.S. officials agreed.", "Talks ended."}},
    {"url_dots_do_not_split",
     "Visit example.com/news.html today. Done.",
     {"Visit example.com/news.html today.", "Done."}},
    {"closing_double_quote",
     "He said \"Stop.\" Then he left.",
     {"He said \"Stop.\"", "Then he left."}},
    {"closing_curly_quote",
     u8"She said \u201CNo.\u201D Then silence.",
     {u8"She said \u201CNo.\u201D", "Then silence."}},
    {"closing_curly_single_quote",
     u8"He said \u2018Go.\u2019 They went.",
     {u8"He said \u2018Go.\u2019", "They went."}},
    {"closing_paren", "(See the chart.) Numbers rose.", {"(See the chart.)", "Numbers rose."}},
    {"closing_bracket", "[Updated.] More soon.", {"[Updated.]", "More soon."}},
    {"ellipsis_char", u8"Wait\u2026 What now?", {u8"Wait\u2026", "What now?"}},
    {"ellipsis_at_end", u8"And then\u2026", {u8"And then\u2026"}},
    {"digit_after_stop_splits",
     "It was late. 2024 was a hard year.",
     {"It was late.", "2024 was a hard year."}},
    {"cyrillic_next_sentence",
     u8"\u0412\u0441\u0451 \u0445\u043E\u0440\u043E\u0448\u043E. \u0414\u0430.",
     {u8"\u0412\u0441\u0451 \u0445\u043E\u0440\u043E\u0448\u043E.", u8"\u0414\u0430."}},
    {"spam_sentence_appended",
     "The talks will resume in May. Buy cheap viagra online now!",
     {"The talks will resume in May.", "Buy cheap viagra online now!"}},
    {"multiple_spaces", "One.    Two.", {"One.", "Two."}},
    {"no_space_after_stop", "End.Start", {"End.Start"}},
    // Spam is often appended in lower case: a lower-case start splits unless the word before the
    // stop is an abbreviation.
    {"lower_case_after_word_splits",
     "The vote ended. buy cheap pills online now",
     {"The vote ended.", "buy cheap pills online now"}},
    {"lower_case_after_etc_continues",
     "Ports, roads etc. were closed.",
     {"Ports, roads etc. were closed."}},
    // Open bugs (fail today; see the report to the lead): a title before a name is not the end
    // of a sentence. Splitting here cut "I met Mrs." off an injected testimonial.
    {"title_before_name",
     "I met Mrs. Laura Bennett. She smiled.",
     {"I met Mrs. Laura Bennett.", "She smiled."}},
    {"doctor_before_name",
     "Said Dr. Helen Marsh. Then left.",
     {"Said Dr. Helen Marsh.", "Then left."}},
};

class SentenceTest : public ::testing::TestWithParam<SentenceCase> {};

TEST_P(SentenceTest, Splits) {
  const SentenceCase& c = GetParam();
  EXPECT_EQ(Sentences(c.text), c.sentences);
}

INSTANTIATE_TEST_SUITE_P(Segmenter, SentenceTest, ::testing::ValuesIn(kSentenceCases),
                         [](const ::testing::TestParamInfo<SentenceCase>& p) {
                           return std::string(p.param.name);
                         });

TEST(Segmenter, SentencesOfASubrange) {
  const std::string t = "xxx One. Two. yyy";
  std::vector<Range> out;
  SplitSentences(t, Range{4, 13}, &out);
  ASSERT_EQ(out.size(), 2u);
  EXPECT_EQ(Text(t, out[0]), "One.");
  EXPECT_EQ(Text(t, out[1]), "Two.");
}

TEST(Segmenter, SplitSentencesAppends) {
  const std::string t = "A b. C d.";
  std::vector<Range> out = {Range{0, 1}};
  SplitSentences(t, Range{0, t.size()}, &out);
  ASSERT_EQ(out.size(), 3u);
  EXPECT_EQ(out[0].end, 1u);
}

// Long lines without sentence punctuation are cut into pieces of at most kMaxSentenceBytes.
void CheckLongLine(const std::string& t, bool expect_whitespace_cuts) {
  auto segs = Segment_(t);
  CheckSegments(t, segs);
  ASSERT_EQ(segs.size(), 1u);
  const auto& s = segs[0].sentences;
  ASSERT_GE(s.size(), t.size() / kMaxSentenceBytes);
  for (size_t k = 0; k + 1 < s.size(); ++k) {
    EXPECT_LE(s[k].size(), kMaxSentenceBytes);
    if (expect_whitespace_cuts) {
      EXPECT_TRUE(IsSpace(t[s[k].end])) << "piece " << k << " not cut at whitespace";
    }
    // Never inside a UTF-8 character.
    EXPECT_NE(static_cast<unsigned char>(t[s[k + 1].start]) & 0xC0, 0x80) << "piece " << k + 1;
  }
  // The pieces cover every non-space byte.
  size_t covered = 0, nonspace = 0;
  for (char c : t) nonspace += !IsSpace(c);
  for (Range r : s) {
    for (size_t k = r.start; k < r.end; ++k) covered += !IsSpace(t[k]);
  }
  EXPECT_EQ(covered, nonspace);
}

TEST(Segmenter, LongLineCutAtWhitespace) {
  std::string t;
  while (t.size() < 20000) t += "lorem ipsum dolor sit amet consectetur ";
  CheckLongLine(t, /*expect_whitespace_cuts=*/true);
}

TEST(Segmenter, LongLineWithoutWhitespace) { CheckLongLine(std::string(10000, 'x'), false); }

TEST(Segmenter, LongLineOfMultibyteCharsIsCutAtCharacterBoundaries) {
  std::string t;
  for (int i = 0; i < 3000; ++i) t += u8"\u0436";  // 2 bytes each, no spaces
  t += " ";
  for (int i = 0; i < 2000; ++i) t += u8"\u20AC";  // 3 bytes each
  CheckLongLine(t, false);
}

TEST(Segmenter, LongLineOfSentencesIsNotCut) {
  std::string t;
  while (t.size() < 20000) t += "A short sentence. ";
  auto segs = Segment_(t);
  CheckSegments(t, segs);
  ASSERT_EQ(segs.size(), 1u);
  for (Range r : segs[0].sentences) EXPECT_EQ(Text(t, r), "A short sentence.");
}

TEST(Segmenter, InvalidUtf8DoesNotBreakRanges) {
  const std::string t = "Bad \xFF bytes here.\n\n\xE2\x82 truncated. Next.\n\n\xC3";
  auto segs = Segment_(t);
  CheckSegments(t, segs);
  ASSERT_EQ(segs.size(), 3u);
  EXPECT_EQ(segs[2].kind, BlockKind::kNoise);
}

TEST(Segmenter, MixedDocument) {
  const std::string t =
      "Ferry Strike Ends\n"
      "\n"
      "351\n"
      "Photo: Ferries wait at the quay in Dover\n"
      "\n"
      "The strike ended on Friday. Services resume at noon.\n"
      "\n"
      "Read more: What the deal means for passengers\n";
  auto segs = Segment_(t);
  CheckSegments(t, segs);
  ASSERT_EQ(segs.size(), 5u);
  EXPECT_EQ(segs[0].kind, BlockKind::kHeading);
  EXPECT_EQ(segs[1].kind, BlockKind::kNoise);
  EXPECT_EQ(segs[2].kind, BlockKind::kCaption);
  EXPECT_EQ(segs[3].kind, BlockKind::kParagraph);
  EXPECT_EQ(segs[3].sentences.size(), 2u);
  EXPECT_EQ(segs[4].kind, BlockKind::kCaption);
  EXPECT_EQ(segs[1].paragraph, segs[2].paragraph);
}

}  // namespace
}  // namespace spamstrip
