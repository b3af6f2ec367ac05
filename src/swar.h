// swar.h — eight bytes at a time ("SWAR"): tests on a 64-bit word of input bytes, for the scans
// that look at every byte of a page or sentence. Each answer is exact for the byte values it
// states (no carries between bytes).
#ifndef SPAMSTRIP_SRC_SWAR_H_
#define SPAMSTRIP_SRC_SWAR_H_

#include <cstdint>
#include <cstring>

namespace spamstrip {
namespace swar {

#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
constexpr bool kLittleEndian = true;
#else
constexpr bool kLittleEndian = false;  // scans that use a byte's position need little-endian
#endif

constexpr uint64_t kOnes = 0x0101010101010101ull;
constexpr uint64_t kHighs = 0x8080808080808080ull;

inline uint64_t Load8(const char* p) {
  uint64_t w;
  std::memcpy(&w, p, 8);
  return w;
}

// High bit set in every byte of w equal to b.
inline uint64_t BytesEqual(uint64_t w, uint8_t b) {
  const uint64_t x = w ^ (kOnes * b);
  return ~(((x & ~kHighs) + ~kHighs) | x) & kHighs;
}

// High bit set in every byte of w below b (1 <= b <= 0x80).
inline uint64_t BytesBelow(uint64_t w, uint8_t b) {
  return ~(((w & ~kHighs) + kOnes * (0x80 - b)) | w) & kHighs;
}

// High bit set in every byte of w (all bytes below 0x80) that lies in [lo, hi].
inline uint64_t BytesInRange(uint64_t w, uint8_t lo, uint8_t hi) {
  // Adding 0x80 - lo sets a byte's high bit when it is >= lo; no carry crosses a byte.
  return (w + kOnes * (0x80 - lo)) & ~(w + kOnes * (0x80 - hi - 1)) & kHighs;
}

// The number of bytes of a mask (high bits only, as the functions above return) that are set.
inline int CountMarked(uint64_t m) { return static_cast<int>(((m >> 7) * kOnes) >> 56); }

// The high bit of each of the eight bytes that ends a plain run of a JSON string: '"', '\\' or a
// control character (below 0x20). Exact for every byte value.
inline uint64_t JsonStringStops(uint64_t w) {
  return BytesEqual(w, '"') | BytesEqual(w, '\\') | BytesBelow(w, 0x20);
}

// Whether any of the eight bytes ends a plain run of a JSON string (JsonStringStops).
inline bool HasJsonStringStop(uint64_t w) { return JsonStringStops(w) != 0; }

}  // namespace swar
}  // namespace spamstrip

#endif  // SPAMSTRIP_SRC_SWAR_H_
