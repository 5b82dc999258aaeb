// Tool lookup and versions.
#include "rtlarena/core/tools.h"

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <mutex>

#include "rtlarena/core/process.h"
#include "rtlarena/core/text.h"

#ifndef RTLARENA_SOURCE_DIR
#define RTLARENA_SOURCE_DIR "."
#endif

namespace rtlarena {

namespace fs = std::filesystem;

namespace {
const std::map<std::string, std::string>& debianPackageOf() {
  static const std::map<std::string, std::string> m = {
      {"iverilog", "iverilog"}, {"vvp", "iverilog"},       {"verilator", "verilator"},
      {"yosys", "yosys"},       {"yosys-smtbmc", "yosys"}, {"yosys-abc", "yosys"},
      {"z3", "z3"},             {"sta", "opensta"},        {"bwrap", "bubblewrap"}};
  return m;
}
}  // namespace

Result<std::string> findTool(const std::string& name) {
  const char* path = std::getenv("PATH");
  std::string dirs = path ? path : "/usr/local/bin:/usr/bin:/bin";
  std::size_t start = 0;
  while (start <= dirs.size()) {
    std::size_t colon = dirs.find(':', start);
    std::string dir = dirs.substr(start, colon == std::string::npos ? std::string::npos : colon - start);
    if (!dir.empty()) {
      fs::path candidate = fs::path(dir) / name;
      if (access(candidate.c_str(), X_OK) == 0) return candidate.string();
    }
    if (colon == std::string::npos) break;
    start = colon + 1;
  }
  auto pkg = debianPackageOf().find(name);
  std::string hint = pkg != debianPackageOf().end()
                         ? " (install the Debian package '" + pkg->second + "', or run make demo)"
                         : "";
  return makeError(ErrorCode::ToolMissing, "'" + name + "' is not installed" + hint);
}

const VerilatorBinary& verilatorBinary() {
  static std::once_flag once;
  static VerilatorBinary found;
  std::call_once(once, [] {
    auto bin = findTool("verilator_bin");
    if (!bin) return;
    ProcessSpec spec;
    spec.argv = {"verilator", "--getenv", "VERILATOR_ROOT"};
    spec.workDir = "/";
    spec.env = defaultToolEnv("/tmp");
    spec.deadline = std::chrono::seconds(20);
    auto r = runProcess(spec);
    if (!r || !r->exitedOk()) return;
    auto lines = splitLines(r->out);
    if (lines.empty()) return;
    const std::string root(trim(lines.front()));
    std::error_code ec;
    if (root.empty() || !fs::is_directory(root, ec)) return;
    found = {*bin, root};
  });
  return found;
}

std::map<std::string, std::string> toolVersions() {
  static std::once_flag once;
  static std::map<std::string, std::string> versions;
  std::call_once(once, [] {
    const std::vector<std::pair<std::string, std::vector<std::string>>> probes = {
        {"iverilog", {"iverilog", "-V"}}, {"verilator", {"verilator", "--version"}},
        {"yosys", {"yosys", "-V"}},       {"sta", {"sta", "-version"}},
        {"bwrap", {"bwrap", "--version"}}, {"z3", {"z3", "--version"}}};
    for (const auto& [name, argv] : probes) {
      if (!findTool(argv[0])) {
        versions[name] = "not installed";
        continue;
      }
      ProcessSpec spec;
      spec.argv = argv;
      spec.workDir = "/";
      spec.env = defaultToolEnv("/tmp");
      spec.deadline = std::chrono::milliseconds(5000);
      spec.stdinData = "exit\n";
      auto r = runProcess(spec);
      std::string text = r ? r->combined() : "";
      auto lines = splitLines(text);
      versions[name] = lines.empty() ? "unknown" : std::string(trim(lines.front()));
    }
  });
  return versions;
}

std::string projectRoot() {
  if (const char* home = std::getenv("RTLARENA_HOME"); home && *home) return home;
  std::error_code ec;
  if (fs::exists(fs::path(RTLARENA_SOURCE_DIR) / "datasets", ec)) return RTLARENA_SOURCE_DIR;
  fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  for (fs::path p = exe.parent_path(); !p.empty() && p != p.root_path(); p = p.parent_path()) {
    if (fs::exists(p / "datasets", ec)) return p.string();
  }
  return fs::current_path(ec).string();
}

}  // namespace rtlarena
