// Isolation of the candidate from the code it is judged by. A candidate may reach only what it
// defines itself and the language's primitives: every design unit of the reference and the
// testbench is renamed, for each evaluation, with a suffix the candidate cannot know, so no
// spelling (a macro, a generate block, an escaped identifier, a duplicate definition) can name,
// instantiate or redefine them. Directives cannot leak either: Icarus compiles each file as
// its own compilation unit, Verilator reads the candidate last.
#pragma once

#include <set>
#include <string>
#include <vector>

#include "rtlarena/tasks/task.h"

namespace rtlarena {

struct IsolatedSources {
  std::vector<SourceFile> sources;  ///< candidate first, then the renamed reference and testbench
  std::string top;                  ///< the testbench's top under its new name
  std::string suffix;               ///< appended to every renamed unit; scrubbed from logs
  std::vector<std::string> renamed; ///< the original names of the renamed units
};

/// A fresh unguessable suffix (64 random bits).
std::string isolationSuffix();

/// The job's sources with the reference's and the testbench's units renamed with `suffix`.
/// File order: VerilogEval's tasks keep the original's `sample test ref`; others put the
/// reference before the testbench.
IsolatedSources isolateSources(const Task& task, const std::string& code, const std::string& suffix);

/// Renames whole identifier tokens of `source` (not in comments or strings, not after a `.`
/// or a macro directive) that are keys of `names`, to name + suffix.
std::string renameUnits(const std::string& source, const std::vector<std::string>& names, const std::string& suffix);

/// The names of design units `code` defines more than once (a duplicate definition is an
/// error in Icarus, but only a warning in Verilator, which then picks one silently).
std::vector<std::string> duplicateUnits(const std::string& code);

/// Whether `code` names any of `names` as an identifier (so its meaning would differ between
/// an isolated job and one that compiles the original names).
bool mentionsAny(const std::string& code, const std::vector<std::string>& names);

/// Whether `code` names a design unit of the task's reference or testbench: a sample that the
/// original harness of a dataset may pass through that name, while the isolated job fails it.
bool namesTheBench(const Task& task, const std::string& code);

/// Whether `code` has a delay control (`#` followed by a number or a name; `#(` is taken as a
/// parameter list).
bool usesDelays(const std::string& code);

/// Whether `code` uses any compiler directive (a backtick token outside comments and strings).
bool usesDirectives(const std::string& code);

/// The definitions of modules elaborated under the candidate's top (module `top`) in a
/// compiled Icarus image that are not in `allowed` (the units the candidate defines).
std::vector<std::string> foreignModulesUnderTop(const std::string& vvp, const std::string& top,
                                                const std::set<std::string>& allowed);

}  // namespace rtlarena
