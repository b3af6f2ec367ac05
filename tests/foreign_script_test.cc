// Tests for foreign_script.h: text in a script the rest of its document does not use.
#include "foreign_script.h"

#include <gtest/gtest.h>

#include <string>

namespace spamstrip {
namespace {

const char kStory[] =
    "Council approves budget for road repairs\n\n"
    "The city council voted on Tuesday to approve a budget of 12 million dollars for road "
    "repairs across the northern districts, officials said.\n\n"
    "Work is expected to begin in the spring and last about eighteen months, according to the "
    "public works department.\n\n"
    "%s\n\n"
    "Residents have complained for years about potholes on the main avenues, and several "
    "councillors said the vote was overdue.";

// The script ForeignScriptRun finds for the whole block holding `needle` in kStory with
// `line` put in its middle (or in `text` when given).
Script ScriptOf(const std::string& line, const std::string& needle, std::string text = "") {
  if (text.empty()) {
    text = kStory;
    text.replace(text.find("%s"), 2, line);
  }
  AnalyzedDocument a;
  AnalyzeDocument(text, nullptr, nullptr, &a);
  const size_t at = text.find(needle);
  for (size_t i = 0; i < a.blocks.size(); ++i) {
    if (a.blocks[i].range.start <= at && at < a.blocks[i].range.end) {
      return ForeignScriptRun(text, a, i, 0, a.sentences[i].size());
    }
  }
  ADD_FAILURE() << "no block holds " << needle;
  return Script::kNone;
}

TEST(ForeignScript, KeywordHacksInScriptsTheModelNeverSaw) {
  EXPECT_EQ(ScriptOf("최고의 온라인 카지노 사이트 지금 가입하면 보너스 지급", "최고의"),
            Script::kHangul);
  // Japanese mixes Han and kana: one script, reported as kana.
  EXPECT_EQ(ScriptOf("激安ブランド財布 スーパーコピー 通販 送料無料", "激安"), Script::kKana);
  EXPECT_EQ(ScriptOf("高仿名牌手表 立即购买 全场免费送货", "高仿"), Script::kHan);
  EXPECT_EQ(ScriptOf("คาสิโนออนไลน์ที่ดีที่สุด สมัครวันนี้รับโบนัสทันที", "คาสิโน"), Script::kThai);
}

TEST(ForeignScript, LatinLookAlikesDoNotHideCyrillic) {
  // Half the letters of "Пpивeт, дpyг" are Latin look-alikes; the script is still Cyrillic.
  EXPECT_EQ(ScriptOf("Пpивeт, дpyг! Coздaй ceбe пaccивный иcтoчник дoxoдa", "Пpивeт"),
            Script::kCyrillic);
}

TEST(ForeignScript, WhatAnArticleWritesItselfIsNotForeign) {
  // A name in its own script inside an English sentence.
  EXPECT_EQ(ScriptOf("The band Кино, founded in Leningrad in 1981, played its last concert in "
                     "Moscow that summer.",
                     "The band"),
            Script::kNone);
  // Too few letters to say anything: a language link.
  EXPECT_EQ(ScriptOf("العربية", "العربية"), Script::kNone);
  // English on a Russian page is left to the model (handles, brand names, quotes).
  EXPECT_EQ(ScriptOf("", "Instagram",
                     "Повар рассказала о своих рецептах.\n\nChefs battle on Instagram every "
                     "week\n\nОна готовит каждый день и делится рецептами с читателями."),
            Script::kNone);
}

TEST(ForeignScript, AQuotationIntroducedByAColonIsTheArticles) {
  const std::string page =
      "Kita harus berhati-hati terhadap kebencian yang berlebihan.\n\n"
      "Dari hadits Abu Hurairah, Rasulullah bersabda :\n\n"
      "أحبب حبيبك هونا ما عسى أن يكون بغيضك يوما ما\n\n"
      "Cintailah orang yang kamu cintai sekadarnya.";
  EXPECT_EQ(ScriptOf("", "أحبب", page), Script::kNone);
  std::string injected = page;
  injected.replace(injected.find(" :"), 2, ".");
  EXPECT_EQ(ScriptOf("", "أحبب", injected), Script::kArabic);
}

// An Arabic article into which English spam was injected, as one long e-mail and as a cluster
// of lines: the English has most of the letters and most of the lines, but the article's own
// paragraphs are still its own. Counted by paragraph, Arabic is the page's script.
TEST(ForeignScript, InjectedEnglishDoesNotMakeTheArticleForeign) {
  const std::string email =
      "Dear friend, we are pleased to offer you an exclusive opportunity to refinance your home "
      "at the lowest rates ever seen, with no credit check, no fees and no obligation at all. "
      "Thousands of satisfied customers have already saved hundreds of dollars every month by "
      "answering this message; reply today with your name and phone number and one of our "
      "friendly agents will call you back within the hour to explain everything in detail.";
  const std::string page =
      "السفير يستقبل وفدا من الجامعة\n\n" + email + "\n\n" +
      "استقبل السفير بمقر السفارة وفدا من الجامعة ضمن إطار التعاون والتبادل المعرفي\n\n"
      "Buy cheap watches online today with free shipping worldwide\n"
      "Earn money from home with our proven system, no experience needed\n"
      "Hot singles in your area are waiting to chat with you tonight\n"
      "Get a free credit report and fix your score in thirty days\n\n"
      "وأكد السفير أهمية الزيارات المتبادلة في تعزيز العلاقات الثقافية والتعليمية";
  EXPECT_EQ(ScriptOf("", "استقبل", page), Script::kNone);
  EXPECT_EQ(ScriptOf("", "وأكد", page), Script::kNone);
  EXPECT_EQ(ScriptOf("", "السفير يستقبل", page), Script::kNone);
}

TEST(ForeignScript, ABilingualPageUsesBothScripts) {
  const std::string page =
      "Ministers meet to discuss the water agreement.\n\n"
      "يجتمع الوزراء لمناقشة اتفاقية المياه الجديدة بين البلدين\n\n"
      "The talks are expected to last two days.\n\n"
      "ومن المتوقع أن تستمر المحادثات يومين";
  EXPECT_EQ(ScriptOf("", "يجتمع", page), Script::kNone);
}

}  // namespace
}  // namespace spamstrip
