// Making mutants with Yosys: one run lists the mutations, a second applies each to a saved copy
// of the reference and writes it back as Verilog.
#include "rtlarena/mutate/mutants.h"

#include <algorithm>
#include <filesystem>
#include <regex>
#include <sstream>

#include "rtlarena/core/files.h"
#include "rtlarena/core/process.h"
#include "rtlarena/core/text.h"
#include "rtlarena/equiv/judge.h"
#include "rtlarena/equiv/scripts.h"

namespace rtlarena::mutate {

namespace fs = std::filesystem;

namespace {

constexpr const char* kReference = "reference.sv";
constexpr const char* kList = "mutations.txt";

// Read and flatten the reference, then name it as the candidate is named; `hierarchy` drops
// the flattened submodules so the written file holds exactly one module.
void readReference(std::ostringstream& s, const std::string& refTop, const std::string& top, bool keepNamedSignals) {
  s << equiv::readVerilogCommands(kReference);
  if (keepNamedSignals) s << "hierarchy -top " << refTop << "\nproc\nsetattr -set keep 1 w:*\n";
  s << "prep -flatten -top " << refTop << "\n";
  if (refTop != top) s << "rename " << refTop << " " << top << "\n";
  s << "hierarchy -top " << top << "\n";
}

Result<ProcessResult> runYosys(const fs::path& dir, const std::string& script, const MutantOptions& o) {
  ProcessSpec spec;
  spec.argv = {"yosys", "-q", "-s", script};
  spec.workDir = dir.string();
  spec.env = defaultToolEnv(spec.workDir);
  spec.deadline = o.deadline;
  spec.limits.addressSpace = 4ull << 30;
  spec.limits.fileSize = 256ull << 20;
  return runSandboxed(spec, o.sandbox);
}

Error yosysFailed(const Task& task, const ProcessResult& p, const std::string& what) {
  std::string msg = equiv::taskReference(task).first.empty() ? "no reference" : std::string(trim(tailLines(p.combined(), 3)));
  if (p.timedOut) msg = "timeout";
  return makeError(ErrorCode::BadTask, task.id + ": Yosys could not " + what + " the reference: " + msg);
}

}  // namespace

std::string listScript(const std::string& refTop, const std::string& top, int count, unsigned seed, bool keepNamedSignals) {
  std::ostringstream s;
  readReference(s, refTop, top, keepNamedSignals);
  s << "mutate -list " << count << " -seed " << seed << " -o " << kList << "\n";
  return s.str();
}

std::string applyScript(const std::string& refTop, const std::string& top, const std::vector<std::string>& commands,
                        bool keepNamedSignals, std::size_t first) {
  std::ostringstream s;
  readReference(s, refTop, top, keepNamedSignals);
  s << "design -save reference\n";
  for (std::size_t i = first; i < commands.size(); ++i)
    s << "design -load reference\n" << commands[i] << "\nopt_clean\nwrite_verilog -noattr mutant_" << i << ".v\n";
  return s.str();
}

std::string describeMutation(const std::string& command, const std::string& reference, int* line) {
  static const std::regex opt(R"(-(mode|cell|port|portbit|wire|src) (\S+))");
  std::string mode, cell, port, bit, wire;
  int srcLine = 0;
  for (auto it = std::sregex_iterator(command.begin(), command.end(), opt); it != std::sregex_iterator(); ++it) {
    const std::string key = (*it)[1].str(), value = (*it)[2].str();
    if (key == "mode") mode = value;
    else if (key == "cell") cell = value;
    else if (key == "port") port = value;
    else if (key == "portbit") bit = value;
    else if (key == "wire") wire = value;
    else if (key == "src") {
      // "reference.sv:5.23-5.31": the last one names the cell's own statement.
      static const std::regex src(R"(:(\d+)\.)");
      std::smatch m;
      if (std::regex_search(value, m, src)) srcLine = std::stoi(m[1].str());
    }
  }
  std::ostringstream d;
  d << mode << " of " << cell << " port " << port << " bit " << bit;
  if (!wire.empty()) d << " (wire " << wire << ")";
  if (srcLine > 0) {
    auto lines = splitLines(reference);
    d << " at line " << srcLine;
    if (srcLine <= static_cast<int>(lines.size())) d << ": " << trim(lines[srcLine - 1]);
  }
  if (line) *line = srcLine;
  return d.str();
}

Result<std::vector<Mutant>> makeMutants(const Task& task, const MutantOptions& o, std::vector<std::string>* unapplied) {
  const auto [reference, refTop] = equiv::taskReference(task);
  auto dir = TempDir::create("rtlarena-mutants", o.workRoot);
  if (!dir) return dir.error();
  if (auto s = writeFile(dir->path() / kReference, reference); !s) return s.error();
  if (auto s = writeFile(dir->path() / "list.ys", listScript(refTop, task.top, o.count, o.seed, o.keepNamedSignals)); !s) return s.error();
  auto listed = runYosys(dir->path(), "list.ys", o);
  if (!listed) return listed.error();
  if (!listed->exitedOk()) return yosysFailed(task, *listed, "list mutations of");
  auto list = readFile(dir->path() / kList);
  if (!list) return list.error();
  std::vector<std::string> commands;
  for (std::string_view l : splitLines(*list))
    if (startsWith(trim(l), "mutate ")) commands.emplace_back(trim(l));
  std::vector<Mutant> mutants;
  if (commands.empty()) return mutants;
  // One run applies them all; when Yosys aborts on mutation k (mutants before it are written;
  // k's own file may be begun, since the abort can come while writing it), k is left out and
  // the run resumes after it. A few such aborts are Yosys's; many mean the reference itself
  // cannot be mutated.
  const auto output = [&](std::size_t i) { return dir->path() / ("mutant_" + std::to_string(i) + ".v"); };
  const auto written = [&](std::size_t i) {
    auto text = readFile(output(i));
    return text && text->find("endmodule") != std::string::npos;
  };
  const std::size_t maxUnapplied = std::max<std::size_t>(3, commands.size() / 10);
  std::vector<bool> skipped(commands.size(), false);
  std::size_t skips = 0;
  for (std::size_t first = 0; first < commands.size();) {
    if (auto s = writeFile(dir->path() / "apply.ys", applyScript(refTop, task.top, commands, o.keepNamedSignals, first)); !s)
      return s.error();
    auto applied = runYosys(dir->path(), "apply.ys", o);
    if (!applied) return applied.error();
    if (applied->exitedOk()) break;
    std::size_t k = first;
    while (k < commands.size() && written(k)) ++k;
    if (applied->timedOut || k == commands.size() || ++skips > maxUnapplied)
      return yosysFailed(task, *applied, "apply mutations to");
    skipped[k] = true;
    if (unapplied) unapplied->push_back(commands[k]);
    first = k + 1;
  }
  for (std::size_t i = 0; i < commands.size(); ++i) {
    if (skipped[i]) continue;
    auto code = readFile(output(i));
    if (!code) return code.error();
    if (code->find("endmodule") == std::string::npos)
      return makeError(ErrorCode::Internal, task.id + ": Yosys wrote an incomplete mutant " + output(i).filename().string());
    Mutant m;
    m.index = static_cast<int>(i);
    m.command = commands[i];
    m.description = describeMutation(commands[i], reference, &m.sourceLine);
    m.code = *code;
    mutants.push_back(std::move(m));
  }
  return mutants;
}

}  // namespace rtlarena::mutate
