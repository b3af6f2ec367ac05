// charset_fixtures.h — non-UTF-8 test bytes made in code with ICU, so no binary fixture is
// committed: Encode("Caf\u00e9", "windows-1252") == "Caf\xE9".
#ifndef SPAMSTRIP_TESTS_CHARSET_FIXTURES_H_
#define SPAMSTRIP_TESTS_CHARSET_FIXTURES_H_

#include <unicode/ucnv.h>

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

}  // namespace spamstrip::testing

#endif  // SPAMSTRIP_TESTS_CHARSET_FIXTURES_H_
