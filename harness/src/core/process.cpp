// The one function that starts processes: fork + execve with rlimits, its own process group,
// a wall deadline (SIGTERM, grace, SIGKILL to the whole group) and capped capture of both
// streams through poll(). Everything the child needs is prepared before fork, because only
// async-signal-safe calls may run between fork and exec in a threaded program.
#include "rtlarena/core/process.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <linux/close_range.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <sys/types.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

#include "rtlarena/core/tools.h"

namespace rtlarena {
namespace {

using Clock = std::chrono::steady_clock;

struct Pipe {
  int read = -1;
  int write = -1;
};

bool makePipe(Pipe& p) {
  int fds[2];
  if (pipe2(fds, O_CLOEXEC) != 0) return false;
  p.read = fds[0];
  p.write = fds[1];
  return true;
}

void closeFd(int& fd) {
  if (fd >= 0) {
    ::close(fd);
    fd = -1;
  }
}

void setLimit(int resource, std::uint64_t value) {
  if (value == 0) return;
  struct rlimit rl;
  rl.rlim_cur = value;
  rl.rlim_max = value;
  setrlimit(resource, &rl);
}

// Runs in the child between fork and exec: async-signal-safe calls only.
[[noreturn]] void childExec(const ProcessSpec& spec, char* const* argv, char* const* envp,
                            const char* program, int inFd, int outFd, int errFd, int reportFd) {
  setpgid(0, 0);
  dup2(inFd, 0);
  dup2(outFd, 1);
  dup2(errFd, 2);
  // Nothing else the parent holds reaches the tool: a threaded parent (the reward server) has
  // sockets and pipes opened without O_CLOEXEC by libraries. The report pipe is CLOEXEC already.
  syscall(SYS_close_range, 3u, ~0u, CLOSE_RANGE_CLOEXEC);
  if (!spec.workDir.empty() && chdir(spec.workDir.c_str()) != 0) {
    int e = errno;
    (void)!write(reportFd, &e, sizeof e);
    _exit(127);
  }
  const ResourceLimits& l = spec.limits;
  if (l.cpuSeconds > 0) {
    struct rlimit rl;
    rl.rlim_cur = static_cast<rlim_t>(l.cpuSeconds + 0.999);
    rl.rlim_max = rl.rlim_cur + 1;
    setrlimit(RLIMIT_CPU, &rl);
  }
  setLimit(RLIMIT_AS, l.addressSpace);
  setLimit(RLIMIT_FSIZE, l.fileSize);
  setLimit(RLIMIT_NPROC, l.processes);
  setLimit(RLIMIT_NOFILE, l.openFiles);
  struct rlimit none{0, 0};
  setrlimit(RLIMIT_CORE, &none);
  // Default signal dispositions for the child.
  signal(SIGPIPE, SIG_DFL);
  signal(SIGXFSZ, SIG_DFL);
  execve(program, argv, envp);
  int e = errno;
  (void)!write(reportFd, &e, sizeof e);
  _exit(127);
}

class Capture {
 public:
  Capture(std::string& sink, std::size_t cap) : sink_(sink), cap_(cap) {}
  // Returns bytes read; 0 at EOF; -1 on EAGAIN.
  ssize_t readFrom(int fd, std::uint64_t& total, bool& truncated) {
    char buf[65536];
    ssize_t n = ::read(fd, buf, sizeof buf);
    if (n < 0) return (errno == EAGAIN || errno == EINTR) ? -1 : 0;
    if (n == 0) return 0;
    total += static_cast<std::uint64_t>(n);
    std::size_t room = sink_.size() < cap_ ? cap_ - sink_.size() : 0;
    std::size_t take = std::min<std::size_t>(room, static_cast<std::size_t>(n));
    sink_.append(buf, take);
    if (take < static_cast<std::size_t>(n)) truncated = true;
    return n;
  }

 private:
  std::string& sink_;
  std::size_t cap_;
};

std::string resolveProgram(const std::string& name) {
  if (name.find('/') != std::string::npos) return name;
  auto found = findTool(name);
  return found ? *found : name;
}

}  // namespace

std::map<std::string, std::string> defaultToolEnv(const std::string& workDir) {
  return {{"PATH", "/usr/local/bin:/usr/bin:/bin"}, {"LANG", "C"}, {"LC_ALL", "C"},
          {"HOME", workDir.empty() ? std::string("/tmp") : workDir}};
}

Result<ProcessResult> runProcess(const ProcessSpec& spec) {
  if (spec.argv.empty()) return makeError(ErrorCode::Spawn, "empty argv");
  const std::string program = resolveProgram(spec.argv[0]);

  std::vector<std::string> envStrings;
  for (const auto& [k, v] : spec.env) envStrings.push_back(k + "=" + v);
  std::vector<char*> argv, envp;
  for (const auto& a : spec.argv) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  for (auto& e : envStrings) envp.push_back(e.data());
  envp.push_back(nullptr);

  Pipe in, out, err, report;
  if (!makePipe(in) || !makePipe(out) || !makePipe(err) || !makePipe(report))
    return makeError(ErrorCode::Spawn, std::string("pipe: ") + std::strerror(errno));

  const auto start = Clock::now();
  pid_t pid = fork();
  if (pid < 0) {
    int e = errno;
    for (Pipe* p : {&in, &out, &err, &report}) closeFd(p->read), closeFd(p->write);
    return makeError(ErrorCode::Spawn, std::string("fork: ") + std::strerror(e));
  }
  if (pid == 0) childExec(spec, argv.data(), envp.data(), program.c_str(), in.read, out.write,
                          err.write, report.write);

  setpgid(pid, pid);  // also done in the child; whichever runs first wins, both are fine
  closeFd(in.read);
  closeFd(out.write);
  closeFd(err.write);
  closeFd(report.write);

  // Did exec fail? The report pipe closes on exec (CLOEXEC) or carries errno.
  int execErrno = 0;
  ssize_t got;
  do got = ::read(report.read, &execErrno, sizeof execErrno);
  while (got < 0 && errno == EINTR);
  closeFd(report.read);
  if (got == static_cast<ssize_t>(sizeof execErrno)) {
    closeFd(in.write);
    int status;
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {}
    closeFd(out.read);
    closeFd(err.read);
    return makeError(ErrorCode::Spawn,
                     "cannot start '" + spec.argv[0] + "': " + std::strerror(execErrno));
  }

  // Feed stdin (small inputs only), then close it.
  if (!spec.stdinData.empty()) {
    signal(SIGPIPE, SIG_IGN);
    std::size_t off = 0;
    while (off < spec.stdinData.size()) {
      ssize_t w = ::write(in.write, spec.stdinData.data() + off, spec.stdinData.size() - off);
      if (w < 0) {
        if (errno == EINTR) continue;
        break;
      }
      off += static_cast<std::size_t>(w);
    }
  }
  closeFd(in.write);
  fcntl(out.read, F_SETFL, O_NONBLOCK);
  fcntl(err.read, F_SETFL, O_NONBLOCK);

  ProcessResult result;
  Capture capOut(result.out, spec.outputCap), capErr(result.err, spec.outputCap);
  const auto deadline = start + spec.deadline;
  bool exited = false, killedTerm = false;
  int status = 0;
  struct rusage usage{};
  Clock::time_point termAt{};

  auto killGroup = [&](int sig) { ::kill(-pid, sig); };

  while (true) {
    if (!exited) {
      pid_t w = wait4(pid, &status, WNOHANG, &usage);
      if (w == pid) {
        exited = true;
        // Anything the tool left behind in its group (z3 under smtbmc) goes with it.
        killGroup(SIGKILL);
      }
    }
    if (exited && out.read < 0 && err.read < 0) break;

    const auto now = Clock::now();
    if (!exited && !result.timedOut && now >= deadline) {
      result.timedOut = true;
      killGroup(SIGTERM);
      killedTerm = true;
      termAt = now;
    }
    if (killedTerm && !exited && now >= termAt + spec.killGrace) killGroup(SIGKILL);
    if (exited && now >= deadline + spec.killGrace + std::chrono::milliseconds(500)) break;

    struct pollfd fds[2];
    nfds_t n = 0;
    if (out.read >= 0) fds[n++] = {out.read, POLLIN, 0};
    if (err.read >= 0) fds[n++] = {err.read, POLLIN, 0};
    int timeoutMs = 20;
    if (n == 0) {
      if (!exited) {
        // Both streams closed but the process still runs: wait for it with the deadline.
        usleep(2000);
      }
      continue;
    }
    int pr = ::poll(fds, n, timeoutMs);
    if (pr < 0 && errno != EINTR) break;
    for (nfds_t i = 0; i < n && pr > 0; ++i) {
      if (!(fds[i].revents & (POLLIN | POLLHUP | POLLERR))) continue;
      int& fd = fds[i].fd == out.read ? out.read : err.read;
      Capture& cap = fds[i].fd == out.read ? capOut : capErr;
      // Drain what is there now, bounded so the deadline is still checked.
      for (int rounds = 0; rounds < 64; ++rounds) {
        ssize_t r = cap.readFrom(fd, result.outputBytes, result.truncated);
        if (r == 0) {
          closeFd(fd);
          break;
        }
        if (r < 0) break;
      }
    }
    if (spec.killAfterOutput > 0 && result.outputBytes > spec.killAfterOutput &&
        !result.outputLimitHit && !exited) {
      result.outputLimitHit = true;
      killGroup(SIGKILL);
    }
  }
  closeFd(out.read);
  closeFd(err.read);
  if (!exited) {
    killGroup(SIGKILL);
    while (wait4(pid, &status, 0, &usage) < 0 && errno == EINTR) {}
  }
  result.cpuSeconds = usage.ru_utime.tv_sec + usage.ru_utime.tv_usec / 1e6 +
                      usage.ru_stime.tv_sec + usage.ru_stime.tv_usec / 1e6;
  result.wallSeconds = std::chrono::duration<double>(Clock::now() - start).count();
  if (WIFEXITED(status)) result.exitCode = WEXITSTATUS(status);
  if (WIFSIGNALED(status)) result.signal = WTERMSIG(status);
  return result;
}

}  // namespace rtlarena
