// charset_fixtures.h — non-UTF-8 test bytes made in code with ICU, so no binary fixture is
// committed: Encode("Caf\u00e9", "windows-1252") == "Caf\xE9". And the news pages with an
// injected spam line that the charset tests of audit, clean and serve decode.
#ifndef SPAMSTRIP_TESTS_CHARSET_FIXTURES_H_
#define SPAMSTRIP_TESTS_CHARSET_FIXTURES_H_

#include <unicode/ucnv.h>

#include <nlohmann/json.hpp>
#include <stdexcept>
#include <string>
#include <string_view>

namespace spamstrip::testing {

// `utf8` in the charset ICU calls `charset`; throws if a character cannot be encoded (a test
// must not silently lose its own text).
inline std::string Encode(std::string_view utf8, const char* charset) {
  UErrorCode err = U_ZERO_ERROR;
  UConverter* from = ucnv_open("UTF-8", &err);
  UConverter* to = ucnv_open(charset, &err);
  if (U_SUCCESS(err))
    ucnv_setFromUCallBack(to, UCNV_FROM_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &err);
  std::string out(utf8.size() * 4 + 16, '\0');
  char* target = out.data();
  const char* source = utf8.data();
  if (U_SUCCESS(err)) {
    ucnv_convertEx(to, from, &target, out.data() + out.size(), &source, utf8.data() + utf8.size(),
                   nullptr, nullptr, nullptr, nullptr, true, true, &err);
  }
  ucnv_close(from);
  ucnv_close(to);
  if (U_FAILURE(err)) throw std::runtime_error(std::string("Encode: ") + u_errorName(err));
  out.resize(static_cast<size_t>(target - out.data()));
  return out;
}

// `bytes` minus the [start, end) ranges of `removed` (a report's "removed"), which must be
// sorted and inside `bytes` (else "").
inline std::string BytesMinus(const std::string& bytes, const nlohmann::json& removed) {
  std::string out;
  size_t at = 0;
  for (const nlohmann::json& r : removed) {
    const size_t s = r.at("start"), e = r.at("end");
    if (at > s || e > bytes.size()) return "";
    out.append(bytes, at, s - at);
    at = e;
  }
  return out + bytes.substr(at);
}

// Pages written for this project, in UTF-8 here; tests encode them with Encode().

// A French-flavoured English news page: curly quotes, accents and a dash before the spam line
// (so UTF-8 and windows-1252 offsets differ there), a euro sign inside it.
inline const char kHarbourSpamLine[] =
    "<p>buy cipro online https://pharma-example.test/cipro no prescription pharmacy, only 0.59 "
    "\u20ac per pill</p>";

inline std::string HarbourCharsetPage(const std::string& head) {
  return "<!DOCTYPE html>\n<html><head>" + head +
         "<title>Saint-Malo harbour plan</title></head>\n"
         "<body><article><h1>Council approves the \u201cGrand Bassin\u201d harbour plan</h1>\n"
         "<p>The council approved the \u201cGrand Bassin\u201d plan on Monday after a long "
         "d\u00e9bat about costs \u2014 repairs, dredging and the timetable for the work, which is "
         "expected to take two years, said the mayor, Jos\u00e9 M\u00fcller.</p>\n" +
         kHarbourSpamLine +
         "\n<p>Residents of the quartier said the harbour had been neglected for years and "
         "welcomed the d\u00e9cision, though some worried about noise, traffic and the "
         "caf\u00e9 terraces during the work.</p>\n</article></body></html>\n";
}

inline const char kCasinoLine[] =
    "<p>Best online casino bonus: get 200 free spins at https://casino-example.test/spins today, "
    "no deposit needed!</p>";

// A Japanese news page with an English casino line injected between its paragraphs.
inline std::string JapanesePage(const std::string& head) {
  return "<!DOCTYPE html>\n<html lang=\"ja\"><head>" + head +
         "<title>\u6e2f\u306e\u518d\u958b\u767a\u8a08\u753b</title></head>\n"
         "<body><article><h1>\u5e02\u8b70\u4f1a\u3001\u6e2f\u306e\u518d\u958b\u767a\u8a08\u753b"
         "\u3092\u627f\u8a8d</h1>\n"
         "<p>\u5e02\u8b70\u4f1a\u306f\u6708\u66dc\u65e5\u3001\u9577\u3044\u8b70\u8ad6\u306e\u672b"
         "\u306b\u6e2f\u306e\u518d\u958b\u767a\u8a08\u753b\u3092\u627f\u8a8d\u3057\u305f\u3002"
         "\u5de5\u4e8b\u306b\u306f\u4e8c\u5e74\u304b\u304b\u308b\u898b\u8fbc\u307f\u3067\u3001"
         "\u8cbb\u7528\u306f\u7d04\u56db\u5341\u5104\u5186\u306b\u4e0a\u308b\u3002</p>\n" +
         kCasinoLine +
         "\n<p>\u4f4f\u6c11\u306e\u591a\u304f\u306f\u6c7a\u5b9a\u3092\u6b53\u8fce\u3057\u305f"
         "\u304c\u3001\u5de5\u4e8b\u4e2d\u306e\u9a12\u97f3\u3084\u4ea4\u901a\u6e0b\u6ede\u3092"
         "\u5fc3\u914d\u3059\u308b\u58f0\u3082\u3042\u3063\u305f\u3002\u5e02\u306f\u6765\u6708"
         "\u3001\u8aac\u660e\u4f1a\u3092\u958b\u304f\u4e88\u5b9a\u3060\u3002</p>\n"
         "</article></body></html>\n";
}

}  // namespace spamstrip::testing

#endif  // SPAMSTRIP_TESTS_CHARSET_FIXTURES_H_
