#include "spamstrip/detector.h"

#include <algorithm>
#include <cmath>
#include <fstream>
#include <map>
#include <sstream>

#include "block_features.h"
#include "block_place.h"
#include "document_analysis.h"
#include "embedded.h"
#include "farm_lines.h"
#include "file_util.h"
#include "foreign_script.h"
#include "furniture.h"
#include "html_features.h"
#include "html_reader.h"
#include "ngram_model.h"
#include "random_token.h"
#include "rule_set.h"
#include "scorer.h"
#include "segmenter.h"

namespace spamstrip {
namespace {

constexpr size_t kMaxReasons = 6;
constexpr size_t kMaxSpanSearch = 24;  // sentences; longer blocks try fewer runs
// A block judged spam as a whole is cut at sentence level instead only when what would remain
// scores below this.
constexpr double kClearlyClean = 0.05;
// Sentence runs shorter than this are never cut out of a kept block.
constexpr int kMinSpanWords = 3;
// Plain text: a cut that would leave at most this many words after it in its paragraph takes
// them along.
constexpr int kMaxTailWords = 5;
// A cut grows over a neighbouring sentence only when the run's log-odds fall by less than this.
constexpr double kGrowSlack = 2.0;
// Default strip threshold for headings whose words show no sign of injection (InjectedWords;
// Options::heading_threshold).
constexpr double kHeadingThreshold = 0.95;
// On a page, links to other sites are a sign of injection only when they are at least this
// share of the text judged: a link slipped into a paragraph, a link farm. A sentence that merely
// holds a link is an article citing its source.
constexpr double kLinkEvidenceShare = 0.5;

// Whether block `block` holds a URL with a scheme, "www." or a path, or an e-mail address:
// a title or caption never does (a bare host name, "Amazon.com", may), so such a line is not
// held as one. Measured: no heading or caption of the dev bench's news holds one; several spam
// lines that models trained without a spam source held as headings did (README, "heading_bar").
bool HoldsAddress(const JudgedDocument& doc, size_t block) {
  for (const SentenceStats& s : doc.a.sentences[block]) {
    if (s.addresses > 0) return true;
  }
  return false;
}

constexpr size_t kNoCut = static_cast<size_t>(-1);
// Lists this long are judged as a whole (DetectorImpl::HoldListItems).
constexpr size_t kMinListItems = 3;

class DetectorImpl : public Detector {
 public:
  DetectorImpl(const Options& o, std::unique_ptr<RuleSet> rules, std::unique_ptr<NgramModel> model)
      : options_(o),
        rules_(std::move(rules)),
        model_(std::move(model)),
        scorer_(model_ ? model_->combiner() : DefaultCombiner(),
                model_ ? &model_->forest() : nullptr) {
    threshold_ = o.threshold >= 0 ? o.threshold : (model_ ? model_->threshold() : 0.5);
    flag_threshold_ =
        o.flag_threshold >= 0 ? o.flag_threshold : (model_ ? model_->flag_threshold() : 0.3);
    flag_threshold_ = std::min(flag_threshold_, threshold_);
    span_threshold_ =
        o.span_threshold >= 0 ? o.span_threshold : (model_ ? model_->span_threshold() : threshold_);
    span_threshold_ = std::max(span_threshold_, threshold_);
    heading_threshold_ = o.heading_threshold >= 0 ? std::max(threshold_, o.heading_threshold)
                         : o.threshold >= 0       ? threshold_
                                                  : std::max(threshold_, kHeadingThreshold);
  }

  void Analyze(std::string_view text, Report* report) const override;
  void AnalyzeHtml(std::string_view html, std::string_view url, Report* report) const override;
  double threshold() const override { return threshold_; }
  double flag_threshold() const override { return flag_threshold_; }

 private:
  struct Scored {
    FeatureVector f;
    HtmlFeatureVector h{};  // zeros for plain text
    double logit;           // compared when choosing among runs: probabilities saturate near 1
    double p;
    // The script of the run when it is foreign to the document (foreign_script.h); such a run
    // is judged spam at least at the strip threshold, whatever the model says.
    Script foreign = Script::kNone;
  };
  // The document being scored: its analysis and, for a page, its HTML reading.
  using Doc = JudgedDocument;
  Scored ScoreRange(const Doc& doc, size_t block, size_t b, size_t e) const {
    Scored r;
    r.f = RunFeatures(doc.a, block, b, e, model_.get(), rules_.get());
    r.logit = scorer_.Logit(r.f);
    if (doc.html != nullptr) {
      const auto& sents = doc.a.sentences[block];
      r.h = HtmlFeatures(*doc.html, doc.html->blocks[block],
                         Range{sents[b].range.start, sents[e - 1].range.end});
      r.logit += HtmlLogit(html_weights(), r.h);
    }
    r.p = 1.0 / (1.0 + std::exp(-r.logit));
    // On a page, a foreign script outside the story's body or in link text is the site's
    // furniture (a menu of its editions in other languages: "العربية", "рус", "中文"; a
    // partner's link; an embedded post), unless it is hidden or an item of a link farm (a
    // keyword hack in the footer).
    if (doc.html == nullptr || r.h[kHtmlHidden] > 0 || r.h[kHtmlLinkFarm] > 0 ||
        (doc.html->blocks[block].facts.in_article_body &&
         r.h[kHtmlLinkShare] < kLinkEvidenceShare)) {
      r.foreign = ForeignScriptRun(doc.text, doc.a, block, b, e);
    }
    if (r.foreign != Script::kNone && r.p < threshold_) {
      r.p = threshold_;
      r.logit = std::log(threshold_ / (1.0 - threshold_));
    }
    return r;
  }
  const std::vector<float>& html_weights() const {
    static const std::vector<float> kNone;
    return model_ ? model_->html_weights() : kNone;
  }
  // Whether the words of a run, scored `sc`, show that they were injected: a rule hit, or a
  // script foreign to the document (foreign_script.h).
  static bool InjectedWords(const Scored& sc) {
    return sc.f[kRules] > 0 || sc.foreign != Script::kNone;
  }
  // Whether the page shows a sign that sentences [b, ...) of `block`, scored `sc`, were
  // injected: InjectedWords, hidden text, or links to other sites making up most of the text
  // and standing apart from the sentence before (StartsApart; a run cut at a link's edge in the
  // middle of a sentence is the article's own words).
  static bool ShowsInjection(const Doc& doc, size_t block, size_t b, const Scored& sc) {
    if (InjectedWords(sc) || sc.h[kHtmlHidden] > 0) return true;
    if (sc.h[kHtmlForeignLinks] <= 0 || sc.h[kHtmlLinkShare] < kLinkEvidenceShare) return false;
    return b == 0 || doc.html == nullptr ||
           StartsApart(*doc.html, doc.html->blocks[block], doc.a.sentences[block][b].range.start);
  }
  // The probability held against the heading bar: on a page, without what links to other sites
  // add when they are no sign of injection (see ShowsInjection).
  double BarP(const Doc& doc, size_t block, const Scored& sc) const {
    if (doc.html == nullptr || ShowsInjection(doc, block, 0, sc)) return sc.p;
    const std::vector<float>& w = html_weights();
    if (w.size() <= kHtmlForeignLinks || sc.h[kHtmlForeignLinks] <= 0) return sc.p;
    const double z = sc.logit - w[kHtmlForeignLinks] * sc.h[kHtmlForeignLinks];
    return 1.0 / (1.0 + std::exp(-z));
  }
  // Why block `block`, judged spam as a whole (`whole`) on words that show no sign of injection
  // (InjectedWords), is only flagged, or
  // nullptr when it is stripped:
  //  - "heading_bar": a heading or caption, or page text with no sign of injection, below the
  //    heading bar (not a heading amid a plain text's story whose words read as spam);
  //  - "outside_article_body": page text with no sign of injection outside the article body;
  //  - "copyright_notice", "reported_speech": text the model cannot judge (furniture.h), in an
  //    article, or with no sign of injection on a page;
  //  - "context_only": page text with no sign of injection whose own words the n-gram model
  //    finds no spammier than news (log-odds <= 0): only its context (words found nowhere else
  //    on the page, its shape) speaks against it, and page furniture has that context too.
  // `decided`: the reports of blocks [0, block), decided.
  const char* HeldBack(const Doc& doc, size_t block, const Scored& whole,
                       const std::vector<BlockReport>& decided) const;
  // An item of a list of kMinListItems or more, stripped on its words alone (`words_alone`,
  // per block), is only flagged ("list_kept") when most of its list stays: a list is written
  // as a whole, and an injection does not slip a plain item into one (it brings links, which
  // are a sign of their own).
  static void HoldListItems(const HtmlDocument& page, const std::vector<char>& words_alone,
                            Report* report);
  void Fill(const std::vector<SentenceStats>& s, size_t b, size_t e, const Scored& sc,
            Finding* out) const;
  // Scores every block and sentence run of `doc`; report->blocks get ranges of `text`.
  void ScoreBlocks(const Doc& doc, Report* report) const;
  // report->removed for plain text: each stripped finding plus the whitespace it leaves.
  void TextRemovals(std::string_view text, const AnalyzedDocument& doc, Report* report) const;
  Decision Decide(double p) const {
    if (p >= threshold_) return Decision::kStrip;
    if (p >= flag_threshold_) return Decision::kFlag;
    return Decision::kKeep;
  }

  Options options_;
  std::unique_ptr<RuleSet> rules_;
  std::unique_ptr<NgramModel> model_;
  Scorer scorer_;
  double threshold_ = 0.5;
  double flag_threshold_ = 0.3;
  double span_threshold_ = 0.5;
  double heading_threshold_ = 0.95;
};

const char* DetectorImpl::HeldBack(const Doc& doc, size_t block, const Scored& whole,
                                   const std::vector<BlockReport>& decided) const {
  const Segment& seg = doc.a.blocks[block];
  // On a page: no sign of injection (ShowsInjection).
  const bool unremarkable = doc.html != nullptr && !ShowsInjection(doc, block, 0, whole);
  // A caption or credit line ("Photo: …", "Main image credit: Getty") is held like a heading.
  // An item of a link farm is no heading: its list, not its words, marks it; nor is a line
  // holding an address or a machine-made token (random_token.h), which no title holds.
  // In plain text, a heading amid the story, or one that ends in the middle of a sentence (a
  // line of wrapped text: dangling_line.h), whose own words the n-gram model finds spammier than
  // news (log-odds > 0), and a heading beside the title, are judged as the paragraphs around
  // them are: the bar is for titles, and for subheadings that only their shape and words new to
  // the page make look injected.
  const bool heading = (seg.kind == BlockKind::kHeading || seg.kind == BlockKind::kCaption) &&
                       whole.h[kHtmlLinkFarm] <= 0 && !HoldsAddress(doc, block) &&
                       !HoldsRandomToken(doc.text.substr(seg.range.start, seg.range.size())) &&
                       !LowerCaseLine(doc, block) && !BesideTheTitle(doc, block) &&
                       !(whole.f[kNgram] > 0 &&
                         (HeadingAmidStory(doc, block, decided) || WrappedTextLine(doc, block)));
  if ((heading || unremarkable) && BarP(doc, block, whole) < heading_threshold_) {
    return "heading_bar";
  }
  if (unremarkable && OutsideArticleBody(doc, block)) return "outside_article_body";
  if (doc.html == nullptr || unremarkable) {
    const std::string_view t = doc.text.substr(seg.range.start, seg.range.size());
    if (IsCopyrightNotice(t) && EndsArticle(doc, block)) return "copyright_notice";
    if (IsReportedSpeech(t)) return "reported_speech";
  }
  if (unremarkable && model_ != nullptr && whole.f[kNgram] <= 0) return "context_only";
  return nullptr;
}

void DetectorImpl::Fill(const std::vector<SentenceStats>& s, size_t b, size_t e, const Scored& sc,
                        Finding* out) const {
  out->start = s[b].range.start;
  out->end = s[e - 1].range.end;
  out->score = sc.p;
  out->decision = Decide(sc.p);
  out->reasons.clear();
  // Category: the category with the most rule weight; else script evidence; else none.
  std::map<std::string, double> by_cat;
  std::vector<std::pair<int, size_t>> hits;  // rule id, sentence
  for (size_t k = b; k < e; ++k) {
    for (int id : s[k].rules) hits.emplace_back(id, k);
  }
  std::sort(hits.begin(), hits.end());
  hits.erase(std::unique(hits.begin(), hits.end(),
                         [](const auto& x, const auto& y) { return x.first == y.first; }),
             hits.end());
  for (const auto& [id, k] : hits) {
    const Rule& r = rules_->rules()[static_cast<size_t>(id)];
    by_cat[r.category] += r.weight;
  }
  std::string cat;
  double best = 0;
  for (const auto& [c, w] : by_cat) {
    if (w > best) {
      best = w;
      cat = c;
    }
  }
  if (cat.empty() && (sc.foreign != Script::kNone || sc.f[kScriptMismatch] >= 0.5)) {
    cat = "foreign_spam";
  }
  out->category =
      out->decision == Decision::kKeep && cat.empty() ? "" : (cat.empty() ? "unknown" : cat);
  if (out->decision == Decision::kKeep && hits.empty()) return;
  std::vector<std::pair<double, size_t>> order;
  for (size_t i = 0; i < hits.size(); ++i) {
    order.emplace_back(-rules_->rules()[static_cast<size_t>(hits[i].first)].weight, i);
  }
  std::sort(order.begin(), order.end());
  for (size_t j = 0; j < order.size() && j < kMaxReasons; ++j) {
    const auto& [id, k] = hits[order[j].second];
    const Rule& r = rules_->rules()[static_cast<size_t>(id)];
    // The matched text and the feature credits are worked out only for what is reported as
    // flagged or stripped; a kept block lists the rules it matched and no more.
    const bool explain = out->decision != Decision::kKeep;
    out->reasons.push_back(
        Reason{"rule", r.id, r.weight, explain ? rules_->MatchedText(id, s[k].canonical) : ""});
  }
  if (out->decision != Decision::kKeep) {
    if (sc.foreign != Script::kNone) {
      out->reasons.push_back(Reason{"context", "foreign_script", 0, ScriptName(sc.foreign)});
    }
    scorer_.Explain(sc.f, kMaxReasons, &out->reasons);
    ExplainHtml(html_weights(), sc.h, &out->reasons);
  }
}

void DetectorImpl::Analyze(std::string_view text, Report* report) const {
  // One per thread, reused: its vectors keep their memory from document to document.
  thread_local AnalyzedDocument doc;
  AnalyzeDocument(text, rules_.get(), model_.get(), &doc);
  ScoreBlocks(Doc{text, doc, nullptr}, report);
  StripFarmLines(doc.blocks, report);
  TextRemovals(text, doc, report);
}

void DetectorImpl::ScoreBlocks(const Doc& doc, Report* report) const {
  *report = Report();
  report->threshold = threshold_;
  report->flag_threshold = flag_threshold_;
  const auto& segs = doc.a.blocks;
  const auto& stats = doc.a.sentences;
  report->blocks.resize(segs.size());
  // Page blocks stripped as a whole with no sign of injection, on their words alone.
  std::vector<char> words_alone(segs.size(), 0);
  for (size_t i = 0; i < segs.size(); ++i) {
    const auto& s = stats[i];
    BlockReport& br = report->blocks[i];
    br.kind = segs[i].kind;
    br.paragraph = segs[i].paragraph;
    const size_t n = s.size();
    if (n == 0) {
      br.block.start = segs[i].range.start;
      br.block.end = segs[i].range.end;
      continue;
    }
    Scored whole = ScoreRange(doc, i, 0, n);
    Fill(s, 0, n, whole, &br.block);
    br.block.start = segs[i].range.start;
    br.block.end = segs[i].range.end;
    // Spam as a whole with no sign of injection in its words: some text is only flagged
    // (HeldBack).
    const char* held = br.block.decision == Decision::kStrip && !InjectedWords(whole)
                           ? HeldBack(doc, i, whole, report->blocks)
                           : nullptr;
    if (br.block.decision == Decision::kStrip && doc.html != nullptr && held == nullptr &&
        !ShowsInjection(doc, i, 0, whole)) {
      words_alone[i] = 1;
    }
    if (held != nullptr) {
      br.block.decision = Decision::kFlag;
      br.block.reasons.push_back(Reason{"hold", held, 0, ""});
      // Judged spam as a whole for links to other sites slipped in after its last sentence
      // (TrailingForeignLinks) and nothing else the page shows: those links are the only cut
      // considered, on the score of the run they end; the rest of the paragraph stays.
      const HtmlBlock* hb = doc.html != nullptr ? &doc.html->blocks[i] : nullptr;
      const size_t tail = hb != nullptr ? TrailingForeignLinks(*doc.html, *hb) : 0;
      if (options_.sentence_cuts && hb != nullptr && tail > hb->text.start && tail < hb->text.end) {
        size_t b = 0;
        while (b + 1 < n && s[b].range.end <= tail) ++b;
        Finding span;
        Fill(s, b, n, ScoreRange(doc, i, b, n), &span);
        span.start = tail;
        if (span.decision != Decision::kKeep) {
          br.block.decision = Decision::kKeep;
          br.spans.push_back(std::move(span));
        }
        continue;
      }
    }
    if (!options_.sentence_cuts || n < 2) continue;
    // Span search: only where some sentence alone looks like spam and another looks clean.
    std::vector<Scored> single;
    single.reserve(n);
    size_t seed = 0;
    bool any_clean = false;
    for (size_t k = 0; k < n; ++k) {
      single.push_back(ScoreRange(doc, i, k, k + 1));
      if (single[k].logit > single[seed].logit) seed = k;
      if (single[k].p < flag_threshold_) any_clean = true;
    }
    if (single[seed].p < flag_threshold_ || !any_clean) continue;
    // Candidate runs containing the seed (never the whole block). A block already judged spam
    // as a whole only narrows its cut, so a run needs the block threshold there; cutting a run
    // out of a kept block needs the (higher) span threshold, except for stray links (an element
    // of their own after the paragraph's last sentence) and runs whose words show injection
    // (InjectedWords): with such a sign, a run is judged like a block (as such a heading is).
    const bool block_hit = br.block.decision == Decision::kStrip;
    const double needed = block_hit ? threshold_ : span_threshold_;
    struct Candidate {
      size_t b, e;
      Scored sc;
    };
    // The probability of a remainder run, scored once: a one-sentence run is a `single`, and
    // remainders repeat across candidates (ScoreRange is a pure function of the run).
    struct Rest {
      size_t b, e;
      double p;
    };
    std::vector<Rest> rests;
    auto rest_p = [&](size_t b, size_t e) {
      if (e == b + 1) return single[b].p;
      for (const Rest& r : rests) {
        if (r.b == b && r.e == e) return r.p;
      }
      rests.push_back(Rest{b, e, ScoreRange(doc, i, b, e).p});
      return rests.back().p;
    };
    std::vector<Candidate> candidates;
    auto consider = [&](size_t b, size_t e) {
      if (b == 0 && e == n) return;
      Scored sc = e == b + 1 ? single[b] : ScoreRange(doc, i, b, e);
      if (sc.p >= (sc.h[kHtmlStrayLinks] > 0 || InjectedWords(sc) ? threshold_ : needed)) {
        candidates.push_back(Candidate{b, e, sc});
      }
    };
    if (n <= kMaxSpanSearch) {
      for (size_t b = 0; b <= seed; ++b) {
        for (size_t e = seed + 1; e <= n; ++e) consider(b, e);
      }
    } else {
      // Long blocks: the seed alone, with everything after it or before it (linear).
      consider(seed, seed + 1);
      consider(seed, n);
      consider(0, seed + 1);
    }
    // The most spam-like run (by log-odds: probabilities saturate) whose remainder looks
    // legitimate — to overrule a whole-block verdict, clearly so — and that is not just a few
    // words ("Great service.", a quote at the end of a paragraph).
    std::stable_sort(
        candidates.begin(), candidates.end(),
        [](const Candidate& x, const Candidate& y) { return x.sc.logit > y.sc.logit; });
    for (const Candidate& c : candidates) {
      int run_words = 0;
      for (size_t k = c.b; k < c.e; ++k) run_words += s[k].words;
      // A few words can go when they are all link text (an <a> slipped into a paragraph), one
      // when they are links to a site the page links nowhere else ending the paragraph.
      const int min_words = c.sc.h[kHtmlStrayLinks] > 0      ? 1
                            : c.sc.h[kHtmlLinkShare] >= 0.99 ? 2
                                                             : kMinSpanWords;
      if (run_words < min_words) continue;
      // On a page, a run is cut out of its paragraph only on a sign of injection: whatever
      // else the model sees in one sentence of a paragraph the page kept is the article's
      // (a dateline, a credit, a sentence citing a source). A run ending the paragraph with
      // links to other sites after its last sentence shows one, and only those links go.
      size_t cut_from = kNoCut;
      if (doc.html != nullptr && !ShowsInjection(doc, i, c.b, c.sc)) {
        const HtmlBlock& hb = doc.html->blocks[i];
        const size_t tail = TrailingForeignLinks(*doc.html, hb);
        if (c.e != n || tail == hb.text.end || tail < s[c.b].range.start) continue;
        cut_from = tail;
      }
      const double clean_bar = block_hit ? kClearlyClean : flag_threshold_;
      auto rest_of = [&](size_t b, size_t e) {
        double rest = 0;
        if (b > 0) rest = std::max(rest, rest_p(0, b));
        if (e < n) rest = std::max(rest, rest_p(e, n));
        return rest;
      };
      if (rest_of(c.b, c.e) >= clean_bar) continue;
      // The run grows over neighbouring sentences that do not look clean on their own: spam
      // of several sentences whose strongest one alone scores highest ("…award! Call 0871…
      // Cost 10ppm.") goes as a whole, while the real sentences stay.
      size_t b = c.b, e = c.e;
      Scored sc = c.sc;
      auto grow = [&](size_t nb, size_t ne, size_t k) {
        if (single[k].p < flag_threshold_ || (nb == 0 && ne == n)) return false;
        Scored g = ScoreRange(doc, i, nb, ne);
        if (g.logit < sc.logit - kGrowSlack || rest_of(nb, ne) >= clean_bar) return false;
        b = nb;
        e = ne;
        sc = g;
        return true;
      };
      // (Not when only trailing links are cut.)
      while (cut_from == kNoCut && b > 0 && grow(b - 1, e, b - 1)) {
      }
      while (cut_from == kNoCut && e < n && grow(b, e + 1, e)) {
      }
      // In plain text, a tail of a few words after the run is not left behind: injections are
      // appended, so after an injected run such a tail is the run's own ("… reply REMOVE.
      // sorry for the trouble.").
      if (cut_from == kNoCut && doc.html == nullptr && e < n) {
        int tail_words = 0;
        for (size_t k = e; k < n; ++k) tail_words += s[k].words;
        if (tail_words <= kMaxTailWords) {
          e = n;
          sc = ScoreRange(doc, i, b, e);
        }
      }
      // In plain text, injected sentences are appended to a paragraph: a paragraph judged spam
      // as a whole is narrowed only to a run that ends it. Plain-reading sentences after the
      // run are the spam's own (a scam letter's closing line), not the article's.
      if (block_hit && doc.html == nullptr && e != n) continue;
      br.block.decision = Decision::kKeep;
      Finding span;
      Fill(s, b, e, sc, &span);
      if (cut_from != kNoCut) span.start = cut_from;
      br.spans.push_back(std::move(span));
      break;
    }
  }
  if (doc.html != nullptr) HoldListItems(*doc.html, words_alone, report);
}

void DetectorImpl::HoldListItems(const HtmlDocument& page, const std::vector<char>& words_alone,
                                 Report* report) {
  for (size_t first = 0; first < page.blocks.size(); first += page.blocks[first].facts.list_items) {
    const size_t items = page.blocks[first].facts.list_items;
    if (items < kMinListItems) continue;
    size_t stripped = 0;
    for (size_t k = first; k < first + items; ++k) {
      stripped += report->blocks[k].block.decision == Decision::kStrip;
    }
    if (2 * stripped >= items) continue;
    for (size_t k = first; k < first + items; ++k) {
      Finding& f = report->blocks[k].block;
      if (!words_alone[k] || f.decision != Decision::kStrip) continue;
      f.decision = Decision::kFlag;
      f.reasons.push_back(Reason{"hold", "list_kept", 0, ""});
    }
  }
}

void DetectorImpl::TextRemovals(std::string_view text, const AnalyzedDocument& doc,
                                Report* report) const {
  const auto& segs = doc.blocks;
  // Removals, with the whitespace that would be left dangling.
  for (size_t i = 0; i < report->blocks.size(); ++i) {
    BlockReport& br = report->blocks[i];
    auto note = [&](const Finding& f, int span) {
      if (f.decision != Decision::kKeep) report->flagged_any = true;
      if (f.decision != Decision::kStrip || options_.flag_only) return;
      size_t a = f.start, b = f.end;
      if (span >= 0) {
        while (a > br.block.start && (text[a - 1] == ' ' || text[a - 1] == '\t')) --a;
        // A leading sentence has no space before it: take the space after it instead.
        if (a == br.block.start) {
          while (b < br.block.end && (text[b] == ' ' || text[b] == '\t')) ++b;
        }
      } else {
        const bool para_alone = segs[i].lines_in_paragraph == 1;
        size_t e = b;
        while (e < text.size() && (text[e] == ' ' || text[e] == '\t' || text[e] == '\r')) ++e;
        if (e < text.size() && text[e] == '\n') {
          ++e;
          if (para_alone) {
            while (e < text.size() &&
                   (text[e] == ' ' || text[e] == '\t' || text[e] == '\r' || text[e] == '\n'))
              ++e;
          }
          b = e;
        } else {
          // Last block of the text: take the whitespace before it instead.
          while (a > 0 && (text[a - 1] == ' ' || text[a - 1] == '\t' || text[a - 1] == '\r' ||
                           text[a - 1] == '\n'))
            --a;
          b = e;
        }
      }
      report->removed.push_back(Report::Removal{a, b, i, span});
      report->stripped_any = true;
    };
    note(br.block, -1);
    for (size_t k = 0; k < br.spans.size(); ++k) note(br.spans[k], static_cast<int>(k));
  }
  // Sorted by construction; merge overlaps (whitespace absorption may touch neighbours).
  auto& rm = report->removed;
  for (size_t k = 1; k < rm.size(); ++k) {
    if (rm[k].start < rm[k - 1].end) rm[k].start = rm[k - 1].end;
    if (rm[k].end < rm[k].start) rm[k].end = rm[k].start;
  }
}

void DetectorImpl::AnalyzeHtml(std::string_view html, std::string_view url, Report* report) const {
  HtmlReadOptions ro;
  ro.url = std::string(url);
  HtmlDocument page;
  ReadHtml(html, ro, &page);
  AnalyzedDocument doc;
  AnalyzeHtmlPage(page, rules_.get(), model_.get(), &doc);
  ScoreBlocks(Doc{page.text, doc, &page}, report);
  StripFarmLines(doc.blocks, report);
  // From the text the model read back to the page: whole elements, or balanced runs of markup.
  for (size_t i = 0; i < report->blocks.size(); ++i) {
    BlockReport& br = report->blocks[i];
    const HtmlBlock& b = page.blocks[i];
    if (b.facts.region != HtmlRegion::kContent) {
      br.kind = BlockKind::kBoilerplate;
    } else if (b.kind == BlockKind::kListItem || b.kind == BlockKind::kLinkList) {
      br.kind = b.kind;
    }
    std::vector<Range> span_text;
    for (Finding& f : br.spans) {
      span_text.push_back(Range{f.start, f.end});
      Range src;
      if (!page.SourceRange(i, Range{f.start, f.end}, &src)) {
        // No cut leaves the markup whole: report the run, keep it.
        if (f.decision == Decision::kStrip) f.decision = Decision::kFlag;
        src = b.source;
      }
      f.start = src.start;
      f.end = src.end;
    }
    // Hidden text cut whole takes the element hiding it along when it holds nothing else.
    const Range& src = br.block.decision == Decision::kStrip && b.facts.hidden != nullptr
                           ? b.hidden_source
                           : b.source;
    br.block.start = src.start;
    br.block.end = src.end;
    // The article text: kept content blocks minus the runs cut out of them.
    if (br.kind != BlockKind::kBoilerplate &&
        (br.block.decision != Decision::kStrip || options_.flag_only)) {
      size_t pos = b.text.start;
      std::string para;
      for (size_t k = 0; k < br.spans.size() && !options_.flag_only; ++k) {
        if (br.spans[k].decision != Decision::kStrip) continue;
        const Range r = span_text[k];
        if (r.start > pos) para.append(page.text, pos, r.start - pos);
        pos = std::max(pos, r.end);
      }
      if (b.text.end > pos) para.append(page.text, pos, b.text.end - pos);
      const size_t first = para.find_first_not_of(" \n"), last = para.find_last_not_of(" \n");
      if (first != std::string::npos) {
        if (!report->article_text.empty()) report->article_text += "\n\n";
        report->article_text.append(para, first, last - first + 1);
      }
    }
    auto note = [&](const Finding& f, int span) {
      if (f.decision != Decision::kKeep) report->flagged_any = true;
      if (f.decision != Decision::kStrip || options_.flag_only) return;
      report->removed.push_back(Report::Removal{f.start, f.end, i, span});
      report->stripped_any = true;
    };
    note(br.block, -1);
    for (size_t k = 0; k < br.spans.size(); ++k) note(br.spans[k], static_cast<int>(k));
  }
  // Blocks are in page order and their sources disjoint; keep the list sorted regardless.
  auto& rm = report->removed;
  std::stable_sort(rm.begin(), rm.end(), [](const Report::Removal& x, const Report::Removal& y) {
    return x.start < y.start;
  });
  for (size_t k = 1; k < rm.size(); ++k) {
    if (rm[k].start < rm[k - 1].end) rm[k].start = rm[k - 1].end;
    if (rm[k].end < rm[k].start) rm[k].end = rm[k].start;
  }
}

}  // namespace

Detector::~Detector() = default;

Status Detector::Create(const Options& options, std::unique_ptr<Detector>* out) {
  auto rules = std::make_unique<RuleSet>();
  Status s = rules->Load(options.rule_files);
  if (!s.ok()) return s;
  std::unique_ptr<NgramModel> model;
  if (options.use_model) {
    if (!options.model_file.empty()) {
      std::string data;
      s = ReadFile(options.model_file, &data);
      if (!s.ok()) return s;
      model = std::make_unique<NgramModel>();
      s = model->Load(data, options.model_file);
      if (!s.ok()) return s;
    } else if (!EmbeddedModel().empty()) {
      model = std::make_unique<NgramModel>();
      s = model->Load(EmbeddedModel(), "built-in model");
      if (!s.ok()) return s;
    }
  }
  // Its trees may name any feature below its own count: more than this build computes would be
  // read past the feature vector.
  if (model != nullptr && model->combiner().size() > static_cast<size_t>(kNumFeatures)) {
    return Status::Corrupt(
        (options.model_file.empty() ? std::string("built-in model") : options.model_file) +
        ": the model combines " + std::to_string(model->combiner().size()) +
        " features, this build computes " + std::to_string(kNumFeatures));
  }
  if (options.threshold > 1 || (options.flag_threshold > 1)) {
    return Status::InvalidArgument("thresholds are probabilities: use a value in [0, 1]");
  }
  out->reset(new DetectorImpl(options, std::move(rules), std::move(model)));
  return Status::Ok();
}

}  // namespace spamstrip
