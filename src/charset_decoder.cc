#include "charset_decoder.h"

#include <unicode/ucnv.h>
#include <unicode/ucnv_cb.h>

#include <algorithm>
#include <memory>

#include "utf8.h"

namespace spamstrip {
namespace {

constexpr size_t kChunk = size_t(1) << 16;  // input bytes per ucnv_toUnicode call

// Writes U+FFFD for an invalid, unassigned or truncated sequence (ICU's own substitution
// callback writes U+001A for some single-byte converters).
void U_CALLCONV ToReplacement(const void*, UConverterToUnicodeArgs* args, const char*, int32_t,
                              UConverterCallbackReason reason, UErrorCode* err) {
  if (reason > UCNV_IRREGULAR) return;  // reset, close, clone: nothing to write
  static const UChar kFffd[1] = {0xFFFD};
  *err = U_ZERO_ERROR;
  ucnv_cbToUWriteUChars(args, kFffd, 1, 0, err);
}

struct CloseConverter {
  void operator()(UConverter* c) const { ucnv_close(c); }
};

}  // namespace

void OffsetMap::Add(size_t decoded, size_t decoded_len, size_t source) {
  if (pending_) {
    source = std::max(source, pending_source_);
    Close(source);
  }
  pending_ = true;
  pending_decoded_ = decoded;
  pending_len_ = decoded_len;
  pending_source_ = source;
}

void OffsetMap::Close(size_t source_end) {
  const unsigned dl = static_cast<unsigned>(pending_len_);
  const unsigned sl =
      static_cast<unsigned>(std::max(source_end, pending_source_) - pending_source_);
  if (!runs_.empty()) {
    Run& r = runs_.back();
    if (r.decoded_len == dl && r.source_len == sl && r.decoded + r.count * dl == pending_decoded_ &&
        r.source + r.count * sl == pending_source_) {
      ++r.count;
      pending_ = false;
      return;
    }
  }
  runs_.push_back({pending_decoded_, pending_source_, 1, dl, sl});
  pending_ = false;
}

void OffsetMap::Finish(size_t decoded_size, size_t source_size) {
  if (pending_) Close(source_size);
  decoded_size_ = decoded_size;
  source_size_ = source_size;
}

size_t OffsetMap::ToSource(size_t offset, bool round_up) const {
  if (offset >= decoded_size_ || runs_.empty()) return source_size_;
  auto it = std::upper_bound(runs_.begin(), runs_.end(), offset,
                             [](size_t o, const Run& r) { return o < r.decoded; });
  if (it == runs_.begin()) return runs_.front().source;
  const Run& r = *(it - 1);
  const size_t rel = offset - r.decoded;
  const size_t inside = round_up && rel % r.decoded_len != 0 ? 1 : 0;
  const size_t k = std::min(rel / r.decoded_len + inside, r.count);
  return r.source + k * r.source_len;
}

size_t OffsetMap::ToSourceStart(size_t offset) const { return ToSource(offset, false); }

size_t OffsetMap::ToSourceEnd(size_t offset) const { return ToSource(offset, true); }

Status DecodeToUtf8(std::string_view input, size_t skip, const char* icu_name, DecodedText* out) {
  out->text.clear();
  out->map = OffsetMap();
  UErrorCode err = U_ZERO_ERROR;
  std::unique_ptr<UConverter, CloseConverter> cnv(ucnv_open(icu_name, &err));
  if (U_FAILURE(err) || cnv == nullptr) {
    return Status::InvalidArgument(std::string("no ICU converter ") + icu_name + ": " +
                                   u_errorName(err));
  }
  ucnv_setToUCallBack(cnv.get(), ToReplacement, nullptr, nullptr, nullptr, &err);
  if (U_FAILURE(err)) return Status::InvalidArgument(u_errorName(err));
  out->text.reserve(input.size() + input.size() / 4);

  // Room for every UChar one chunk can make (at most two per input byte, plus what ICU held).
  std::vector<UChar> target(2 * kChunk + 64);
  std::vector<int32_t> offsets(target.size());
  size_t pos = std::min(skip, input.size());
  size_t held_from = pos;  // input offset of the bytes ICU holds between calls
  bool done = false;
  while (!done) {
    const size_t chunk_end = std::min(input.size(), pos + kChunk);
    const bool flush = chunk_end == input.size();
    const char* src = input.data() + pos;
    const char* const src_end = input.data() + chunk_end;
    for (;;) {
      const size_t base = static_cast<size_t>(src - input.data());
      UChar* t = target.data();
      err = U_ZERO_ERROR;
      ucnv_toUnicode(cnv.get(), &t, target.data() + target.size(), &src, src_end, offsets.data(),
                     flush, &err);
      const size_t n = static_cast<size_t>(t - target.data());
      size_t last = held_from;
      for (size_t i = 0; i < n;) {
        const size_t from = offsets[i] < 0 ? held_from : base + static_cast<size_t>(offsets[i]);
        last = std::max(from, last);
        char32_t c = target[i++];
        if (U16_IS_LEAD(c) && i < n && U16_IS_TRAIL(target[i])) {
          c = U16_GET_SUPPLEMENTARY(c, target[i]);
          ++i;
        } else if (U16_IS_SURROGATE(c)) {
          c = kReplacementChar;
        }
        const size_t at = out->text.size();
        AppendUtf8(c, &out->text);
        out->map.Add(at, out->text.size() - at, last);
      }
      if (err == U_BUFFER_OVERFLOW_ERROR) continue;
      if (U_FAILURE(err)) {
        return Status::InvalidArgument(std::string("ICU ") + icu_name + ": " + u_errorName(err));
      }
      break;
    }
    UErrorCode perr = U_ZERO_ERROR;
    const int32_t held = ucnv_toUCountPending(cnv.get(), &perr);
    held_from = chunk_end -
                (U_SUCCESS(perr) && held > 0 ? std::min(static_cast<size_t>(held), chunk_end) : 0);
    pos = chunk_end;
    done = flush;
  }
  out->map.Finish(out->text.size(), input.size());
  return Status::Ok();
}

}  // namespace spamstrip
