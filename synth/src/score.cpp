// Ratios, per-task aggregation and the run summary (formula in docs/PPA.md).
#include "rtlarena/synth/score.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <nlohmann/json.hpp>

namespace rtlarena::synth {

using nlohmann::json;

namespace {

double ratio(double c, double r, double floor) { return std::max(c, floor) / std::max(r, floor); }

// Geometric mean accumulated in log space.
struct GeoMean {
  double logSum = 0;
  int n = 0;
  void add(double v) {
    logSum += std::log(v);
    ++n;
  }
  double value() const { return n ? std::exp(logSum / n) : 0.0; }
};

}  // namespace

double PpaRatios::score() const { return std::cbrt(area * delay * power); }

bool PpaRatios::beatsAll() const { return area < 1.0 && delay < 1.0 && power < 1.0; }

PpaRatios ppaRatios(const PpaReport& c, const PpaReport& r) {
  PpaRatios x;
  x.area = ratio(c.areaUm2, r.areaUm2, kAreaFloorUm2);
  x.delay = ratio(c.delayNs, r.delayNs, kDelayFloorNs);
  x.power = ratio(c.powerUw, r.powerUw, kPowerFloorUw);
  return x;
}

std::string samplePpaToJson(const SamplePpa& s) {
  json j = {{"task", s.taskId},
            {"sample", s.sample},
            {"candidate", json::parse(ppaToJson(s.candidate))},
            {"reference", json::parse(ppaToJson(s.reference))},
            {"scored", s.scored}};
  if (s.scored) {
    j["ratios"] = {{"area", s.ratios.area}, {"delay", s.ratios.delay}, {"power", s.ratios.power}};
    j["score"] = s.ratios.score();
    j["beats_reference"] = s.ratios.beatsAll();
  }
  return j.dump();
}

Result<SamplePpa> samplePpaFromJson(std::string_view text) {
  json j = json::parse(text, nullptr, false);
  if (j.is_discarded() || !j.is_object() || !j.contains("candidate") || !j.contains("reference"))
    return makeError(ErrorCode::Parse, "stored PPA entry: not an object with candidate and reference");
  SamplePpa s;
  s.taskId = j.value("task", "");
  s.sample = j.value("sample", 0);
  auto c = ppaFromJson(j["candidate"].dump());
  if (!c) return c.error();
  auto r = ppaFromJson(j["reference"].dump());
  if (!r) return r.error();
  s.candidate = std::move(*c);
  s.reference = std::move(*r);
  s.scored = s.candidate.ok() && s.reference.ok();
  if (s.scored) s.ratios = ppaRatios(s.candidate, s.reference);
  return s;
}

PpaSummary summarizePpa(const std::vector<SamplePpa>& samples) {
  PpaSummary sum;
  struct Acc {
    TaskPpa t;
    GeoMean a, d, p, ca, cd, cp, ra, rd, rp;
    std::map<std::string, int> failed;
  };
  std::map<std::string, Acc> byTask;
  for (const auto& s : samples) {
    Acc& acc = byTask[s.taskId];
    acc.t.taskId = s.taskId;
    ++acc.t.samples;
    ++sum.samples;
    sum.verdicts[std::string(ppaStatusName(s.candidate.status))] += 1;
    if (!s.scored) {
      const PpaReport& bad = s.candidate.ok() ? s.reference : s.candidate;
      acc.failed[(s.candidate.ok() ? "reference " : "") + std::string(ppaStatusName(bad.status)) +
                 (bad.cls.empty() ? "" : " (" + bad.cls + ")")] += 1;
      continue;
    }
    ++acc.t.scored;
    ++sum.scored;
    acc.a.add(s.ratios.area);
    acc.d.add(s.ratios.delay);
    acc.p.add(s.ratios.power);
    acc.ca.add(std::max(s.candidate.areaUm2, kAreaFloorUm2));
    acc.cd.add(std::max(s.candidate.delayNs, kDelayFloorNs));
    acc.cp.add(std::max(s.candidate.powerUw, kPowerFloorUw));
    acc.ra.add(std::max(s.reference.areaUm2, kAreaFloorUm2));
    acc.rd.add(std::max(s.reference.delayNs, kDelayFloorNs));
    acc.rp.add(std::max(s.reference.powerUw, kPowerFloorUw));
    if (s.ratios.beatsAll()) ++acc.t.surpassingSamples;
  }
  GeoMean ga, gd, gp;
  for (auto& [id, acc] : byTask) {
    TaskPpa& t = acc.t;
    for (const auto& [what, n] : acc.failed)
      t.verdictNote += (t.verdictNote.empty() ? "" : ", ") + std::to_string(n) + " " + what;
    if (t.scored > 0) {
      t.ratios = {acc.a.value(), acc.d.value(), acc.p.value()};
      t.candidateArea = acc.ca.value(), t.candidateDelay = acc.cd.value(), t.candidatePower = acc.cp.value();
      t.referenceArea = acc.ra.value(), t.referenceDelay = acc.rd.value(), t.referencePower = acc.rp.value();
      t.surpassing = t.surpassingSamples > 0;
      ga.add(t.ratios.area);
      gd.add(t.ratios.delay);
      gp.add(t.ratios.power);
      ++sum.scoredTasks;
      if (t.surpassing) ++sum.humanSurpassing;
    }
    sum.tasks.push_back(t);
  }
  if (sum.scoredTasks > 0) sum.geomean = {ga.value(), gd.value(), gp.value()};
  return sum;
}

}  // namespace rtlarena::synth
