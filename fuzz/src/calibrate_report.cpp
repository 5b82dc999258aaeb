// Calibration results as JSON (`fuzz calibrate --json` / `--out`) and as text: the proposed
// tolerances section first, each change with its evidence, then the suspected bugs with
// their minimized programs.
#include <nlohmann/json.hpp>

#include "rtlarena/core/files.h"
#include "rtlarena/fuzz/calibrate.h"
#include "rtlarena/fuzz/decode.h"

namespace rtlarena::fuzz {

namespace {

using nlohmann::ordered_json;

ordered_json evidenceJson(const CalibrationEvidence& e) {
  return {{"probe", e.probe}, {"instruction", e.instruction}, {"expected", e.expected},
          {"actual", e.actual}, {"message", e.message}};
}

ordered_json programAsm(const Program& p) {
  ordered_json a = ordered_json::array();
  for (uint32_t w : p.body) a.push_back(disassemble(w));
  return a;
}

}  // namespace

std::string calibrationJson(const CalibrationResult& r) {
  ordered_json proposed = ordered_json::array(), suspected = ordered_json::array();
  for (const auto& p : r.proposed) {
    ordered_json ev = ordered_json::array();
    for (const auto& e : p.evidence) ev.push_back(evidenceJson(e));
    proposed.push_back({{"key", p.key}, {"change", p.change}, {"explains", p.explains}, {"evidence", ev}});
  }
  for (const auto& b : r.suspected)
    suspected.push_back({{"signature", b.signature}, {"probes", b.probes}, {"evidence", evidenceJson(b.evidence)},
                         {"program", programAsm(b.program)}});
  ordered_json tol = ordered_json::parse(r.toleranceSectionJson.empty() ? "{}" : r.toleranceSectionJson);
  ordered_json j = {{"format", "rtlarena-calibration-1"},
                    {"core", r.core},
                    {"probes", r.probes},
                    {"differences_declared", r.differencesDeclared},
                    {"clean", r.clean()},
                    {"tolerances", tol},
                    {"proposed", proposed},
                    {"suspected_bugs", suspected}};
  return j.dump(2);
}

std::string calibrationText(const CalibrationResult& r) {
  std::string s = "calibration of " + r.core + ": " + std::to_string(r.probes) + " probes, " +
                  std::to_string(r.differencesDeclared) + " differ under the declared tolerances\n";
  if (r.clean()) return s + "clean: the declared tolerances explain every probe\n";
  if (!r.proposed.empty()) {
    s += "\nproposed tolerance changes (each with its evidence):\n";
    for (const auto& p : r.proposed) {
      s += "  " + p.change + "   (explains " + std::to_string(p.explains) + " probes)\n";
      for (const auto& e : p.evidence)
        s += "    " + e.probe + ": " + e.instruction + "\n      expected " + e.expected + "\n      actual   " +
             e.actual + "\n";
    }
    s += "\nproposed \"tolerances\" section for core.json:\n" + r.toleranceSectionJson + "\n";
  }
  if (!r.suspected.empty()) {
    s += "\nsuspected bugs (no tolerance explains them):\n";
    for (const auto& b : r.suspected) {
      s += "  " + b.signature + "   in " + std::to_string(b.probes.size()) + " probes, first " + b.probes.front() +
           "\n    " + b.evidence.message + "\n      expected " + b.evidence.expected + "\n      actual   " +
           b.evidence.actual + "\n    minimized program:\n";
      for (uint32_t w : b.program.body) s += "      " + disassemble(w) + "\n";
    }
  }
  return s;
}

Result<std::map<std::string, std::vector<std::string>>> readCalibrationSuspects(const std::filesystem::path& file) {
  auto text = readFile(file);
  if (!text) return text.error();
  try {
    const auto j = nlohmann::json::parse(*text);
    if (j.value("format", "") != "rtlarena-calibration-1")
      return makeError(ErrorCode::Parse, file.string() + ": not a calibration written by `rtlarena fuzz calibrate`");
    std::map<std::string, std::vector<std::string>> out;
    for (const auto& b : j.at("suspected_bugs"))
      out[b.at("signature").get<std::string>()] = b.value("probes", std::vector<std::string>{});
    return out;
  } catch (const std::exception& e) {
    return makeError(ErrorCode::Parse, file.string() + ": " + e.what());
  }
}

}  // namespace rtlarena::fuzz
