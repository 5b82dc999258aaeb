// The differential bench generated from a plan (see differential.h). Timing, with a clock of
// period 10 (rising at 5, 15, ...): inputs change 2 units after a rising edge, away from both
// edges; outputs are compared 1 unit before the next rising edge (new inputs, old state: catches
// a registered output written combinationally and the reverse) and 1 unit after it (new state,
// old inputs: what a conventional testbench samples). Stimulus is xorshift64 in the bench
// itself, so Icarus and Verilator see the same values; one draw in eight is a corner value
// (0, all ones, 1, held). A reference output bit that is x is a don't-care; a candidate x where
// the reference is defined is a difference.
#include <algorithm>
#include <cctype>
#include <cstdio>

#include "rtlarena/core/hash.h"
#include "rtlarena/eval/differential.h"
#include "rtlarena/eval/isolation.h"
#include "rtlarena/tasks/verilog_scan.h"

namespace rtlarena {

namespace {

constexpr const char* kBenchTop = "rtlarena_diff_tb";

std::uint64_t splitmix(std::uint64_t x) {
  x += 0x9E3779B97F4A7C15ull;
  x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ull;
  x = (x ^ (x >> 27)) * 0x94D049BB133111EBull;
  return x ^ (x >> 31);
}

std::string hex64(std::uint64_t v) {
  char buf[24];
  std::snprintf(buf, sizeof buf, "64'h%016llx", static_cast<unsigned long long>(v));
  return buf;
}

std::string lower(std::string s) {
  for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

bool endsWith(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// The clock: the one 1-bit input named like a clock, or among several the one with a
// conventional name (the formal checker's rule, top_ports.h); "" when none or ambiguous.
std::string clockOf(const std::vector<PortDecl>& ports) {
  std::vector<std::string> named, exact;
  for (const auto& p : ports) {
    const std::string n = lower(p.name);
    if (!p.input || p.width != 1 || (n.find("clk") == std::string::npos && n.find("clock") == std::string::npos)) continue;
    named.push_back(p.name);
    if (n == "clk" || n == "clock" || n == "clk_i" || n == "i_clk" || n == "aclk" || n == "clk_in") exact.push_back(p.name);
  }
  if (named.size() == 1) return named[0];
  return exact.size() == 1 ? exact[0] : "";
}

// Active low by name: `rst_n`, `resetn`, `rst_b`, `nrst`, `rst_ni`, ...
bool activeLowByName(const std::string& name) {
  std::string n = lower(name);
  if (endsWith(n, "_ni") || endsWith(n, "_nb")) return true;
  for (const char* suffix : {"_in", "_i"})
    if (endsWith(n, suffix)) n.resize(n.size() - std::string(suffix).size());
  if (n.empty()) return false;
  if (endsWith(n, "_b") || endsWith(n, "_l") || n.back() == 'n') return true;
  return n[0] == 'n' && (n.find("rst") == 1 || n.find("reset") == 1 || n.find("_rst") == 1 || n.find("_reset") == 1);
}

std::string range(int width) { return width == 1 ? "" : "[" + std::to_string(width - 1) + ":0] "; }

// Verilog statements drawing `width` fresh bits into `target` from sequence `seq`'s generator.
std::string drawInto(const std::string& target, int width, int seq) {
  const std::string rng = "rng" + std::to_string(seq);
  std::string out;
  for (int lo = 0; lo < width; lo += 64) {
    const int bits = std::min(64, width - lo);
    out += "      " + rng + " = rtlarena_step(" + rng + "); draw = " + rng + " * 64'h2545f4914f6cdd1d; ";
    std::string lhs = target;
    if (width > 64) lhs += "[" + std::to_string(lo + bits - 1) + ":" + std::to_string(lo) + "]";
    // One draw in eight is a corner instead (0, all ones, 1, or the value held): uniform values
    // almost never make an operand zero, all ones or equal to the last one.
    out += "if (draw[2:0] != 3'd0) " + lhs + " = draw[63:" + std::to_string(64 - bits) + "]; else if (draw[4:3] == 2'd0) " +
           lhs + " = 0; else if (draw[4:3] == 2'd1) " + lhs + " = {" + std::to_string(bits) +
           "{1'b1}}; else if (draw[4:3] == 2'd2) " + lhs + " = 1;\n";
  }
  return out;
}

}  // namespace

std::string_view resetPatternName(ResetPattern p) {
  switch (p) {
    case ResetPattern::AtStart: return "at start";
    case ResetPattern::AtStartAndMid: return "at start and mid-sequence";
    case ResetPattern::Never: return "never";
  }
  return "never";
}

ResetPattern DifferentialPlan::pattern(int sequence, std::size_t reset) const {
  int v = sequence;
  for (std::size_t r = 0; r < reset; ++r) v /= 3;
  return static_cast<ResetPattern>(v % 3);
}

Result<DifferentialPlan> planDifferential(const Task& task, const DifferentialSettings& settings) {
  if (settings.sequences < 1 || settings.cycles < 1)
    return makeError(ErrorCode::BadArgument, "the differential judge needs at least 1 sequence of 1 cycle");
  DifferentialPlan plan;
  plan.settings = settings;
  std::string reference = task.reference;
  plan.refTop = task.refTop;
  if (reference.empty()) {
    reference = task.goldenCandidate;
    plan.refTop = task.top;
  }
  if (reference.empty()) return makeError(ErrorCode::BadTask, "task '" + task.id + "' has no reference to compare with");
  auto ports = modulePorts(reference, plan.refTop);
  if (!ports) return makeError(ports.error().code, "task '" + task.id + "': " + ports.error().message);
  plan.ports = std::move(*ports);
  plan.candTop = task.top;

  plan.clock = clockOf(plan.ports);
  for (const auto& p : plan.ports) {
    const std::string n = lower(p.name);
    if (!p.input || p.width != 1 || p.name == plan.clock) continue;
    if (n.find("rst") != std::string::npos || n.find("reset") != std::string::npos)
      plan.resets.push_back({p.name, activeLowByName(p.name)});
  }
  const std::string digest = sha256Hex(task.id + "\n" + reference);
  plan.seed = std::stoull(digest.substr(0, 16), nullptr, 16) | 1;
  return plan;
}

std::string differentialBench(const DifferentialPlan& plan) {
  const int n = plan.settings.sequences, m = plan.settings.cycles;
  auto isReset = [&](const std::string& name) {
    return std::any_of(plan.resets.begin(), plan.resets.end(), [&](const auto& r) { return r.name == name; });
  };
  std::string v;
  v += "// Differential bench generated by rtlarena: " + std::to_string(n) + " sequences of " + std::to_string(m) +
       " cycles, seed " + hex64(plan.seed) + ".\n";
  v += "module " + std::string(kBenchTop) + ";\n";
  v += "  function [63:0] rtlarena_step;\n    input [63:0] s;\n    reg [63:0] x;\n    begin\n"
       "      x = s ^ (s << 13);\n      x = x ^ (x >> 7);\n      rtlarena_step = x ^ (x << 17);\n    end\n"
       "  endfunction\n";
  if (!plan.clock.empty()) v += "  reg clk = 1'b0;\n  always #5 clk = ~clk;\n";
  v += "  integer cycle;\n  integer failed;\n  reg [63:0] draw;\n";

  // Declarations and the two instances of each sequence.
  for (int s = 0; s < n; ++s) {
    const std::string id = std::to_string(s);
    v += "  // sequence " + id;
    for (std::size_t r = 0; r < plan.resets.size(); ++r)
      v += std::string(r ? ", " : ": ") + plan.resets[r].name + " " + std::string(resetPatternName(plan.pattern(s, r)));
    v += "\n  reg [63:0] rng" + id + " = " + hex64(splitmix(plan.seed + static_cast<std::uint64_t>(s)) | 1) + ";\n";
    v += "  reg bad" + id + " = 1'b0;\n";
    std::string refConn, dutConn;
    for (const auto& p : plan.ports) {
      std::string sig;
      if (p.input && p.name == plan.clock) {
        sig = "clk";
      } else if (p.input) {
        sig = "i" + id + "_" + p.name;
        std::string init = "0";
        for (std::size_t r = 0; r < plan.resets.size(); ++r)
          if (plan.resets[r].name == p.name) {
            const bool asserted = plan.pattern(s, r) != ResetPattern::Never;
            init = asserted != plan.resets[r].activeLow ? "1'b1" : "1'b0";
          }
        v += "  reg " + range(p.width) + sig + " = " + init + ";\n";
      } else {
        v += "  wire " + range(p.width) + "r" + id + "_" + p.name + ", d" + id + "_" + p.name + ";\n";
      }
      const std::string refSig = p.input ? sig : "r" + id + "_" + p.name;
      const std::string dutSig = p.input ? sig : "d" + id + "_" + p.name;
      refConn += std::string(refConn.empty() ? "" : ", ") + "." + p.name + "(" + refSig + ")";
      dutConn += std::string(dutConn.empty() ? "" : ", ") + "." + p.name + "(" + dutSig + ")";
    }
    v += "  " + plan.refTop + " ref" + id + " (" + refConn + ");\n";
    v += "  " + plan.candTop + " dut" + id + " (" + dutConn + ");\n";
  }

  auto compare = [&](const char* when) {
    std::string c;
    for (int s = 0; s < n; ++s) {
      const std::string id = std::to_string(s);
      for (const auto& p : plan.ports) {
        if (p.input) continue;
        const std::string r = "r" + id + "_" + p.name, d = "d" + id + "_" + p.name;
        c += "      if (!bad" + id + " && " + r + " !== (" + r + " ^ " + d + " ^ " + r + ")) begin bad" + id +
             " = 1'b1; $display(\"sequence " + id + " cycle %0d " + when + ": " + p.name +
             " reference %h candidate %h\", cycle, " + r + ", " + d + "); end\n";
      }
    }
    return c;
  };

  v += "  initial begin\n    failed = 0;\n    #7;\n";
  v += "    for (cycle = 0; cycle < " + std::to_string(m) + "; cycle = cycle + 1) begin\n";
  const int mid = m / 2;
  for (int s = 0; s < n; ++s) {
    const std::string id = std::to_string(s);
    for (const auto& p : plan.ports) {
      if (!p.input || p.name == plan.clock) continue;
      if (!isReset(p.name)) {
        v += drawInto("i" + id + "_" + p.name, p.width, s);
        continue;
      }
      for (std::size_t r = 0; r < plan.resets.size(); ++r) {
        if (plan.resets[r].name != p.name) continue;
        const ResetPattern pat = plan.pattern(s, r);
        std::string when = "1'b0";
        if (pat == ResetPattern::AtStart) when = "(cycle < 2)";
        if (pat == ResetPattern::AtStartAndMid)
          when = "(cycle < 2 || (cycle >= " + std::to_string(mid) + " && cycle < " + std::to_string(mid + 2) + "))";
        v += "      i" + id + "_" + p.name + " = " + (plan.resets[r].activeLow ? "!" : "") + when + ";\n";
      }
    }
  }
  v += "      #7;\n" + compare("before the edge") + "      #2;\n" + compare("after the edge") + "      #1;\n";
  v += "    end\n";
  for (int s = 0; s < n; ++s) v += "    failed = failed + bad" + std::to_string(s) + ";\n";
  v += "    $display(\"Mismatches: %0d in %0d samples\", failed, " + std::to_string(n) + ");\n";
  v += "    $finish;\n  end\nendmodule\n";
  return v;
}

void explainDifferential(Evaluation& e) {
  if (e.verdict != Verdict::Mismatch || e.samples <= 0) return;
  e.message = std::to_string(e.mismatches) + " of " + std::to_string(e.samples) + " sequences differ";
  const auto at = e.logTail.find("sequence ");
  if (at != std::string::npos) e.message += "; first: " + e.logTail.substr(at, e.logTail.find('\n', at) - at);
}

Result<Task> differentialTask(const Task& task, const DifferentialSettings& settings) {
  Task t = task;
  if (t.reference.empty() && !t.goldenCandidate.empty()) {
    // The golden candidate is written as the model writes (module `top`): under its own names.
    std::vector<std::string> names;
    for (const auto& u : declaredDesignUnits(t.goldenCandidate))
      names.push_back(u.name[0] == '\\' ? u.name.substr(1) : u.name);
    t.reference = renameUnits(t.goldenCandidate, names, "__rtlarena_golden");
    t.refTop = t.top + "__rtlarena_golden";
  }
  auto plan = planDifferential(t, settings);
  if (!plan) return plan.error();
  t.testbench = differentialBench(*plan);
  t.tbTop = kBenchTop;
  t.compileReference = true;
  t.resultRule = ResultRule::MismatchLine;
  t.compatFamily = CompatFamily::None;
  return t;
}

}  // namespace rtlarena
