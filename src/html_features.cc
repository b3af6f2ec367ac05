#include "html_features.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace spamstrip {

const char* HtmlFeatureName(int f) {
  switch (f) {
    case kHtmlHidden:
      return "html_hidden";
    case kHtmlLinkShare:
      return "html_link_share";
    case kHtmlForeignLinks:
      return "html_foreign_links";
    case kHtmlBoilerplate:
      return "html_boilerplate";
    case kHtmlComments:
      return "html_comments";
    case kHtmlLinkFarm:
      return "html_link_farm";
    case kHtmlStrayLinks:
      return "html_stray_links";
    default:
      return "?";
  }
}

HtmlFeatureVector HtmlFeatures(const HtmlDocument& /*doc*/, const HtmlBlock& block, Range run) {
  HtmlFeatureVector h{};
  const HtmlFacts& f = block.facts;
  h[kHtmlHidden] = f.hidden != nullptr ? 1 : 0;
  const bool whole = run.start <= block.text.start && run.end >= block.text.end;
  size_t link_bytes = 0;
  uint32_t foreign = 0;
  if (whole) {
    link_bytes = f.link_text_bytes;
    foreign = f.foreign_links;
  } else {
    for (const HtmlLink& l : block.links) {
      const size_t a = std::max(l.text.start, run.start), b = std::min(l.text.end, run.end);
      if (a < b) {
        link_bytes += b - a;
        if (l.foreign) ++foreign;
      }
    }
  }
  h[kHtmlLinkShare] =
      run.size() > 0
          ? std::min(1.0, static_cast<double>(link_bytes) / static_cast<double>(run.size()))
          : 0.0;
  h[kHtmlForeignLinks] = std::log1p(static_cast<double>(foreign));
  h[kHtmlBoilerplate] =
      f.region != HtmlRegion::kContent && f.region != HtmlRegion::kComments ? 1 : 0;
  h[kHtmlComments] = f.region == HtmlRegion::kComments ? 1 : 0;
  h[kHtmlLinkFarm] = f.link_farm ? 1 : 0;
  h[kHtmlStrayLinks] =
      f.stray_links != HtmlFacts::kNoStrayLinks && run.start >= f.stray_links ? 1 : 0;
  return h;
}

namespace {

bool SpacesOnly(const std::string& text, size_t a, size_t b) {
  for (size_t k = a; k < b; ++k) {
    if (text[k] != ' ' && text[k] != '\n') return false;
  }
  return true;
}

}  // namespace

bool StartsApart(const HtmlDocument& doc, const HtmlBlock& block, size_t pos) {
  const std::string& t = doc.text;
  size_t k = std::min(pos, block.text.end);
  while (k > block.text.start && (t[k - 1] == ' ' || t[k - 1] == '\n')) --k;
  // Closing quotes and brackets: ASCII, and U+2019, U+201D (E2 80 99, E2 80 9D), U+00BB (C2 BB).
  for (;;) {
    if (k > block.text.start &&
        (t[k - 1] == '"' || t[k - 1] == '\'' || t[k - 1] == ')' || t[k - 1] == ']')) {
      --k;
    } else if (k >= block.text.start + 3 && t.compare(k - 3, 2, "\xE2\x80") == 0 &&
               (t[k - 1] == '\x99' || t[k - 1] == '\x9D')) {
      k -= 3;
    } else if (k >= block.text.start + 2 && t.compare(k - 2, 2, "\xC2\xBB") == 0) {
      k -= 2;
    } else {
      break;
    }
  }
  if (k <= block.text.start) return true;
  const char c = t[k - 1];
  return c == '.' || c == '!' || c == '?' || c == ':' || c == ';';
}

size_t TrailingForeignLinks(const HtmlDocument& doc, const HtmlBlock& block) {
  size_t start = block.text.end;
  size_t next = block.text.end;  // where the text after the chain so far begins
  for (size_t k = block.links.size(); k-- > 0;) {
    const HtmlLink& l = block.links[k];
    if (!l.foreign || l.text.start >= l.text.end || l.text.end > next ||
        !SpacesOnly(doc.text, l.text.end, next)) {
      break;
    }
    start = l.text.start;
    next = l.text.start;
  }
  return start == block.text.end || StartsApart(doc, block, start) ? start : block.text.end;
}

double HtmlLogit(const std::vector<float>& weights, const HtmlFeatureVector& h) {
  double z = 0;
  for (size_t j = 0; j < weights.size() && j < h.size(); ++j) z += weights[j] * h[j];
  return z;
}

void ExplainHtml(const std::vector<float>& weights, const HtmlFeatureVector& h,
                 std::vector<Reason>* out) {
  for (size_t j = 0; j < weights.size() && j < h.size(); ++j) {
    const double c = weights[j] * h[j];
    if (std::fabs(c) < 0.05) continue;
    char buf[32];
    std::snprintf(buf, sizeof(buf), "%.3g", h[j]);
    out->push_back(Reason{"feature", HtmlFeatureName(static_cast<int>(j)), c, buf});
  }
}

}  // namespace spamstrip
