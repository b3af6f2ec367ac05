// spamstrip clean — text or JSONL in, cleaned text or JSONL out, optional JSON report.
#include <unistd.h>

#include <boost/program_options.hpp>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>
#include <sstream>

#include "audit_text.h"
#include "commands.h"
#include "detector_flags.h"
#include "exit_codes.h"
#include "file_util.h"
#include "html_reader.h"
#include "json_line.h"
#include "parse_flags.h"
#include "source_report.h"
#include "spamstrip/detector.h"
#include "spamstrip/report_json.h"
#include "utf8.h"

namespace po = boost::program_options;

namespace spamstrip::cli {
namespace {

struct CleanFlags {
  std::string input = "-";
  std::string output;
  std::string report;
  bool jsonl = false;
  std::string format = "auto";  // auto | text | html
  std::string url;
  bool text_out = false;  // HTML in: print the article text instead of the page
  bool fail_on_spam = false;
  bool strict_utf8 = false;
};

// Reads all of stdin.
Status ReadStdin(std::string* out) {
  out->clear();
  char buf[1 << 16];
  size_t n;
  while ((n = std::fread(buf, 1, sizeof(buf), stdin)) > 0) out->append(buf, n);
  if (std::ferror(stdin)) return Status::IoError("<stdin>: read failed");
  return Status::Ok();
}

// The id as nlohmann::json::parse(token).dump() writes it, without the parser when the token
// already reads so: a string with no escape and no control character (the line was checked to
// be valid UTF-8), or an integer of at most 18 digits with no leading zero and not "-0".
std::string IdJson(std::string_view token) {
  if (token.size() >= 2 && token.front() == '"' && token.back() == '"') {
    bool plain = true;
    for (size_t i = 1; plain && i + 1 < token.size(); ++i) {
      const auto c = static_cast<unsigned char>(token[i]);
      plain = c >= 0x20 && c != '\\' && c != '"';
    }
    if (plain) return std::string(token);
  } else {
    const std::string_view digits = token.substr(!token.empty() && token[0] == '-' ? 1 : 0);
    bool integer = !digits.empty() && digits.size() <= 18 && (digits[0] != '0' || token == "0");
    for (size_t i = 0; integer && i < digits.size(); ++i) {
      integer = digits[i] >= '0' && digits[i] <= '9';
    }
    if (integer) return std::string(token);
  }
  return nlohmann::json::parse(token, nullptr, false).dump();
}

int Emit(const std::string& path, const std::string& data) {
  if (path.empty() || path == "-") {
    std::cout << data;
    std::cout.flush();
    return std::cout ? kExitOk : kExitOutput;
  }
  Status s = WriteFileAtomic(path, data);
  return s.ok() ? kExitOk : Fail(s, kExitOutput);
}

int CleanText(const Detector& d, const CleanFlags& f) {
  std::string text;
  Status s = f.input == "-" ? ReadStdin(&text) : ReadFile(f.input, &text);
  if (!s.ok()) return Fail(s, kExitInput);
  const std::string name = f.input == "-" ? "<stdin>" : f.input;
  const bool html = f.format == "html" || (f.format == "auto" && LooksLikeHtml(text));
  // A page declaring another charset is analysed decoded to UTF-8, as `audit` reads it; text is
  // read as UTF-8.
  const AuditText page(text, "", html, /*unicode=*/!html);
  size_t bad = page.converted() ? std::string::npos : FindInvalidUtf8(text);
  if (bad != std::string::npos) {
    if (f.strict_utf8) {
      return Fail(Status::Corrupt(name + ": invalid UTF-8 at byte " + std::to_string(bad)),
                  kExitInput);
    }
    std::cerr << "spamstrip: warning: " << name << ": invalid UTF-8 at byte " << bad
              << " (read as U+FFFD; bytes kept as they are)\n";
  }
  if (!page.unknown_label().empty()) {
    std::cerr << "spamstrip: warning: " << name << ": unknown charset \"" << page.unknown_label()
              << "\" (read as UTF-8)\n";
  }
  if (text.empty()) std::cerr << "spamstrip: warning: " << name << ": empty input\n";
  Report report;
  if (html) {
    d.AnalyzeHtml(page.text(), f.url, &report);
  } else {
    d.Analyze(text, &report);
  }
  if (!f.report.empty()) {
    int rc = Emit(f.report, SourceReportJson(page, report, 1) + "\n");
    if (rc != kExitOk) return rc;
  }
  // The page's own bytes minus the removals, which are mapped back to them when decoded.
  int rc = Emit(f.output, html && f.text_out ? report.article_text + "\n"
                          : page.converted() ? Clean(text, SourceReport(page, report))
                                             : Clean(text, report));
  if (rc != kExitOk) return rc;
  return f.fail_on_spam && report.flagged_any ? kExitSpam : kExitOk;
}

int CleanJsonl(const Detector& d, const CleanFlags& f) {
  std::ifstream file;
  std::istream* in = &std::cin;
  const std::string name = f.input == "-" ? "<stdin>" : f.input;
  if (f.input != "-") {
    Status s = CheckReadable(f.input);  // precise error for missing/unreadable files
    if (!s.ok()) return Fail(s, kExitInput);
    file.open(f.input, std::ios::binary);
    in = &file;
  }
  std::unique_ptr<std::ofstream> out_file;
  OutputTarget target;
  std::ostream* out = &std::cout;
  if (!f.output.empty() && f.output != "-") {
    target = PlanOutput(f.output);
    out_file =
        std::make_unique<std::ofstream>(target.write_path, std::ios::binary | std::ios::trunc);
    if (!*out_file) return Fail(Status::IoError(f.output + ": cannot create"), kExitOutput);
    out = out_file.get();
  }
  std::string line;
  size_t lineno = 0, errors = 0;
  bool any_spam = false;
  Report report;
  JsonLineMembers members;
  while (std::getline(*in, line)) {
    ++lineno;
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    std::string id_json;
    auto error = [&](const std::string& msg) {
      ++errors;
      std::cerr << "spamstrip: " << name << ":" << lineno << ": " << msg << "\n";
      *out << JsonlError(id_json, lineno, msg) << "\n";
    };
    size_t bad = FindInvalidUtf8(line);
    if (bad != std::string::npos) {
      error("invalid UTF-8 at byte " + std::to_string(bad) + " of the line");
      continue;
    }
    // The common line is read without building a JSON tree; anything unusual (and every error)
    // goes through nlohmann::json, which decides as before.
    const std::string* text = nullptr;
    bool is_html = false;
    std::string url = f.url;
    nlohmann::json j;
    if (ReadJsonObjectLine(line, &members)) {
      using Kind = JsonLineMembers::Kind;
      const bool id_ok = members.id_kind == Kind::kString || members.id_kind == Kind::kNumber;
      id_json = id_ok ? IdJson(members.id_token) : std::to_string(lineno);
      // As below: a page in "html", or text in "text".
      is_html = members.html_kind != Kind::kAbsent && f.format != "text";
      if ((is_html ? members.html_kind : members.text_kind) != Kind::kString) {
        error(is_html ? "field \"html\" is not a string" : "missing string field \"text\"");
        continue;
      }
      text = is_html ? &members.html : &members.text;
      if (members.url_kind == Kind::kString) url = members.url;
    } else {
      j = nlohmann::json::parse(line, nullptr, false);
      if (j.is_discarded()) {
        error("malformed JSON");
        continue;
      }
      if (!j.is_object()) {
        error("expected a JSON object");
        continue;
      }
      auto id = j.find("id");
      id_json = id != j.end() && (id->is_string() || id->is_number()) ? id->dump()
                                                                      : std::to_string(lineno);
      // A page in "html", or text in "text"; --format html reads "text" as HTML too.
      auto html = j.find("html");
      is_html = html != j.end() && f.format != "text";
      auto t = is_html ? html : j.find("text");
      if (t == j.end() || !t->is_string()) {
        error(is_html ? "field \"html\" is not a string" : "missing string field \"text\"");
        continue;
      }
      text = &t->get_ref<const std::string&>();
      if (auto u = j.find("url"); u != j.end() && u->is_string()) url = u->get<std::string>();
    }
    const std::string& t = *text;
    if (is_html || f.format == "html") {
      d.AnalyzeHtml(t, url, &report);
    } else {
      d.Analyze(t, &report);
    }
    any_spam |= report.flagged_any;
    *out << JsonlResult(id_json, t, report, is_html ? "html" : "text") << "\n";
  }
  if (in->bad()) {
    if (out_file) AbandonOutput(target);
    return Fail(Status::IoError(name + ": read failed after line " + std::to_string(lineno)),
                kExitInput);
  }
  if (out_file) {
    out_file->flush();
    bool ok = static_cast<bool>(*out_file);
    out_file.reset();
    if (!ok) {
      AbandonOutput(target);
      return Fail(Status::IoError(f.output + ": write failed"), kExitOutput);
    }
    if (Status s = CommitOutput(target); !s.ok()) return Fail(s, kExitOutput);
  } else {
    std::cout.flush();
  }
  if (errors > 0) {
    std::cerr << "spamstrip: " << errors << " of " << lineno << " lines had errors\n";
    return kExitInput;
  }
  return f.fail_on_spam && any_spam ? kExitSpam : kExitOk;
}

}  // namespace

int CleanCommand(const std::vector<std::string>& args) {
  Options opt;
  CleanFlags f;
  po::options_description desc("spamstrip clean [FILE|-] [options]");
  desc.add_options()("help,h", "show this help")("input", po::value(&f.input)->default_value("-"),
                                                 "input file, - for stdin")(
      "output,o", po::value(&f.output),
      "write the cleaned output here (atomically) instead of stdout")(
      "report,r", po::value(&f.report), "write the JSON report of every block here (text mode)")(
      "jsonl", po::bool_switch(&f.jsonl),
      "input is JSONL {\"id\",\"text\"} or {\"id\",\"html\",\"url\"?}; one JSON line out per "
      "line in")("format", po::value(&f.format)->default_value("auto"),
                 "auto | text | html: how to read the input (auto: HTML when it looks like it)")(
      "html", "same as --format html")(
      "url", po::value(&f.url),
      "the page's own URL (HTML: links elsewhere are foreign; default: canonical/og:url)")(
      "text", po::bool_switch(&f.text_out),
      "HTML input: print the cleaned article text instead of the cleaned page")(
      "fail-on-spam", po::bool_switch(&f.fail_on_spam),
      "exit 1 when anything was stripped or flagged")(
      "strict-utf8", po::bool_switch(&f.strict_utf8),
      "reject invalid UTF-8 (exit 3) instead of tolerating it");
  AddDetectorFlags(&desc, &opt);
  po::positional_options_description pos;
  pos.add("input", 1);
  po::variables_map vm;
  if (const auto done = ParseFlags(args, "clean", desc, &pos, &vm)) return *done;
  if (!FinishDetectorFlags(vm, "clean", &opt)) return kExitUsage;
  if (vm.count("html")) f.format = "html";
  if (f.format != "auto" && f.format != "text" && f.format != "html") {
    std::cerr << "spamstrip clean: --format must be auto, text or html\n";
    return kExitUsage;
  }
  if (f.jsonl && !f.report.empty()) {
    std::cerr << "spamstrip clean: --report is for text input; in --jsonl mode every output line "
                 "carries its own removals\n";
    return kExitUsage;
  }
  std::unique_ptr<Detector> d;
  Status s = Detector::Create(opt, &d);
  if (!s.ok()) return Fail(s, kExitInput);
  return f.jsonl ? CleanJsonl(*d, f) : CleanText(*d, f);
}

}  // namespace spamstrip::cli
