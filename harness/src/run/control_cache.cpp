// The control cache (see control_cache.h).
#include "rtlarena/run/control_cache.h"

#include <filesystem>
#include <nlohmann/json.hpp>
#include <unistd.h>

#include "rtlarena/core/files.h"
#include "rtlarena/core/hash.h"
#include "rtlarena/core/tools.h"
#include "rtlarena/eval/verilator.h"

namespace rtlarena {

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

// Everything of a task that a verdict can depend on (not its prompt).
std::string taskFingerprint(const Task& task) {
  json j = {{"top", task.top},         {"ref_top", task.refTop},       {"tb_top", task.tbTop},
            {"kind", std::string(taskKindName(task.kind))}, {"interface", task.interface},
            {"reference", task.reference}, {"compile_reference", task.compileReference},
            {"testbench", task.testbench}, {"family", static_cast<int>(task.compatFamily)},
            {"result_rule", static_cast<int>(task.resultRule)},
            {"limits", {task.limits.compileSeconds, task.limits.simSeconds, task.limits.memoryBytes,
                        task.limits.outputBytes, task.limits.fileBytes}}};
  for (const auto& f : task.supportFiles) j["support"].push_back({f.name, sha256Hex(f.text)});
  for (const char* key : {"clock", "reset", "reset_active", "props_frame"})  // formal tasks' settings
    if (auto it = task.meta.find(key); it != task.meta.end()) j["formal"][key] = it->second;
  return sha256Hex(j.dump());
}

json toJson(const ModeResult& r) {
  const Evaluation& e = r.eval;
  return {{"verdict", verdictName(e.verdict)}, {"cls", e.cls},           {"message", e.message},
          {"mismatches", e.mismatches},        {"samples", e.samples},   {"log_tail", e.logTail},
          {"simulator", e.simulator},          {"compat_code", e.compatCode},
          {"compile_s", e.compileSeconds},     {"sim_s", e.simSeconds},  {"policy_s", e.policySeconds},
          {"wall_s", e.wallSeconds},           {"payload", r.payload},   {"derived", r.derived}};
}

std::optional<ModeResult> fromJson(const json& j) {
  auto verdict = verdictFromName(j.value("verdict", ""));
  if (!verdict) return std::nullopt;
  ModeResult r;
  Evaluation& e = r.eval;
  e.verdict = *verdict;
  e.cls = j.value("cls", "");
  e.message = j.value("message", "");
  e.mismatches = j.value("mismatches", std::int64_t{-1});
  e.samples = j.value("samples", std::int64_t{-1});
  e.logTail = j.value("log_tail", "");
  e.simulator = j.value("simulator", "");
  e.compatCode = j.value("compat_code", "");
  e.compileSeconds = j.value("compile_s", 0.0);
  e.simSeconds = j.value("sim_s", 0.0);
  e.policySeconds = j.value("policy_s", 0.0);
  e.wallSeconds = j.value("wall_s", 0.0);
  r.payload = j.value("payload", "");
  r.derived = j.value("derived", false);
  return r;
}

}  // namespace

std::string ControlCache::defaultDir() { return rtlarenaCacheRoot() + "/controls"; }

ControlCache::ControlCache(std::string dir, const std::string& salt) : dir_(std::move(dir)) {
  if (dir_.empty()) return;
  json tools;
  for (const auto& [name, version] : toolVersions()) tools[name] = version;
  salt_ = sha256Hex(salt + "\n" + tools.dump());
}

std::string ControlCache::key(const Task& task, std::string_view mode, const ModeJob& job) const {
  return sha256Hex(json{salt_, std::string(mode), job.trusted, taskFingerprint(task), sha256Hex(job.input)}.dump());
}

std::optional<ModeResult> ControlCache::get(const Task& task, std::string_view mode, const ModeJob& job) const {
  if (dir_.empty()) return std::nullopt;
  auto text = readFile(fs::path(dir_) / (key(task, mode, job) + ".json"));
  if (!text) return std::nullopt;
  json j = json::parse(*text, nullptr, false);
  if (j.is_discarded() || !j.is_object()) return std::nullopt;  // a damaged entry is a miss
  return fromJson(j);
}

void ControlCache::put(const Task& task, std::string_view mode, const ModeJob& job, const ModeResult& result) const {
  if (dir_.empty()) return;
  std::error_code ec;
  fs::create_directories(dir_, ec);
  const fs::path file = fs::path(dir_) / (key(task, mode, job) + ".json");
  const fs::path tmp = file.string() + ".tmp" + std::to_string(::getpid()) + "-" + sha256Hex(result.input).substr(0, 8);
  if (!writeFile(tmp, toJson(result).dump())) return;  // a cache that cannot be written is only slower
  fs::rename(tmp, file, ec);
  if (ec) fs::remove(tmp, ec);
}

}  // namespace rtlarena
