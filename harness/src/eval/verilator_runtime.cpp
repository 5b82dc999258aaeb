// Verilator's runtime, built once per machine. Verilator's stock flow (`--binary`) compiles
// verilated.cpp and friends for every model, which is most of a small task's build time; here
// they are compiled once (plus a precompiled header of verilated.h, the other big cost of each
// model's compile) into a cache directory keyed by tool versions and flags.
#include <cstdlib>
#include <filesystem>
#include <mutex>
#include <optional>

#include "rtlarena/core/files.h"
#include "rtlarena/core/hash.h"
#include "rtlarena/core/process.h"
#include "rtlarena/core/text.h"
#include "rtlarena/core/tools.h"
#include "rtlarena/eval/verilator.h"

namespace rtlarena {

namespace fs = std::filesystem;

namespace {

// The flags of Verilator's generated Makefile (verilated.mk) for a --timing model without
// tracing, plus the optimisation level of the model's own code: -O1 compiles ~as fast as -O0
// and simulates several times faster.
std::vector<std::string> modelFlags(const std::string& root) {
  return {"-std=gnu++17", "-fcoroutines", "-faligned-new", "-fcf-protection=none",
          "-Wno-bool-operation", "-Wno-sign-compare", "-Wno-uninitialized",
          "-Wno-unused-but-set-variable", "-Wno-unused-parameter", "-Wno-unused-variable",
          "-Wno-shadow", "-DVM_COVERAGE=0", "-DVM_SC=0", "-DVM_TRACE=0", "-DVM_TRACE_FST=0",
          "-DVM_TRACE_VCD=0", "-I" + root + "/include", "-I" + root + "/include/vltstd", "-O1"};
}

Result<std::string> firstLineOf(const std::vector<std::string>& argv) {
  ProcessSpec spec;
  spec.argv = argv;
  spec.workDir = "/";
  spec.env = defaultToolEnv("/tmp");
  spec.deadline = std::chrono::milliseconds(20000);
  auto r = runProcess(spec);
  if (!r) return r.error();
  if (!r->exitedOk()) return makeError(ErrorCode::ToolMissing, argv[0] + " failed: " + std::string(trim(r->err)));
  auto lines = splitLines(r->out);
  return lines.empty() ? std::string() : std::string(trim(lines.front()));
}

Status runStep(const std::vector<std::string>& argv, const fs::path& dir) {
  ProcessSpec spec;
  spec.argv = argv;
  spec.workDir = dir.string();
  spec.env = defaultToolEnv(dir.string());
  spec.deadline = std::chrono::milliseconds(900000);
  auto r = runProcess(spec);
  if (!r) return r.error();
  if (!r->exitedOk())
    return makeError(ErrorCode::ToolMissing, "building Verilator's runtime failed: " + tailLines(r->combined(), 10));
  return Ok{};
}

const char* const kRuntimeSources[] = {"verilated", "verilated_timing", "verilated_threads"};

VerilatorRuntime describe(const fs::path& dir, const std::vector<std::string>& flags) {
  VerilatorRuntime rt;
  rt.dir = dir.string();
  for (const char* s : kRuntimeSources) rt.objects.push_back((dir / (std::string(s) + ".o")).string());
  rt.pchHeader = (dir / "vlpch.h").string();
  rt.cxxFlags = flags;
  return rt;
}

}  // namespace

std::string rtlarenaCacheRoot() {
  if (const char* c = std::getenv("RTLARENA_CACHE"); c && *c) return c;
  if (const char* x = std::getenv("XDG_CACHE_HOME"); x && *x) return std::string(x) + "/rtlarena";
  if (const char* h = std::getenv("HOME"); h && *h) return std::string(h) + "/.cache/rtlarena";
  return "/tmp/rtlarena-cache";
}

Result<VerilatorRuntime> verilatorRuntime() {
  static std::mutex mutex;
  static std::optional<VerilatorRuntime> cached;
  std::lock_guard lock(mutex);
  if (cached) return *cached;

  Result<std::string> root = verilatorBinary().root;
  if (root->empty()) root = firstLineOf({"verilator", "--getenv", "VERILATOR_ROOT"});  // names the failure
  if (!root) return root.error();
  auto version = firstLineOf({"verilator", "--version"});
  if (!version) return version.error();
  auto gcc = firstLineOf({"g++", "--version"});
  if (!gcc) return gcc.error();
  const auto flags = modelFlags(*root);
  std::string keyText = *version + "\n" + *gcc + "\n";
  for (const auto& f : flags) keyText += f + " ";
  const fs::path base = rtlarenaCacheRoot();
  const fs::path dir = base / ("verilator-runtime-" + sha256Hex(keyText).substr(0, 16));
  std::error_code ec;
  if (fs::exists(dir / "READY", ec)) {
    cached = describe(dir, flags);
    return *cached;
  }

  const auto start = std::chrono::steady_clock::now();
  fs::create_directories(base, ec);
  auto tmp = TempDir::create("verilator-runtime-build", base);
  if (!tmp) return tmp.error();
  const fs::path work = tmp->path();
  for (const char* s : kRuntimeSources) {
    // The runtime itself is built with the stock flags' -Os, like Verilator's own Makefile.
    std::vector<std::string> argv = {"g++"};
    for (const auto& f : flags) argv.push_back(f == "-O1" ? "-Os" : f);
    argv.insert(argv.end(), {"-c", "-o", std::string(s) + ".o", *root + "/include/" + s + ".cpp"});
    if (auto st = runStep(argv, work); !st) return st.error();
  }
  if (auto s = writeFile(work / "vlpch.h", "#include \"verilated.h\"\n#include \"verilated_timing.h\"\n"); !s)
    return s.error();
  std::vector<std::string> pch = {"g++"};
  pch.insert(pch.end(), flags.begin(), flags.end());
  pch.insert(pch.end(), {"-x", "c++-header", "vlpch.h", "-o", "vlpch.h.gch"});
  if (auto st = runStep(pch, work); !st) return st.error();
  if (auto s = writeFile(work / "READY", keyText); !s) return s.error();
  fs::rename(work, dir, ec);  // another process may have won the race: use its copy
  if (ec && !fs::exists(dir / "READY")) return makeError(ErrorCode::Io, dir.string() + ": cannot install: " + ec.message());
  if (!ec) tmp->keep();
  VerilatorRuntime rt = describe(dir, flags);
  rt.buildSeconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  cached = rt;
  return rt;
}

}  // namespace rtlarena
