// Bug injection for judging fuzzers by bugs rather than coverage. In: a core. Out: a folder
// with one Verilator-ready copy of the core holding N Yosys `mutate` mutations (each enabled
// when a runtime select signal equals its number, read from +rtlarena_mutsel=K), and
// mutants.json listing which mutations are architecturally visible, i.e. make a directed
// run (the self-check programs, then a fixed set of random tests) diverge from the ISA
// model. Invisible mutations (dead logic, masked bits) are dropped: no fuzzer could find
// them through RVFI.
#pragma once

#include <filesystem>
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
  std::function<void(const std::string&)> log;
};

struct InjectedBug {
  unsigned id = 0;          ///< the +rtlarena_mutsel value
  std::string command;      ///< the Yosys mutate command
  std::string mode;         ///< inv, const0, const1, cnot0, cnot1
  std::string src;          ///< source location Yosys attributes it to
  bool visible = false;
  std::string foundBy;      ///< "selfcheck:<program>" or "random:<test>"
  std::string signature;
};

struct InjectResult {
  std::string core;
  size_t tried = 0, visible = 0;
  std::vector<InjectedBug> all;
  std::vector<InjectedBug> kept;  ///< the visible ones
  std::vector<std::filesystem::path> sources;  ///< the DUT sources to build mutants from
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
