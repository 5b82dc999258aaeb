// The run integration: reference PPA once per task (shared by workers), candidate PPA per
// passing sample, and the summary read back from the store.
#include "rtlarena/synth/ppa_run.h"

#include <cmath>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <set>

#include "rtlarena/core/files.h"
#include "rtlarena/core/text.h"
#include "rtlarena/core/tools.h"

namespace rtlarena::synth {

namespace fs = std::filesystem;

double taskClockPeriod(const Task& task, const PpaRunOptions& options) {
  if (options.clockPeriodOverride) return *options.clockPeriodOverride;
  if (!task.dir.empty()) {
    // task.json may carry {"ppa": {"clock_period_ns": N}}; the loader has already validated it.
    auto text = readFile(fs::path(task.dir) / "task.json");
    if (text) {
      auto j = nlohmann::json::parse(*text, nullptr, false);
      if (j.is_object() && j.contains("ppa") && j["ppa"].is_object() && j["ppa"].contains("clock_period_ns") &&
          j["ppa"]["clock_period_ns"].is_number() && j["ppa"]["clock_period_ns"].get<double>() > 0)
        return j["ppa"]["clock_period_ns"].get<double>();
    }
  }
  return options.flow.settings.clockPeriodNs;
}

PpaRunner::PpaRunner(PpaRunOptions options) : options_(std::move(options)) {}

Status PpaRunner::preflight() const {
  for (const std::string& tool : {options_.flow.yosysProgram, options_.flow.staProgram, std::string("iverilog")})
    if (auto found = findTool(tool); !found) return found.error();
  std::error_code ec;
  if (!fs::exists(options_.flow.settings.liberty, ec))
    return makeError(ErrorCode::ToolMissing, "liberty file " + options_.flow.settings.liberty +
                                                 " is missing (install the Debian package 'qflow-tech-osu018')");
  return Ok{};
}

PpaFlow PpaRunner::flowFor(const Task& task) const {
  FlowOptions o = options_.flow;
  o.settings.clockPeriodNs = taskClockPeriod(task, options_);
  return PpaFlow(o);
}

namespace {
// The reference as the model would write it: module `top`.
std::string goldenCode(const Task& task) {
  if (!task.goldenCandidate.empty()) return task.goldenCandidate;
  return replaceIdentifier(task.reference, task.refTop, task.top);
}

DesignInput designOf(const Task& task, const std::string& code, bool activity) {
  DesignInput d;
  d.sources = {{"design.sv", code}};
  d.top = task.top;
  if (activity) d.activity = taskActivityProbe(task, code);
  return d;
}
}  // namespace

Result<PpaReport> PpaRunner::reference(const Task& task) {
  std::shared_future<Result<PpaReport>> future;
  std::promise<Result<PpaReport>> promise;
  bool mine = false;
  {
    std::lock_guard lock(mutex_);
    auto it = references_.find(task.id);
    if (it == references_.end()) {
      future = promise.get_future().share();
      references_.emplace(task.id, future);
      mine = true;
    } else {
      future = it->second;
    }
  }
  if (mine) promise.set_value(flowFor(task).run(designOf(task, goldenCode(task), options_.simulationActivity)));
  return future.get();
}

Result<SamplePpa> PpaRunner::evaluate(const Task& task, int sample, const std::string& code) {
  auto ref = reference(task);
  if (!ref) return ref.error();
  auto cand = flowFor(task).run(designOf(task, code, options_.simulationActivity));
  if (!cand) return cand.error();
  SamplePpa s;
  s.taskId = task.id;
  s.sample = sample;
  s.candidate = std::move(*cand);
  s.reference = *ref;
  s.scored = s.candidate.ok() && s.reference.ok();
  if (s.scored) s.ratios = ppaRatios(s.candidate, s.reference);
  return s;
}

Result<PpaSummary> loadPpaSummary(Store& store) {
  auto extras = store.extras(kPpaExtraKind);
  if (!extras) return extras.error();
  std::vector<SamplePpa> samples;
  for (const auto& [key, json] : *extras) {
    auto s = samplePpaFromJson(json);
    if (!s) return makeError(ErrorCode::Parse, store.file().string() + ": PPA entry " + key + ": " + s.error().message);
    samples.push_back(std::move(*s));
  }
  return summarizePpa(samples);
}

}  // namespace rtlarena::synth
