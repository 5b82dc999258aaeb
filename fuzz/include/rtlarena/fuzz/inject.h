// Bug injection for judging fuzzers by bugs rather than coverage. In: a core. Out: a folder
// with one Verilator-ready copy of the core holding N Yosys `mutate` mutations (each enabled
// when a runtime select signal equals its number, read from +rtlarena_mutsel=K), and
// mutants.json listing which mutations are architecturally visible: a directed run (the
// self-check programs, then a fixed set of random tests) diverges from the ISA model, or a
// bounded formal check (visibility_formal.h) finds a program on which the mutated core
// retires differently from the original and that program, replayed on the harness, diverges
// from the model while the original does not. Invisible mutations (dead logic, masked bits)
// are dropped: no fuzzer could find them through RVFI.
#pragma once

#include <filesystem>
#include <chrono>
#include <functional>
#include <string>
#include <vector>

#include "rtlarena/core/result.h"

namespace rtlarena::fuzz {

struct InjectOptions {
  std::filesystem::path coreConfig;
  unsigned count = 20;       ///< mutations to try
  uint64_t seed = 1;
  std::filesystem::path outDir;
  std::filesystem::path cacheDir;
  unsigned directedTests = 2000;  ///< random tests per mutant after the self-check programs
  std::string module;        ///< the core module; empty = the module the wrapper instantiates
  unsigned formalDepth = 24;  ///< cycles the formal check unrolls; 0 = directed run only
  unsigned formalWords = 64;  ///< words of memory the formal check's programs may fill
  std::chrono::seconds formalTimeout{30};  ///< per mutation
  bool formalStandIns = false;  ///< retry time-outs on a miter with arithmetic stand-ins
  std::function<void(const std::string&)> log;
};

struct InjectedBug {
  unsigned id = 0;          ///< the +rtlarena_mutsel value
  std::string command;      ///< the Yosys mutate command
  std::string mode;         ///< inv, const0, const1, cnot0, cnot1
  std::string src;          ///< source location Yosys attributes it to
  bool visible = false;
  std::string foundBy;      ///< "selfcheck:<program>", "random:<test>" or "formal:cycle<N>"
  std::string signature;
  std::string directedBy;   ///< where the directed run diverged (empty: it did not)
  std::string formal;       ///< the formal verdict (formalVerdictName), "off" or "unsupported"
  unsigned formalCycle = 0;      ///< the cycle of the difference, else the cycles checked
  bool formalConfirmed = false;  ///< its program, replayed on the harness, diverges from the model
  std::string formalReplay;      ///< the replay's divergence, or why it does not count
  std::string formalProgram;     ///< the program's $readmemh file, relative to the corpus folder
  bool formalStandIns = false;   ///< found on the miter with arithmetic stand-ins
};

struct InjectResult {
  std::string core;
  size_t tried = 0, visible = 0;
  size_t visibleDirected = 0, visibleFormal = 0;  ///< by each method (a mutant may count in both)
  std::string formalNote;  ///< why the formal check did not run, when it did not
  std::vector<InjectedBug> all;
  std::vector<InjectedBug> kept;  ///< the visible ones
  std::vector<std::filesystem::path> sources;  ///< the DUT sources to build mutants from
  /// Directed programs on which the unmutated core itself diverges from the ISA model (where,
  /// signature): a deviation of the core; mutants are then judged against these outcomes.
  std::vector<std::pair<std::string, std::string>> originalDivergences;
};

Result<InjectResult> injectBugs(const InjectOptions& options);
std::string injectSummaryJson(const InjectResult& r);

/// An injected-bug corpus written by injectBugs (its --out folder).
struct MutantCorpus {
  std::filesystem::path dir;
  std::string core;
  std::filesystem::path coreConfig;
  std::vector<std::filesystem::path> sources;
  std::vector<InjectedBug> mutants;  ///< visible ones only
};
Result<MutantCorpus> loadMutantCorpus(const std::filesystem::path& dir);

/// The plusarg that enables mutant `id`.
std::string mutantPlusarg(unsigned id);

}  // namespace rtlarena::fuzz
