// The DUT build, in order: (1) hash every input into a cache key and return early on a hit;
// (2) verilate into a private temp dir (coverage flags first decide what gets counted);
// (3) rewrite the counter increments into hit-flag stores, since the fuzzer only asks
// "was it reached", which halves the cost of coverage; (4) compile the generated C++ and the
// shim, link them with the prebuilt Verilator runtime; (5) move the finished entry into the
// cache atomically, so concurrent builders never see half an entry.
#include "rtlarena/fuzz/dut_build.h"

#include <cstdlib>
#include <fstream>
#include <mutex>
#include <optional>
#include <regex>
#include <sstream>
#include <thread>

#include <unistd.h>

#include "rtlarena/core/files.h"
#include "rtlarena/core/hash.h"
#include "rtlarena/core/process.h"
#include "rtlarena/core/text.h"
#include "rtlarena/core/tools.h"

namespace rtlarena::fuzz {

namespace fs = std::filesystem;

namespace {

constexpr const char* kBuildRecipe = "rtlarena-dut-build-3";

struct Toolchain {
  std::string verilator, cxx, verilatorRoot, versionTag;
};

// Size and modification time of a tool's real file: enough to notice an upgrade.
std::string fileStamp(const std::string& tool) {
  std::error_code ec;
  const fs::path real = fs::canonical(tool, ec);
  if (ec) return tool;
  const auto size = fs::file_size(real, ec);
  const auto mtime = fs::last_write_time(real, ec).time_since_epoch().count();
  return real.string() + ":" + std::to_string(size) + ":" + std::to_string(mtime);
}

// Asking the verilator wrapper (a Perl script) for its root and version costs about half a
// second; a campaign is often shorter than that. The answers are kept in the cache folder
// under a key made of the tools' file stamps, so they are asked again only after an upgrade.
Result<Toolchain> findToolchain(const fs::path& cacheDir) {
  Toolchain t;
  auto v = findTool("verilator");
  if (!v) return v.error();
  t.verilator = *v;
  auto cxx = findTool("g++");
  if (!cxx) return cxx.error();
  t.cxx = *cxx;
  std::string stamp = fileStamp(t.verilator) + "|" + fileStamp(t.cxx);
  if (auto bin = findTool("verilator_bin"); bin) stamp += "|" + fileStamp(*bin);
  const fs::path probeFile = cacheDir / ("toolchain-" + sha256Hex(stamp).substr(0, 16) + ".txt");
  if (auto cached = readFile(probeFile); cached) {
    const auto lines = splitLines(*cached);
    if (lines.size() >= 2 && !lines[0].empty()) {
      t.verilatorRoot = lines[0];
      t.versionTag = lines[1];
      return t;
    }
  }
  t.verilatorRoot = "/usr/share/verilator";
  ProcessSpec ps;
  ps.argv = {t.verilator, "--getenv", "VERILATOR_ROOT"};
  ps.workDir = fs::temp_directory_path().string();
  ps.env = defaultToolEnv(ps.workDir);
  bool complete = true;
  if (auto r = runProcess(ps); r && r->exitedOk()) t.verilatorRoot = std::string(trim(r->out));
  else complete = false;
  ps.argv = {t.verilator, "--version"};
  if (auto r = runProcess(ps); r && r->exitedOk()) t.versionTag += std::string(trim(r->out));
  else complete = false;
  ps.argv = {t.cxx, "--version"};
  if (auto r = runProcess(ps); r && r->exitedOk()) t.versionTag += "|" + std::string(splitLines(r->out).front());
  else complete = false;
  // Written through a temp name and renamed, so a concurrent reader never sees half a file.
  if (complete) {
    const fs::path tmp = probeFile.string() + "." + std::to_string(::getpid());
    if (writeFile(tmp, t.verilatorRoot + "\n" + t.versionTag + "\n").ok()) {
      std::error_code ec;
      fs::rename(tmp, probeFile, ec);
      if (ec) fs::remove(tmp, ec);
    }
  }
  return t;
}

Error toolFailed(const std::string& what, const ProcessResult& r) {
  std::string why = r.timedOut ? "timed out" : "exit " + std::to_string(r.exitCode);
  return makeError(ErrorCode::Internal, what + " failed (" + why + "):\n" + tailLines(r.combined(), 30));
}

Result<ProcessResult> run(const std::vector<std::string>& argv, const fs::path& cwd,
                          std::chrono::seconds deadline) {
  ProcessSpec ps;
  ps.argv = argv;
  ps.workDir = cwd.string();
  ps.env = defaultToolEnv(cwd.string());
  ps.deadline = deadline;
  ps.limits.openFiles = 1024;
  ps.outputCap = 256 * 1024;
  return runProcess(ps);
}

// Runs the commands with at most `jobs` at a time; the first failure wins.
Status runAll(const std::vector<std::vector<std::string>>& cmds, const fs::path& cwd,
              std::chrono::seconds deadline, unsigned jobs) {
  std::mutex m;
  size_t next = 0;
  std::optional<Error> failure;
  auto worker = [&] {
    for (;;) {
      size_t i;
      {
        std::lock_guard<std::mutex> lock(m);
        if (failure || next >= cmds.size()) return;
        i = next++;
      }
      auto r = run(cmds[i], cwd, deadline);
      std::lock_guard<std::mutex> lock(m);
      if (!r) failure = r.error();
      else if (!r->exitedOk()) failure = toolFailed(cmds[i][0] + " " + cmds[i].back(), *r);
    }
  };
  std::vector<std::thread> threads;
  for (unsigned i = 0; i < std::max(1u, jobs); ++i) threads.emplace_back(worker);
  for (auto& t : threads) t.join();
  if (failure) return *failure;
  return Ok{};
}

std::vector<std::string> commonCxxFlags(const Toolchain& t, bool coverage) {
  return {"-std=c++20", "-fPIC", "-fvisibility=hidden", "-w",
          "-DVM_COVERAGE=" + std::string(coverage ? "1" : "0"), "-DVM_SC=0", "-DVM_TRACE=0",
          "-DVM_TRACE_FST=0", "-DVM_TRACE_VCD=0", "-I" + t.verilatorRoot + "/include",
          "-I" + t.verilatorRoot + "/include/vltstd"};
}

// Verilator's runtime, compiled once per toolchain and coverage setting.
Result<std::vector<fs::path>> runtimeObjects(const Toolchain& t, const fs::path& cacheDir, bool coverage,
                                             const DutBuildSpec& spec) {
  std::vector<std::string> units = {"verilated", "verilated_dpi", "verilated_threads"};
  if (coverage) units.push_back("verilated_cov");
  const auto flags = commonCxxFlags(t, coverage);
  std::string key = sha256Hex(std::string(kBuildRecipe) + t.versionTag + (coverage ? "cov" : "nocov"));
  fs::path dir = cacheDir / ("runtime-" + key.substr(0, 16));
  std::vector<fs::path> objs;
  for (const auto& u : units) objs.push_back(dir / (u + ".o"));
  bool have = true;
  for (const auto& o : objs) have = have && fs::exists(o);
  if (have) return objs;
  if (spec.log) spec.log("compiling the Verilator runtime (once per toolchain)");
  auto tmp = TempDir::create("runtime", cacheDir);
  if (!tmp) return tmp.error();
  std::vector<std::vector<std::string>> cmds;
  for (const auto& u : units) {
    std::vector<std::string> c = {t.cxx};
    c.insert(c.end(), flags.begin(), flags.end());
    c.insert(c.end(), {"-O2", "-c", "-o", (tmp->path() / (u + ".o")).string(),
                       t.verilatorRoot + "/include/" + u + ".cpp"});
    cmds.push_back(c);
  }
  if (auto s = runAll(cmds, tmp->path(), spec.deadline, spec.jobs); !s) return s.error();
  std::error_code ec;
  fs::rename(tmp->path(), dir, ec);  // a concurrent builder may have won; both are equal
  if (!fs::exists(objs.front())) return makeError(ErrorCode::Io, "cannot store " + dir.string());
  return objs;
}

// The file that declares `module <wrapper>`; excluded from toggle coverage (its memory
// array would add a million points).
fs::path wrapperFile(const std::vector<fs::path>& sources, const std::string& wrapper) {
  std::regex re("\\bmodule\\s+" + wrapper + "\\b");
  for (const auto& s : sources) {
    auto text = readFile(s);
    if (text && std::regex_search(*text, re)) return s;
  }
  return {};
}

std::string cacheKey(const DutBuildSpec& spec, const std::vector<fs::path>& sources,
                     const Toolchain& t, const std::string& shim, const std::string& shimHeader) {
  std::ostringstream k;
  k << kBuildRecipe << '\n' << t.versionTag << '\n' << spec.core.wrapper << '\n'
    << coverageKindsName(spec.coverage) << '\n' << shim << shimHeader;
  for (const auto& s : sources) {
    auto text = readFile(s);
    k << s.filename().string() << '\n' << (text ? *text : std::string("?")) << '\n';
  }
  for (const auto& d : spec.core.includeDirs) {
    std::error_code ec;
    for (const auto& e : fs::directory_iterator(d, ec)) {
      auto text = readFile(e.path());
      if (text) k << e.path().filename().string() << '\n' << *text;
    }
  }
  std::map<std::string, std::string> defines = spec.core.defines;
  for (const auto& [n, v] : spec.extraDefines) defines[n] = v;
  for (const auto& [n, v] : defines) k << "-D" << n << '=' << v << '\n';
  for (const auto& f : spec.core.verilatorFlags) k << f << '\n';
  return sha256Hex(k.str());
}

// Counter increments become stores of 1 and the coverage table is extracted.
Result<std::vector<CoverPoint>> patchCoverage(const fs::path& objDir) {
  static const std::regex insertRe(
      R"re(__Vcoverage\[(\d+)\]\), first, "([^"]*)", (\d+), \d+, "[^"]*", "v_([a-z]+)/[^"]*", "([^"]*)")re");
  std::map<size_t, CoverPoint> points;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(objDir, ec)) {
    if (e.path().extension() != ".cpp") continue;
    auto text = readFile(e.path());
    if (!text) return text.error();
    if (text->find("__Vcoverage") == std::string::npos) continue;
    std::string patched = replaceAll(*text, ".fetch_add(1, std::memory_order_relaxed)",
                                     ".store(1, std::memory_order_relaxed)");
    for (auto it = std::sregex_iterator(text->begin(), text->end(), insertRe);
         it != std::sregex_iterator(); ++it) {
      size_t idx = std::stoul((*it)[1]);
      if (points.count(idx)) continue;
      CoverPoint p;
      p.file = fs::path((*it)[2].str()).filename().string();
      p.line = std::stoi((*it)[3]);
      p.kind = (*it)[4];
      p.comment = (*it)[5];
      points[idx] = p;
    }
    if (patched != *text)
      if (auto s = writeFile(e.path(), patched); !s) return s.error();
  }
  std::vector<CoverPoint> out(points.empty() ? 0 : points.rbegin()->first + 1);
  for (auto& [i, p] : points) out[i] = p;
  return out;
}

std::string pointsTsv(const std::vector<CoverPoint>& points) {
  std::string s;
  for (size_t i = 0; i < points.size(); ++i)
    s += std::to_string(i) + '\t' + points[i].kind + '\t' + points[i].file + '\t' +
         std::to_string(points[i].line) + '\t' + points[i].comment + '\n';
  return s;
}

std::vector<CoverPoint> readPointsTsv(const std::string& text) {
  std::vector<CoverPoint> out;
  for (auto line : splitLines(text)) {
    std::vector<std::string> f;
    size_t start = 0;
    for (;;) {
      size_t tab = line.find('\t', start);
      f.emplace_back(line.substr(start, tab == std::string_view::npos ? std::string_view::npos : tab - start));
      if (tab == std::string_view::npos) break;
      start = tab + 1;
    }
    if (f.size() < 5) continue;
    CoverPoint p{f[1], f[2], std::atoi(f[3].c_str()), f[4]};
    out.push_back(p);
  }
  return out;
}

}  // namespace

Result<CoverageKinds> parseCoverageKinds(const std::string& text) {
  CoverageKinds k{false, false};
  if (text == "none" || text.empty()) return k;
  size_t start = 0;
  for (;;) {
    size_t comma = text.find(',', start);
    std::string item = text.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
    if (item == "line") k.line = true;
    else if (item == "toggle") k.toggle = true;
    else return makeError(ErrorCode::BadArgument, "--coverage: unknown kind '" + item + "' (line, toggle, none)");
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
  return k;
}

std::string coverageKindsName(const CoverageKinds& k) {
  if (!k.any()) return "none";
  return std::string(k.line ? "line" : "") + (k.line && k.toggle ? "," : "") + (k.toggle ? "toggle" : "");
}

fs::path defaultDutCacheDir() {
  if (const char* c = std::getenv("RTLARENA_CACHE"); c && *c) return fs::path(c) / "duts";
  if (const char* x = std::getenv("XDG_CACHE_HOME"); x && *x) return fs::path(x) / "rtlarena" / "duts";
  if (const char* h = std::getenv("HOME"); h && *h) return fs::path(h) / ".cache" / "rtlarena" / "duts";
  return fs::temp_directory_path() / "rtlarena-duts";
}

Result<DutArtifact> buildDut(const DutBuildSpec& spec) {
  const auto started = std::chrono::steady_clock::now();
  const fs::path root = projectRoot();
  const fs::path shimDir = root / "testbenches" / "riscv";
  auto shim = readFile(shimDir / "dut_shim.cpp");
  if (!shim) return shim.error();
  auto shimHeader = readFile(shimDir / "dut_shim.h");
  if (!shimHeader) return shimHeader.error();
  auto rvfiHeader = readFile(root / "fuzz" / "include" / "rtlarena" / "fuzz" / "rvfi.h");
  if (!rvfiHeader) return rvfiHeader.error();
  *shimHeader += *rvfiHeader;
  const std::vector<fs::path>& sources = spec.sourcesOverride.empty() ? spec.core.sources : spec.sourcesOverride;
  // Absolute, because Verilator and make run in their own working directories.
  std::error_code ec;
  const fs::path cacheDir = fs::absolute(spec.cacheDir.empty() ? defaultDutCacheDir() : spec.cacheDir, ec);
  if (ec) return makeError(ErrorCode::Io, "cannot resolve the DUT cache directory: " + ec.message());
  fs::create_directories(cacheDir, ec);
  if (ec) return makeError(ErrorCode::Io, "cannot create the DUT cache " + cacheDir.string() + ": " + ec.message());
  auto tc = findToolchain(cacheDir);
  if (!tc) return tc.error();

  DutArtifact art;
  art.key = cacheKey(spec, sources, *tc, *shim, *shimHeader);
  art.dir = cacheDir / (spec.core.name + "-" + art.key.substr(0, 16));
  art.sharedObject = art.dir / "dut.so";
  if (fs::exists(art.sharedObject)) {
    art.fromCache = true;
    if (auto pts = readFile(art.dir / "points.tsv"); pts) art.points = readPointsTsv(*pts);
    return art;
  }

  auto rt = runtimeObjects(*tc, cacheDir, spec.coverage.any(), spec);
  if (!rt) return rt.error();
  auto tmp = TempDir::create("build-" + spec.core.name, cacheDir);
  if (!tmp) return tmp.error();
  const fs::path work = tmp->path(), obj = work / "obj";
  if (spec.log) spec.log("verilating " + spec.core.name + " (coverage: " + coverageKindsName(spec.coverage) + ")");

  std::vector<std::string> v = {tc->verilator, "--cc", "--prefix", "Vdut", "--top-module", spec.core.wrapper,
                                "--Mdir", obj.string(), "-O3", "--x-assign", "0", "--x-initial", "0",
                                "--no-timing", "-Wno-fatal", "-Wno-lint", "-Wno-style"};
  if (spec.coverage.line) v.push_back("--coverage-line");
  if (spec.coverage.toggle) {
    v.push_back("--coverage-toggle");
    if (fs::path w = wrapperFile(sources, spec.core.wrapper); !w.empty()) {
      fs::path vlt = work / "coverage.vlt";
      if (auto s = writeFile(vlt, "`verilator_config\ncoverage_off -file \"" + w.string() + "\"\n"); !s)
        return s.error();
      v.push_back(vlt.string());
    }
  }
  std::map<std::string, std::string> defines = spec.core.defines;
  for (const auto& [n, val] : spec.extraDefines) defines[n] = val;
  for (const auto& [n, val] : defines) v.push_back("-D" + n + (val.empty() ? "" : "=" + val));
  for (const auto& d : spec.core.includeDirs) v.push_back("-I" + d.string());
  v.insert(v.end(), spec.core.verilatorFlags.begin(), spec.core.verilatorFlags.end());
  for (const auto& s : sources) v.push_back(s.string());
  auto vr = run(v, work, spec.deadline);
  if (!vr) return vr.error();
  if (!vr->exitedOk()) return toolFailed("verilator", *vr);

  std::vector<CoverPoint> points;
  if (spec.coverage.any()) {
    auto p = patchCoverage(obj);
    if (!p) return p.error();
    points = std::move(*p);
  }

  // Compile: generated model files, then the shim; slow (construction-time) files at -O0.
  auto flags = commonCxxFlags(*tc, spec.coverage.any());
  flags.push_back("-I" + obj.string());
  flags.push_back("-I" + shimDir.string());
  flags.push_back("-I" + (root / "fuzz" / "include").string());
  flags.push_back("-DRTLARENA_WRAPPER=" + spec.core.wrapper);
  std::vector<std::vector<std::string>> cmds;
  std::vector<std::string> objects;
  auto addCompile = [&](const fs::path& src, bool slow) {
    std::vector<std::string> c = {tc->cxx};
    c.insert(c.end(), flags.begin(), flags.end());
    std::string o = (work / (src.stem().string() + ".o")).string();
    c.insert(c.end(), {slow ? "-O0" : "-O2", "-c", "-o", o, src.string()});
    cmds.push_back(c);
    objects.push_back(o);
  };
  for (const auto& e : fs::directory_iterator(obj, ec)) {
    if (e.path().extension() != ".cpp") continue;
    std::string name = e.path().filename().string();
    addCompile(e.path(), contains(name, "Slow") || contains(name, "__Syms"));
  }
  addCompile(shimDir / "dut_shim.cpp", false);
  if (spec.log) spec.log("compiling " + std::to_string(cmds.size()) + " files");
  if (auto s = runAll(cmds, work, spec.deadline, spec.jobs); !s) return s.error();

  std::vector<std::string> link = {tc->cxx, "-shared", "-o", (work / "dut.so").string()};
  link.insert(link.end(), objects.begin(), objects.end());
  for (const auto& o : *rt) link.push_back(o.string());
  link.insert(link.end(), {"-pthread", "-Wl,-Bsymbolic"});
  auto lr = run(link, work, spec.deadline);
  if (!lr) return lr.error();
  if (!lr->exitedOk()) return toolFailed("link", *lr);

  // The entry: dut.so, the coverage table, and what went in (for humans).
  fs::path entry = work / "entry";
  fs::create_directories(entry, ec);
  fs::rename(work / "dut.so", entry / "dut.so", ec);
  if (ec) return makeError(ErrorCode::Io, "cannot move dut.so: " + ec.message());
  (void)writeFile(entry / "points.tsv", pointsTsv(points));
  std::string info = "core " + spec.core.name + "\ncoverage " + coverageKindsName(spec.coverage) + "\n";
  for (const auto& [n, val] : defines) info += "define " + n + "=" + val + "\n";
  for (const auto& s : sources) info += "source " + s.string() + "\n";
  (void)writeFile(entry / "build.txt", info);
  fs::rename(entry, art.dir, ec);
  if (ec && !fs::exists(art.sharedObject))
    return makeError(ErrorCode::Io, "cannot store " + art.dir.string() + ": " + ec.message());
  art.points = std::move(points);
  art.buildSeconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  return art;
}

}  // namespace rtlarena::fuzz
