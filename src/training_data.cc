#include "training_data.h"

#include <fstream>
#include <nlohmann/json.hpp>

#include "jsonl_file.h"

namespace spamstrip {

std::string CollapseWhitespace(const std::string& s) {
  std::string out;
  out.reserve(s.size());
  bool space = false;
  for (char c : s) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
      space = !out.empty();
    } else {
      if (space) out.push_back(' ');
      space = false;
      out.push_back(c);
    }
  }
  return out;
}

Status ReadTrainingFile(const std::string& path, const std::string& split, TrainingData* data) {
  return ForEachJsonlObject(path, [&](const nlohmann::json& j, const std::string& where) {
    auto sp = j.find("split");
    if (!split.empty() && sp != j.end() && sp->is_string() && sp->get<std::string>() != split) {
      return Status::Ok();
    }
    std::string id = where.substr(0, where.size() - 2);  // "path:line"
    auto idv = j.find("id");
    if (idv != j.end()) id = idv->is_string() ? idv->get<std::string>() : idv->dump();
    auto paras = j.find("paragraphs");
    if (paras != j.end()) {
      if (!paras->is_array()) return Status::Corrupt(where + "\"paragraphs\" is not an array");
      Article a;
      a.id = id;
      auto title = j.find("title");
      if (title != j.end() && title->is_string()) {
        std::string t = CollapseWhitespace(title->get<std::string>());
        if (!t.empty()) a.paragraphs.push_back(t);
      }
      for (const auto& p : *paras) {
        if (!p.is_string()) return Status::Corrupt(where + "a paragraph is not a string");
        std::string t = CollapseWhitespace(p.get<std::string>());
        if (!t.empty()) a.paragraphs.push_back(std::move(t));
      }
      if (!a.paragraphs.empty()) data->articles.push_back(std::move(a));
      return Status::Ok();
    }
    auto text = j.find("text");
    if (text == j.end() || !text->is_string()) {
      return Status::Corrupt(where + "record has neither \"paragraphs\" nor a string \"text\"");
    }
    LabelledText t;
    t.id = id;
    t.text = CollapseWhitespace(text->get<std::string>());
    if (t.text.empty()) return Status::Ok();
    auto label = j.find("label");
    auto cat = j.find("category");
    if (label != j.end()) {
      if (label->is_string()) {
        std::string l = label->get<std::string>();
        if (l == "spam") {
          t.spam = true;
        } else if (l == "ham" || l == "clean") {
          t.spam = false;
        } else {
          return Status::Corrupt(where + "label must be spam, ham or clean");
        }
      } else if (label->is_number() || label->is_boolean()) {
        t.spam = label->is_boolean() ? label->get<bool>() : label->get<double>() > 0.5;
      } else {
        return Status::Corrupt(where + "bad \"label\"");
      }
      if (cat != j.end() && cat->is_string()) t.category = cat->get<std::string>();
    } else if (cat != j.end() && cat->is_string()) {
      t.category = cat->get<std::string>();
      t.spam = t.category != "ham_lookalike";
    } else {
      return Status::Corrupt(where + "text record needs a \"label\" or a \"category\"");
    }
    data->texts.push_back(std::move(t));
    return Status::Ok();
  });
}

}  // namespace spamstrip
