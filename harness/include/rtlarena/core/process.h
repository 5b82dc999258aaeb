// The one door through which rtlarena starts processes. Takes an argv list, runs it in its own
// process group with rlimits and a wall deadline, captures capped output. Sandboxing wraps the
// spec (sandbox.h) before it reaches here.
#pragma once

#include <chrono>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "rtlarena/core/result.h"

namespace rtlarena {

struct ResourceLimits {
  double cpuSeconds = 0;            ///< RLIMIT_CPU; 0 = unlimited
  std::uint64_t addressSpace = 0;   ///< RLIMIT_AS in bytes; 0 = unlimited
  std::uint64_t fileSize = 0;       ///< RLIMIT_FSIZE in bytes; 0 = unlimited
  std::uint64_t processes = 0;      ///< RLIMIT_NPROC; 0 = unlimited
  std::uint64_t openFiles = 256;    ///< RLIMIT_NOFILE
};

struct ProcessSpec {
  std::vector<std::string> argv;          ///< argv[0] is looked up in PATH when it has no '/'
  std::string workDir;                    ///< cwd of the child; must exist
  std::map<std::string, std::string> env; ///< the whole environment (allow-listed by callers)
  std::chrono::milliseconds deadline{10000};
  std::chrono::milliseconds killGrace{200};
  ResourceLimits limits;
  std::size_t outputCap = 64 * 1024;      ///< bytes kept per stream; the rest is counted only
  std::size_t killAfterOutput = 0;        ///< kill the group once this many bytes arrived (0 = never)
  std::string stdinData;                  ///< written to stdin, then closed (empty = /dev/null)
};

struct ProcessResult {
  int exitCode = -1;        ///< exit status when the process exited normally, else -1
  int signal = 0;           ///< the signal that ended it, else 0
  bool timedOut = false;    ///< the wall deadline passed and the group was killed
  bool outputLimitHit = false;  ///< killed for printing more than killAfterOutput bytes
  std::string out;          ///< captured stdout (at most outputCap bytes, the head)
  std::string err;          ///< captured stderr (at most outputCap bytes, the head)
  bool truncated = false;   ///< some output was dropped
  std::uint64_t outputBytes = 0;  ///< total bytes the process wrote to both streams
  double wallSeconds = 0;
  double cpuSeconds = 0;    ///< user + system time of the child and its reaped children

  bool exitedOk() const { return exitCode == 0 && !timedOut && signal == 0; }
  /// stdout then stderr, as one log.
  std::string combined() const { return out + err; }
};

/// Runs one process to completion. Error only when rtlarena failed (e.g. fork failed, the
/// program does not exist); a tool that crashes, hangs or fails is a ProcessResult.
Result<ProcessResult> runProcess(const ProcessSpec& spec);

/// The environment children get by default: PATH, LANG=C, HOME=workDir.
std::map<std::string, std::string> defaultToolEnv(const std::string& workDir);

}  // namespace rtlarena
