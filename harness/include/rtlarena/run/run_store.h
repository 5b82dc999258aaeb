// A run's store as the run driver opens it: created for a new run, checked against the
// configuration for a resumed one, with the task metadata and errata the summary reads.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "rtlarena/core/result.h"
#include "rtlarena/run/run_driver.h"
#include "rtlarena/store/store.h"
#include "rtlarena/tasks/errata.h"

namespace rtlarena {

/// Everything that defines a run's results, as stored JSON; a resumed run must match it.
std::string runConfigJson(const RunOptions& options);

/// Opens or creates `options.outDir`'s store. BadArgument, naming the differing field, when it
/// holds a run with another configuration.
Result<std::unique_ptr<Store>> openRunStore(const RunOptions& options, const std::string& providerName);

/// The short git revision of the project checkout ("unknown" outside one), as runs record it.
std::string gitRevision();

/// "'key' (stored X, now Y)" for the first key of `wanted` that `stored` lacks or differs in.
std::string describeConfigDifference(const std::string& stored, const std::string& wanted);

/// Records the errata entries that exclude tasks on `simulator` (extras "errata") and those that
/// exclude them from the VerilogEval-compatible score (kErrataCompatKind).
Status storeErrata(Store& store, const Errata& errata, const std::vector<Task>& tasks, SimulatorKind simulator);

}  // namespace rtlarena
