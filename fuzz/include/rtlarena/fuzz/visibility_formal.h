// The formal half of the injected-bug visibility check. In: a core whose wrapper keeps the
// adapter contract (docs/CORE_ADAPTER.md) and the Yosys mutations `fuzz inject` chose. Out:
// per mutation, a program (the first words of memory) on which the mutated core retires an
// instruction differently from the original within a bound, or the statement that no such
// program exists within it.
//
// How: Yosys builds one miter from two copies of the wrapper, the original (mutation select
// 0) and the mutated one (its select held at a value the solver picks), each with its memory
// cut to the first `memoryWords` words, both loaded with the same solver-chosen words in
// cycle 0 and then reset as the harness resets. The solver also picks a retirement index; the
// miter compares that retirement of both copies (instruction, trap, pc and next pc, register
// write, memory access; counter reads that depend on timing are masked). One property output
// per mutation, and one for select 0 in both copies, which must hold (else the miter leaves
// state free and nothing is judged); ABC's bmc3 solves each. A witness is only a proposal:
// the caller replays its program on the real harness against the ISA model (inject.cpp)
// before it counts.
#pragma once

#include <chrono>
#include <filesystem>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "rtlarena/core/result.h"
#include "rtlarena/fuzz/core_parameters.h"

namespace rtlarena::fuzz {

struct FormalVisibilityOptions {
  unsigned depth = 24;          ///< cycles unrolled from the load (reset included)
  unsigned memoryWords = 64;    ///< words from address 0 the solver chooses; the rest reads 0
  std::chrono::seconds perMutant{30};
  unsigned jobs = 0;            ///< solver processes at once; 0 = one per core
  std::chrono::minutes build{30};
  /// Mutations that ran out of time are tried once more on a second miter whose multipliers,
  /// dividers and remainders compute cheap stand-ins (add, sub, xor; the same in both copies,
  /// so equal operands still give equal results). The solver then gets past the first
  /// M-extension instruction; the replay on the real harness decides, as for every witness.
  bool arithmeticStandIns = false;
  std::function<void(const std::string&)> log;
};

/// What the miter is built from; inject.cpp fills it from the core and its own Yosys run.
struct FormalVisibilityInput {
  std::filesystem::path wrapperFile;
  std::string wrapperModule;
  std::string coreModule;                         ///< the module the wrapper instantiates
  InstanceParameters parameters;                  ///< the wrapper's overrides for it
  std::vector<std::filesystem::path> coreSources; ///< every source but the wrapper
  std::map<std::string, std::string> defines;
  std::vector<std::filesystem::path> includeDirs;
  std::filesystem::path mutationsScript;  ///< the `mutate` commands (select values 1..N)
  std::filesystem::path portsJson;        ///< write_json of the unmutated, flattened core
  unsigned mutations = 0;
  unsigned resetCycles = 2;
  bool maskMinstret = false;  ///< minstret reads are unpredictable on this core
};

enum class FormalVerdict { Differs, NoDifferenceWithinBound, Timeout, Failed };
std::string_view formalVerdictName(FormalVerdict v);

struct FormalMutantResult {
  unsigned id = 0;
  FormalVerdict verdict = FormalVerdict::Failed;
  unsigned frame = 0;              ///< cycle of the difference (Differs); else cycles checked
  unsigned retirement = 0;         ///< index of the retirement that differs (Differs)
  std::vector<uint32_t> image;     ///< the program (Differs)
  double seconds = 0;
  std::string detail;              ///< why, for Failed
  bool standIns = false;           ///< found on the miter with arithmetic stand-ins
};

struct FormalVisibility {
  std::vector<FormalMutantResult> mutants;  ///< ids 1..N in order
  double buildSeconds = 0;
  FormalVerdict identity = FormalVerdict::Failed;  ///< select 0 against itself: no difference, or timeout
  double identitySeconds = 0;
  unsigned identityCycles = 0;  ///< cycles for which select 0 was shown to agree with itself
  size_t andGates = 0, latches = 0;
  /// The second miter (arithmetic stand-ins): how many mutations it retried, its size and build
  /// time, and why it did not run when it did not.
  unsigned standInRetried = 0;
  size_t standInAndGates = 0;
  double standInBuildSeconds = 0;
  std::string standInNote;
};

/// Error (BadConfig) when the wrapper does not keep the contract the miter relies on (an
/// ANSI port list, `reg [31:0] mem[0:16383]`, one instance of the core module); the caller
/// then decides visibility by the directed run alone.
Result<FormalVisibility> checkVisibilityFormally(const FormalVisibilityInput& input, const std::filesystem::path& workDir,
                                                 const FormalVisibilityOptions& options);

}  // namespace rtlarena::fuzz
