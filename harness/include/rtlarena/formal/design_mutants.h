// Mutants of a design for mutation scoring of assertions, each with the equivalence judge's
// verdict against the design, made once per (design, settings) and shared: a suite run scores
// every sample of a task against the same mutants without making or judging them again. Kept in
// memory for the process and, when a folder is given, on disk across runs (keyed by the design,
// the settings and the tool versions).
#pragma once

#include <chrono>
#include <future>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "rtlarena/core/result.h"
#include "rtlarena/core/sandbox.h"
#include "rtlarena/equiv/judge.h"
#include "rtlarena/mutate/mutants.h"
#include "rtlarena/tasks/task.h"

namespace rtlarena::formal {

/// The design to mutate and how its mutants are made and judged.
struct DesignMutantsRequest {
  std::vector<SourceFile> design;
  std::string top;
  std::string reset;          ///< the reset input asserted in cycle 0; empty: none
  bool resetActiveLow = false;
  int count = 20;             ///< mutants asked of Yosys (`mutate -list N`)
  unsigned seed = 1;          ///< `mutate -seed S`: the same seed gives the same mutants
  int equivBound = 20;        ///< the judge's induction length and bounded-check depth
  std::chrono::milliseconds equivTimeout{30000};  ///< the judge's budget per mutant
};

/// One mutant and what the judge made of it.
struct JudgedMutant {
  mutate::Mutant mutant;
  equiv::EquivVerdict equivalence = equiv::EquivVerdict::Unknown;
  std::string reason;  ///< the judge's one line (or the harness error that stopped it)
};

struct DesignMutants {
  std::vector<JudgedMutant> mutants;
  bool fromCache = false;  ///< read from memory or disk rather than made here
};

/// Where the work happens: sandbox, temp root, parallel judges.
struct DesignMutantsOptions {
  SandboxConfig sandbox;
  std::string workRoot;
  unsigned jobs = 1;  ///< mutants judged in parallel
};

class MutantCache {
 public:
  /// `dir` empty: memory only.
  explicit MutantCache(std::string dir = "");
  /// The mutants of `request`'s design with their verdicts: from memory, else from disk, else
  /// made (two Yosys runs) and judged; concurrent callers with the same request wait for one
  /// computation. Error when rtlarena failed or Yosys cannot read the design.
  Result<std::shared_ptr<const DesignMutants>> get(const DesignMutantsRequest& request, const DesignMutantsOptions& options);
  /// Designs mutated and judged by this cache (not read back): tests count the work done.
  int computed() const;
  /// $RTLARENA_CACHE/assert-mutants.
  static std::string defaultDir();

 private:
  Result<std::shared_ptr<const DesignMutants>> compute(const DesignMutantsRequest& request, const DesignMutantsOptions& options,
                                                       const std::string& key);
  std::string dir_;
  mutable std::mutex mutex_;
  std::map<std::string, std::shared_future<Result<std::shared_ptr<const DesignMutants>>>> entries_;
  int computed_ = 0;
};

/// The identity of a request's mutants (a SHA-256 over the design, the settings and the tool
/// versions).
std::string designMutantsKey(const DesignMutantsRequest& request);

}  // namespace rtlarena::formal
