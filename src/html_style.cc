#include "html_style.h"

#include <cstdint>
#include <cstdlib>
#include <string>

namespace spamstrip {
namespace {

bool IsCssSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

std::string_view Trim(std::string_view s) {
  while (!s.empty() && IsCssSpace(s.front())) s.remove_prefix(1);
  while (!s.empty() && IsCssSpace(s.back())) s.remove_suffix(1);
  return s;
}

void LowerInto(std::string_view s, std::string* out) {
  out->clear();
  for (char c : s) out->push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
}

// A CSS length in px (em/rem as 16px, pt as 4/3 px, unitless as px). False when `v` does not
// start with a number.
bool ParseLength(std::string_view v, double* px) {
  v = Trim(v);
  const std::string s(v);
  char* end = nullptr;
  const double x = std::strtod(s.c_str(), &end);
  if (end == s.c_str()) return false;
  const std::string_view unit = Trim(std::string_view(end));
  double scale = 1;
  if (unit == "em" || unit == "rem") {
    scale = 16;
  } else if (unit == "pt") {
    scale = 4.0 / 3.0;
  } else if (!unit.empty() && unit != "px" && unit != "%" && unit != "vw" && unit != "vh") {
    return false;
  }
  *px = x * scale;
  return true;
}

bool IsZeroLength(std::string_view v) {
  double px = 1;
  return ParseLength(v, &px) && px == 0;
}

bool IsFarNegative(std::string_view v) {
  double px = 0;
  return ParseLength(v, &px) && px <= -500;
}

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  return -1;
}

// A colour as 0xRRGGBB, or -1 when `v` (lower case) is not one this reader knows or is
// transparent.
int64_t ParseColour(std::string_view v) {
  v = Trim(v);
  if (!v.empty() && v[0] == '#') {
    std::string_view h = v.substr(1);
    size_t n = 0;
    while (n < h.size() && HexValue(h[n]) >= 0) ++n;
    h = h.substr(0, n);
    if (h.size() == 3 || h.size() == 4) {
      int64_t c = 0;
      for (size_t i = 0; i < 3; ++i) c = c * 256 + HexValue(h[i]) * 17;
      return c;
    }
    if (h.size() == 6 || h.size() == 8) {
      int64_t c = 0;
      for (size_t i = 0; i < 6; ++i) c = c * 16 + HexValue(h[i]);
      return c;
    }
    return -1;
  }
  if (v.substr(0, 3) == "rgb") {
    const size_t open = v.find('(');
    if (open == std::string_view::npos) return -1;
    const std::string s(v.substr(open + 1));
    const char* p = s.c_str();
    int64_t c = 0;
    for (int i = 0; i < 3; ++i) {
      while (*p == ' ' || *p == ',') ++p;
      char* end = nullptr;
      const long x = std::strtol(p, &end, 10);
      if (end == p || x < 0 || x > 255) return -1;
      c = c * 256 + x;
      p = end;
    }
    return c;
  }
  static const struct {
    const char* name;
    int64_t rgb;
  } kNamed[] = {{"white", 0xFFFFFF},  {"black", 0x000000}, {"red", 0xFF0000},
                {"lime", 0x00FF00},   {"green", 0x008000}, {"blue", 0x0000FF},
                {"yellow", 0xFFFF00}, {"gray", 0x808080},  {"grey", 0x808080},
                {"silver", 0xC0C0C0}, {"navy", 0x000080},  {"orange", 0xFFA500}};
  const std::string_view word = v.substr(0, v.find(' '));
  for (const auto& n : kNamed) {
    if (word == n.name) return n.rgb;
  }
  return -1;
}

// The colour in a `background` shorthand: the first word (or rgb(...)) that reads as one.
int64_t BackgroundColour(std::string_view v) {
  const size_t rgb = v.find("rgb");
  if (rgb != std::string_view::npos) return ParseColour(v.substr(rgb));
  size_t i = 0;
  while (i < v.size()) {
    while (i < v.size() && IsCssSpace(v[i])) ++i;
    size_t j = i;
    while (j < v.size() && !IsCssSpace(v[j])) ++j;
    if (j > i) {
      const int64_t c = ParseColour(v.substr(i, j - i));
      if (c >= 0) return c;
    }
    i = j;
  }
  return -1;
}

}  // namespace

const char* HiddenByStyle(std::string_view style) {
  std::string display, visibility, font_size, position, left, top, right, text_indent, height,
      width, overflow, color, background;
  std::string prop, value;
  size_t i = 0;
  while (i < style.size()) {
    size_t end = style.find(';', i);
    if (end == std::string_view::npos) end = style.size();
    const std::string_view decl = style.substr(i, end - i);
    i = end + 1;
    const size_t colon = decl.find(':');
    if (colon == std::string_view::npos) continue;
    LowerInto(Trim(decl.substr(0, colon)), &prop);
    LowerInto(Trim(decl.substr(colon + 1)), &value);
    const size_t bang = value.find('!');
    if (bang != std::string::npos)
      value = std::string(Trim(std::string_view(value).substr(0, bang)));
    if (prop == "display") {
      display = value;
    } else if (prop == "visibility") {
      visibility = value;
    } else if (prop == "font-size") {
      font_size = value;
    } else if (prop == "position") {
      position = value;
    } else if (prop == "left") {
      left = value;
    } else if (prop == "top") {
      top = value;
    } else if (prop == "right") {
      right = value;
    } else if (prop == "text-indent") {
      text_indent = value;
    } else if (prop == "height" || prop == "max-height") {
      if (height.empty() || IsZeroLength(value)) height = value;
    } else if (prop == "width" || prop == "max-width") {
      if (width.empty() || IsZeroLength(value)) width = value;
    } else if (prop == "overflow" || prop == "overflow-x" || prop == "overflow-y") {
      if (overflow != "hidden") overflow = value;
    } else if (prop == "color") {
      color = value;
    } else if (prop == "background-color" || prop == "background") {
      background = value;
    }
  }
  if (display == "none") return "display:none";
  if (visibility == "hidden" || visibility == "collapse") return "visibility:hidden";
  if (!font_size.empty() && IsZeroLength(font_size)) return "font-size:0";
  if ((position == "absolute" || position == "fixed" || position == "relative") &&
      (IsFarNegative(left) || IsFarNegative(top) || IsFarNegative(right))) {
    return "off-screen";
  }
  if (IsFarNegative(text_indent)) return "text-indent";
  if ((overflow == "hidden" || overflow == "clip") &&
      ((!height.empty() && IsZeroLength(height)) || (!width.empty() && IsZeroLength(width)))) {
    return "zero-size";
  }
  if (!color.empty() && !background.empty()) {
    const int64_t fg = ParseColour(color);
    if (fg >= 0 && fg == BackgroundColour(background)) return "same-colour";
  }
  return nullptr;
}

}  // namespace spamstrip
