// Calibration, in order: (1) run the suite under the tolerances core.json declares; (2) while
// probes diverge, try every single tolerance change that could explain them (the static
// alternatives of each key, plus changes read off the divergences themselves: a CSR to add
// or drop, a constant CSR's value, an rd report to ignore), first on the diverging probes
// only, then on the whole suite, and keep the one that leaves the fewest probes diverging;
// (3) minimize what no change explains. A change is kept only when the suite diverges less
// as a whole, so a tolerance that hides one difference by creating another is never proposed.
#include "rtlarena/fuzz/calibrate.h"

#include <algorithm>
#include <functional>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>

#include "rtlarena/core/files.h"
#include "rtlarena/fuzz/decode.h"
#include "rtlarena/fuzz/minimize.h"
#include "rtlarena/fuzz/runner.h"

namespace rtlarena::fuzz {

namespace {

using nlohmann::ordered_json;

struct Outcome {
  bool diverged = false;
  Divergence divergence;
};

// One candidate change of the tolerances.
struct Knob {
  std::string key;
  std::string change;
  std::function<void(CoreConfig&)> apply;
};

RunnerOptions probeRunnerOptions() {
  RunnerOptions o;
  o.selfCheckExit = true;
  o.rtlCoverage = false;
  o.modelCoverage = false;
  o.maxRetire = 2000;
  o.maxCycles = 200000;
  return o;
}

class Evaluator {
 public:
  Evaluator(Dut& dut, const std::vector<CalibrationProbe>& probes) : dut_(dut), probes_(probes) {}

  /// Outcomes of the probes `which` (all when empty); nothing when the config has no layout.
  std::optional<std::vector<Outcome>> run(const CoreConfig& cfg, const std::vector<size_t>& which = {}) {
    auto layout = layoutFor(cfg);
    if (!layout) return std::nullopt;
    Runner runner(dut_, cfg, *layout, probeRunnerOptions());
    std::vector<Outcome> out;
    auto one = [&](size_t i) {
      TestResult r = runner.run(probes_[i].program);
      Outcome o;
      if (r.divergence) o.diverged = true, o.divergence = *r.divergence;
      out.push_back(std::move(o));
    };
    if (which.empty())
      for (size_t i = 0; i < probes_.size(); ++i) one(i);
    else
      for (size_t i : which) one(i);
    return out;
  }

 private:
  Dut& dut_;
  const std::vector<CalibrationProbe>& probes_;
};

std::string csrName(uint16_t a) {
  static const std::map<uint16_t, std::string> names = {
      {csr::kMstatus, "mstatus"}, {csr::kMisa, "misa"},   {csr::kMie, "mie"},          {csr::kMtvec, "mtvec"},
      {csr::kMscratch, "mscratch"}, {csr::kMepc, "mepc"}, {csr::kMcause, "mcause"},    {csr::kMtval, "mtval"},
      {csr::kMip, "mip"},         {csr::kMcycle, "mcycle"}, {csr::kMinstret, "minstret"}, {csr::kMcycleh, "mcycleh"},
      {csr::kMinstreth, "minstreth"}, {csr::kCycle, "cycle"}, {csr::kTime, "time"},    {csr::kInstret, "instret"},
      {csr::kCycleh, "cycleh"},   {csr::kTimeh, "timeh"}, {csr::kInstreth, "instreth"}, {csr::kMvendorid, "mvendorid"},
      {csr::kMarchid, "marchid"}, {csr::kMimpid, "mimpid"}, {csr::kMhartid, "mhartid"}};
  auto it = names.find(a);
  if (it != names.end()) return it->second;
  char buf[16];
  std::snprintf(buf, sizeof buf, "0x%03x", a);
  return buf;
}

// CSRs whose value the model computes; any other implemented CSR reads its csr_values entry.
bool modelledCsr(uint16_t a) {
  switch (a) {
    case csr::kMstatus: case csr::kMie: case csr::kMip: case csr::kMtvec: case csr::kMscratch:
    case csr::kMepc: case csr::kMcause: case csr::kMtval: case csr::kMinstret: case csr::kMinstreth:
    case csr::kInstret: case csr::kInstreth: case csr::kMcycle: case csr::kMcycleh: case csr::kCycle:
    case csr::kCycleh: case csr::kTime: case csr::kTimeh:
      return true;
    default: return false;
  }
}

bool isCsrOp(Op op) { return op >= Op::Csrrw && op <= Op::Csrrci; }

// Changes that end a test early (halting at the first trap, giving up on a fetch of stored
// code) make any later difference disappear, so they are offered only on evidence of what
// they describe: a core that stops retiring after a trap, a difference in a self-modifying
// probe.
struct Gates {
  bool haltSeen = false, smcSeen = false;
};

std::vector<Knob> staticKnobs(const CoreConfig& c, const Gates& g) {
  std::vector<Knob> k;
  const IsaOptions& i = c.isa;
  auto flip = [&](const char* key, bool now, const char* yes, const char* no, std::function<void(CoreConfig&, bool)> set) {
    const bool next = !now;
    k.push_back({key, std::string(key) + ": " + (now ? yes : no) + " -> " + (next ? yes : no),
                 [set, next](CoreConfig& cc) { set(cc, next); }});
  };
  flip("misaligned_access", i.misaligned == MisalignedPolicy::Support, "support", "trap",
       [](CoreConfig& cc, bool v) { cc.isa.misaligned = v ? MisalignedPolicy::Support : MisalignedPolicy::Trap; });
  if (i.traps == TrapPolicy::Halt || g.haltSeen)
    flip("traps", i.traps == TrapPolicy::Halt, "halt", "vector",
         [](CoreConfig& cc, bool v) { cc.isa.traps = v ? TrapPolicy::Halt : TrapPolicy::Vector; });
  flip("fence", i.fenceIllegal, "illegal", "nop", [](CoreConfig& cc, bool v) { cc.isa.fenceIllegal = v; });
  flip("fence_i", i.fenceI == FenceIPolicy::Illegal, "illegal", "nop",
       [](CoreConfig& cc, bool v) { cc.isa.fenceI = v ? FenceIPolicy::Illegal : FenceIPolicy::Nop; });
  flip("wfi", i.wfi == WfiPolicy::Illegal, "illegal", "nop",
       [](CoreConfig& cc, bool v) { cc.isa.wfi = v ? WfiPolicy::Illegal : WfiPolicy::Nop; });
  flip("csr_access", i.csrReadsOnlyCsrrsX0, "csrrs_x0_only", "all",
       [](CoreConfig& cc, bool v) { cc.isa.csrReadsOnlyCsrrsX0 = v; });
  flip("minstret_counts_traps", i.minstretCountsTraps, "true", "false",
       [](CoreConfig& cc, bool v) { cc.isa.minstretCountsTraps = v; });
  flip("minstret", i.minstretUnpredictable, "unpredictable", "counted",
       [](CoreConfig& cc, bool v) { cc.isa.minstretUnpredictable = v; });
  flip("ecall_ebreak", i.ecallEbreakJump, "jump", "trap", [](CoreConfig& cc, bool v) { cc.isa.ecallEbreakJump = v; });
  flip("regs_reset", !c.regsReset, "none", "0", [](CoreConfig& cc, bool v) { cc.regsReset = !v; });
  if (!c.coherentSelfModifying || g.smcSeen)
    flip("self_modifying_code", !c.coherentSelfModifying, "incoherent", "coherent", [](CoreConfig& cc, bool v) {
    cc.coherentSelfModifying = !v;
    cc.isa.coherentFetch = !v;
  });
  flip("mtval", !i.mtvalIllegalInsn, "illegal: zero", "illegal: instruction word",
       [](CoreConfig& cc, bool v) { cc.isa.mtvalIllegalInsn = !v; });
  flip("mtval", !i.mtvalEbreakPc, "ebreak: zero", "ebreak: pc", [](CoreConfig& cc, bool v) { cc.isa.mtvalEbreakPc = !v; });
  flip("mtval", !i.mtvalMisalignedAddr, "misaligned: zero", "misaligned: address",
       [](CoreConfig& cc, bool v) { cc.isa.mtvalMisalignedAddr = !v; });
  for (uint32_t off : {0u, 1u})
    if (off != i.instretReadOffset)
      k.push_back({"instret_read_offset", "instret_read_offset: " + std::to_string(i.instretReadOffset) + " -> " + std::to_string(off),
                   [off](CoreConfig& cc) { cc.isa.instretReadOffset = off; }});
  return k;
}

// Changes read off the divergences: the CSR an instruction touched, its constant value, an
// rd report of an instruction that writes no register.
std::vector<Knob> evidenceKnobs(const CoreConfig& c, const std::vector<Outcome>& failing) {
  std::vector<Knob> k;
  std::set<std::string> seen;
  auto push = [&](Knob kn) {
    if (seen.insert(kn.change).second) k.push_back(std::move(kn));
  };
  for (const Outcome& o : failing) {
    const Divergence& d = o.divergence;
    const Decoded x = decode(d.expected.insn);
    if (isCsrOp(x.op)) {
      const uint16_t a = x.csr;
      const bool has = c.isa.csrs.count(a) > 0;
      push({"csrs", std::string("csrs: ") + (has ? "-" : "+") + csrName(a), [a, has](CoreConfig& cc) {
              if (has) cc.isa.csrs.erase(a);
              else cc.isa.csrs.insert(a);
            }});
      // a CSR the core reads but the model does not have: perhaps read-only (writes trap)
      if (!has && d.field == "trap" && !d.actual.trap)
        push({"read_only_csrs", std::string("read_only_csrs: +") + csrName(a), [a](CoreConfig& cc) {
                cc.isa.csrs.insert(a);
                cc.isa.readOnlyCsrs.insert(a);
              }});
      if (d.field == "rd" && !modelledCsr(a) && d.actual.rd_addr == d.expected.rd_addr) {
        const uint32_t v = d.actual.rd_wdata;
        char buf[64];
        std::snprintf(buf, sizeof buf, "csr_values: %s = 0x%08x", csrName(a).c_str(), v);
        push({"csr_values", buf, [a, v](CoreConfig& cc) { cc.isa.csrValues[a] = v; }});
      }
    }
    if (d.field == "rd" && d.expected.rd_addr == 0 && d.actual.rd_addr != 0 && !writesRd(x.op) && x.op != Op::Illegal) {
      const Op op = x.op;
      push({"rd_report_ignored", "rd_report_ignored: +" + std::string(opName(op)),
            [op](CoreConfig& cc) { cc.isa.rdReportIgnored.insert(op); }});
    }
  }
  return k;
}

CalibrationEvidence evidenceOf(const std::string& probe, const Divergence& d) {
  return {probe, disassemble(d.expected.insn, d.expected.pc_rdata), describeRetirement(d.expected),
          describeRetirement(d.actual), d.message};
}

size_t countDiverged(const std::vector<Outcome>& v) {
  return static_cast<size_t>(std::count_if(v.begin(), v.end(), [](const Outcome& o) { return o.diverged; }));
}

// The value a key takes in core.json for a config.
ordered_json toleranceValue(const CoreConfig& c, const std::string& key) {
  const IsaOptions& i = c.isa;
  if (key == "misaligned_access") return i.misaligned == MisalignedPolicy::Trap ? "trap" : "support";
  if (key == "traps") return i.traps == TrapPolicy::Vector ? "vector" : "halt";
  if (key == "fence") return i.fenceIllegal ? "illegal" : "nop";
  if (key == "fence_i") return i.fenceI == FenceIPolicy::Illegal ? "illegal" : "nop";
  if (key == "wfi") return i.wfi == WfiPolicy::Illegal ? "illegal" : "nop";
  if (key == "csr_access") return i.csrReadsOnlyCsrrsX0 ? "csrrs_x0_only" : "all";
  if (key == "minstret_counts_traps") return i.minstretCountsTraps;
  if (key == "instret_read_offset") return i.instretReadOffset;
  if (key == "minstret") return i.minstretUnpredictable ? "unpredictable" : "counted";
  if (key == "ecall_ebreak") return i.ecallEbreakJump ? "jump" : "trap";
  if (key == "regs_reset") return c.regsReset ? ordered_json(0) : ordered_json("none");
  if (key == "self_modifying_code") return c.coherentSelfModifying ? "coherent" : "incoherent";
  if (key == "mtval")
    return ordered_json{{"illegal", i.mtvalIllegalInsn ? "insn" : "zero"},
                        {"ebreak", i.mtvalEbreakPc ? "pc" : "zero"},
                        {"misaligned", i.mtvalMisalignedAddr ? "addr" : "zero"}};
  if (key == "csrs") {
    ordered_json a = ordered_json::array();
    for (uint16_t x : i.csrs) {
      const std::string n = csrName(x);
      if (n.rfind("0x", 0) == 0) a.push_back(x);
      else a.push_back(n);
    }
    return a;
  }
  if (key == "csr_values") {
    ordered_json o = ordered_json::object();
    for (const auto& [a, v] : i.csrValues) {
      char buf[16];
      std::snprintf(buf, sizeof buf, "0x%08x", v);
      o[csrName(a)] = buf;
    }
    return o;
  }
  if (key == "read_only_csrs") {
    ordered_json a = ordered_json::array();
    for (uint16_t x : i.readOnlyCsrs) {
      const std::string n = csrName(x);
      if (n.rfind("0x", 0) == 0) a.push_back(x);
      else a.push_back(n);
    }
    return a;
  }
  if (key == "rd_report_ignored") {
    ordered_json a = ordered_json::array();
    for (Op op : i.rdReportIgnored) a.push_back(std::string(opName(op)));
    return a;
  }
  return nullptr;
}

ordered_json declaredTolerances(const CoreConfig& c) {
  auto text = readFile(c.file);
  if (!text) return ordered_json::object();
  try {
    ordered_json j = ordered_json::parse(*text);
    if (j.contains("tolerances") && j["tolerances"].is_object()) return j["tolerances"];
  } catch (...) {
  }
  return ordered_json::object();
}

}  // namespace

CalibrationResult calibrate(Dut& dut, const CoreConfig& core, const CalibrationOptions& opt) {
  CalibrationResult res;
  res.core = core.name;
  const std::vector<CalibrationProbe> probes = calibrationSuite();
  res.probes = probes.size();
  Evaluator eval(dut, probes);
  CoreConfig cur = core;
  auto outcomes = eval.run(cur);
  if (!outcomes) {
    res.calibrated = cur;
    return res;  // layoutFor already failed when the session opened; nothing to run
  }
  res.differencesDeclared = countDiverged(*outcomes);
  if (opt.log)
    opt.log(std::to_string(probes.size()) + " probes, " + std::to_string(res.differencesDeclared) +
            " differ under the declared tolerances");

  std::set<std::string> keysChanged;
  for (int round = 0; round < 40; ++round) {
    std::vector<size_t> failing;
    std::vector<Outcome> failingOutcomes;
    for (size_t i = 0; i < outcomes->size(); ++i)
      if ((*outcomes)[i].diverged) failing.push_back(i), failingOutcomes.push_back((*outcomes)[i]);
    if (failing.empty()) break;
    Gates gates;
    for (size_t n = 0; n < failing.size(); ++n) {
      const Divergence& d = failingOutcomes[n].divergence;
      gates.haltSeen = gates.haltSeen || d.field == "hang" || d.field == "halt" || d.actual.halt;
      gates.smcSeen = gates.smcSeen || probes[failing[n]].category == "smc";
    }
    std::vector<Knob> knobs = staticKnobs(cur, gates);
    for (Knob& k : evidenceKnobs(cur, failingOutcomes)) knobs.push_back(std::move(k));
    // rank by how many diverging probes each change fixes on its own
    std::vector<std::pair<size_t, size_t>> ranked;  // (fixed, knob index)
    for (size_t ki = 0; ki < knobs.size(); ++ki) {
      CoreConfig c = cur;
      knobs[ki].apply(c);
      auto part = eval.run(c, failing);
      if (!part) continue;
      const size_t fixed = failing.size() - countDiverged(*part);
      if (fixed) ranked.push_back({fixed, ki});
    }
    // the change that leaves the fewest probes diverging on the whole suite (first wins ties)
    size_t bestLeft = failing.size(), best = knobs.size();
    std::optional<std::vector<Outcome>> bestAll;
    for (const auto& [fixed, ki] : ranked) {
      CoreConfig c = cur;
      knobs[ki].apply(c);
      auto all = eval.run(c);
      if (!all) continue;
      if (const size_t left = countDiverged(*all); left < bestLeft) bestLeft = left, best = ki, bestAll = std::move(all);
    }
    bool accepted = false;
    if (best < knobs.size()) {
      const size_t ki = best;
      CoreConfig c = cur;
      knobs[ki].apply(c);
      auto& all = bestAll;
      ProposedTolerance p;
      p.key = knobs[ki].key;
      p.change = knobs[ki].change;
      for (size_t i : failing)
        if (!(*all)[i].diverged) {
          ++p.explains;
          if (p.evidence.size() < 4) p.evidence.push_back(evidenceOf(probes[i].name, (*outcomes)[i].divergence));
        }
      if (opt.log) opt.log("proposed " + p.change + " (explains " + std::to_string(p.explains) + " probes)");
      res.proposed.push_back(std::move(p));
      keysChanged.insert(knobs[ki].key);
      cur = std::move(c);
      outcomes = std::move(all);
      accepted = true;
    }
    if (!accepted) break;
  }

  // what no change explains: one suspected bug per signature, minimized
  std::map<std::string, size_t> bySignature;
  auto layout = layoutFor(cur);
  std::optional<Runner> runner;
  if (layout) runner.emplace(dut, cur, *layout, probeRunnerOptions());
  for (size_t i = 0; i < outcomes->size(); ++i) {
    if (!(*outcomes)[i].diverged) continue;
    const Divergence& d = (*outcomes)[i].divergence;
    const std::string sig = d.signature();
    auto it = bySignature.find(sig);
    if (it != bySignature.end()) {
      res.suspected[it->second].probes.push_back(probes[i].name);
      continue;
    }
    SuspectedBug b;
    b.signature = sig;
    b.probes = {probes[i].name};
    b.program = probes[i].program;
    b.divergence = d;
    if (runner) {
      MinimizeOptions mo;
      mo.seconds = opt.minimizeSeconds;
      MinimizeResult mr = minimize(*runner, probes[i].program, sig, mo);
      if (mr.reproduced) b.program = mr.program, b.divergence = mr.divergence;
    }
    b.evidence = evidenceOf(probes[i].name, b.divergence);
    if (opt.log) opt.log("suspected bug " + sig + " (" + probes[i].name + "): " + b.divergence.message);
    bySignature[sig] = res.suspected.size();
    res.suspected.push_back(std::move(b));
  }

  ordered_json tol = declaredTolerances(core);
  for (const auto& key : keysChanged) tol[key] = toleranceValue(cur, key);
  res.toleranceSectionJson = tol.dump(2);
  res.calibrated = std::move(cur);
  return res;
}

}  // namespace rtlarena::fuzz
