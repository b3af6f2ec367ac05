#include "atom_matcher.h"

#include <algorithm>
#include <cstring>
#include <memory>
#include <type_traits>

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
  // Trie, from the atoms in byte order (stable: equal atoms keep their order): an atom shares
  // with the one before it exactly the states of their common prefix, so no lookup is needed,
  // and each state's children are created in ascending class order. An edge is (parent,
  // class, child); the atoms ending at a state are by_bytes[own_first, + own_count).
  std::vector<uint32_t> by_bytes(atoms.size());
  for (size_t i = 0; i < atoms.size(); ++i) by_bytes[i] = static_cast<uint32_t>(i);
  std::stable_sort(by_bytes.begin(), by_bytes.end(),
                   [&](uint32_t x, uint32_t y) { return atoms[x] < atoms[y]; });
  struct Edge {
    uint32_t parent, cls, child;
  };
  std::vector<Edge> edges;
  std::vector<uint32_t> own_first(1, 0), own_count(1, 0);
  std::vector<uint32_t> path = {0};  // the states spelling the previous atom
  const std::string* prev = nullptr;
  for (size_t p = 0; p < by_bytes.size(); ++p) {
    const std::string& a = atoms[by_bytes[p]];
    size_t common = 0;
    if (prev != nullptr) {
      const size_t most = std::min(a.size(), prev->size());
      while (common < most && a[common] == (*prev)[common]) ++common;
    }
    path.resize(common + 1);
    for (size_t d = common; d < a.size(); ++d) {
      const auto t = static_cast<uint32_t>(own_first.size());
      edges.push_back({path[d], byte_class_[static_cast<uint8_t>(a[d])], t});
      own_first.push_back(0);
      own_count.push_back(0);
      path.push_back(t);
    }
    const uint32_t end = path[a.size()];
    if (own_count[end]++ == 0) own_first[end] = static_cast<uint32_t>(p);
    prev = &a;
  }
  const size_t n = own_first.size();
  // Each state's children, in ascending class order (edges are already in that order per
  // parent; the counting sort keeps it).
  std::vector<uint32_t> child_begin(n + 1, 0);
  for (const Edge& e : edges) ++child_begin[e.parent + 1];
  for (size_t s = 0; s < n; ++s) child_begin[s + 1] += child_begin[s];
  std::vector<Edge> children(edges.size());
  {
    std::vector<uint32_t> at(child_begin.begin(), child_begin.end() - 1);
    for (const Edge& e : edges) children[at[e.parent]++] = e;
  }
  // Breadth first: failure links (the longest proper suffix of a state's string that is a
  // state: found along the parent's failure chain) and outputs, a state's own atoms followed by
  // its failure state's (merged before it).
  auto child = [&](uint32_t state, uint32_t cls) -> uint32_t {  // 0: none
    for (uint32_t j = child_begin[state]; j < child_begin[state + 1]; ++j) {
      if (children[j].cls == cls) return children[j].child;
      if (children[j].cls > cls) break;
    }
    return 0;
  };
  std::vector<uint32_t> fail(n, 0), order;
  std::vector<uint32_t> merged_begin(n, 0), merged_end(n, 0);
  std::vector<int32_t> merged;
  order.reserve(n);
  order.push_back(0);
  for (size_t q = 0; q < order.size(); ++q) {
    const uint32_t s = order[q];
    for (uint32_t j = child_begin[s]; j < child_begin[s + 1]; ++j) {
      const Edge& e = children[j];
      if (s != 0) {
        uint32_t f = fail[s];
        uint32_t t = child(f, e.cls);
        while (t == 0 && f != 0) {
          f = fail[f];
          t = child(f, e.cls);
        }
        fail[e.child] = t;
      }
      order.push_back(e.child);
    }
    merged_begin[s] = static_cast<uint32_t>(merged.size());
    for (uint32_t p = own_first[s]; p < own_first[s] + own_count[s]; ++p) {
      merged.push_back(ids[by_bytes[p]]);
    }
    if (s != 0) {
      const uint32_t f = fail[s];
      for (uint32_t p = merged_begin[f]; p < merged_end[f]; ++p) merged.push_back(merged[p]);
    }
    merged_end[s] = static_cast<uint32_t>(merged.size());
  }
  // Final numbering: breadth-first order, the states where some atom ends last (Run() tests
  // one bound instead of looking up outputs at every byte); rows padded to a power of two
  // (Run() shifts instead of multiplying, on the loop's dependency chain).
  std::vector<uint32_t> final_order;
  final_order.reserve(n);
  for (uint32_t s : order) {
    if (merged_begin[s] == merged_end[s]) final_order.push_back(s);
  }
  first_output_ = static_cast<uint32_t>(final_order.size());
  for (uint32_t s : order) {
    if (merged_begin[s] != merged_end[s]) final_order.push_back(s);
  }
  std::vector<uint32_t> number(n, 0);
  for (size_t m = 0; m < n; ++m) number[final_order[m]] = static_cast<uint32_t>(m);
  while ((size_t(1) << shift_) < k) ++shift_;
  const size_t row = size_t(1) << shift_;
  // The table in the final numbering, breadth first: a state's row is its failure state's
  // row (complete: that state is shallower) with its own children written over it; the root's
  // is its children and 0. Padding columns stay 0.
  auto fill = [&](auto* table) {
    using State = typename std::remove_reference_t<decltype(*table)>::value_type;
    const std::unique_ptr<State[]> t(new State[n * row]);
    for (uint32_t s : order) {
      State* r = &t[number[s] * row];
      if (s == 0) {
        std::memset(r, 0, row * sizeof(State));
      } else {
        std::memcpy(r, &t[number[fail[s]] * row], row * sizeof(State));
      }
      for (uint32_t j = child_begin[s]; j < child_begin[s + 1]; ++j) {
        r[children[j].cls] = static_cast<State>(number[children[j].child]);
      }
    }
    table->assign(t.get(), t.get() + n * row);
  };
  if (n < 65536) {
    fill(&next16_);
  } else {
    fill(&next32_);
  }
  output_begin_.reserve(n + 1);
  outputs_.reserve(merged.size());
  for (size_t m = 0; m < n; ++m) {
    const size_t s = final_order[m];
    output_begin_.push_back(static_cast<uint32_t>(outputs_.size()));
    outputs_.insert(outputs_.end(), merged.begin() + merged_begin[s],
                    merged.begin() + merged_end[s]);
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
