// html_style.h — whether an inline style attribute hides its element from a reader.
//
// The style is read leniently: declarations split at ';', property and value case-insensitive,
// "!important" ignored, later declarations override earlier ones. Only inline styles are seen
// (no style sheets, no classes). Pure.
#ifndef SPAMSTRIP_SRC_HTML_STYLE_H_
#define SPAMSTRIP_SRC_HTML_STYLE_H_

#include <string_view>

namespace spamstrip {

// The reason the style hides the element — "display:none", "visibility:hidden", "font-size:0",
// "off-screen" (positioned far to the top/left/right), "text-indent" (large negative indent),
// "zero-size" (height or width 0 with overflow hidden), "same-colour" (text colour equal to the
// background colour stated on the same element) — or nullptr.
const char* HiddenByStyle(std::string_view style);

}  // namespace spamstrip

#endif  // SPAMSTRIP_SRC_HTML_STYLE_H_
