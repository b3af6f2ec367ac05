#include "atom_matcher.h"

#include <algorithm>
#include <deque>

namespace spamstrip {

AtomMatcher::AtomMatcher(const std::vector<std::string>& atoms) : atom_count_(atoms.size()) {
  // Byte classes: each byte used by some atom gets its own class.
  std::array<bool, 256> used{};
  for (const auto& a : atoms) {
    for (char c : a) used[static_cast<uint8_t>(c)] = true;
  }
  for (int b = 0; b < 256; ++b) {
    byte_class_[static_cast<size_t>(b)] =
        used[static_cast<size_t>(b)] ? static_cast<uint8_t>(classes_++) : 0;
  }
  const size_t k = static_cast<size_t>(classes_);
  // Trie.
  std::vector<int32_t> go(k, -1);
  std::vector<std::vector<int32_t>> out(1);
  for (size_t i = 0; i < atoms.size(); ++i) {
    int32_t s = 0;
    for (char c : atoms[i]) {
      const size_t cls = byte_class_[static_cast<uint8_t>(c)];
      int32_t& t = go[static_cast<size_t>(s) * k + cls];
      if (t < 0) {
        t = static_cast<int32_t>(out.size());
        out.emplace_back();
        go.resize(out.size() * k, -1);
      }
      s = go[static_cast<size_t>(s) * k + cls];
    }
    out[static_cast<size_t>(s)].push_back(static_cast<int32_t>(i));
  }
  // Breadth-first: failure links complete the transition table and merge outputs.
  const size_t n = out.size();
  next_.assign(n * k, 0);
  std::vector<int32_t> fail(n, 0);
  std::deque<int32_t> queue;
  for (size_t c = 0; c < k; ++c) {
    int32_t t = go[c];
    if (t > 0 && c != 0) {
      next_[c] = t;
      queue.push_back(t);
    } else {
      next_[c] = 0;
    }
  }
  while (!queue.empty()) {
    const int32_t s = queue.front();
    queue.pop_front();
    const size_t su = static_cast<size_t>(s);
    const auto& fo = out[static_cast<size_t>(fail[su])];
    out[su].insert(out[su].end(), fo.begin(), fo.end());
    for (size_t c = 0; c < k; ++c) {
      const int32_t t = c == 0 ? -1 : go[su * k + c];
      if (t > 0) {
        fail[static_cast<size_t>(t)] = next_[static_cast<size_t>(fail[su]) * k + c];
        next_[su * k + c] = t;
        queue.push_back(t);
      } else {
        next_[su * k + c] = next_[static_cast<size_t>(fail[su]) * k + c];
      }
    }
  }
  output_begin_.reserve(n + 1);
  for (size_t s = 0; s < n; ++s) {
    output_begin_.push_back(static_cast<uint32_t>(outputs_.size()));
    outputs_.insert(outputs_.end(), out[s].begin(), out[s].end());
  }
  output_begin_.push_back(static_cast<uint32_t>(outputs_.size()));
}

void AtomMatcher::Find(std::string_view text, std::vector<int>* found) const {
  found->clear();
  thread_local std::vector<uint8_t> seen;
  if (seen.size() < atom_count_) seen.assign(atom_count_, 0);
  const size_t k = static_cast<size_t>(classes_);
  size_t s = 0;
  for (char ch : text) {
    s = static_cast<size_t>(next_[s * k + byte_class_[static_cast<uint8_t>(ch)]]);
    for (uint32_t j = output_begin_[s]; j < output_begin_[s + 1]; ++j) {
      const int32_t a = outputs_[j];
      if (!seen[static_cast<size_t>(a)]) {
        seen[static_cast<size_t>(a)] = 1;
        found->push_back(a);
      }
    }
  }
  for (int a : *found) seen[static_cast<size_t>(a)] = 0;
  std::sort(found->begin(), found->end());
}

}  // namespace spamstrip
