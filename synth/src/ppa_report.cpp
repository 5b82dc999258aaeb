// PpaReport <-> JSON. The field names are the public format (docs/PPA.md, `synth --json`).
#include "rtlarena/synth/ppa_report.h"

#include <cmath>
#include <nlohmann/json.hpp>

namespace rtlarena::synth {

using nlohmann::json;

std::string_view ppaStatusName(PpaStatus status) {
  switch (status) {
    case PpaStatus::Ok: return "ok";
    case PpaStatus::Unsynthesizable: return "unsynthesizable";
    case PpaStatus::SynthError: return "synth_error";
    case PpaStatus::Timeout: return "timeout";
    case PpaStatus::ToolCrash: return "tool_crash";
    case PpaStatus::StaError: return "sta_error";
  }
  return "tool_crash";
}

namespace {

PpaStatus statusFromName(const std::string& name, bool& known) {
  for (PpaStatus s : {PpaStatus::Ok, PpaStatus::Unsynthesizable, PpaStatus::SynthError,
                      PpaStatus::Timeout, PpaStatus::ToolCrash, PpaStatus::StaError})
    if (ppaStatusName(s) == name) {
      known = true;
      return s;
    }
  known = false;
  return PpaStatus::ToolCrash;
}

// JSON has no infinity or NaN; figures that are not finite are written as 0.
double finite(double v) { return std::isfinite(v) ? v : 0.0; }

}  // namespace

std::string ppaToJson(const PpaReport& r) {
  json j = {{"status", ppaStatusName(r.status)},
            {"top", r.top},
            {"area_um2", finite(r.areaUm2)},
            {"cells", r.cells},
            {"flops", r.flops},
            {"cell_types", r.cellTypes},
            {"clock_period_ns", finite(r.clockPeriodNs)},
            {"clock_port", r.clockPort},
            {"delay_ns", finite(r.delayNs)},
            {"slack_ns", finite(r.slackNs)},
            {"fmax_mhz", finite(r.fmaxMhz)},
            {"power_uw", finite(r.powerUw)},
            {"critical_path", r.criticalPath},
            {"activity_source", r.activitySource},
            {"synth_seconds", r.synthSeconds},
            {"sta_seconds", r.staSeconds},
            {"sim_seconds", r.simSeconds},
            {"cached", r.cached}};
  if (!r.cls.empty()) j["class"] = r.cls;
  if (!r.message.empty()) j["message"] = r.message;
  if (!r.logTail.empty()) j["log_tail"] = r.logTail;
  if (!r.activityNote.empty()) j["activity_note"] = r.activityNote;
  return j.dump();
}

Result<PpaReport> ppaFromJson(std::string_view text) {
  json j = json::parse(text, nullptr, false);
  if (j.is_discarded() || !j.is_object() || !j.contains("status") || !j["status"].is_string())
    return makeError(ErrorCode::Parse, "PPA report: not a JSON object with a 'status'");
  PpaReport r;
  bool known = false;
  r.status = statusFromName(j["status"].get<std::string>(), known);
  if (!known) return makeError(ErrorCode::Parse, "PPA report: unknown status '" + j["status"].get<std::string>() + "'");
  auto str = [&](const char* k, std::string& out) {
    if (j.contains(k) && j[k].is_string()) out = j[k].get<std::string>();
  };
  auto num = [&](const char* k, double& out) {
    if (j.contains(k) && j[k].is_number()) out = j[k].get<double>();
  };
  auto integer = [&](const char* k, int& out) {
    if (j.contains(k) && j[k].is_number_integer()) out = j[k].get<int>();
  };
  str("class", r.cls);
  str("message", r.message);
  str("log_tail", r.logTail);
  str("top", r.top);
  num("area_um2", r.areaUm2);
  integer("cells", r.cells);
  integer("flops", r.flops);
  if (j.contains("cell_types") && j["cell_types"].is_object())
    for (auto it = j["cell_types"].begin(); it != j["cell_types"].end(); ++it)
      if (it.value().is_number_integer()) r.cellTypes[it.key()] = it.value().get<int>();
  num("clock_period_ns", r.clockPeriodNs);
  str("clock_port", r.clockPort);
  num("delay_ns", r.delayNs);
  num("slack_ns", r.slackNs);
  num("fmax_mhz", r.fmaxMhz);
  num("power_uw", r.powerUw);
  str("critical_path", r.criticalPath);
  str("activity_source", r.activitySource);
  str("activity_note", r.activityNote);
  num("synth_seconds", r.synthSeconds);
  num("sta_seconds", r.staSeconds);
  num("sim_seconds", r.simSeconds);
  if (j.contains("cached") && j["cached"].is_boolean()) r.cached = j["cached"].get<bool>();
  return r;
}

}  // namespace rtlarena::synth
