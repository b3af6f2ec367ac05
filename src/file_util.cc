#include "file_util.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace spamstrip {

namespace {

// Opens `path` for reading; on success *fd is open and *size holds its size. A missing file is
// NotFound, a directory or any other failure IoError, each naming the path.
Status OpenForReading(const std::string& path, int* fd, off_t* size) {
  *fd = ::open(path.c_str(), O_RDONLY);
  if (*fd < 0) {
    const int e = errno;
    const std::string msg = path + ": " + std::strerror(e);
    return e == ENOENT ? Status::NotFound(msg) : Status::IoError(msg);
  }
  struct stat st;
  if (::fstat(*fd, &st) == 0 && S_ISDIR(st.st_mode)) {
    ::close(*fd);
    *fd = -1;
    return Status::IoError(path + ": is a directory");
  }
  *size = st.st_size;
  return Status::Ok();
}

}  // namespace

Status ReadFile(const std::string& path, std::string* out) {
  int fd = -1;
  off_t size = 0;
  Status s = OpenForReading(path, &fd, &size);
  if (!s.ok()) return s;
  out->clear();
  if (size > 0) out->reserve(static_cast<size_t>(size));
  char buf[1 << 16];
  for (;;) {
    ssize_t n = ::read(fd, buf, sizeof(buf));
    if (n < 0) {
      if (errno == EINTR) continue;
      int e = errno;
      ::close(fd);
      return Status::IoError(path + ": read failed at byte " + std::to_string(out->size()) + ": " +
                             std::strerror(e));
    }
    if (n == 0) break;
    out->append(buf, static_cast<size_t>(n));
  }
  ::close(fd);
  return Status::Ok();
}

Status CheckReadable(const std::string& path) {
  int fd = -1;
  off_t size = 0;
  Status s = OpenForReading(path, &fd, &size);
  if (s.ok()) ::close(fd);
  return s;
}

OutputTarget PlanOutput(const std::string& path) {
  OutputTarget t;
  t.path = t.final_path = t.write_path = path;
  struct stat st;
  if (::stat(path.c_str(), &st) == 0 && !S_ISREG(st.st_mode)) {
    t.in_place = true;
    return t;
  }
  struct stat lst;
  if (::lstat(path.c_str(), &lst) == 0 && S_ISLNK(lst.st_mode)) {
    if (char* real = ::realpath(path.c_str(), nullptr)) {
      t.final_path = real;
      std::free(real);
    }
  }
  t.write_path = t.final_path + ".tmp." + std::to_string(::getpid());
  return t;
}

Status CommitOutput(const OutputTarget& t) {
  if (t.in_place) return Status::Ok();
  if (::rename(t.write_path.c_str(), t.final_path.c_str()) != 0) {
    const int e = errno;
    ::unlink(t.write_path.c_str());
    return Status::IoError(t.path + ": rename failed: " + std::strerror(e));
  }
  return Status::Ok();
}

void AbandonOutput(const OutputTarget& t) {
  if (!t.in_place) ::unlink(t.write_path.c_str());
}

Status WriteFileAtomic(const std::string& path, std::string_view data) {
  const OutputTarget t = PlanOutput(path);
  int fd = t.in_place ? ::open(t.write_path.c_str(), O_WRONLY | O_TRUNC)
                      : ::open(t.write_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  if (fd < 0) return Status::IoError(path + ": cannot create: " + std::strerror(errno));
  size_t off = 0;
  while (off < data.size()) {
    ssize_t n = ::write(fd, data.data() + off, data.size() - off);
    if (n < 0) {
      if (errno == EINTR) continue;
      int e = errno;
      ::close(fd);
      AbandonOutput(t);
      return Status::IoError(path + ": write failed: " + std::strerror(e));
    }
    off += static_cast<size_t>(n);
  }
  // A device or pipe has nothing to sync (fsync fails with EINVAL there).
  const bool synced = t.in_place || ::fsync(fd) == 0;
  const int sync_errno = errno;
  const bool closed = ::close(fd) == 0;
  if (!synced || !closed) {
    const int e = !synced ? sync_errno : errno;
    AbandonOutput(t);
    return Status::IoError(path + ": flush failed: " + std::strerror(e));
  }
  return CommitOutput(t);
}

}  // namespace spamstrip
