#include "html_stray_links.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "html_features.h"
#include "html_lists.h"

namespace spamstrip {
namespace {

// Links to each foreign site, counted over blocks [from, to) of `doc`.
using SiteCounts = std::map<std::string, size_t>;
void CountSites(const HtmlDocument& doc, size_t from, size_t to, SiteCounts* out) {
  for (size_t i = from; i < to; ++i) {
    for (const HtmlLink& l : doc.blocks[i].links) {
      if (l.foreign) ++(*out)[SiteOf(l.host)];
    }
  }
}

// Whether the page links `site` no more often than `local` does.
bool LinkedOnlyHere(const SiteCounts& page, const SiteCounts& local, const std::string& site) {
  auto p = page.find(site), l = local.find(site);
  return p != page.end() && l != local.end() && p->second <= l->second;
}

// Whether the text of link `l` names where it goes: a URL or domain ("pic.twitter.com/x",
// "http://example.org/"), or the site's name ("YouTube" to youtube.com, "The A.V. Club" to
// avclub.com). Social profiles, sister publications and cited sources are linked so; a bought
// link's text is the keyword it sells.
bool NamesItsSite(const std::string& text, const HtmlLink& l) {
  const std::string_view t = std::string_view(text).substr(l.text.start, l.text.size());
  std::string letters;  // lower-case ASCII letters and digits of the text
  bool spaced = false, dotted = false;
  for (size_t k = 0; k < t.size(); ++k) {
    const char c = t[k];
    if (c == ' ' || c == '\n') spaced = true;
    // A dot between a letter or digit (any script: a byte of a UTF-8 sequence) and a letter.
    const auto before = static_cast<unsigned char>(k > 0 ? t[k - 1] : ' ');
    if (c == '.' && k + 1 < t.size() && (std::isalnum(before) || before >= 0x80) &&
        std::isalpha(static_cast<unsigned char>(t[k + 1]))) {
      dotted = true;
    }
    if (std::isalnum(static_cast<unsigned char>(c))) {
      letters += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
  }
  if (t.find("://") != std::string_view::npos || (dotted && !spaced)) return true;
  const std::string site = SiteOf(l.host);
  std::string name;  // the site's name: its letters and digits before the first dot
  for (char c : site.substr(0, site.find('.'))) {
    if (std::isalnum(static_cast<unsigned char>(c))) name += c;
  }
  constexpr size_t kMinName = 3;
  return (name.size() >= kMinName && letters.find(name) != std::string::npos) ||
         (letters.size() >= kMinName && name.find(letters) != std::string::npos);
}

// Whether block `b` is wholly text of links to foreign sites linked nowhere outside `local`
// (the block's list, or the block), none naming its site; its links are counted in *sites.
bool StrayLinksOnly(const HtmlDocument& doc, const HtmlBlock& b, const SiteCounts& page,
                    const SiteCounts& local, SiteCounts* sites) {
  if (b.facts.links == 0 || b.facts.foreign_links < b.facts.links || b.text.size() == 0 ||
      size_t{b.facts.link_text_bytes} * 10 < b.text.size() * 9) {
    return false;
  }
  for (const HtmlLink& l : b.links) {
    if (!LinkedOnlyHere(page, local, SiteOf(l.host)) || NamesItsSite(doc.text, l)) return false;
  }
  for (const HtmlLink& l : b.links) ++(*sites)[SiteOf(l.host)];
  return true;
}

// Whether links to `sites` spread over several sites, none taking more than two thirds of them
// (a partner site's menu links one site over and over; a link farm sells to many).
bool Spread(const SiteCounts& sites) {
  size_t total = 0, most = 0;
  for (const auto& [site, n] : sites) {
    total += n;
    most = std::max(most, n);
  }
  return sites.size() >= 2 && 3 * most <= 2 * total;
}

}  // namespace

void MarkStrayLinks(HtmlDocument* doc) {
  if (doc->page_site.empty()) return;  // no link is foreign
  SiteCounts page;
  CountSites(*doc, 0, doc->blocks.size(), &page);
  if (page.empty()) return;
  std::vector<HtmlBlock>& blocks = doc->blocks;
  for (size_t i = 0; i < blocks.size();) {
    // The list starting at i (html_lists.h).
    const size_t j = i + blocks[i].facts.list_items;
    SiteCounts local;
    CountSites(*doc, i, j, &local);
    SiteCounts sites;
    if (j - i >= kMinFarmItems) {
      std::vector<bool> farm(j - i);
      size_t items = 0;
      for (size_t k = i; k < j; ++k) {
        farm[k - i] = StrayLinksOnly(*doc, blocks[k], page, local, &sites);
        items += farm[k - i];
      }
      if (items >= kMinFarmItems && 4 * items >= 3 * (j - i) && Spread(sites)) {
        for (size_t k = i; k < j; ++k) blocks[k].facts.link_farm = farm[k - i];
      }
    } else if (j == i + 1 && !IsListItem(blocks[i])) {
      // A run of links that is a block of its own ("<div><a>..</a> <a>..</a> <a>..</a></div>").
      blocks[i].facts.link_farm = blocks[i].facts.links >= kMinFarmItems &&
                                  StrayLinksOnly(*doc, blocks[i], page, local, &sites) &&
                                  Spread(sites);
    }
    i = j;
  }
  for (HtmlBlock& b : blocks) {
    const size_t tail = TrailingForeignLinks(*doc, b);
    if (tail <= b.text.start || tail >= b.text.end) continue;
    SiteCounts local;
    bool alone = true;
    for (const HtmlLink& l : b.links) {
      if (l.text.start < tail) continue;
      ++local[SiteOf(l.host)];
      alone = alone && !NamesItsSite(doc->text, l);
    }
    for (const auto& [site, n] : local) alone = alone && LinkedOnlyHere(page, local, site);
    if (alone) b.facts.stray_links = tail;
  }
}

}  // namespace spamstrip
