// Calibration of a core before fuzzing it. In: a loaded DUT and its core.json. Out: every
// difference between the core and the ISA model on a directed suite of ISA corner cases
// (fence and fence.i with reserved fields set, every CSR access form, counters, ecall and
// ebreak, misaligned accesses and jumps, illegal encodings, division corner cases, x0
// writes, self-modifying code), each either explained by a tolerance of core.json (proposed
// with its evidence: the instruction, what the model expected, what the core did) or left as
// a suspected bug with a minimized reproducer. A core that needs no tolerance beyond the ones
// it declares comes out clean.
#pragma once

#include <filesystem>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "rtlarena/core/result.h"
#include "rtlarena/fuzz/core_config.h"
#include "rtlarena/fuzz/dut.h"
#include "rtlarena/fuzz/lockstep.h"
#include "rtlarena/fuzz/program.h"

namespace rtlarena::fuzz {

/// One directed test of the calibration suite.
struct CalibrationProbe {
  std::string name;      ///< "csr/mscratch/csrrw-readback", "fence/rd-set", ...
  std::string category;  ///< fence, csr, counters, traps, misaligned, illegal, muldiv, x0, smc, reset
  Program program;       ///< ends with `li a7, 93; ecall` (the self-check exit)
};

/// The directed suite, in a fixed order (the register-reset probe comes last so that it
/// sees what earlier probes left behind on a core that does not reset its registers).
std::vector<CalibrationProbe> calibrationSuite();

/// One difference, as the evidence of a tolerance or of a suspected bug.
struct CalibrationEvidence {
  std::string probe;
  std::string instruction;  ///< disassembly of the diverging instruction
  std::string expected;     ///< the model's retirement (describeRetirement)
  std::string actual;       ///< the core's
  std::string message;      ///< the lockstep message
};

/// A tolerance calibration proposes: a core.json key and value, and the probes it explains.
struct ProposedTolerance {
  std::string key;        ///< "fence", "csrs", "mtval", "rd_report_ignored", ...
  std::string valueJson;  ///< the value the key takes in the proposed section (JSON text)
  std::string change;     ///< what changed, e.g. "fence: illegal -> nop", "csrs: -mscratch"
  std::vector<CalibrationEvidence> evidence;  ///< up to 4 examples
  size_t explains = 0;    ///< probes this change made pass
};

/// A difference no tolerance explains.
struct SuspectedBug {
  std::string signature;
  std::vector<std::string> probes;  ///< every probe that showed it
  CalibrationEvidence evidence;     ///< of the minimized program
  Program program;                  ///< minimized
  Divergence divergence;
};

struct CalibrationOptions {
  double minimizeSeconds = 5;
  std::function<void(const std::string&)> log;
};

struct CalibrationResult {
  std::string core;
  size_t probes = 0;
  size_t differencesDeclared = 0;  ///< probes diverging under the tolerances core.json declares
  std::vector<ProposedTolerance> proposed;  ///< in the order they were accepted
  std::vector<SuspectedBug> suspected;
  std::string toleranceSectionJson;  ///< the whole proposed "tolerances" object
  CoreConfig calibrated;             ///< the config with the proposals applied
  bool clean() const { return proposed.empty() && suspected.empty(); }
};

/// Runs the suite under the declared tolerances, then searches the tolerance space greedily
/// (the single change that explains most remaining differences without making more probes
/// diverge, repeated), then minimizes what is left. The DUT is reused for every run.
CalibrationResult calibrate(Dut& dut, const CoreConfig& core, const CalibrationOptions& options = {});

/// {"core", "probes", "differences_declared", "clean", "tolerances", "proposed": [...],
///  "suspected_bugs": [...]} as written by `fuzz calibrate --out`.
std::string calibrationJson(const CalibrationResult& r);
/// Human-readable report: proposals with their evidence, then suspected bugs.
std::string calibrationText(const CalibrationResult& r);

/// The suspected bugs a calibration.json records: signature -> the probes that showed it.
/// These are the core's known deviations: a campaign's mismatch with one of these signatures
/// is most likely that deviation again.
Result<std::map<std::string, std::vector<std::string>>> readCalibrationSuspects(const std::filesystem::path& file);

}  // namespace rtlarena::fuzz
