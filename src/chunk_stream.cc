#include "chunk_stream.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#include <cerrno>
#include <cstring>

namespace spamstrip {

namespace {

constexpr size_t kInSize = 1 << 16;
constexpr size_t kOutSize = 1 << 18;

}  // namespace

struct ChunkStream::Zlib {
  z_stream s{};
  bool live = false;
  ~Zlib() {
    if (live) inflateEnd(&s);
  }
};

ChunkStream::ChunkStream() = default;

ChunkStream::~ChunkStream() {
  if (fd_ >= 0) ::close(fd_);
}

Status ChunkStream::Open(const std::string& path, bool gzip) {
  path_ = path;
  gzip_ = gzip;
  fd_ = ::open(path.c_str(), O_RDONLY);
  if (fd_ < 0) {
    const int e = errno;
    const std::string msg = path + ": " + std::strerror(e);
    return e == ENOENT ? Status::NotFound(msg) : Status::IoError(msg);
  }
  struct stat st;
  if (::fstat(fd_, &st) == 0 && S_ISDIR(st.st_mode))
    return Status::IoError(path + ": is a directory");
  out_.resize(kOutSize);
  if (gzip_) {
    in_.resize(kInSize);
    z_ = std::make_unique<Zlib>();
    if (inflateInit2(&z_->s, 15 + 32) != Z_OK) return Status::IoError(path + ": zlib init failed");
    z_->live = true;
  }
  return Status::Ok();
}

bool ChunkStream::Next(Chunk* chunk, std::vector<StreamError>* errors) {
  if (fd_ < 0 || eof_) return false;
  return gzip_ ? NextGzip(chunk, errors) : NextPlain(chunk, errors);
}

size_t ChunkStream::Read(std::vector<char>* buf, uint64_t at, std::vector<StreamError>* errors) {
  for (;;) {
    const ssize_t n = ::read(fd_, buf->data(), buf->size());
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      errors->push_back(
          {at, "io",
           path_ + ": read failed at byte " + std::to_string(at) + ": " + std::strerror(errno)});
    }
    if (n <= 0) {
      eof_ = true;
      return 0;
    }
    return static_cast<size_t>(n);
  }
}

bool ChunkStream::NextPlain(Chunk* chunk, std::vector<StreamError>* errors) {
  const size_t n = Read(&out_, consumed_, errors);
  if (n == 0) return false;
  chunk->data = std::string_view(out_.data(), n);
  chunk->offset = consumed_;
  chunk->after_gap = false;
  consumed_ += n;
  return true;
}

bool ChunkStream::Refill(std::vector<StreamError>* errors) {
  in_base_ += in_len_;
  in_len_ = 0;
  const size_t n = Read(&in_, in_base_, errors);
  if (n == 0) return false;
  in_len_ = n;
  consumed_ = in_base_ + in_len_;
  z_->s.next_in = reinterpret_cast<Bytef*>(in_.data());
  z_->s.avail_in = static_cast<uInt>(in_len_);
  return true;
}

bool ChunkStream::Resync(uint64_t from, std::vector<StreamError>* errors) {
  static const char kMagic[3] = {'\x1f', '\x8b', '\x08'};
  for (;;) {
    if (::lseek(fd_, static_cast<off_t>(from), SEEK_SET) < 0) {
      eof_ = true;
      return false;
    }
    in_base_ = from;
    in_len_ = 0;
    if (!Refill(errors)) return false;
    for (size_t i = 0; i + 3 <= in_len_; ++i) {
      if (std::memcmp(in_.data() + i, kMagic, 3) != 0) continue;
      z_->s.next_in = reinterpret_cast<Bytef*>(in_.data() + i);
      z_->s.avail_in = static_cast<uInt>(in_len_ - i);
      inflateReset(&z_->s);
      member_ = in_base_ + i;
      member_started_ = false;
      resyncing_ = true;
      gap_ = true;
      return true;
    }
    if (in_len_ < 3) {
      eof_ = true;
      return false;
    }
    from = in_base_ + in_len_ - 2;  // a header may straddle the buffer end
  }
}

bool ChunkStream::NextGzip(Chunk* chunk, std::vector<StreamError>* errors) {
  z_stream& z = z_->s;
  for (;;) {
    if (z.avail_in == 0 && !Refill(errors)) {
      if (member_started_ && !resyncing_) {
        errors->push_back({member_, "truncated",
                           path_ + ": gzip member at byte " + std::to_string(member_) +
                               " is cut short (the file ends inside it)"});
      }
      member_started_ = false;
      return false;
    }
    const uint64_t member = member_;
    member_started_ = true;
    z.next_out = reinterpret_cast<Bytef*>(out_.data());
    z.avail_out = static_cast<uInt>(out_.size());
    const int rc = inflate(&z, Z_NO_FLUSH);
    const size_t produced = out_.size() - z.avail_out;
    if (rc == Z_STREAM_END) {
      member_ = in_base_ + static_cast<uint64_t>(reinterpret_cast<char*>(z.next_in) - in_.data());
      member_started_ = false;
      resyncing_ = false;
      inflateReset(&z);
    } else if (rc == Z_OK || rc == Z_BUF_ERROR) {
      if (produced > 0) resyncing_ = false;  // the header Resync found was a real one
    } else {
      // Corrupt: whatever this call produced is suspect and dropped, and so is the rest of the
      // member. A header that Resync found and that fails at once was a false match: silent.
      if (!resyncing_) {
        errors->push_back({member, "gzip",
                           path_ + ": corrupt gzip member at byte " + std::to_string(member) +
                               ": " +
                               (z.msg != nullptr ? z.msg : "inflate error " + std::to_string(rc))});
      }
      if (!Resync(member + 1, errors)) return false;
      continue;
    }
    if (produced > 0) {
      chunk->data = std::string_view(out_.data(), produced);
      chunk->offset = member;
      chunk->after_gap = gap_;
      gap_ = false;
      return true;
    }
  }
}

}  // namespace spamstrip
