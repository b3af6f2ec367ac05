// Trainer tests: the two learners on tiny separable sets, exact tree attribution, and the whole
// `Train()` on small generated JSONL files (valid model, deterministic, useful, clear errors).
#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <memory>
#include <nlohmann/json.hpp>
#include <random>
#include <string>
#include <vector>

#include "doc_synth.h"
#include "gbdt.h"
#include "logistic.h"
#include "ngram_model.h"
#include "spamstrip/detector.h"
#include "spamstrip/train.h"
#include "temp_dir.h"

namespace spamstrip {
namespace {

namespace fs = std::filesystem;

TEST(SparseLogistic, SeparatesATinySeparableSet) {
  SparseExamples ex;
  for (int i = 0; i < 20; ++i) {
    ex.Add({1, 2, 2}, 1.0f, 1.0f);  // spam-only features
    ex.Add({3, 4}, 0.0f, 1.0f);     // clean-only features
  }
  SgdOptions o;
  o.epochs = 5;
  SparseModel m = TrainSparse(ex, {}, 16, o, nullptr);
  auto score = [&](size_t e) {
    double z = m.bias;
    for (uint32_t k = ex.off[e]; k < ex.off[e + 1]; ++k) z += m.w[ex.idx[k]] * ex.val[k];
    return z;
  };
  for (size_t e = 0; e < ex.size(); ++e) {
    if (ex.label[e] > 0.5f) {
      EXPECT_GT(score(e), 1.0) << e;
    } else {
      EXPECT_LT(score(e), -1.0) << e;
    }
  }
  EXPECT_GT(m.w[1], 0.0f);
  EXPECT_LT(m.w[3], 0.0f);
  EXPECT_EQ(m.w[7], 0.0f);  // never seen
}

TEST(SparseLogistic, IsDeterministicForASeed) {
  SparseExamples ex;
  for (int i = 0; i < 30; ++i) ex.Add({static_cast<uint32_t>(i % 7), 9}, i % 2 ? 1.0f : 0.0f, 1.0f);
  SgdOptions o;
  o.seed = 7;
  SparseModel a = TrainSparse(ex, {}, 16, o, nullptr);
  SparseModel b = TrainSparse(ex, {}, 16, o, nullptr);
  EXPECT_EQ(a.w, b.w);
  EXPECT_EQ(a.bias, b.bias);
}

TEST(DenseLogistic, FindsTheSeparatingDirection) {
  std::vector<double> x, y, w;
  for (int i = 0; i < 50; ++i) {
    const double v = (i - 25) / 10.0;
    x.insert(x.end(), {1.0, v});  // bias column, feature
    y.push_back(v > 0 ? 1 : 0);
    w.push_back(1.0);
  }
  std::vector<double> beta = TrainDense(x, y, w, 2, 0.1, 50);
  EXPECT_GT(beta[1], 1.0);
  EXPECT_NEAR(beta[0] / beta[1], 0.0, 0.2);  // boundary near v = 0
}

TEST(Gbdt, LearnsAThresholdAndExplainsExactly) {
  std::vector<double> x, y, w;
  for (int i = 0; i < 200; ++i) {
    const double a = (i % 20) / 20.0, b = (i % 7) / 7.0;
    x.insert(x.end(), {a, b});
    y.push_back(a > 0.5 ? 1 : 0);
    w.push_back(1.0);
  }
  ForestOptions o;
  o.trees = 30;
  o.depth = 3;
  Forest f = TrainForest(x, y, w, 2, o, nullptr);
  ASSERT_EQ(f.trees.size(), 30u);
  for (size_t i = 0; i < y.size(); ++i) {
    const double z = f.Predict(&x[2 * i]);
    EXPECT_EQ(z > 0, y[i] > 0.5) << i;
    // Attribution: the bias part plus every feature's credit is the prediction.
    double credit[2] = {0, 0};
    const double bias = f.Explain(&x[2 * i], credit);
    EXPECT_NEAR(bias + credit[0] + credit[1], z, 1e-4);
    EXPECT_NEAR(credit[1], 0.0, 0.05);  // the irrelevant feature earns (almost) nothing
  }
}

// Foreign-script injections (doc_synth.h): with a share of 1 every injected range is a paragraph
// of an article in another script; with a share of 0 the documents are what they were without
// the pool (the random stream is not touched).
TEST(DocSynth, ForeignScriptInjectionsComeFromAnotherScript) {
  Article en{"en-1",
             {"Council approves budget for road repairs",
              "The city council voted on Tuesday to approve a budget for road repairs.",
              "Work is expected to begin in the spring and last about eighteen months."}};
  Article ar{"ar-1",
             {"وافق المجلس البلدي على ميزانية جديدة لإصلاح الطرق في الأحياء الشمالية",
              "ومن المتوقع أن تبدأ الأعمال في الربيع وأن تستمر نحو ثمانية عشر شهرا"}};
  LabelledText spam{"s-1", "Buy cheap pills online without prescription today.", true, "pharma"};
  const std::vector<const LabelledText*> pool_spam = {&spam};
  const ForeignScriptPool foreign({&en, &ar});
  Rng rng(7);
  size_t injected = 0;
  for (int i = 0; i < 50; ++i) {
    SynthDoc doc;
    SynthesizeDocument(en, pool_spam, &foreign, 1.0, 0.0, &rng, &doc);
    for (const auto& [b, e] : doc.spam) {
      EXPECT_EQ(MainScript(doc.text.substr(b, e - b)), Script::kArabic);
      ++injected;
    }
  }
  EXPECT_GT(injected, 50u);
  Rng a(11), b(11);
  for (int i = 0; i < 20; ++i) {
    SynthDoc with, without;
    SynthesizeDocument(en, pool_spam, &foreign, 0.0, 0.4, &a, &with);
    SynthesizeDocument(en, pool_spam, nullptr, 0.0, 0.4, &b, &without);
    EXPECT_EQ(with.text, without.text);
    for (const auto& [s, e] : with.spam) EXPECT_EQ(with.text.substr(s, e - s), spam.text);
  }
  // An article with no other script on offer gets no foreign paragraph.
  const ForeignScriptPool english_only({&en});
  EXPECT_EQ(english_only.Foreign(Script::kLatin, &rng), nullptr);
  EXPECT_NE(english_only.Foreign(Script::kArabic, &rng), nullptr);
}

// The packed walks (Predict eight trees at a time, Explain) against the plain walk over the
// trees as trained: bit-identical sums and credits for every depth and for tree counts that do
// and do not fill the last group of eight, including "always left" (-1) nodes.
TEST(Gbdt, PackedWalksEqualThePlainWalk) {
  std::mt19937 rng(11);
  std::uniform_real_distribution<float> value(-1.0f, 1.0f);
  for (int depth = 1; depth <= 8; ++depth) {
    for (int trees : {1, 7, 8, 9, 17, 40}) {
      Forest f;
      f.depth = depth;
      f.base = 0.25f;
      const size_t internal = (size_t(1) << depth) - 1;
      for (int t = 0; t < trees; ++t) {
        Tree tree;
        for (size_t k = 0; k < internal; ++k) {
          tree.feature.push_back(static_cast<int32_t>(rng() % 5) - 1);  // -1 .. 3
          tree.threshold.push_back(value(rng));
          tree.value.push_back(value(rng));
        }
        for (size_t k = 0; k <= internal; ++k) tree.leaf.push_back(value(rng));
        f.trees.push_back(std::move(tree));
      }
      const Forest plain = f;  // never packed: Predict/Explain walk the trees
      f.Pack();
      for (int i = 0; i < 50; ++i) {
        double x[4];
        for (double& v : x) v = value(rng);
        if (i == 0) x[0] = static_cast<double>(f.trees[0].threshold[0]);  // a tie
        double z = plain.base;
        for (const Tree& t : plain.trees) {
          size_t k = 0;
          while (k < internal) {
            const int32_t fe = t.feature[k];
            k = 2 * k + 1 + (fe >= 0 && x[fe] > static_cast<double>(t.threshold[k]) ? 1 : 0);
          }
          z += t.leaf[k - internal];
        }
        EXPECT_EQ(f.Predict(x), z) << "depth " << depth << ", " << trees << " trees";
        double packed_credit[4] = {0, 0, 0, 0}, plain_credit[4] = {0, 0, 0, 0};
        EXPECT_EQ(f.Explain(x, packed_credit), plain.Explain(x, plain_credit));
        for (int c = 0; c < 4; ++c) EXPECT_EQ(packed_credit[c], plain_credit[c]);
      }
    }
  }
}

class TrainEndToEnd : public testing::TempDirTest {
 protected:
  void SetUp() override {
    TempDirTest::SetUp();
    if (HasFatalFailure()) return;
    // Articles about council budgets and harbours; spam about pills and casinos.
    std::ofstream news(dir_ / "news.jsonl");
    const char* const topics[] = {"harbour", "budget", "school", "railway", "hospital"};
    for (int i = 0; i < 60; ++i) {
      const std::string t = topics[i % 5];
      news << "{\"id\": \"n" << i << "\", \"split\": \"train\", \"title\": \"Council debates the "
           << t << " plan\", \"paragraphs\": [\"The council met on Tuesday to discuss the " << t
           << " plan for the town, officials said.\", \"Members of the committee said the " << t
           << " project would be reviewed again next month.\", \"The mayor told reporters that "
           << "residents would be consulted before any decision on the " << t << ".\", "
           << "\"A report on the " << t
           << " costs is expected to be published in the spring.\"]}\n";
    }
    news << "{\"id\": \"dev-1\", \"split\": \"dev\", \"paragraphs\": [\"held out\"]}\n";
    std::ofstream spam(dir_ / "spam.jsonl");
    const char* const offers[] = {
        "Buy cheap viagra online now, no prescription needed, fast delivery!",
        "Claim your 200% casino welcome bonus today at our online casino!",
        "Order cialis and levitra pills online at the lowest prices, discreet shipping!",
        "Win big with free spins every day, sign up and deposit now!"};
    for (int i = 0; i < 60; ++i) {
      spam << "{\"id\": \"s" << i << "\", \"split\": \"train\", \"category\": \"pharma\", "
           << "\"text\": \"" << offers[i % 4] << " Offer " << i << ".\"}\n";
    }
    options_.data_files = {(dir_ / "news.jsonl").string(), (dir_ / "spam.jsonl").string()};
    options_.hash_bits = 12;
    options_.epochs = 3;
    options_.trees = 20;
    options_.tree_depth = 3;
    options_.docs_per_article = 1;
  }
  TrainOptions options_;
};

TEST_F(TrainEndToEnd, ProducesALoadableDeterministicModelThatWorks) {
  std::string model_a, model_b;
  TrainSummary sa, sb;
  std::vector<std::string> progress;
  ASSERT_TRUE(Train(
                  options_, [&](const std::string& m) { progress.push_back(m); }, &model_a, &sa)
                  .ok());
  ASSERT_TRUE(Train(options_, nullptr, &model_b, &sb).ok());
  EXPECT_EQ(model_a, model_b) << "training must be deterministic for a seed";
  EXPECT_FALSE(progress.empty());
  EXPECT_EQ(sa.clean_blocks, 60u * 5u);  // four paragraphs + title each; the dev record is skipped
  EXPECT_EQ(sa.spam_blocks, 60u);
  EXPECT_GT(sa.threshold, 0.0);
  EXPECT_LT(sa.threshold, 1.0);

  NgramModel m;
  ASSERT_TRUE(m.Load(model_a, "trained").ok());
  EXPECT_EQ(m.config().hash_bits, 12);
  EXPECT_EQ(m.forest().trees.size(), 20u);

  const fs::path path = dir_ / "model.bin";
  {
    std::ofstream out(path, std::ios::binary);
    out << model_a;
  }
  Options o;
  o.model_file = path.string();
  std::unique_ptr<Detector> d;
  ASSERT_TRUE(Detector::Create(o, &d).ok());
  const std::string page =
      "Council debates the railway plan\n\n"
      "The council met on Tuesday to discuss the railway plan for the town, officials said.\n\n"
      "Order cheap viagra and cialis pills online now, no prescription needed, fast delivery!\n\n"
      "The mayor told reporters that residents would be consulted before any decision on the "
      "railway.\n";
  Report r;
  d->Analyze(page, &r);
  const std::string cleaned = Clean(page, r);
  EXPECT_EQ(cleaned.find("viagra"), std::string::npos) << cleaned;
  EXPECT_NE(cleaned.find("The council met on Tuesday"), std::string::npos) << cleaned;
  EXPECT_NE(cleaned.find("residents would be consulted"), std::string::npos) << cleaned;
}

// Stage 3: pages whose injected blocks read like the articles but are hidden teach the HTML
// weights that hidden text is injected; the trained model then scores a hidden copy of a block
// above the same block shown.
TEST_F(TrainEndToEnd, HtmlStageLearnsFromLabelledPages) {
  std::ofstream pages(dir_ / "pages.jsonl");
  const char* const topics[] = {"harbour", "budget", "school", "railway", "hospital"};
  for (int i = 0; i < 40; ++i) {
    const std::string t = topics[i % 5];
    std::string html =
        "<html><body><nav><ul><li><a href=\"/\">Home</a></li><li><a href=\"/n\">"
        "News</a></li></ul></nav><article><h1>Council debates the " +
        t + " plan</h1><p>The council met on Tuesday to discuss the " + t +
        " plan for the town, officials said.</p><p>Members of the committee said "
        "the " +
        t + " project would be reviewed again next month.</p>";
    nlohmann::json spans = nlohmann::json::array();
    if (i % 2 == 1) {
      const std::string hidden = "<div style=\"display:none\"><p>A report on the " + t +
                                 " costs is expected to be published in the spring.</p></div>";
      spans.push_back({{"start", html.size()},
                       {"end", html.size() + hidden.size()},
                       {"spam_id", "s" + std::to_string(i)}});
      html += hidden;
    } else {
      html += "<p>A report on the " + t + " costs is expected to be published in the spring.</p>";
    }
    html += "</article></body></html>";
    pages << nlohmann::json{{"id", "page-" + std::to_string(i) + "#0"},
                            {"html", html},
                            {"spans", spans}}
                 .dump()
          << "\n";
  }
  pages.close();
  options_.html_files = {(dir_ / "pages.jsonl").string()};
  std::string model;
  TrainSummary summary;
  ASSERT_TRUE(Train(options_, nullptr, &model, &summary).ok());
  EXPECT_EQ(summary.html_pages, 40u);
  ASSERT_FALSE(summary.html_weights.empty());
  EXPECT_EQ(summary.html_weights[0].first, "html_hidden");
  EXPECT_GT(summary.html_weights[0].second, 1.0);
  const std::string path = (dir_ / "html.model").string();
  std::ofstream(path, std::ios::binary) << model;
  Options o;
  o.model_file = path;
  o.flag_only = true;
  std::unique_ptr<Detector> d;
  ASSERT_TRUE(Detector::Create(o, &d).ok());
  const std::string shown =
      "<html><body><article><p>The council met to discuss the harbour plan.</p><p>A report on "
      "the school costs is expected to be published in the spring.</p></article></body></html>";
  std::string hidden = shown;
  hidden.replace(hidden.find("<p>A report"), 3, "<p hidden>");
  Report a, b;
  d->AnalyzeHtml(shown, "", &a);
  d->AnalyzeHtml(hidden, "", &b);
  ASSERT_EQ(a.blocks.size(), 2u);
  ASSERT_EQ(b.blocks.size(), 2u);
  EXPECT_GT(b.blocks[1].block.score, a.blocks[1].block.score + 0.1);
  // Refitting only stage 3 on a saved model gives weights of the same sign.
  TrainOptions refit;
  refit.base_model = path;
  refit.html_files = options_.html_files;
  std::string model2;
  TrainSummary summary2;
  ASSERT_TRUE(Train(refit, nullptr, &model2, &summary2).ok());
  EXPECT_GT(summary2.html_weights[0].second, 1.0);
}

// Stage 3: pages with a list of links to other sites at the end of <body> (injected: keyword
// links, each to a site the page links nowhere else) and pages whose footer lists the site's
// social profiles (links to other sites that name them) teach the link-farm fact; the words of
// both lists are alike, so only the fact tells them apart.
TEST_F(TrainEndToEnd, HtmlStageLearnsLinkFarms) {
  std::ofstream pages(dir_ / "farms.jsonl");
  const char* const topics[] = {"harbour", "budget", "school", "railway", "hospital"};
  for (int i = 0; i < 40; ++i) {
    const std::string t = topics[i % 5];
    std::string html = "<html><body><article><h1>Council debates the " + t +
                       " plan</h1><p>The council met on Tuesday to discuss the " + t +
                       " plan for the town, officials said.</p></article>";
    nlohmann::json spans = nlohmann::json::array();
    if (i % 2 == 1) {
      std::string farm = "<ul>";
      const char* const hosts[] = {"quayside-offers", "citybreak-deals", "tripsaver-now",
                                   "homestay-finder"};
      for (int k = 0; k < 4; ++k) {
        farm += "<li><a href=\"https://" + std::string(hosts[k]) + std::to_string(i) +
                ".example/\">" + t + " tickets " + std::to_string(k) + "</a></li>";
      }
      farm += "</ul>";
      spans.push_back({{"start", html.size()},
                       {"end", html.size() + farm.size()},
                       {"spam_id", "s" + std::to_string(i)}});
      html += farm;
    } else {
      html +=
          "<footer><ul><li><a href=\"https://www.facebook.com/towncouncil\">Facebook</a></li>"
          "<li><a href=\"https://twitter.com/towncouncil\">Twitter</a></li>"
          "<li><a href=\"https://www.youtube.com/towncouncil\">YouTube</a></li>"
          "<li><a href=\"/" +
          t + "\">" + t + " tickets</a></li></ul></footer>";
    }
    html += "</body></html>";
    pages << nlohmann::json{{"id", "page-" + std::to_string(i) + "#0"},
                            {"url", "https://www.towncouncil.example/news/" + t},
                            {"html", html},
                            {"spans", spans}}
                 .dump()
          << "\n";
  }
  pages.close();
  options_.html_files = {(dir_ / "farms.jsonl").string()};
  std::string model;
  TrainSummary summary;
  ASSERT_TRUE(Train(options_, nullptr, &model, &summary).ok());
  double farm = 0;
  for (const auto& [name, w] : summary.html_weights) {
    if (name == "html_link_farm") farm = w;
  }
  EXPECT_GT(farm, 1.0);
}

TEST_F(TrainEndToEnd, ErrorsNameTheFileAndLine) {
  {
    std::ofstream bad(dir_ / "bad.jsonl");
    bad << "{\"text\": \"fine\", \"label\": \"spam\"}\n";
    bad << "not json\n";
  }
  TrainOptions o = options_;
  o.data_files = {(dir_ / "bad.jsonl").string()};
  std::string model;
  TrainSummary s;
  Status st = Train(o, nullptr, &model, &s);
  ASSERT_FALSE(st.ok());
  EXPECT_NE(st.message().find("bad.jsonl:2:"), std::string::npos) << st.message();

  o.data_files = {(dir_ / "missing.jsonl").string()};
  st = Train(o, nullptr, &model, &s);
  ASSERT_FALSE(st.ok());
  EXPECT_NE(st.message().find("missing.jsonl"), std::string::npos) << st.message();

  o.data_files = {(dir_ / "spam.jsonl").string()};  // one class only
  st = Train(o, nullptr, &model, &s);
  ASSERT_FALSE(st.ok());
  EXPECT_EQ(st.code(), Status::Code::kInvalidArgument) << st.message();
}

}  // namespace
}  // namespace spamstrip
