#include "atom_matcher.h"

#include <algorithm>
#include <cstring>
#include <deque>

namespace spamstrip {
namespace {

// Whether `s` has a byte >= 0x80; eight bytes at a time.
bool HasHighByte(std::string_view s) {
  size_t i = 0;
  for (; i + 8 <= s.size(); i += 8) {
    uint64_t w;
    std::memcpy(&w, s.data() + i, 8);
    if (w & 0x8080808080808080ull) return true;
  }
  for (; i < s.size(); ++i) {
    if (static_cast<uint8_t>(s[i]) >= 0x80) return true;
  }
  return false;
}

}  // namespace

AtomMatcher::AtomMatcher(const std::vector<std::string>& atoms) : atom_count_(atoms.size()) {
  std::vector<std::string> ascii, other;
  std::vector<int32_t> ascii_ids, other_ids;
  for (size_t i = 0; i < atoms.size(); ++i) {
    const bool is_ascii = std::all_of(atoms[i].begin(), atoms[i].end(),
                                      [](char c) { return static_cast<uint8_t>(c) < 0x80; });
    (is_ascii ? ascii : other).push_back(atoms[i]);
    (is_ascii ? ascii_ids : other_ids).push_back(static_cast<int32_t>(i));
  }
  ascii_.Build(ascii, ascii_ids);
  other_.Build(other, other_ids);
}

void AtomMatcher::Automaton::Build(const std::vector<std::string>& atoms,
                                   const std::vector<int32_t>& ids) {
  if (atoms.empty()) return;
  // Byte classes: each byte used by some atom gets its own class.
  std::array<bool, 256> used{};
  for (const auto& a : atoms) {
    for (char c : a) used[static_cast<uint8_t>(c)] = true;
  }
  for (int b = 0; b < 256; ++b) {
    byte_class_[static_cast<size_t>(b)] =
        used[static_cast<size_t>(b)] ? static_cast<uint8_t>(classes_++) : 0;
  }
  const size_t k = classes_;
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
    out[static_cast<size_t>(s)].push_back(ids[i]);
  }
  // Breadth first: failure links complete the transition table and merge outputs; states are
  // renumbered in this order.
  const size_t n = out.size();
  std::vector<int32_t> next(n * k, 0), fail(n, 0), order, number(n, 0);
  std::deque<int32_t> queue;
  order.push_back(0);
  for (size_t c = 0; c < k; ++c) {
    const int32_t t = go[c];
    if (t > 0 && c != 0) {
      next[c] = t;
      queue.push_back(t);
    }
  }
  while (!queue.empty()) {
    const int32_t s = queue.front();
    queue.pop_front();
    const size_t su = static_cast<size_t>(s);
    number[su] = static_cast<int32_t>(order.size());
    order.push_back(s);
    const auto& fo = out[static_cast<size_t>(fail[su])];
    out[su].insert(out[su].end(), fo.begin(), fo.end());
    for (size_t c = 0; c < k; ++c) {
      const int32_t t = c == 0 ? -1 : go[su * k + c];
      if (t > 0) {
        fail[static_cast<size_t>(t)] = next[static_cast<size_t>(fail[su]) * k + c];
        next[su * k + c] = t;
        queue.push_back(t);
      } else {
        next[su * k + c] = next[static_cast<size_t>(fail[su]) * k + c];
      }
    }
  }
  // Final numbering: breadth-first order, the states where some atom ends last (Run() tests
  // one bound instead of looking up outputs at every byte); rows padded to a power of two
  // (Run() shifts instead of multiplying, on the loop's dependency chain).
  std::vector<int32_t> final_order;
  for (int32_t s : order) {
    if (out[static_cast<size_t>(s)].empty()) final_order.push_back(s);
  }
  first_output_ = static_cast<uint32_t>(final_order.size());
  for (int32_t s : order) {
    if (!out[static_cast<size_t>(s)].empty()) final_order.push_back(s);
  }
  for (size_t m = 0; m < n; ++m)
    number[static_cast<size_t>(final_order[m])] = static_cast<int32_t>(m);
  while ((size_t(1) << shift_) < k) ++shift_;
  const size_t row = size_t(1) << shift_;
  const bool narrow = n < 65536;
  if (narrow) {
    next16_.assign(n * row, 0);
  } else {
    next32_.assign(n * row, 0);
  }
  output_begin_.reserve(n + 1);
  for (size_t m = 0; m < n; ++m) {
    const size_t s = static_cast<size_t>(final_order[m]);
    for (size_t c = 0; c < k; ++c) {
      const auto t = static_cast<uint32_t>(number[static_cast<size_t>(next[s * k + c])]);
      if (narrow) {
        next16_[m * row + c] = static_cast<uint16_t>(t);
      } else {
        next32_[m * row + c] = t;
      }
    }
    output_begin_.push_back(static_cast<uint32_t>(outputs_.size()));
    outputs_.insert(outputs_.end(), out[s].begin(), out[s].end());
  }
  output_begin_.push_back(static_cast<uint32_t>(outputs_.size()));
}

template <typename State>
void AtomMatcher::Automaton::Run(const State* next, std::string_view text,
                                 std::vector<uint8_t>* seen, std::vector<int>* found) const {
  const unsigned shift = shift_;
  const size_t first_output = first_output_;
  size_t s = 0;
  for (char ch : text) {
    s = next[(s << shift) + byte_class_[static_cast<uint8_t>(ch)]];
    if (s < first_output) continue;
    for (uint32_t j = output_begin_[s]; j < output_begin_[s + 1]; ++j) {
      const auto a = static_cast<size_t>(outputs_[j]);
      if (!(*seen)[a]) {
        (*seen)[a] = 1;
        found->push_back(static_cast<int>(a));
      }
    }
  }
}

void AtomMatcher::Automaton::Find(std::string_view text, std::vector<uint8_t>* seen,
                                  std::vector<int>* found) const {
  if (states() == 0) return;
  if (!next16_.empty()) {
    Run(next16_.data(), text, seen, found);
  } else {
    Run(next32_.data(), text, seen, found);
  }
}

void AtomMatcher::Find(std::string_view text, std::vector<int>* found) const {
  FindUnordered(text, found);
  std::sort(found->begin(), found->end());
}

void AtomMatcher::FindUnordered(std::string_view text, std::vector<int>* found) const {
  found->clear();
  thread_local std::vector<uint8_t> seen;
  if (seen.size() < atom_count_) seen.assign(atom_count_, 0);
  ascii_.Find(text, &seen, found);
  // Atoms with a byte beyond ASCII cannot occur in ASCII text.
  if (HasHighByte(text)) other_.Find(text, &seen, found);
  for (int a : *found) seen[static_cast<size_t>(a)] = 0;
}

}  // namespace spamstrip
