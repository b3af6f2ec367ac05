// atom_matcher.h — finds which of many literal strings occur in a text, in one pass.
//
// An Aho-Corasick automaton compiled to a dense DFA over byte classes (bytes that occur in no
// literal share class 0). It is the string matcher RE2's FilteredRE2 deliberately leaves to its
// user: FilteredRE2 reduces every rule pattern to literal atoms, this finds the atoms. (An
// RE2::Set of the ~3,600 atoms of the shipped rules matched at ~3 MB/s: in many-match mode the
// DFA's states multiply with every combination of atoms seen; this automaton's states are the
// trie's nodes.) Immutable after construction; Find() is const and thread-safe.
#ifndef SPAMSTRIP_SRC_ATOM_MATCHER_H_
#define SPAMSTRIP_SRC_ATOM_MATCHER_H_

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace spamstrip {

class AtomMatcher {
 public:
  // `atoms` must be non-empty strings; duplicates are allowed (each keeps its own index).
  explicit AtomMatcher(const std::vector<std::string>& atoms);

  // Sets *found to the indices of the atoms occurring in `text`, ascending, each once.
  void Find(std::string_view text, std::vector<int>* found) const;

  size_t states() const { return output_begin_.size() - 1; }

 private:
  std::array<uint8_t, 256> byte_class_{};
  int classes_ = 1;
  std::vector<int32_t> next_;           // states x classes
  std::vector<uint32_t> output_begin_;  // per state, into outputs_ (all atoms ending here,
  std::vector<int32_t> outputs_;        // including those reached through failure links)
  size_t atom_count_ = 0;
};

}  // namespace spamstrip

#endif  // SPAMSTRIP_SRC_ATOM_MATCHER_H_
