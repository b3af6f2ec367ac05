// atom_matcher.h — finds which of many literal strings occur in a text, in one pass.
//
// Aho-Corasick automata compiled to dense DFAs over byte classes (bytes that occur in no
// literal share class 0). They find the literal "atoms" of the rules' prefilter
// (literal_prefilter.h, rule_set.h). (An RE2::Set of the ~3,600 atoms of the shipped rules
// matched at ~3 MB/s: in many-match mode the DFA's states multiply with every combination of
// atoms seen; these automata's states are the trie's nodes.)
//
// Memory decides the speed: one automaton over all the shipped atoms had ~12,000 states x ~130
// byte classes, a 6 MB table that missed the caches on most input bytes. So the atoms are split
// in two automata: those made of ASCII bytes (~7,000 states x ~50 classes), run on every text,
// and the others (Cyrillic, Arabic, £ ...), run only on text that has a byte beyond ASCII —
// which they need. States are numbered breadth first (the shallow states, where the automaton
// spends its time, share cache lines) and stored in 16 bits when there are few enough.
//
// Immutable after construction; Find() is const and thread-safe.
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
  // The same atoms, each once, in no particular order (for callers that need only the set).
  void FindUnordered(std::string_view text, std::vector<int>* found) const;

  size_t states() const { return ascii_.states() + other_.states(); }

 private:
  // One dense automaton over a subset of the atoms.
  class Automaton {
   public:
    // `ids[k]` is the index reported for atoms[k].
    void Build(const std::vector<std::string>& atoms, const std::vector<int32_t>& ids);
    // Appends to *found the ids of the atoms occurring in `text` not yet marked in `seen`,
    // marking them.
    void Find(std::string_view text, std::vector<uint8_t>* seen, std::vector<int>* found) const;
    size_t states() const { return output_begin_.empty() ? 0 : output_begin_.size() - 1; }

   private:
    template <typename State>
    void Run(const State* next, std::string_view text, std::vector<uint8_t>* seen,
             std::vector<int>* found) const;

    std::array<uint8_t, 256> byte_class_{};
    uint32_t classes_ = 1;
    unsigned shift_ = 0;            // a state's row of transitions is 2^shift_ >= classes_ wide
    uint32_t first_output_ = 0;     // states from here on are where some atom ends
    std::vector<uint16_t> next16_;  // states x 2^shift_, when there are < 65536 states
    std::vector<uint32_t> next32_;  // otherwise
    std::vector<uint32_t> output_begin_;  // per state, into outputs_ (all atoms ending there,
    std::vector<int32_t> outputs_;        // including those reached through failure links)
  };

  Automaton ascii_;  // atoms of ASCII bytes only
  Automaton other_;  // atoms with a byte beyond ASCII
  size_t atom_count_ = 0;
};

}  // namespace spamstrip

#endif  // SPAMSTRIP_SRC_ATOM_MATCHER_H_
