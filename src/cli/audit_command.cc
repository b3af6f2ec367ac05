// spamstrip audit — an archive audited: findings.jsonl, summary.json and report.html in a
// directory, resumable, shardable; `audit merge` combines shards.
#include <signal.h>

#include <atomic>
#include <boost/program_options.hpp>
#include <chrono>
#include <cmath>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>
#include <thread>

#include "audit.h"
#include "audit_merge.h"
#include "audit_output.h"
#include "audit_progress.h"
#include "audit_report_html.h"
#include "audit_summary_text.h"
#include "commands.h"
#include "detector_flags.h"
#include "exit_codes.h"
#include "input_walker.h"
#include "parse_flags.h"
#include "shard.h"

namespace po = boost::program_options;

namespace spamstrip::cli {
namespace {

using json = nlohmann::ordered_json;

std::atomic<bool> g_stop{false};

extern "C" void OnStopSignal(int) { g_stop.store(true); }

// Ctrl-C / kill: stop reading, finish the documents in flight, checkpoint, exit. A second signal
// kills at once (the last checkpoint still holds).
void CatchStopSignals() {
  struct sigaction sa {};
  sa.sa_handler = OnStopSignal;
  sa.sa_flags = SA_RESETHAND;
  sigemptyset(&sa.sa_mask);
  for (int sig : {SIGINT, SIGTERM, SIGHUP}) sigaction(sig, &sa, nullptr);
}

struct AuditFlags {
  std::vector<std::string> inputs;
  std::string out;
  int jobs = 0;
  bool quiet = false;
  bool progress = false;
  bool resume = false;
  bool force = false;
  std::string shard;
  std::string format = "auto";
  double checkpoint_seconds = 5;
  double progress_seconds = 10;
};

double Round4(double v) { return std::round(v * 1e4) / 1e4; }

// What the detector was set to; audits merge only when these agree.
json Settings(const Options& opt, const Detector& d, const std::string& format) {
  json s;
  s["threshold"] = Round4(d.threshold());
  s["flag_threshold"] = Round4(d.flag_threshold());
  s["span_threshold"] = opt.span_threshold < 0 ? json(nullptr) : json(Round4(opt.span_threshold));
  s["sentence_cuts"] = opt.sentence_cuts;
  s["flag_only"] = opt.flag_only;
  s["model"] = !opt.use_model ? "none" : opt.model_file.empty() ? "built-in" : opt.model_file;
  s["rules"] = opt.rule_files.empty() ? std::vector<std::string>{"built-in"} : opt.rule_files;
  s["format"] = format;
  return s;
}

// What a resumed run must agree with: the inputs as listed now, the settings, the shard.
json Fingerprint(const AuditFlags& f, const std::vector<InputEntry>& inputs, const json& settings) {
  uint64_t bytes = 0;
  std::string listing;
  for (const InputEntry& e : inputs) {
    bytes += e.size;
    listing += e.path + '\0' + std::to_string(e.size) + '\0' + InputKindName(e.kind) + '\n';
  }
  json j;
  j["inputs"] = f.inputs;
  j["files"] = inputs.size();
  j["bytes"] = bytes;
  j["listing_fnv1a64"] = Fnv1a64(listing);
  j["settings"] = settings;
  j["shard"] = f.shard.empty() ? "1/1" : f.shard;
  return j;
}

int MergeCommand(const std::vector<std::string>& args) {
  std::vector<std::string> dirs;
  std::string out;
  bool force = false;
  po::options_description desc("spamstrip audit merge DIR... --out DIR [options]");
  desc.add_options()("help,h", "show this help")("dirs", po::value(&dirs)->composing(),
                                                 "audit output directories (the shards)")(
      "out,o", po::value(&out), "write the merged audit here")("force", po::bool_switch(&force),
                                                               "replace an audit already in --out");
  po::positional_options_description pos;
  pos.add("dirs", -1);
  po::variables_map vm;
  if (const auto done = ParseFlags(args, "audit merge", desc, &pos, &vm)) return *done;
  if (dirs.empty() || out.empty()) {
    std::cerr << "spamstrip audit merge: give the directories to merge and --out\n\n" << desc;
    return kExitUsage;
  }
  Status s = MergeAudits(dirs, out, force);
  if (s.ok()) return kExitOk;
  switch (s.code()) {
    case Status::Code::kInvalidArgument:
      return Fail(s, kExitUsage);
    case Status::Code::kIoError:  // writing fails with a message naming a file in --out
      return Fail(s, s.message().rfind(out + "/", 0) == 0 || s.message().rfind(out + ":", 0) == 0
                         ? kExitOutput
                         : kExitInput);
    default:
      return Fail(s, kExitInput);
  }
}

}  // namespace

int AuditCommand(const std::vector<std::string>& args) {
  if (!args.empty() && args[0] == "merge") {
    return MergeCommand(std::vector<std::string>(args.begin() + 1, args.end()));
  }
  Options opt;
  AuditFlags f;
  po::options_description desc(
      "spamstrip audit INPUT... --out DIR [options]\n"
      "spamstrip audit merge DIR... --out DIR\n\n"
      "INPUT: files or directories (recursed) of .html/.htm, .txt, .jsonl/.json, .warc, "
      ".warc.gz");
  desc.add_options()("help,h", "show this help")("inputs", po::value(&f.inputs)->composing(),
                                                 "input files and directories")(
      "out,o", po::value(&f.out), "output directory (findings.jsonl, summary.json, report.html)")(
      "jobs,j", po::value(&f.jobs)->default_value(0), "worker threads (0: all cores)")(
      "quiet,q", po::bool_switch(&f.quiet), "print nothing but input errors")(
      "progress", po::bool_switch(&f.progress),
      "plain progress lines even on a terminal (the default when stderr is not one)")(
      "progress-interval", po::value(&f.progress_seconds)->default_value(10),
      "seconds between plain progress lines")(
      "resume", po::bool_switch(&f.resume),
      "finish the interrupted audit in --out (or start one if there is none)")(
      "force", po::bool_switch(&f.force), "start over, replacing what --out holds")(
      "shard", po::value(&f.shard), "K/N: audit only shard K of N (by a hash of document ids)")(
      "format", po::value(&f.format)->default_value("auto"),
      "auto|text|html: how .txt files and JSON \"text\" fields are read (auto: .txt and "
      "\"text\" as text, \"html\" as HTML)")(
      "checkpoint-interval", po::value(&f.checkpoint_seconds)->default_value(5),
      "seconds between checkpoints (what --resume goes on from)");
  AddDetectorFlags(&desc, &opt);
  po::positional_options_description pos;
  pos.add("inputs", -1);
  po::variables_map vm;
  if (const auto done = ParseFlags(args, "audit", desc, &pos, &vm)) return *done;
  if (!FinishDetectorFlags(vm, "audit", &opt)) return kExitUsage;
  auto usage = [&desc](const std::string& msg) {
    std::cerr << "spamstrip audit: " << msg << "\n\n" << desc;
    return kExitUsage;
  };
  if (f.inputs.empty()) return usage("no INPUT given");
  if (f.out.empty()) return usage("--out DIR is required");
  if (f.jobs < 0) return usage("--jobs must be 0 (all cores) or more");
  if (f.resume && f.force) return usage("--resume and --force exclude each other");
  Shard shard;
  if (!f.shard.empty() && !ParseShard(f.shard, &shard)) {
    return usage("--shard wants K/N with 1 <= K <= N, e.g. 2/8");
  }
  DocSource::Options source_options;
  if (f.format == "text") {
    source_options.format = DocFormat::kText;
  } else if (f.format == "html") {
    source_options.format = DocFormat::kHtml;
  } else if (f.format != "auto") {
    return usage("--format is auto, text or html");
  }
  const int jobs =
      f.jobs > 0 ? f.jobs : std::max(1, static_cast<int>(std::thread::hardware_concurrency()));

  std::unique_ptr<Detector> d;
  Status s = Detector::Create(opt, &d);
  if (!s.ok()) return Fail(s, kExitInput);

  std::vector<InputEntry> inputs;
  WalkInputs(f.inputs, &inputs);
  const json settings = Settings(opt, *d, f.format);
  AuditOutput out;
  AuditCheckpoint cp;
  cp.fingerprint = Fingerprint(f, inputs, settings);
  AuditOutput::State state;
  s = out.Open(f.out,
               f.resume  ? AuditOutput::Mode::kResume
               : f.force ? AuditOutput::Mode::kForce
                         : AuditOutput::Mode::kFresh,
               cp.fingerprint, &cp, &state);
  if (!s.ok())
    return Fail(s, s.code() == Status::Code::kInvalidArgument ? kExitUsage : kExitOutput);
  if (state == AuditOutput::State::kAlreadyComplete) {
    if (!f.quiet) std::cerr << "spamstrip audit: " << f.out << " is complete; nothing to resume\n";
    return kExitOk;
  }
  AuditSummary& summary = cp.summary;
  DocSource source(inputs, source_options);
  if (state == AuditOutput::State::kResumed) {
    source.Seek(cp.next_file, cp.next_skip);
    if (!f.quiet) {
      std::cerr << "spamstrip audit: resuming after " << summary.documents() << " documents (file "
                << cp.next_file + 1 << " of " << inputs.size() << ")\n";
    }
  } else {
    summary.settings = settings;
    for (const InputEntry& e : inputs) {
      if (e.kind != InputKind::kSkipped && e.kind != InputKind::kError && shard.Contains(e.path)) {
        summary.AddFile(InputKindName(e.kind), e.size);
      }
    }
  }

  AuditProgressDisplay display(AuditProgressDisplay::Choose(f.quiet, f.progress),
                               f.progress_seconds);
  const uint64_t base_docs = summary.documents(), base_flagged = summary.flagged(),
                 base_errors = summary.errors();
  AuditProgress last;
  AuditRunOptions ro;
  ro.jobs = jobs;
  ro.shard = shard;
  ro.stop = &g_stop;
  ro.progress = [&](const AuditProgress& p) {
    last = p;
    last.documents += base_docs;
    last.flagged += base_flagged;
    last.errors += base_errors;
    display.Update(last);
  };
  // Checkpoints come every --checkpoint-interval seconds, but never take more than a tenth of
  // the time: the next one waits at least ten times as long as the last one took (fsync on a
  // busy disk, a large summary).
  using Clock = std::chrono::steady_clock;
  Clock::time_point next_checkpoint =
      Clock::now() + std::chrono::duration_cast<Clock::duration>(
                         std::chrono::duration<double>(f.checkpoint_seconds));
  bool output_failed = false;
  auto sink = [&](AuditEvent& e) -> Status {
    const SourceItem& item = e.item;
    switch (item.kind) {
      case SourceItem::Kind::kError:
        summary.AddError({{item.source, item.index}, item.offset, item.what, item.message});
        display.Error(item.message);
        break;
      case SourceItem::Kind::kSkipped:
        summary.AddSkipped(item.what);
        break;
      case SourceItem::Kind::kDocument:
        summary.AddDocument(e.outcome);
        if (!e.findings.empty()) {
          Status ws = out.AppendFindings(e.findings);
          if (!ws.ok()) {
            output_failed = true;
            return ws;
          }
        }
        break;
    }
    cp.next_file = item.file;
    cp.next_skip = item.index + 1;
    const Clock::time_point start = Clock::now();
    if (start < next_checkpoint) return Status::Ok();
    Status cs = out.Checkpoint(&cp);
    if (!cs.ok()) output_failed = true;
    const Clock::time_point end = Clock::now();
    next_checkpoint = end + std::max(std::chrono::duration_cast<Clock::duration>(
                                         std::chrono::duration<double>(f.checkpoint_seconds)),
                                     10 * (end - start));
    return cs;
  };
  CatchStopSignals();
  const auto run_start = std::chrono::steady_clock::now();
  s = RunAudit(*d, &source, ro, sink);
  if (!s.ok()) return Fail(s, output_failed ? kExitOutput : kExitInput);
  if (g_stop.load()) {
    s = out.Checkpoint(&cp);
    if (!s.ok()) return Fail(s, kExitOutput);
    display.Finish(last);
    std::cerr << "spamstrip audit: interrupted; run the same command with --resume to finish\n";
    return kExitInterrupted;
  }
  json j = summary.ToJson();
  if (shard.n > 1) j["shard"] = shard.ToString();
  s = out.Finish(SummaryFileText(j), AuditReportHtml(j));
  if (!s.ok()) return Fail(s, kExitOutput);
  display.Finish(last);
  if (!f.quiet) {
    // A resumed run's time would cover only its last part: not shown.
    const double seconds =
        state == AuditOutput::State::kResumed
            ? 0
            : std::chrono::duration<double>(std::chrono::steady_clock::now() - run_start).count();
    std::cout << AuditSummaryText(j, f.out, seconds) << std::flush;
  }
  if (summary.errors() > 0) {
    std::cerr << "spamstrip audit: " << summary.errors()
              << " input errors (listed in summary.json); the rest was audited\n";
    return kExitInput;
  }
  return kExitOk;
}

}  // namespace spamstrip::cli
