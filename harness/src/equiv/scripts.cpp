// The judge's Yosys scripts and the readers of their output (see docs/EQUIV_MUTATE.md for the
// reasoning behind each step).
#include "rtlarena/equiv/scripts.h"

#include <regex>
#include <sstream>

#include "rtlarena/core/text.h"

namespace rtlarena::equiv {

namespace {

// One side: read, flatten, memories to flip-flops (the SAT model has no memory cells), then the
// facts the judge needs about its state elements before it trusts the single-clock model.
void readSide(std::ostringstream& s, const std::string& file, const std::string& top,
              const std::string& as, const std::string& side) {
  s << readVerilogCommands(file) << "prep -flatten -top " << top << "\n"
    << "memory_map\n"
    << "opt_clean\n"
    << "rename " << top << " " << as << "\n"
    << "tee -q -o " << side << "_clocks.txt select -list t:* %x:+[CLK] t:* %d\n"
    << "tee -q -o " << side << "_ffs.txt select -list r:CLK_POLARITY\n"
    << "tee -q -o " << side << "_negedge.txt select -list r:CLK_POLARITY=1'0\n"
    // Cells only: a wire that aliases an input (`wire [6:0] op = instr[6:0]`) is reached by
    // the expansion too and must not count as a flip-flop.
    << "tee -q -o " << side << "_inclocked.txt select -list i:* %x:+[CLK] t:* %i\n"
    << "tee -q -o " << side
    << "_latches.txt select -list t:$adlatch t:$dlatchsr t:$sr t:$mem* t:$fsm %u %u %u %u\n"
    << "tee -q -o " << side << "_dlatches.txt select -list t:$dlatch\n"
    << "tee -q -o " << side << "_divisions.txt select -list t:$div t:$mod t:$divfloor t:$modfloor %u %u %u\n"
    << "design -stash " << side << "\n";
}

void copyBoth(std::ostringstream& s) {
  s << "design -copy-from gold -as " << kGoldModule << " " << kGoldModule << "\n"
    << "design -copy-from gate -as " << kGateModule << " " << kGateModule << "\n";
}

}  // namespace

std::string readVerilogCommands(const std::string& file) {
  return "read_verilog -sv " + file + "\nsetattr -unset always_comb p:*\n";
}

std::string buildScript(const std::string& refTop, const std::string& candTop) {
  std::ostringstream s;
  s << "# rtlarena equivalence: build the miters\n";
  readSide(s, kReferenceFile, refTop, kGoldModule, "gold");
  readSide(s, kCandidateFile, candTop, kGateModule, "gate");
  copyBoth(s);
  s << "miter -equiv -flatten -make_outputs -ignore_gold_x " << kGoldModule << " " << kGateModule << " "
    << kMiterModule << "\n"
    << "hierarchy -top " << kMiterModule << "\n"
    << "tee -q -o " << kInputsList << " select -list " << kMiterModule << "/i:*\n"
    << "write_rtlil " << kMiterRtlil << "\n"
    << "design -reset\n";
  copyBoth(s);
  s << "setundef -zero " << kGoldModule << "\n"
    << "setundef -undriven -anyseq " << kGateModule << "\n"
    << "setundef -anyseq " << kGateModule << "\n"
    << "miter -equiv -flatten " << kGoldModule << " " << kGateModule << " " << kMiterModule << "\n"
    << "hierarchy -top " << kMiterModule << "\n"
    << "write_rtlil " << kMiter2Rtlil << "\n"
    << "techmap\n"
    << "opt -fast\n"
    << "async2sync\n"
    << "dffunmap\n"
    << "aigmap\n"
    << "setundef -undriven -anyseq\n"
    << "setundef -anyseq\n"
    << "write_aiger -zinit " << kMiterAiger << "\n";
  return s.str();
}

std::vector<std::string> selectedNames(const std::string& listing) {
  std::vector<std::string> names;
  for (std::string_view line : splitLines(listing)) {
    line = trim(line);
    if (line.empty()) continue;
    auto slash = line.find('/');
    std::string name(slash == std::string_view::npos ? line : line.substr(slash + 1));
    if (!name.empty() && name[0] == '\\') name = name.substr(1);
    names.push_back(name);
  }
  return names;
}

SideFacts readSideFacts(const std::string& clocks, const std::string& ffs, const std::string& negedge,
                        const std::string& inputClocked, const std::string& latches, const std::string& divisions,
                        const std::string& plainLatches) {
  SideFacts f;
  f.clocks = selectedNames(clocks);
  f.flops = static_cast<int>(selectedNames(ffs).size());
  f.negedgeFlops = static_cast<int>(selectedNames(negedge).size());
  f.inputClockedFlops = static_cast<int>(selectedNames(inputClocked).size());
  f.unsupported = selectedNames(latches);
  f.divisions = static_cast<int>(selectedNames(divisions).size());
  f.latches = static_cast<int>(selectedNames(plainLatches).size());
  return f;
}

std::string clockingProblem(const SideFacts& gold, const SideFacts& gate, std::string* clock) {
  const std::pair<const char*, const SideFacts*> sides[] = {{"reference", &gold}, {"candidate", &gate}};
  std::string name;
  bool anyNegedge = false, anyPosedge = false;
  for (const auto& [label, f] : sides) {
    if (!f->unsupported.empty())
      return std::string(label) + " has a latch or memory the SAT model does not cover (" + f->unsupported.front() + ")";
    if (f->latches > 0 && f->flops == 0)
      return std::string(label) + " has a latch but no clocked flip-flop (the cycle model needs a clock to step it)";
    if (f->flops == 0) continue;
    if (f->clocks.size() != 1)
      return std::string(label) + (f->clocks.empty() ? " has flip-flops clocked by a constant"
                                                     : " has more than one clock (" + f->clocks[0] + ", " + f->clocks[1] + ")");
    if (f->inputClockedFlops != f->flops)
      return std::string(label) + " has flip-flops not clocked by a module input";
    if (f->negedgeFlops != 0 && f->negedgeFlops != f->flops)
      return std::string(label) + " uses both clock edges";
    if (!name.empty() && name != f->clocks[0])
      return "the designs are clocked by different inputs (" + name + ", " + f->clocks[0] + ")";
    name = f->clocks[0];
    (f->negedgeFlops ? anyNegedge : anyPosedge) = true;
  }
  if (anyNegedge && anyPosedge) return "one design is clocked on the rising edge, the other on the falling edge";
  if (clock) *clock = name;
  return "";
}

std::string proveScript(const ProveSetup& p) {
  std::ostringstream s;
  s << "# rtlarena equivalence: SAT proof on the miter (x-aware)\n"
    << "read_rtlil " << kMiterRtlil << "\n"
    << "async2sync\n"
    << "dffunmap\n"
    << "sat -prove trigger 0 -set-def-inputs -enable_undef -show-inputs -show-outputs";
  if (!p.clock.empty()) s << " -set in_" << p.clock << " 0";
  if (p.sequential) {
    // -seq 1: outputs are compared from the cycle after reset on; the initial state is undefined,
    // as in simulation, so an x the reference starts with stays a don't-care.
    s << " -tempinduct -seq 1 -maxsteps " << p.bound << " -set-init-undef";
    if (!p.reset.empty()) s << " -set-at 1 in_" << p.reset << " " << (p.resetActiveLow ? 0 : 1);
  }
  s << " -timeout " << p.solverTimeoutSeconds << " " << kMiterModule << "\n";
  return s.str();
}

std::vector<MiterPort> rtlilPorts(const std::string& rtlil) {
  static const std::regex wire(R"(^\s*wire\s+(?:width\s+(\d+)\s+)?(input|output)\s+\d+\s+\\(\S+)\s*$)");
  std::vector<MiterPort> ports;
  std::istringstream in(rtlil);
  std::string line;
  while (std::getline(in, line)) {
    std::smatch m;
    if (!std::regex_match(line, m, wire)) continue;
    ports.push_back({m[3].str(), m[1].matched ? std::stoi(m[1].str()) : 1, m[2].str() == "input"});
  }
  return ports;
}

std::string resetWrapper(const std::vector<MiterPort>& ports, const std::string& reset, bool activeLow) {
  std::ostringstream s;
  // `first` is clocked by an input of its own: ABC steps every register once per frame, and a
  // register on a constant clock would be optimised into a constant.
  s << "module rtlarena_equiv_top(input rtlarena_tick";
  bool firstPort = false;
  for (const auto& p : ports)
    if (p.input) {
      s << (firstPort ? "" : ", ") << "input [" << p.width - 1 << ":0] " << p.name;
      firstPort = false;
    }
  s << (firstPort ? "" : ", ") << "output bad);\n"
    << "  reg first = 1'b1;\n"
    << "  always @(posedge rtlarena_tick) first <= 1'b0;\n"
    << "  wire trigger;\n"
    << "  " << kMiterModule << " m(";
  bool firstConn = true;
  for (const auto& p : ports) {
    if (!p.input && p.name != "trigger") continue;
    s << (firstConn ? "" : ", ") << "." << p.name << "(";
    if (p.input && !reset.empty() && p.name == "in_" + reset) s << "first ? 1'b" << (activeLow ? 0 : 1) << " : " << p.name;
    else s << p.name;
    s << ")";
    firstConn = false;
  }
  s << ");\n"
    << "  assign bad = trigger & ~first;\n"
    << "endmodule\n";
  return s.str();
}

std::string sequentialAigScript() {
  std::ostringstream s;
  s << "# rtlarena equivalence: two-valued sequential miter for ABC\n"
    << "read_rtlil " << kMiter2Rtlil << "\n"
    << "read_verilog " << kWrapperFile << "\n"
    << "hierarchy -top rtlarena_equiv_top\n"
    << "proc\n"
    << "flatten\n"
    << "async2sync\n"
    << "dffunmap\n"
    << "techmap\n"
    << "opt -fast\n"
    << "dffunmap\n"
    << "aigmap\n"
    << "setundef -undriven -anyseq\n"
    << "setundef -anyseq\n"
    << "write_aiger -zinit " << kSeqAiger << "\n";
  return s.str();
}

std::string abcPdrCommand(int seconds) {
  return std::string("read_aiger ") + kSeqAiger + "; strash; pdr -T " + std::to_string(std::max(1, seconds));
}

bool abcPdrProved(const std::string& out) { return contains(out, "Property proved"); }

std::string abcCecCommand() { return std::string("read_aiger ") + kMiterAiger + "; &get; &cec -m"; }

bool abcProvedEquivalent(const std::string& out) {
  return contains(out, "Networks are equivalent") && !contains(out, "NOT EQUIVALENT");
}

std::string firstYosysError(const std::string& log) {
  for (std::string_view line : splitLines(log)) {
    auto pos = line.find("ERROR:");
    if (pos != std::string_view::npos) return std::string(trim(line.substr(pos)));
  }
  return "";
}

namespace {

// Reads the model table that follows the last "FAIL!" line.
Counterexample readModelTable(const std::string& log, std::size_t from, const std::string& clock) {
  static const std::regex row(R"(^\s*(init|\d+)?\s+\\(\S+)\s+\S+\s+\S+\s+([01xX]+)\s*$)");
  Counterexample cex;
  std::map<int, std::map<std::string, std::string>> inputs, gold, gate;
  int last = 1;
  std::istringstream in(log.substr(from));
  std::string line;
  while (std::getline(in, line)) {
    std::smatch m;
    if (!std::regex_match(line, m, row)) continue;
    if (m[1].str() == "init") continue;
    const int step = m[1].matched ? std::stoi(m[1].str()) : 1;
    const std::string name = m[2].str(), value = m[3].str();
    last = std::max(last, step);
    if (startsWith(name, "in_")) {
      if (name.substr(3) != clock) inputs[step][name.substr(3)] = value;
    } else if (startsWith(name, "gold_")) {
      gold[step][name.substr(5)] = value;
    } else if (startsWith(name, "gate_")) {
      gate[step][name.substr(5)] = value;
    }
  }
  for (int step = 1; step <= last; ++step) cex.inputs.push_back(inputs[step]);
  cex.cycle = last - 1;
  for (const auto& [port, ref] : gold[last]) {
    const std::string& cand = gate[last][port];
    bool differs = false;
    for (std::size_t i = 0; i < ref.size() && i < cand.size(); ++i)
      if (ref[i] != 'x' && ref[i] != 'X' && ref[i] != cand[i]) differs = true;
    if (differs) cex.outputs.push_back({port, ref, cand});
  }
  return cex;
}

}  // namespace

SatReport parseSatLog(const std::string& log, const std::string& clock) {
  static const std::regex lengthRe(R"(Trying induction with length (\d+))");
  SatReport r;
  for (auto it = std::sregex_iterator(log.begin(), log.end(), lengthRe); it != std::sregex_iterator(); ++it)
    r.inductionLength = std::stoi((*it)[1].str());
  r.errorLine = firstYosysError(log);
  // Order matters: "Reached maximum number of time steps -> proved base case ...: SUCCESS!" is
  // printed by base-case-only runs and is not a proof, so only these two lines count as one.
  if (contains(log, "Induction step proven: SUCCESS!") || contains(log, "SAT proof finished - no model found: SUCCESS!")) {
    r.outcome = SatOutcome::Proved;
  } else if (auto fail = log.rfind("FAIL!"); fail != std::string::npos && !contains(log, "Reached maximum number")) {
    r.outcome = SatOutcome::Failed;
    r.counterexample = readModelTable(log, fail, clock);
  } else if (contains(log, "TIMEOUT") || contains(log, "timed out")) {
    r.outcome = SatOutcome::Timeout;
  } else if (contains(log, "Reached maximum number of time steps")) {
    r.outcome = SatOutcome::BoundReached;
  } else if (!r.errorLine.empty()) {
    r.outcome = SatOutcome::Error;
  }
  return r;
}

}  // namespace rtlarena::equiv
