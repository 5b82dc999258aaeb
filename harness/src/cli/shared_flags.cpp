// The shared flags (see shared_flags.h): one name, one help text, one check each.
#include "shared_flags.h"

#include <algorithm>
#include <map>

namespace rtlarena::cli {

const std::vector<std::string>& simulatorNames() {
  static const std::vector<std::string> names = {"icarus", "verilator", "auto", "both", "verilator-stock"};
  return names;
}

CLI::Option* addJsonFlag(CLI::App& sub, bool& json, const std::string& whatItPrints) {
  return sub.add_flag("--json", json, whatItPrints);
}

CLI::Option* addNoProgressFlag(CLI::App& sub, bool& noProgress) {
  return sub.add_flag("--no-progress", noProgress, "No progress output");
}

CLI::Option* addHiddenQuietAlias(CLI::App& sub, bool& noProgress) {
  // CLI11 leaves options of the group "" out of --help.
  return sub.add_flag("--quiet", noProgress, "Same as --no-progress")->group("");
}

CLI::Option* addHiddenAlias(CLI::App& sub, const std::string& names, std::string& value) {
  return sub.add_option(names, value, "Older spelling (docs/CLI.md)")->group("");
}

CLI::Option* addHiddenAlias(CLI::App& sub, const std::string& names, bool& value) {
  return sub.add_flag(names, value, "Older spelling (docs/CLI.md)")->group("");
}

std::string dutCacheDir(const std::string& cacheRoot) { return cacheRoot.empty() ? "" : cacheRoot + "/duts"; }

CLI::Option* addJobsOption(CLI::App& sub, unsigned& jobs) {
  return sub.add_option("-j,--jobs", jobs, "Workers (0: one per core)");
}

CLI::Option* addSimOption(CLI::App& sub, SimulatorKind& simulator) {
  auto set = [&simulator](const std::string& name) {
    for (SimulatorKind k : {SimulatorKind::Icarus, SimulatorKind::Verilator, SimulatorKind::Auto, SimulatorKind::Both,
                            SimulatorKind::VerilatorStock})
      if (simulatorName(k) == name) simulator = k;
  };
  // Checked against the names before the value is taken: "--sim: foo not in {icarus,...}".
  return sub.add_option_function<std::string>("--sim", set, "Simulator; both: Icarus, then Verilator on the same candidate")
      ->check(CLI::IsMember(simulatorNames()))
      ->default_str(std::string(simulatorName(simulator)));
}

CLI::Option* addSimListOption(CLI::App& sub, std::vector<std::string>& simulators, const std::string& description) {
  std::string shown;
  for (const auto& s : simulators) shown += (shown.empty() ? "" : ",") + s;
  auto keep = [&simulators](const std::vector<std::string>& given) {
    simulators.clear();
    auto add = [&](const std::string& s) {
      if (std::find(simulators.begin(), simulators.end(), s) == simulators.end()) simulators.push_back(s);
    };
    for (const auto& s : given) {
      if (s == "both") {
        add("icarus");
        add("verilator");
      } else {
        add(s);
      }
    }
  };
  return sub.add_option_function<std::vector<std::string>>("--sim", keep, description + "; both: icarus,verilator")
      ->delimiter(',')
      ->default_str(shown)
      ->check(CLI::IsMember(simulatorNames()));
}

void addJudgeOptions(CLI::App& sub, std::string& judge, double& timeoutSeconds, bool differential) {
  const std::string also = differential ? "; differential: also random stimulus against the reference (docs/SERVE.md)" : "";
  sub.add_option("--judge", judge,
                 "sim: the testbench decides; equiv|both: also prove each candidate equivalent to the reference "
                 "(unknown is never a pass)" + also)
      ->check(differential ? CLI::IsMember({"sim", "equiv", "both", "differential"}) : CLI::IsMember({"sim", "equiv", "both"}))
      ->capture_default_str();
  sub.add_option("--judge-timeout", timeoutSeconds, "Seconds the equivalence judge may spend on one candidate")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
}

void addDifferentialOptions(CLI::App& sub, DifferentialSettings& settings) {
  sub.add_option("--sequences", settings.sequences, "--judge differential: random stimulus sequences")
      ->check(CLI::Range(1, 1024))
      ->capture_default_str();
  sub.add_option("--cycles", settings.cycles, "--judge differential: clock cycles per sequence")
      ->check(CLI::Range(1, 100000))
      ->capture_default_str();
}

}  // namespace rtlarena::cli
