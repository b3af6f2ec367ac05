#include "char_table.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/uscript.h>
#include <unicode/uspoof.h>

#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

namespace spamstrip {
namespace {

Script MapScript(UScriptCode s) {
  switch (s) {
    case USCRIPT_LATIN:
      return Script::kLatin;
    case USCRIPT_CYRILLIC:
      return Script::kCyrillic;
    case USCRIPT_GREEK:
      return Script::kGreek;
    case USCRIPT_ARABIC:
      return Script::kArabic;
    case USCRIPT_HEBREW:
      return Script::kHebrew;
    case USCRIPT_HAN:
      return Script::kHan;
    case USCRIPT_HIRAGANA:
    case USCRIPT_KATAKANA:
      return Script::kKana;
    case USCRIPT_HANGUL:
      return Script::kHangul;
    case USCRIPT_THAI:
      return Script::kThai;
    case USCRIPT_DEVANAGARI:
      return Script::kDevanagari;
    case USCRIPT_COMMON:
    case USCRIPT_INHERITED:
    case USCRIPT_INVALID_CODE:
      return Script::kNone;
    default:
      return Script::kOtherScript;
  }
}

// Latin lower-case letters and the Cyrillic letters drawn the same way (used to read Latin
// look-alikes inside Cyrillic words, as in Russian spam that swaps letters to dodge filters).
char16_t CyrillicFor(char c) {
  switch (c) {
    case 'a':
      return u'а';
    case 'b':
      return u'в';
    case 'c':
      return u'с';
    case 'e':
      return u'е';
    case 'h':
      return u'н';
    case 'k':
      return u'к';
    case 'm':
      return u'м';
    case 'o':
      return u'о';
    case 'p':
      return u'р';
    case 't':
      return u'т';
    case 'x':
      return u'х';
    case 'y':
      return u'у';
    default:
      return 0;
  }
}

class Builder {
 public:
  Builder() {
    UErrorCode err = U_ZERO_ERROR;
    nfkc_ = icu::Normalizer2::getNFKCCasefoldInstance(err);
    if (U_FAILURE(err)) nfkc_ = nullptr;
    err = U_ZERO_ERROR;
    spoof_ = uspoof_open(&err);
    if (U_FAILURE(err)) spoof_ = nullptr;
  }
  ~Builder() {
    if (spoof_) uspoof_close(spoof_);
  }
  Builder(const Builder&) = delete;
  Builder& operator=(const Builder&) = delete;

  // Fills *info except `folded`, which is returned as a UTF-8 string.
  std::string Fill(char32_t c, CharInfo* info) const {
    const UChar32 u = static_cast<UChar32>(c);
    const int8_t type = u_charType(u);
    switch (type) {
      case U_UPPERCASE_LETTER:
      case U_LOWERCASE_LETTER:
      case U_TITLECASE_LETTER:
      case U_MODIFIER_LETTER:
      case U_OTHER_LETTER:
      case U_NON_SPACING_MARK:
      case U_COMBINING_SPACING_MARK:
      case U_ENCLOSING_MARK:
        info->cls = CharClass::kLetter;
        break;
      case U_DECIMAL_DIGIT_NUMBER:
      case U_LETTER_NUMBER:
      case U_OTHER_NUMBER:
        info->cls = CharClass::kDigit;
        break;
      case U_SPACE_SEPARATOR:
      case U_LINE_SEPARATOR:
      case U_PARAGRAPH_SEPARATOR:
        info->cls = CharClass::kSpace;
        break;
      case U_CONNECTOR_PUNCTUATION:
      case U_DASH_PUNCTUATION:
      case U_START_PUNCTUATION:
      case U_END_PUNCTUATION:
      case U_INITIAL_PUNCTUATION:
      case U_FINAL_PUNCTUATION:
      case U_OTHER_PUNCTUATION:
        info->cls = CharClass::kPunct;
        break;
      case U_FORMAT_CHAR:
        info->cls = CharClass::kIgnorable;
        break;
      case U_CONTROL_CHAR:
        info->cls = (c == '\t' || c == '\n' || c == '\r' || c == 0x0B || c == 0x0C || c == 0x85)
                        ? CharClass::kSpace
                        : CharClass::kIgnorable;
        break;
      default:
        info->cls = CharClass::kOther;
    }
    if (c == 0x034F || (c >= 0xFE00 && c <= 0xFE0F)) info->cls = CharClass::kIgnorable;
    if (nfkc_ != nullptr) info->boundary_before = nfkc_->hasBoundaryBefore(u);
    if (info->cls == CharClass::kIgnorable) return std::string();
    UErrorCode err = U_ZERO_ERROR;
    info->script = MapScript(uscript_getScript(u, &err));
    if (info->cls != CharClass::kLetter && info->cls != CharClass::kDigit) {
      info->script = Script::kNone;
    }
    std::string folded;
    if (nfkc_ != nullptr) {
      icu::UnicodeString src(u);
      err = U_ZERO_ERROR;
      icu::UnicodeString dst = nfkc_->normalize(src, err);
      if (U_SUCCESS(err)) dst.toUTF8String(folded);
    }
    if (folded.empty()) icu::UnicodeString(u).toUTF8String(folded);
    if ((info->script == Script::kCyrillic || info->script == Script::kGreek) && spoof_ &&
        info->cls == CharClass::kLetter) {
      icu::UnicodeString f = icu::UnicodeString::fromUTF8(folded);
      UChar out[16];
      err = U_ZERO_ERROR;
      int32_t n = uspoof_getSkeleton(spoof_, 0, f.getBuffer(), f.length(), out, 16, &err);
      if (U_SUCCESS(err) && n == 1 && out[0] >= 'a' && out[0] <= 'z') {
        info->latin_lookalike = static_cast<char>(out[0]);
      }
    }
    if (c >= 'a' && c <= 'z') info->cyrillic_lookalike = CyrillicFor(static_cast<char>(c));
    return folded;
  }

 private:
  const icu::Normalizer2* nfkc_ = nullptr;
  USpoofChecker* spoof_ = nullptr;
};

struct Table {
  std::vector<CharInfo> bmp;
  std::string pool;
};

const Table& GetTable() {
  static const Table* table = [] {
    auto* t = new Table;
    Builder b;
    t->bmp.resize(0x10000);
    std::vector<std::pair<uint32_t, uint32_t>> spans(0x10000);
    for (char32_t c = 0; c < 0x10000; ++c) {
      char32_t cc = (c >= 0xD800 && c <= 0xDFFF) ? 0xFFFD : c;
      std::string f = b.Fill(cc, &t->bmp[c]);
      spans[c] = {static_cast<uint32_t>(t->pool.size()), static_cast<uint32_t>(f.size())};
      t->pool += f;
    }
    for (char32_t c = 0; c < 0x10000; ++c) {
      t->bmp[c].folded = std::string_view(t->pool).substr(spans[c].first, spans[c].second);
    }
    return t;
  }();
  return *table;
}

struct Astral {
  std::mutex mu;
  std::unordered_map<char32_t, std::unique_ptr<std::pair<CharInfo, std::string>>> cache;
};

}  // namespace

const char* ScriptName(Script s) {
  static const char* const kNames[] = {"none", "latin", "cyrillic", "greek", "arabic",     "hebrew",
                                       "han",  "kana",  "hangul",   "thai",  "devanagari", "other"};
  size_t i = static_cast<size_t>(s);
  return i < sizeof(kNames) / sizeof(kNames[0]) ? kNames[i] : "other";
}

namespace internal {

const CharInfo* BmpTable() { return GetTable().bmp.data(); }

const CharInfo& AstralCharInfo(char32_t c) {
  const Table& t = GetTable();
  if (c > 0x10FFFF) return t.bmp[0xFFFD];
  static Astral* astral = new Astral;
  std::lock_guard<std::mutex> lock(astral->mu);
  auto& slot = astral->cache[c];
  if (!slot) {
    slot = std::make_unique<std::pair<CharInfo, std::string>>();
    Builder b;
    slot->second = b.Fill(c, &slot->first);
    slot->first.folded = slot->second;
  }
  return slot->first;
}

}  // namespace internal

}  // namespace spamstrip
