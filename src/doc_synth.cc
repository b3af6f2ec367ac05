#include "doc_synth.h"

#include <map>

namespace spamstrip {

void SynthesizeDocument(const Article& article, const std::vector<const LabelledText*>& spam,
                        double clean_frac, Rng* rng, SynthDoc* out) {
  out->text.clear();
  out->spam.clear();
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
    size_t s = out->text.size();
    out->text += t.text;
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
