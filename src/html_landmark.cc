#include "html_landmark.h"

#include <initializer_list>

namespace spamstrip {
namespace {

char Lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }
bool IsUpper(char c) { return c >= 'A' && c <= 'Z'; }
bool IsLowerOrDigit(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); }
bool IsLetter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

bool EqualsAny(std::string_view w, std::initializer_list<const char*> words) {
  for (const char* x : words) {
    if (w == x) return true;
  }
  return false;
}

enum class Word { kNone, kState, kContent, kRegion };

Word Classify(std::string_view w, HtmlRegion* region) {
  if (EqualsAny(
          w, {"nav", "navbar", "navigation", "navmenu", "menu", "menubar", "megamenu", "breadcrumb",
              "breadcrumbs", "topnav", "subnav", "sitenav", "mainnav", "pagination"})) {
    *region = HtmlRegion::kNavigation;
    return Word::kRegion;
  }
  if (EqualsAny(w, {"header", "masthead"})) {
    *region = HtmlRegion::kHeader;
    return Word::kRegion;
  }
  if (EqualsAny(w, {"footer", "colophon"})) {
    *region = HtmlRegion::kFooter;
    return Word::kRegion;
  }
  if (EqualsAny(w, {"sidebar", "widget", "widgets", "related", "share", "sharing", "sharebar",
                    "social", "newsletter", "promo", "aside", "recommended", "advertisement",
                    "trending", "subscribe"})) {
    *region = HtmlRegion::kAside;
    return Word::kRegion;
  }
  if (w == "disqus" || (w.substr(0, 7) == "comment" && w.substr(0, 9) != "commentar" &&
                        w.substr(0, 9) != "commentat")) {
    *region = HtmlRegion::kComments;
    return Word::kRegion;
  }
  if (EqualsAny(w, {"content", "article", "story", "entry", "post"})) return Word::kContent;
  // State words, and prefixes of layout systems and page builders whose class names describe
  // layout rather than what the element holds ("l-sidebar-fixed", "elementor-widget").
  if (EqualsAny(w, {"has", "with", "no", "is", "show", "hide", "hidden", "js", "toggle", "enable",
                    "disable", "without", "not", "w", "l", "layout", "elementor"})) {
    return Word::kState;
  }
  return Word::kNone;
}

// The region one class name (no spaces) names.
bool RegionOfName(std::string_view name, HtmlRegion* region) {
  char word[32];
  size_t len = 0;
  bool first = true, seen_content = false, overflow = false;
  size_t i = 0;
  for (;;) {
    const bool at_end = i >= name.size();
    const char c = at_end ? '\0' : name[i];
    // A word ends at a non-letter or before an upper-case letter that follows a lower-case one.
    const bool boundary =
        at_end || !IsLetter(c) || (IsUpper(c) && i > 0 && IsLowerOrDigit(name[i - 1]) && len > 0);
    if (boundary && len > 0) {
      if (!overflow) {
        HtmlRegion r;
        const Word kind = Classify(std::string_view(word, len), &r);
        if (first && kind == Word::kState) return false;
        if (kind == Word::kContent) seen_content = true;
        if (kind == Word::kRegion) {
          if (seen_content) return false;
          *region = r;
          return true;
        }
      }
      first = false;
      len = 0;
      overflow = false;
    }
    if (at_end) break;
    if (IsLetter(c)) {
      if (len < sizeof(word)) {
        word[len++] = Lower(c);
      } else {
        overflow = true;
      }
    }
    ++i;
  }
  return false;
}

// Calls f(word, first) for each word of one class name; stops when f returns true.
template <typename F>
bool ForEachWord(std::string_view name, F f) {
  char word[32];
  size_t len = 0;
  bool first = true, overflow = false;
  for (size_t i = 0;; ++i) {
    const bool at_end = i >= name.size();
    const char c = at_end ? '\0' : name[i];
    const bool boundary =
        at_end || !IsLetter(c) || (IsUpper(c) && i > 0 && IsLowerOrDigit(name[i - 1]) && len > 0);
    if (boundary && len > 0) {
      if (!overflow && f(std::string_view(word, len), first)) return true;
      first = false;
      len = 0;
      overflow = false;
    }
    if (at_end) return false;
    if (IsLetter(c)) {
      if (len < sizeof(word)) {
        word[len++] = Lower(c);
      } else {
        overflow = true;
      }
    }
  }
}

bool IsArticleBodyName(std::string_view name) {
  bool after_article_word = false;
  return ForEachWord(name, [&](std::string_view w, bool) {
    if (after_article_word && (w == "content" || w == "body" || w == "text")) return true;
    after_article_word = w == "entry" || w == "post" || w == "article" || w == "story";
    return false;
  });
}

template <typename F>
bool AnyName(std::string_view names, F f) {
  size_t i = 0;
  while (i < names.size()) {
    while (i < names.size() && (names[i] == ' ' || names[i] == '\t' || names[i] == '\n')) ++i;
    size_t j = i;
    while (j < names.size() && names[j] != ' ' && names[j] != '\t' && names[j] != '\n') ++j;
    if (j > i && f(names.substr(i, j - i))) return true;
    i = j;
  }
  return false;
}

bool RegionOfNames(std::string_view names, HtmlRegion* region) {
  size_t i = 0;
  while (i < names.size()) {
    while (i < names.size() && (names[i] == ' ' || names[i] == '\t' || names[i] == '\n')) ++i;
    size_t j = i;
    while (j < names.size() && names[j] != ' ' && names[j] != '\t' && names[j] != '\n') ++j;
    if (j > i && RegionOfName(names.substr(i, j - i), region)) return true;
    i = j;
  }
  return false;
}

bool ContainsCaption(std::string_view s) {
  static constexpr char kWord[] = "caption";
  const size_t n = sizeof(kWord) - 1;
  for (size_t i = 0; i + n <= s.size(); ++i) {
    size_t k = 0;
    while (k < n && Lower(s[i + k]) == kWord[k]) ++k;
    if (k == n) return true;
  }
  return false;
}

}  // namespace

const char* HtmlRegionName(HtmlRegion region) {
  switch (region) {
    case HtmlRegion::kContent:
      return "content";
    case HtmlRegion::kNavigation:
      return "navigation";
    case HtmlRegion::kHeader:
      return "header";
    case HtmlRegion::kFooter:
      return "footer";
    case HtmlRegion::kAside:
      return "aside";
    case HtmlRegion::kComments:
      return "comments";
    case HtmlRegion::kForm:
      return "form";
  }
  return "content";
}

bool RegionFromNames(std::string_view class_attr, std::string_view id, HtmlRegion* region) {
  return RegionOfNames(id, region) || RegionOfNames(class_attr, region);
}

bool RegionFromRole(std::string_view role, HtmlRegion* region) {
  std::string_view r = role;
  while (!r.empty() && r.front() == ' ') r.remove_prefix(1);
  r = r.substr(0, r.find(' '));
  char buf[16];
  if (r.size() >= sizeof(buf)) return false;
  for (size_t i = 0; i < r.size(); ++i) buf[i] = Lower(r[i]);
  const std::string_view w(buf, r.size());
  if (w == "navigation" || w == "menubar" || w == "menu") {
    *region = HtmlRegion::kNavigation;
  } else if (w == "banner") {
    *region = HtmlRegion::kHeader;
  } else if (w == "contentinfo") {
    *region = HtmlRegion::kFooter;
  } else if (w == "complementary") {
    *region = HtmlRegion::kAside;
  } else if (w == "search") {
    *region = HtmlRegion::kForm;
  } else {
    return false;
  }
  return true;
}

bool NamesArticleBody(std::string_view class_attr, std::string_view id, std::string_view itemprop) {
  if (itemprop.size() == 11) {
    char buf[11];
    for (size_t i = 0; i < 11; ++i) buf[i] = Lower(itemprop[i]);
    if (std::string_view(buf, 11) == "articlebody") return true;
  }
  return AnyName(id, IsArticleBodyName) || AnyName(class_attr, IsArticleBodyName);
}

bool NamesCaption(std::string_view class_attr, std::string_view id) {
  return ContainsCaption(class_attr) || ContainsCaption(id);
}

}  // namespace spamstrip
