// Errata: problems of a dataset that no answer can pass on this machine's tools (a golden design
// that fails its own testbench, a testbench one simulator cannot run), written by
// `rtlarena audit` and applied by `rtlarena run --errata FILE`, so they are reported apart from
// the score instead of silently lowering it. Also notes that do not exclude (weak testbenches,
// lint findings).
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "rtlarena/core/result.h"

namespace rtlarena {

struct Erratum {
  std::string taskId;
  std::string simulator;  ///< icarus | verilator | verilogeval (compat harness) | any
  std::string symptom;    ///< short class: golden_fails, weak_testbench, lint, ...
  std::string detail;     ///< one line for humans (verdict, message)
  bool excludes = true;   ///< whether a run leaves the problem out of its score
};

struct Errata {
  std::string dataset;                       ///< FORMAT:PATH as audited
  std::string createdAt;
  std::map<std::string, std::string> tools;  ///< tool versions the audit ran with
  std::vector<Erratum> entries;

  /// Whether a run on `simulator` (icarus, verilator, auto, both, verilogeval) leaves the task out.
  bool excludes(const std::string& taskId, const std::string& simulator) const;
};

Result<Errata> readErrata(const std::filesystem::path& file);
Status writeErrata(const std::filesystem::path& file, const Errata& errata);

}  // namespace rtlarena
