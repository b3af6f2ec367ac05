// Fuzz target for html_reader.h: any bytes read without crashing, and the document keeps its
// invariants — block text ranges inside the text and in order, block sources inside the input,
// sorted and disjoint, and SourceRange of any sub-range of a block's text inside that block's
// source; and the same document whether script and style contents are elided before parsing or
// not. Built with libFuzzer under clang, with replay_main.cc otherwise.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>
#include <utility>

#include "html_reader.h"

namespace {

void Check(bool ok) {
  if (!ok) std::abort();
}

// A small deterministic generator seeded from the input, for picking sub-ranges.
uint64_t Next(uint64_t* state) {
  *state ^= *state << 13;
  *state ^= *state >> 7;
  *state ^= *state << 17;
  return *state;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using spamstrip::HtmlBlock;
  using spamstrip::Range;
  const std::string_view html(reinterpret_cast<const char*>(data), size);
  spamstrip::HtmlDocument doc;
  spamstrip::ReadHtml(html, spamstrip::HtmlReadOptions(), &doc);
  spamstrip::LooksLikeHtml(html);

  // The parse with script and style contents elided reads the same document as the page parsed
  // whole (html_parse.h).
  spamstrip::HtmlReadOptions whole_options;
  whole_options.elide_raw_text = false;
  spamstrip::HtmlDocument whole_parse;
  spamstrip::ReadHtml(html, whole_options, &whole_parse);
  Check(whole_parse.text == doc.text && whole_parse.blocks.size() == doc.blocks.size() &&
        whole_parse.pieces.size() == doc.pieces.size() &&
        whole_parse.nodes.size() == doc.nodes.size());
  for (size_t b = 0; b < doc.blocks.size(); ++b) {
    Check(whole_parse.blocks[b].source.start == doc.blocks[b].source.start &&
          whole_parse.blocks[b].source.end == doc.blocks[b].source.end);
  }
  for (size_t p = 0; p < doc.pieces.size(); ++p) {
    Check(whole_parse.pieces[p].source_start == doc.pieces[p].source_start &&
          whole_parse.pieces[p].source_end == doc.pieces[p].source_end);
  }

  uint64_t state = 0x9E3779B97F4A7C15ull ^ size;
  for (size_t i = 0; i < size && i < 64; ++i) state = state * 131 + data[i];
  if (state == 0) state = 1;

  size_t prev_text = 0, prev_source = 0;
  for (size_t b = 0; b < doc.blocks.size(); ++b) {
    const HtmlBlock& block = doc.blocks[b];
    Check(block.text.start < block.text.end && block.text.end <= doc.text.size());
    Check(block.text.start >= prev_text);
    prev_text = block.text.end;
    Check(block.source.start <= block.source.end && block.source.end <= size);
    if (block.source.start == block.source.end) continue;
    Check(block.source.start >= prev_source);
    prev_source = block.source.end;
    for (int k = 0; k < 8; ++k) {
      const size_t len = block.text.size();
      size_t a = block.text.start + Next(&state) % len;
      size_t z = block.text.start + Next(&state) % len;
      if (a > z) std::swap(a, z);
      Range source;
      if (doc.SourceRange(b, Range{a, z + 1}, &source)) {
        Check(source.start < source.end);
        Check(source.start >= block.source.start && source.end <= block.source.end);
      }
    }
    Range whole;
    if (doc.SourceRange(b, block.text, &whole)) {
      Check(whole.start >= block.source.start && whole.end <= block.source.end);
    }
  }
  return 0;
}
