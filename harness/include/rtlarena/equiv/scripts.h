// The Yosys and ABC scripts behind the equivalence judge, and the readers of their output.
// Kept apart from the judge's control flow so each can be tested without running a tool.
#pragma once

#include <string>
#include <vector>

#include "rtlarena/equiv/judge.h"

namespace rtlarena::equiv {

/// File names inside the job directory.
inline constexpr const char* kReferenceFile = "reference.sv";
inline constexpr const char* kCandidateFile = "candidate.sv";
inline constexpr const char* kBuildScript = "build.ys";
inline constexpr const char* kProveScript = "prove.ys";
inline constexpr const char* kMiterRtlil = "miter.il";
inline constexpr const char* kMiterAiger = "miter.aig";
inline constexpr const char* kInputsList = "inputs.txt";

/// Module names the two designs are renamed to, so they coexist whatever they were called.
inline constexpr const char* kGoldModule = "rtlarena_gold";
inline constexpr const char* kGateModule = "rtlarena_gate";
inline constexpr const char* kMiterModule = "rtlarena_miter";

/// The Yosys commands that read one (System)Verilog file as a simulator runs it. An
/// `always_comb` that leaves a signal unassigned on some path keeps the old value in simulation
/// (Icarus, Verilator: a latch); Yosys stops with "Latch inferred ... from always_comb process"
/// unless the process's always_comb mark is dropped first, after which it infers that latch.
/// VerilogEval's FSM references (an incomplete `case` in `always_comb`) need this.
std::string readVerilogCommands(const std::string& file);

/// Reads both designs in separate Yosys designs (so equal module names never clash), flattens
/// each, lists its clocks, flip-flops and unsupported state elements into `<side>_*.txt`, and
/// writes two miters: `miter.il` keeps undefined values (an x of the reference is a don't-care,
/// an x of the candidate a difference) for the SAT proof; `miter.aig` is two-valued for ABC, with
/// the reference's x bits set to 0 and the candidate's made free inputs (both stricter).
std::string buildScript(const std::string& refTop, const std::string& candTop);

/// What the build step learned about one side's state elements.
struct SideFacts {
  std::vector<std::string> clocks;   ///< wires driving a CLK port
  int flops = 0;
  int negedgeFlops = 0;
  int inputClockedFlops = 0;         ///< flops whose clock is a module input
  std::vector<std::string> unsupported;  ///< latches with a reset or set, unmapped memories
  /// Divisions and modulos: x when dividing by zero in simulation, a defined value once mapped
  /// to gates, so the two-valued (ABC) engines must not be used on them.
  int divisions = 0;
  /// Plain latches ($dlatch: an always_comb or `always @*` that leaves a signal unassigned on
  /// some path). In a design stepped by one clock they are modelled per cycle: transparent while
  /// enabled, else the value of the previous cycle (the proof's async2sync); in a design with no
  /// clocked flip-flop there is no cycle to step them, so the judge gives up.
  int latches = 0;
};

/// Reads `<side>_clocks.txt` etc. as written by the build script (one "module/name" a line).
SideFacts readSideFacts(const std::string& clocks, const std::string& ffs, const std::string& negedge,
                        const std::string& inputClocked, const std::string& latches, const std::string& divisions,
                        const std::string& plainLatches = "");

/// Names after the "module/" prefix of a `select -list` output.
std::vector<std::string> selectedNames(const std::string& listing);

/// Why the two sides cannot be judged by the single-clock model, or "" when they can.
std::string clockingProblem(const SideFacts& gold, const SideFacts& gate, std::string* clock);

struct ProveSetup {
  bool sequential = false;
  std::string clock;         ///< held at 0 (the value the testbench samples outputs at)
  std::string reset;         ///< asserted in cycle 0; "" = none
  bool resetActiveLow = false;
  int bound = 20;
  int solverTimeoutSeconds = 60;
};

/// The SAT proof on `miter.il`: combinational `sat -prove`; sequential temporal induction with
/// undefined initial state, defined inputs, outputs compared from cycle 1 on.
std::string proveScript(const ProveSetup& setup);

/// One port of the miter, as written in `miter.il`.
struct MiterPort {
  std::string name;
  int width = 1;
  bool input = true;
};

/// The ports declared in an RTLIL module text (`wire width 8 input 5 \\in_a`).
std::vector<MiterPort> rtlilPorts(const std::string& rtlil);

/// A Verilog wrapper around the two-valued sequential miter for ABC: a register that is 1 only
/// in cycle 0 forces the reset asserted then and masks the comparison, since a safety checker
/// has no notion of "from cycle 1 on".
std::string resetWrapper(const std::vector<MiterPort>& ports, const std::string& reset, bool activeLow);

/// Reads `miter2.il` and the wrapper, writes `seq.aig` (every initial value free).
std::string sequentialAigScript();
inline constexpr const char* kMiter2Rtlil = "miter2.il";
inline constexpr const char* kWrapperFile = "wrapper.v";
inline constexpr const char* kSeqAiger = "seq.aig";

/// The ABC command proving the sequential miter's output never rises (property-directed
/// reachability), with a time limit.
std::string abcPdrCommand(int seconds);

/// True when ABC's pdr printed a proof.
bool abcPdrProved(const std::string& abcOutput);

/// The ABC command for the two-valued combinational miter.
std::string abcCecCommand();

/// True when ABC's output says the miter output is constant 0.
bool abcProvedEquivalent(const std::string& abcOutput);

enum class SatOutcome { Proved, Failed, BoundReached, Timeout, Error, Unrecognised };

struct SatReport {
  SatOutcome outcome = SatOutcome::Unrecognised;
  int inductionLength = 0;   ///< last induction length tried (sequential)
  std::string errorLine;     ///< first "ERROR:" line
  std::optional<Counterexample> counterexample;
};

/// Reads the log of the prove script. A counterexample is read from the model table printed
/// after "FAIL!": inputs per step (the clock left out), and the outputs that differ in the
/// last step.
SatReport parseSatLog(const std::string& log, const std::string& clock);

/// The first "ERROR:" line of a Yosys log, trimmed ("" when none).
std::string firstYosysError(const std::string& log);

}  // namespace rtlarena::equiv
