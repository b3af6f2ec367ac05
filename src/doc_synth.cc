#include "doc_synth.h"

#include <algorithm>
#include <map>

#include "block_features.h"

namespace spamstrip {

namespace {

// The script most of the letters counted in `st` are in (Script::kNone when none).
Script MainScriptOf(const SentenceStats& st) {
  const auto& n = st.script_letters;
  const auto best = std::max_element(n.begin() + 1, n.end());
  return *best > 0 ? static_cast<Script>(best - n.begin()) : Script::kNone;
}

}  // namespace

Script MainScript(std::string_view text) {
  SentenceStats st;
  CountShape(text, &st);
  return MainScriptOf(st);
}

ForeignScriptPool::ForeignScriptPool(const std::vector<const Article*>& articles) {
  for (const Article* a : articles) {
    for (const std::string& p : a->paragraphs) {
      SentenceStats st;
      CountShape(p, &st);
      const Script script = MainScriptOf(st);
      if (script != Script::kNone &&
          st.script_letters[static_cast<size_t>(script)] >= kMinLetters) {
        paragraphs_.emplace_back(script, &p);
      }
    }
  }
  std::stable_sort(paragraphs_.begin(), paragraphs_.end(),
                   [](const auto& x, const auto& y) { return x.first < y.first; });
}

const std::string* ForeignScriptPool::Foreign(Script article_script, Rng* rng) const {
  // The paragraphs of article_script are one contiguous range; draw among the others.
  const auto lo = std::lower_bound(
      paragraphs_.begin(), paragraphs_.end(), article_script,
      [](const std::pair<Script, const std::string*>& p, Script s) { return p.first < s; });
  auto hi = lo;
  while (hi != paragraphs_.end() && hi->first == article_script) ++hi;
  const size_t own = static_cast<size_t>(hi - lo);
  const size_t others = paragraphs_.size() - own;
  if (others == 0) return nullptr;
  size_t k = rng->Below(others);
  const size_t before = static_cast<size_t>(lo - paragraphs_.begin());
  if (k >= before) k += own;
  return paragraphs_[k].second;
}

void SynthesizeDocument(const Article& article, const std::vector<const LabelledText*>& spam,
                        const ForeignScriptPool* foreign, double foreign_frac, double clean_frac,
                        Rng* rng, SynthDoc* out) {
  out->text.clear();
  out->spam.clear();
  Script script = Script::kNone;
  if (foreign != nullptr && foreign_frac > 0) {
    SentenceStats st;
    for (const std::string& p : article.paragraphs) CountShape(p, &st);
    script = MainScriptOf(st);
  }
  enum Mode { kBlock, kInline, kCluster, kLine };
  std::map<size_t, std::vector<Mode>> plan;
  const size_t n = article.paragraphs.size();
  if (rng->Uniform() >= clean_frac) {
    static const int kCounts[] = {1, 1, 1, 2, 2, 3};
    const int k = kCounts[rng->Below(6)];
    for (int i = 0; i < k; ++i) {
      const double u = rng->Uniform();
      const Mode m = u < 0.60 ? kBlock : (u < 0.85 ? kInline : (u < 0.95 ? kCluster : kLine));
      const size_t where = rng->Below(n + (m == kBlock || m == kCluster ? 1 : 0));
      plan[where].push_back(m);
    }
  }
  auto start_paragraph = [&]() {
    if (!out->text.empty()) out->text += "\n\n";
  };
  auto add_spam = [&](const LabelledText& t) {
    const std::string* text = &t.text;
    if (script != Script::kNone && rng->Uniform() < foreign_frac) {
      if (const std::string* f = foreign->Foreign(script, rng)) text = f;
    }
    size_t s = out->text.size();
    out->text += *text;
    out->spam.emplace_back(s, out->text.size());
  };
  for (size_t j = 0; j <= n; ++j) {
    auto it = plan.find(j);
    const std::vector<Mode> none;
    const std::vector<Mode>& modes = it == plan.end() ? none : it->second;
    for (Mode m : modes) {
      if (m == kBlock) {
        start_paragraph();
        add_spam(*spam[rng->Below(spam.size())]);
      } else if (m == kCluster) {
        start_paragraph();
        const size_t lines = 3 + rng->Below(4);
        for (size_t k = 0; k < lines; ++k) {
          if (k) out->text += "\n";
          add_spam(*spam[rng->Below(spam.size())]);
        }
      }
    }
    if (j == n) break;
    // Some real paragraphs continue the previous one on a new line (a heading over its text,
    // a caption under a share count), so that lines next to real lines are seen in training.
    if (j > 0 && !out->text.empty() && rng->Uniform() < 0.15) {
      out->text += "\n";
    } else {
      start_paragraph();
    }
    out->text += article.paragraphs[j];
    for (Mode m : modes) {
      if (m == kInline) {
        out->text += " ";
        add_spam(*spam[rng->Below(spam.size())]);
      } else if (m == kLine) {
        // A spam line slipped in under a real line of the same paragraph.
        out->text += "\n";
        add_spam(*spam[rng->Below(spam.size())]);
      }
    }
  }
}

}  // namespace spamstrip
