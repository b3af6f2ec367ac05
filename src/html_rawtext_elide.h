// html_rawtext_elide.h — a page with the long contents of its <script> and <style> elements
// taken out, and the map from offsets in that reduced page back to the original.
//
// The parser reads script and style contents one character at a time although the reader never
// uses them; on news pages they are about half the bytes. ElideRawText finds them by the HTML
// tokenizer's rules: a <script ...> or <style ...> start tag (attribute values may hold '>'
// inside quotes; comments are skipped), then the contents up to the first "</script" or
// "</style" (ASCII case-insensitive) followed by tab, LF, FF, space, '/' or '>'. A script whose
// contents hold "<!--" is left alone (the tokenizer's escaped states make its end uncertain), as
// are contents without such an end tag and contents shorter than the minimum.
//
// This is a guess from the bytes alone: a "<script>" inside a <textarea>, an attribute or an
// <svg> is not a raw-text element at all. The caller must check that every elided region sits
// exactly inside a script or style element of the parsed reduced page (html_parse.h does). Pure.
#ifndef SPAMSTRIP_SRC_HTML_RAWTEXT_ELIDE_H_
#define SPAMSTRIP_SRC_HTML_RAWTEXT_ELIDE_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace spamstrip {

struct ElidedRegion {
  size_t start = 0;          // offset of the contents in the original page
  size_t length = 0;         // bytes taken out
  size_t reduced_start = 0;  // where they were, in the reduced page
  bool script = false;       // inside <script> (else <style>)
};

class RawTextElision {
 public:
  // Contents shorter than this stay (a short region saves less than it costs to map).
  static constexpr size_t kDefaultMinLength = 64;

  // Finds the regions of `html` and builds the reduced page; false (and no regions) when there
  // is nothing to take out.
  bool Build(std::string_view html, size_t min_length = kDefaultMinLength);

  const std::string& reduced() const { return reduced_; }
  const std::vector<ElidedRegion>& regions() const { return regions_; }

  // The original offset of reduced offset `r`. At the position of a region, `after_region`
  // says which side of it: true for a position or the start of a piece (the end tag after the
  // contents), false for the end of a piece (the start tag before them). `hint` (may be null)
  // carries the answer's place between calls: offsets asked in increasing order cost O(1) each.
  size_t ToOriginal(size_t r, bool after_region, size_t* hint = nullptr) const {
    if (hint && Fits(*hint, r, after_region)) return *hint == 0 ? r : r + shift_[*hint - 1];
    return Search(r, after_region, hint);
  }

 private:
  // Whether exactly the first k regions lie before r.
  bool Fits(size_t k, size_t r, bool after_region) const {
    const size_t n = regions_.size();
    return k <= n && (k == 0 || Before(k - 1, r, after_region)) &&
           (k == n || !Before(k, r, after_region));
  }
  bool Before(size_t j, size_t r, bool after_region) const {
    return after_region ? regions_[j].reduced_start <= r : regions_[j].reduced_start < r;
  }
  size_t Search(size_t r, bool after_region, size_t* hint) const;

  std::string reduced_;
  std::vector<ElidedRegion> regions_;
  std::vector<size_t> shift_;  // shift_[k]: bytes taken out by regions_[0..k]
};

}  // namespace spamstrip

#endif  // SPAMSTRIP_SRC_HTML_RAWTEXT_ELIDE_H_
