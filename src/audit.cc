#include "audit.h"

#include <algorithm>
#include <condition_variable>
#include <deque>
#include <map>
#include <mutex>
#include <thread>
#include <utility>
#include <vector>

#include "audit_document.h"
#include "audit_text.h"

namespace spamstrip {
namespace {

struct Work {
  uint64_t seq = 0;
  SourceItem item;
};

// State shared by the reader, the workers and the consumer (the calling thread).
class Pipeline {
 public:
  Pipeline(const Detector& d, DocSource* source, const AuditRunOptions& o)
      : detector_(d), source_(source), options_(o) {
    max_items_ = o.max_in_flight > 0 ? o.max_in_flight : 8 * static_cast<size_t>(o.jobs);
  }

  void Reader() {
    uint64_t seq = 0;
    for (;;) {
      if (options_.stop != nullptr && options_.stop->load()) break;
      Work w;
      if (!source_->Next(&w.item)) break;
      bytes_read_.store(source_->bytes_read());
      if (!options_.shard.Contains(w.item.ShardKey())) continue;
      const size_t size = w.item.bytes.size();
      std::unique_lock<std::mutex> lock(mu_);
      room_.wait(lock, [&] {
        return aborted_ || in_flight_ == 0 ||
               (in_flight_ < max_items_ && in_flight_bytes_ + size <= options_.max_in_flight_bytes);
      });
      if (aborted_) break;
      ++in_flight_;
      in_flight_bytes_ += size;
      w.seq = seq++;
      queue_.push_back(std::move(w));
      work_.notify_one();
    }
    std::lock_guard<std::mutex> lock(mu_);
    total_ = seq;
    reading_done_ = true;
    work_.notify_all();
    done_.notify_all();
  }

  void Worker() {
    Report report;
    for (;;) {
      Work w;
      {
        std::unique_lock<std::mutex> lock(mu_);
        work_.wait(lock, [&] { return aborted_ || !queue_.empty() || reading_done_; });
        if (aborted_ || queue_.empty()) return;
        w = std::move(queue_.front());
        queue_.pop_front();
      }
      AuditEvent e;
      const size_t size = w.item.bytes.size();
      if (w.item.kind == SourceItem::Kind::kDocument) {
        const AuditText text(w.item);  // decoded to UTF-8 when it declares another charset
        if (w.item.html) {
          detector_.AnalyzeHtml(text.text(), w.item.url, &report);
        } else {
          detector_.Analyze(text.text(), &report);
        }
        DescribeDocument(w.item, text, report, &e.outcome, &e.findings);
      }
      w.item.bytes = std::string();
      e.item = std::move(w.item);
      std::lock_guard<std::mutex> lock(mu_);
      ready_.emplace(w.seq, std::make_pair(std::move(e), size));
      if (w.seq == next_) done_.notify_all();
    }
  }

  Status Consume(const std::function<Status(AuditEvent&)>& sink) {
    AuditProgress p;
    p.total_bytes = source_->total_bytes();
    for (;;) {
      std::pair<AuditEvent, size_t> ready;
      {
        std::unique_lock<std::mutex> lock(mu_);
        done_.wait(lock,
                   [&] { return ready_.count(next_) > 0 || (reading_done_ && next_ >= total_); });
        auto it = ready_.find(next_);
        if (it == ready_.end()) return Status::Ok();
        ready = std::move(it->second);
        ready_.erase(it);
        ++next_;
      }
      AuditEvent& e = ready.first;
      ++p.items;
      if (e.item.kind == SourceItem::Kind::kDocument) {
        ++p.documents;
        if (!e.outcome.hits.empty()) ++p.flagged;
      } else if (e.item.kind == SourceItem::Kind::kError) {
        ++p.errors;
      }
      Status s = sink(e);
      {
        std::lock_guard<std::mutex> lock(mu_);
        --in_flight_;
        in_flight_bytes_ -= ready.second;
        room_.notify_one();
      }
      if (!s.ok()) return s;
      p.bytes_read = bytes_read_.load();
      if (options_.progress) options_.progress(p);
    }
  }

  void Abort() {
    std::lock_guard<std::mutex> lock(mu_);
    aborted_ = true;
    room_.notify_all();
    work_.notify_all();
    done_.notify_all();
  }

 private:
  const Detector& detector_;
  DocSource* source_;
  const AuditRunOptions& options_;
  size_t max_items_ = 0;
  std::atomic<uint64_t> bytes_read_{0};

  std::mutex mu_;
  std::condition_variable room_, work_, done_;
  std::deque<Work> queue_;
  std::map<uint64_t, std::pair<AuditEvent, size_t>> ready_;  // by seq, with the item's size
  size_t in_flight_ = 0;
  size_t in_flight_bytes_ = 0;
  uint64_t next_ = 0;   // the seq the sink gets next
  uint64_t total_ = 0;  // items read (valid once reading_done_)
  bool reading_done_ = false;
  bool aborted_ = false;
};

}  // namespace

Status RunAudit(const Detector& detector, DocSource* source, const AuditRunOptions& options,
                const std::function<Status(AuditEvent&)>& sink) {
  if (options.jobs < 1) return Status::InvalidArgument("jobs must be at least 1");
  Pipeline p(detector, source, options);
  std::thread reader([&p] { p.Reader(); });
  std::vector<std::thread> workers;
  for (int i = 0; i < options.jobs; ++i) workers.emplace_back([&p] { p.Worker(); });
  Status s = p.Consume(sink);
  if (!s.ok()) p.Abort();
  reader.join();
  for (std::thread& t : workers) t.join();
  return s;
}

}  // namespace spamstrip
