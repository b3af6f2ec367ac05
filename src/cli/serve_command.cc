// `spamstrip serve`: the detector behind HTTP, for a CMS that cleans each article before it is
// published. One Detector (rules compiled and model loaded once) is shared by the server's
// worker threads; each request costs what Analyze costs, with no process start-up.
#include <httplib.h>
#include <pthread.h>
#include <signal.h>

#include <boost/program_options.hpp>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>
#include <thread>

#include "clean_service.h"
#include "commands.h"
#include "detector_flags.h"
#include "exit_codes.h"
#include "parse_flags.h"
#include "spamstrip/detector.h"

namespace spamstrip::cli {
namespace {

namespace po = boost::program_options;
using json = nlohmann::json;

struct ServeFlags {
  std::string host = "127.0.0.1";
  int port = 8080;
  int threads = 0;
  size_t max_bytes = 16u << 20;
};

void Respond(httplib::Response& res, int status, const std::string& body) {
  res.status = status;
  res.set_content(body, "application/json");
}

}  // namespace

int ServeCommand(const std::vector<std::string>& args) {
  Options opt;
  ServeFlags f;
  po::options_description desc("spamstrip serve [options]");
  desc.add_options()("help,h", "show this help")("host", po::value(&f.host)->default_value(f.host),
                                                 "address to listen on")(
      "port", po::value(&f.port)->default_value(f.port), "TCP port (0: any free port)")(
      "threads", po::value(&f.threads)->default_value(0),
      "worker threads (default: all cores, at least 2)")(
      "max-bytes", po::value(&f.max_bytes)->default_value(f.max_bytes),
      "largest request body accepted (larger: 413)");
  AddDetectorFlags(&desc, &opt);
  po::variables_map vm;
  if (const auto done = ParseFlags(args, "serve", desc, nullptr, &vm)) return *done;
  if (!FinishDetectorFlags(vm, "serve", &opt)) return kExitUsage;
  if (f.port < 0 || f.port > 65535) {
    std::cerr << "spamstrip serve: --port must be in 0..65535\n";
    return kExitUsage;
  }
  std::unique_ptr<Detector> d;
  Status s = Detector::Create(opt, &d);
  if (!s.ok()) return Fail(s, kExitInput);

  // SIGINT and SIGTERM end the server cleanly: blocked here (so every thread started below
  // inherits the mask) and awaited by one thread that stops the server.
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);

  httplib::Server server;
  const int threads = f.threads > 0
                          ? f.threads
                          : std::max(2, static_cast<int>(std::thread::hardware_concurrency()));
  server.new_task_queue = [threads] {
    return new httplib::ThreadPool(static_cast<size_t>(threads));
  };
  server.set_payload_max_length(f.max_bytes);
  // Answers go out at once: with Nagle's algorithm on, a response written as headers and body
  // waits for the client's delayed ACK (~40 ms on Linux), a hundred times the analysis itself.
  server.set_tcp_nodelay(true);
  server.Post("/v1/clean", [&d](const httplib::Request& req, httplib::Response& res) {
    CleanRequest r;
    r.content_type = req.get_header_value("Content-Type");
    r.body = req.body;
    if (req.has_param("format")) r.format = req.get_param_value("format");
    if (req.has_param("url")) r.url = req.get_param_value("url");
    r.report = req.get_param_value("report") != "0";
    CleanResponse out = HandleClean(*d, r);
    Respond(res, out.status, out.body);
  });
  server.Get("/v1/health", [&d](const httplib::Request&, httplib::Response& res) {
    Respond(res, 200,
            json{{"status", "ok"},
                 {"threshold", d->threshold()},
                 {"flag_threshold", d->flag_threshold()}}
                .dump());
  });
  server.set_error_handler([](const httplib::Request& req, httplib::Response& res) {
    // Only statuses the handlers did not answer themselves (404, 413, ...).
    if (!res.body.empty()) return;
    std::string what = res.status == 404 ? "no such endpoint: " + req.method + " " + req.path +
                                               " (POST /v1/clean, GET /v1/health)"
                       : res.status == 413 ? "request body larger than --max-bytes"
                                           : "HTTP status " + std::to_string(res.status);
    res.set_content(json{{"error", what}}.dump(), "application/json");
  });

  int port = f.port;
  if (port == 0) {
    port = server.bind_to_any_port(f.host);
  } else if (!server.bind_to_port(f.host, port)) {
    port = -1;
  }
  if (port < 0) {
    std::cerr << "spamstrip serve: cannot listen on " << f.host << ":" << f.port << "\n";
    return kExitInput;
  }
  std::thread stopper([&server, &stop_signals] {
    int sig = 0;
    sigwait(&stop_signals, &sig);
    server.stop();
  });
  std::cerr << "spamstrip serve: listening on http://" << f.host << ":" << port << " (" << threads
            << " threads; POST /v1/clean, GET /v1/health)" << std::endl;
  const bool ok = server.listen_after_bind();
  // Wake the stopper if the server ended on its own (it then finds nothing to stop).
  if (!ok) pthread_kill(stopper.native_handle(), SIGTERM);
  stopper.join();
  std::cerr << "spamstrip serve: stopped\n";
  return ok ? kExitOk : kExitInput;
}

}  // namespace spamstrip::cli
