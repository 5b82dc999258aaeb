// Following a sharded job array on Slurm (see slurm.h). The order: write the script, submit all
// indices, wait until squeue no longer lists the job, read each index's exit file (the
// script writes it last, so a killed, timed-out or lost task has none), resubmit those that did
// not finish, until every index has finished (a `run` is then merged here). Slurm's tools are run through the one
// process door with the user's environment, because the job inherits it (API keys, caches,
// SLURM_CONF) as it would from a shell.
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <map>
#include <sstream>
#include <thread>

#include "rtlarena/cluster/slurm.h"
#include "rtlarena/core/files.h"
#include "rtlarena/core/process.h"
#include "rtlarena/run/merge_runs.h"

extern char** environ;

namespace rtlarena {

namespace fs = std::filesystem;

namespace {

std::map<std::string, std::string> userEnvironment() {
  std::map<std::string, std::string> env;
  for (char** e = environ; e && *e; ++e) {
    std::string kv = *e;
    if (auto eq = kv.find('='); eq != std::string::npos) env[kv.substr(0, eq)] = kv.substr(eq + 1);
  }
  return env;
}

std::string firstLine(const std::string& s) {
  std::string line = s.substr(0, s.find('\n'));
  return line.empty() ? "(no output)" : line;
}

// Slurm's tools end with the line that says what went wrong ("fatal: ...").
std::string lastLineOf(std::string s) {
  while (!s.empty() && (s.back() == '\n' || s.back() == ' ')) s.pop_back();
  const auto nl = s.rfind('\n');
  return s.empty() ? "(no output)" : s.substr(nl == std::string::npos ? 0 : nl + 1);
}

// Runs one of Slurm's client tools and returns its stdout, or an error naming it.
Result<ProcessResult> slurmTool(const std::vector<std::string>& argv) {
  ProcessSpec spec;
  spec.argv = argv;
  spec.workDir = fs::current_path().string();
  spec.env = userEnvironment();
  spec.deadline = std::chrono::milliseconds(60000);
  spec.limits.openFiles = 1024;
  auto r = runProcess(spec);
  if (!r)
    return makeError(ErrorCode::ToolMissing,
                     argv[0] + ": cannot run (" + r.error().message + "); install Slurm's client tools (scripts/setup.sh)");
  return r;
}

Result<std::string> submit(const std::string& script, const std::vector<int>& indices) {
  std::string list;
  for (int i : indices) list += (list.empty() ? "" : ",") + std::to_string(i);
  auto r = slurmTool({"sbatch", "--parsable", "--array=" + list, script});
  if (!r) return r.error();
  if (!r->exitedOk()) return makeError(ErrorCode::Spawn, "sbatch " + script + " failed: " + lastLineOf(r->err + r->out));
  std::string id = firstLine(r->out);
  id = id.substr(0, id.find(';'));  // "JOBID;CLUSTER" on federated clusters
  if (id.empty() || id.find_first_not_of("0123456789") != std::string::npos)
    return makeError(ErrorCode::Parse, "sbatch answered '" + id + "', expected a job id");
  return id;
}

// Whether squeue still lists any index of the job. A job squeue no longer knows has ended.
Result<bool> stillQueued(const std::string& jobId) {
  auto r = slurmTool({"squeue", "--noheader", "--jobs=" + jobId, "--format=%i %T"});
  if (!r) return r.error();
  if (!r->exitedOk()) {
    if (r->err.find("Invalid job id") != std::string::npos) return false;
    return makeError(ErrorCode::Spawn, "squeue failed: " + lastLineOf(r->err + r->out));
  }
  return r->out.find_first_not_of(" \n") != std::string::npos;
}

// Each index's Slurm state (COMPLETED, FAILED, CANCELLED, TIMEOUT, ...), for the log: from
// scontrol while the controller remembers the job, else from sacct when accounting is
// configured; empty when neither knows.
std::map<int, std::string> taskStates(const std::string& jobId) {
  std::map<int, std::string> states;
  if (auto r = slurmTool({"scontrol", "--oneliner", "show", "job", jobId}); r && r->exitedOk()) {
    std::istringstream lines(r->out);
    for (std::string line; std::getline(lines, line);) {
      auto field = [&](const std::string& name) {
        auto at = line.find(" " + name + "=");
        if (at == std::string::npos) return std::string();
        at += name.size() + 2;
        return line.substr(at, line.find(' ', at) - at);
      };
      const std::string index = field("ArrayTaskId"), state = field("JobState");
      if (!index.empty() && index.find_first_not_of("0123456789") == std::string::npos) states[std::stoi(index)] = state;
    }
    if (!states.empty()) return states;
  }
  if (auto r = slurmTool({"sacct", "--noheader", "--parsable2", "--allocations", "--jobs=" + jobId, "--format=JobID,State"});
      r && r->exitedOk()) {
    std::istringstream lines(r->out);
    for (std::string line; std::getline(lines, line);) {
      auto us = line.find('_'), bar = line.find('|');
      if (us == std::string::npos || bar == std::string::npos || bar < us) continue;
      const std::string index = line.substr(us + 1, bar - us - 1);
      if (!index.empty() && index.find_first_not_of("0123456789") == std::string::npos)
        states[std::stoi(index)] = line.substr(bar + 1);
    }
  }
  return states;
}

std::optional<int> exitCodeOf(const SlurmSettings& o, int index) {
  auto text = readFile(fs::path(o.outDir) / "slurm" / "status" / (std::to_string(index) + ".exit"));
  if (!text) return std::nullopt;
  try {
    return std::stoi(*text);
  } catch (...) {
    return std::nullopt;
  }
}

std::string logOf(const SlurmSettings& o, const std::string& jobId, int index) {
  return (fs::path(o.outDir) / "slurm" / "logs" / (jobId + "_" + std::to_string(index) + ".out")).string();
}

std::string lastLine(const std::string& file) {
  auto text = readFile(file);
  if (!text) return "(no log)";
  std::string s = *text;
  while (!s.empty() && s.back() == '\n') s.pop_back();
  return s.substr(s.rfind('\n') == std::string::npos ? 0 : s.rfind('\n') + 1);
}

Status waitFor(const std::string& jobId, double pollSeconds) {
  for (;;) {
    auto queued = stillQueued(jobId);
    if (!queued) return queued.error();
    if (!*queued) return Ok{};
    std::this_thread::sleep_for(std::chrono::duration<double>(pollSeconds));
  }
}

}  // namespace

Status runArrayOnSlurm(const SlurmArrayJob& job) {
  const SlurmSettings& o = job.slurm;
  if (o.arrayTasks < 1) return makeError(ErrorCode::BadArgument, "--array must be at least 1");
  const fs::path slurmDir = fs::path(o.outDir) / "slurm";
  std::error_code ec;
  for (const char* sub : {"logs", "status"}) fs::create_directories(slurmDir / sub, ec);
  fs::create_directories(fs::path(o.outDir) / "shards", ec);
  if (ec) return makeError(ErrorCode::Io, slurmDir.string() + ": cannot create: " + ec.message());
  const std::string script = (slurmDir / (job.command + ".sbatch")).string();
  if (auto s = writeFile(script, slurmArrayScript(job)); !s) return s.error();

  std::vector<int> pending;
  for (int i = 1; i <= o.arrayTasks; ++i) pending.push_back(i);
  std::map<int, int> attempts;
  std::string jobLog;
  for (int round = 0; !pending.empty(); ++round) {
    for (int i : pending) fs::remove(slurmDir / "status" / (std::to_string(i) + ".exit"), ec);
    auto jobId = submit(script, pending);
    if (!jobId) return jobId.error();
    jobLog += *jobId + "\n";
    if (auto s = writeFile(slurmDir / "jobs.txt", jobLog); !s) return s.error();
    std::fprintf(stderr, "rtlarena: submitted job %s (%zu array task%s)\n", jobId->c_str(), pending.size(),
                 pending.size() == 1 ? "" : "s");
    if (auto s = waitFor(*jobId, o.pollSeconds); !s) return s.error();
    const auto states = taskStates(*jobId);
    std::vector<int> again;
    for (int i : pending) {
      const auto rc = exitCodeOf(o, i);
      const std::string state = states.count(i) ? states.at(i) : "state unknown";
      if (rc && job.finishedCodes.count(*rc)) continue;
      const std::string log = logOf(o, *jobId, i);
      if (rc && job.refusedCodes.count(*rc))  // the command refused its flags or input: retrying cannot help
        return makeError(*rc == 2 ? ErrorCode::BadArgument : ErrorCode::BadConfig,
                         "shard " + std::to_string(i) + "/" + std::to_string(o.arrayTasks) + " rejected its input (exit " +
                             std::to_string(*rc) + "): " + lastLine(log) + " (log: " + log + ")");
      if (++attempts[i] > o.maxRetries && rc && job.acceptedAfterRetries.count(*rc)) continue;
      if (attempts[i] > o.maxRetries)
        return makeError(ErrorCode::Spawn, "shard " + std::to_string(i) + "/" + std::to_string(o.arrayTasks) +
                                               " did not finish after " + std::to_string(o.maxRetries + 1) +
                                               " attempts (" + state + "); see " + log);
      std::fprintf(stderr, "rtlarena: shard %d/%d ended without finishing (%s, %s); resubmitted (attempt %d of %d)\n", i,
                   o.arrayTasks, state.c_str(), rc ? ("exit " + std::to_string(*rc)).c_str() : "no exit code",
                   attempts[i] + 1, o.maxRetries + 1);
      again.push_back(i);
    }
    pending = std::move(again);
  }
  return Ok{};
}

Result<RunSummary> runOnSlurm(const SlurmRunOptions& o) {
  if (auto s = checkShardableRunArgs(o.runArgs); !s) return s.error();
  if (auto s = runArrayOnSlurm(slurmRunJob(o)); !s) return s.error();
  // The merged store is derived from the shards: made again on every completed invocation.
  std::error_code ec;
  for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(fs::path(o.outDir) / (std::string("results.sqlite") + suffix), ec);
  std::vector<std::string> shards;
  for (int i = 1; i <= o.arrayTasks; ++i) shards.push_back((fs::path(o.outDir) / "shards" / std::to_string(i)).string());
  return mergeRuns(shards, o.outDir);
}

}  // namespace rtlarena
