// Wraps a ProcessSpec in bubblewrap. What the sandboxed tool sees: /usr read-only (the tool
// installation; /usr/local hidden), the /bin /lib /lib64 /sbin symlinks of merged-/usr Debian,
// the loader cache, a fresh /proc and /dev, an empty private /tmp and the job directory at
// /tmp/job. No home directories, no project folders, no host /tmp, nothing else under /etc.
#include "rtlarena/core/sandbox.h"

#include <filesystem>
#include <mutex>

#include "rtlarena/core/files.h"
#include "rtlarena/core/text.h"
#include "rtlarena/core/tools.h"

namespace rtlarena {
namespace {

std::vector<std::string> bwrapPrefix(const std::string& jobDir, const SandboxConfig& config) {
  namespace fs = std::filesystem;
  std::vector<std::string> a = {"bwrap", "--ro-bind", "/usr", "/usr", "--tmpfs", "/usr/local"};
  for (const char* link : {"bin", "lib", "lib64", "lib32", "sbin"}) {
    fs::path p = fs::path("/") / link;
    std::error_code ec;
    if (fs::is_symlink(p, ec)) {
      a.insert(a.end(), {"--symlink", fs::read_symlink(p, ec).string(), p.string()});
    } else if (fs::exists(p, ec)) {
      a.insert(a.end(), {"--ro-bind", p.string(), p.string()});
    }
  }
  for (const char* etc : {"/etc/ld.so.cache", "/etc/alternatives"}) {
    std::error_code ec;
    if (fs::exists(etc, ec)) a.insert(a.end(), {"--ro-bind", etc, etc});
  }
  a.insert(a.end(), {"--proc", "/proc", "--dev", "/dev", "--tmpfs", "/tmp", "--bind", jobDir,
                     config.jobDirInside});
  for (const auto& path : config.readOnlyBinds) a.insert(a.end(), {"--ro-bind", path, path});
  a.insert(a.end(), {"--chdir", config.jobDirInside, "--unshare-all", "--die-with-parent",
                     "--new-session", "--clearenv"});
  return a;
}

}  // namespace

Status probeSandbox() {
  static std::once_flag once;
  static Status verdict = Ok{};
  std::call_once(once, [] {
    auto bwrap = findTool("bwrap");
    if (!bwrap) {
      verdict = makeError(ErrorCode::Sandbox,
                          "bubblewrap (bwrap) is not installed: install the Debian package "
                          "'bubblewrap', or pass --no-sandbox to run model code unconfined");
      return;
    }
    auto dir = TempDir::create("rtlarena-probe");
    if (!dir) {
      verdict = dir.error();
      return;
    }
    ProcessSpec spec;
    spec.argv = {"true"};
    spec.workDir = dir->path().string();
    spec.deadline = std::chrono::milliseconds(10000);
    auto r = runProcess(sandboxed(spec, SandboxConfig{}));
    if (!r || !r->exitedOk()) {
      std::string why = r ? trim(r->err).empty() ? "exit " + std::to_string(r->exitCode)
                                                 : std::string(trim(r->err))
                          : r.error().message;
      verdict = makeError(ErrorCode::Sandbox,
                          "cannot create the sandbox's namespaces (" + why +
                              "); enable unprivileged user namespaces, or pass --no-sandbox "
                              "to run model code unconfined");
    }
  });
  return verdict;
}

ProcessSpec sandboxed(const ProcessSpec& spec, const SandboxConfig& config) {
  if (config.mode == SandboxMode::None) return spec;
  ProcessSpec out = spec;
  const std::string jobDir = std::filesystem::absolute(spec.workDir).lexically_normal().string();
  out.argv = bwrapPrefix(jobDir, config);
  std::map<std::string, std::string> env = spec.env;
  env["HOME"] = config.jobDirInside;
  env["TMPDIR"] = "/tmp";
  for (const auto& [k, v] : env) {
    out.argv.insert(out.argv.end(), {"--setenv", k, replaceAll(v, jobDir, config.jobDirInside)});
  }
  out.argv.push_back("--");
  for (const auto& arg : spec.argv) out.argv.push_back(replaceAll(arg, jobDir, config.jobDirInside));
  out.env = defaultToolEnv(spec.workDir);
  return out;
}

Result<ProcessResult> runSandboxed(const ProcessSpec& spec, const SandboxConfig& config) {
  if (config.mode == SandboxMode::None) return runProcess(spec);
  return runProcess(sandboxed(spec, config));
}

}  // namespace rtlarena
