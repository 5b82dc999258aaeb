// The files one proof run reads: the design as given, with an `include` of our
// monitor lines before the `endmodule` of each module that receives bound
// checkers or top-scope monitors; the property files with their assertions
// replaced, line for line, by monitor logic; and the Yosys scripts. Every
// generated line knows where it came from, so a Yosys error is pinned to one
// assertion (or one checker module, or one bind) and only that item is dropped.
#pragma once

#include <map>
#include <set>
#include <string>
#include <vector>

#include "rtlarena/formal/props_file.h"
#include "rtlarena/tasks/task.h"

namespace rtlarena::formal {

/// What a line of a generated file stands for.
struct LineOrigin {
  enum class Kind {
    Unknown,
    Assertion,
    Module,
    Bind,
    Reset,
    PropsFile,
    Design
  };
  Kind kind = Kind::Unknown;
  int index = -1; ///< into PropsSet::assertions / modules / binds / files, or
                  ///< the design file
  int line = 0;   ///< the line in the user's file
};

struct ProofInputs {
  const std::vector<SourceFile> *design = nullptr;
  const PropsSet *props = nullptr;
  std::string top;
  std::string reset; ///< empty: no reset assumption
  bool resetActiveHigh = true;
  std::map<int, std::string>
      monitors; ///< assertion index -> monitor code, for live assertions
  std::set<int> deadModules; ///< checker modules dropped after an error
  std::set<int> deadBinds;
  std::set<int> deadFiles; ///< property files dropped whole after an error
};

struct GeneratedFile {
  std::string name;
  std::string text;
};

class ProofFiles {
public:
  std::vector<GeneratedFile>
      files; ///< everything to write into the job directory
  std::vector<std::string> sources; ///< what read_verilog reads, in order

  /// Where a line of a generated file came from.
  LineOrigin locate(const std::string &file, int line) const;

  struct Insertion {
    int afterLine = 0; ///< lines after this one moved down by `added`
    int added = 0;
  };
  std::map<std::string, int>
      designIndex; ///< generated design name -> design file index
  std::map<std::string, Insertion> designInsertions;
  std::map<std::string, int>
      propsIndex; ///< generated props name -> props file index
  std::map<std::string, std::vector<LineOrigin>>
      includeLines; ///< include name -> origin per line
  const PropsSet *props = nullptr;
};

/// Builds the files; a bind whose target module is not in the design is
/// reported in `badBinds`.
ProofFiles buildProofFiles(const ProofInputs &in, std::set<int> &badBinds);

/// The Yosys script that reads everything and writes one AIGER model,
/// `model.aig`, whose outputs are the monitors' failure flags (named in
/// `model.map`) and whose constraints are the assumptions. Each assertion is
/// then proven on the cone of its own outputs.
std::string aigerScript(const ProofFiles &files, const std::string &top);

/// Output indices of `model.aig` per monitor label, read from the `-map` file
/// of write_aiger; given the `select -list` of the flags (flags.txt), labels
/// whose flag was folded to constant false (not an AIGER output any more)
/// appear with no index.
std::map<std::string, std::vector<int>>
aigerOutputsByLabel(const std::string &mapText);

/// The Yosys script that writes `model.smt2` keeping only `label` (for a
/// readable trace).
std::string smt2Script(const ProofFiles &files, const std::string &top,
                       const std::string &label);

} // namespace rtlarena::formal
