// html_parse.h — gumbo's tree of a page, parsed fast: the long contents of <script> and
// <style> elements are taken out before parsing (html_rawtext_elide.h) and put back in the tree
// afterwards, so the tree is the one a parse of the page itself gives.
//
// After the reduced page is parsed, every elided region must sit exactly inside a script or
// style element of the HTML namespace: its start tag ends where the region was and its end tag
// starts there, with nothing between. Then the tokenizer was in its script-data or raw-text
// state over the region, so the page itself tokenizes the region as that element's text and
// nothing else. When any region fails the check (a "<script" inside a comment, an attribute, a
// <textarea> or an <svg>), that parse is discarded and the page itself is parsed.
//
// When the check passes, every string piece (original_tag, original_end_tag, original_text,
// attributes' original_name and original_value) points into the page, every source
// position's offset is the page's, and each elided element gets back its one text node with
// the region as original_text. Lines and columns are not remapped: they count from the reduced
// page (nothing in spamstrip reads them). The text node's decoded text is the region with CR
// and CR LF read as LF and NUL as U+FFFD; invalid UTF-8 in it is copied as it is (gumbo would
// write U+FFFD; nothing reads the text of a script or style).
#ifndef SPAMSTRIP_SRC_HTML_PARSE_H_
#define SPAMSTRIP_SRC_HTML_PARSE_H_

#include <gumbo.h>

#include <cstddef>
#include <memory>
#include <string_view>
#include <vector>

namespace spamstrip {
namespace html_internal {

// Gumbo allocates through this arena and never frees: the whole tree goes at once with the
// arena (no recursive destroy, which could overflow the stack on deep trees, and no malloc per
// node).
class Arena {
 public:
  static void* Allocate(void* self, size_t size) { return static_cast<Arena*>(self)->Get(size); }
  static void Deallocate(void* /*self*/, void* /*ptr*/) {}
  void* Get(size_t size);

 private:
  static constexpr size_t kChunk = size_t{1} << 18;

  std::vector<std::unique_ptr<char[]>> chunks_;
  char* cur_ = nullptr;
  size_t left_ = 0;
};

struct ParseInfo {
  size_t elided = 0;        // regions taken out and put back (0 when the page was parsed whole)
  size_t elided_bytes = 0;  // their bytes
  bool fell_back = false;   // regions were found but failed the check: the page parsed whole
};

// Parses `html` into `arena` (which must outlive the tree; so must `html`). With
// `elide_raw_text` false the page is parsed as it is.
GumboOutput* ParseHtml(std::string_view html, bool elide_raw_text, Arena* arena,
                       ParseInfo* info = nullptr);

}  // namespace html_internal
}  // namespace spamstrip

#endif  // SPAMSTRIP_SRC_HTML_PARSE_H_
