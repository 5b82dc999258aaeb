// The judge's stage order: build the miters (one Yosys run), check that the designs fit the
// single-clock model, then for a combinational miter try ABC on the two-valued AIG (fast, and a
// proof there is a proof under the stricter model), then the x-aware SAT proof, which alone
// gives counterexamples and sequential proofs. Every stage spends from one wall-time budget.
#include "rtlarena/equiv/judge.h"

#include <algorithm>
#include <cctype>
#include <chrono>
#include <filesystem>

#include "rtlarena/core/files.h"
#include "rtlarena/core/process.h"
#include "rtlarena/core/text.h"
#include "rtlarena/equiv/scripts.h"

namespace rtlarena::equiv {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

// "cycle 3: q ref 0101 cand 0111" from a counterexample.
std::string describeCounterexample(const equiv::Counterexample& cex) {
  std::string out = "cycle " + std::to_string(cex.cycle) + ":";
  for (const auto& d : cex.outputs) out += " " + d.output + " ref " + d.reference + " cand " + d.candidate;
  return out;
}

Evaluation asEvaluation(const equiv::EquivResult& r) {
  Evaluation e;
  e.simulator = "equiv";
  e.logTail = r.logTail;
  e.wallSeconds = r.seconds;
  switch (r.verdict) {
    case equiv::EquivVerdict::Equivalent:
      e.verdict = Verdict::Pass;
      e.cls = "equivalent";
      e.message = r.reason;
      break;
    case equiv::EquivVerdict::NotEquivalent:
      e.verdict = Verdict::Mismatch;
      e.cls = "not_equivalent";
      e.message = r.counterexample ? describeCounterexample(*r.counterexample) : r.reason;
      break;
    case equiv::EquivVerdict::Unknown:
      e.verdict = Verdict::Mismatch;
      e.cls = "unknown";
      e.message = r.reason;
      break;
  }
  return e;
}

std::string_view equivVerdictName(EquivVerdict v) {
  switch (v) {
    case EquivVerdict::Equivalent: return "equivalent";
    case EquivVerdict::NotEquivalent: return "not_equivalent";
    case EquivVerdict::Unknown: return "unknown";
  }
  return "unknown";
}

std::string resetInput(const std::vector<std::string>& inputs, bool* activeLow) {
  // Most specific first: a design with both `rst` and `rst_sync` is reset through `rst`.
  static const std::vector<std::pair<std::string, bool>> names = {
      {"reset", false},  {"rst", false},     {"areset", false}, {"arst", false},   {"srst", false},
      {"sreset", false}, {"rst_n", true},    {"rstn", true},    {"reset_n", true}, {"resetn", true},
      {"nreset", true},  {"nrst", true},     {"arst_n", true},  {"aresetn", true}, {"areset_n", true},
      {"rst_b", true},   {"reset_b", true},  {"rst_ni", true},  {"sys_rst", false}, {"sys_rst_n", true}};
  auto norm = [](std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
    if (s.size() > 2 && s.ends_with("_i") && s != "rst_ni") s.resize(s.size() - 2);
    return s;
  };
  for (const auto& [want, low] : names)
    for (const auto& in : inputs)
      if (norm(in) == want) {
        if (activeLow) *activeLow = low;
        return in;
      }
  return "";
}

std::pair<std::string, std::string> taskReference(const Task& task) {
  if (!task.reference.empty()) return {task.reference, task.refTop};
  return {task.goldenCandidate, task.top};
}

namespace {

struct Budget {
  Clock::time_point end;
  std::chrono::milliseconds left() const {
    return std::max(std::chrono::milliseconds(0),
                    std::chrono::duration_cast<std::chrono::milliseconds>(end - Clock::now()));
  }
};

Result<ProcessResult> runTool(std::vector<std::string> argv, const fs::path& dir, const Budget& budget,
                              const EquivOptions& o) {
  ProcessSpec spec;
  spec.argv = std::move(argv);
  spec.workDir = dir.string();
  spec.env = defaultToolEnv(spec.workDir);
  spec.deadline = std::max(budget.left(), std::chrono::milliseconds(1));
  spec.limits.addressSpace = o.memoryBytes;
  spec.limits.fileSize = 256ull << 20;
  spec.outputCap = 1u << 20;
  return runSandboxed(spec, o.sandbox);
}

std::string readOr(const fs::path& p) {
  auto t = readFile(p);
  return t ? *t : std::string();
}

SideFacts sideFacts(const fs::path& dir, const std::string& side) {
  return readSideFacts(readOr(dir / (side + "_clocks.txt")), readOr(dir / (side + "_ffs.txt")),
                       readOr(dir / (side + "_negedge.txt")), readOr(dir / (side + "_inclocked.txt")),
                       readOr(dir / (side + "_latches.txt")), readOr(dir / (side + "_divisions.txt")),
                       readOr(dir / (side + "_dlatches.txt")));
}

EquivResult unknown(std::string reason) {
  EquivResult r;
  r.verdict = EquivVerdict::Unknown;
  r.reason = std::move(reason);
  return r;
}

// The build step's failures: a port that does not match is a proof of difference at the
// interface; anything else Yosys rejects is beyond the judge.
EquivResult buildFailure(const ProcessResult& p, bool timedOut) {
  if (timedOut) return unknown("timeout while building the miter");
  const std::string error = firstYosysError(p.combined());
  if (contains(error, "No matching port")) {
    EquivResult r;
    r.verdict = EquivVerdict::NotEquivalent;
    r.reason = "the interfaces differ: " + error;
    return r;
  }
  return unknown("Yosys could not build the miter: " + (error.empty() ? "exit " + std::to_string(p.exitCode) : error));
}

EquivResult fromSat(const SatReport& rep, const ProveSetup& setup, const ProcessResult& p) {
  EquivResult r;
  r.sequential = setup.sequential;
  r.engine = setup.sequential ? "yosys-sat-induction" : "yosys-sat";
  switch (rep.outcome) {
    case SatOutcome::Proved:
      r.verdict = EquivVerdict::Equivalent;
      r.bound = rep.inductionLength;
      r.reason = setup.sequential ? "proved by " + std::to_string(rep.inductionLength) + "-induction from reset"
                                  : "proved by SAT on the miter";
      break;
    case SatOutcome::Failed:
      r.verdict = EquivVerdict::NotEquivalent;
      r.counterexample = rep.counterexample;
      r.reason = "counterexample at cycle " + std::to_string(rep.counterexample ? rep.counterexample->cycle : 0);
      break;
    case SatOutcome::BoundReached:
      r.bound = setup.bound;
      r.reason = "bound reached: no difference within " + std::to_string(setup.bound) +
                 " cycles after reset, but induction did not close";
      break;
    case SatOutcome::Timeout:
      r.bound = std::max(0, rep.inductionLength - 1);
      r.reason = "SAT solver timeout";
      break;
    case SatOutcome::Error: r.reason = "unsupported by the SAT model: " + rep.errorLine; break;
    case SatOutcome::Unrecognised:
      r.reason = p.timedOut ? "timeout" : "the SAT run ended without a result (exit " + std::to_string(p.exitCode) + ")";
      r.bound = setup.sequential ? std::max(0, rep.inductionLength - 1) : 0;
      break;
  }
  return r;
}

// The sequential fallback when induction did not close: property-directed reachability finds
// the invariant relating the two designs' states. Used only to prove, never to refute (the
// two-valued model lets the reference's uninitialised state differ between runs).
Result<bool> provePdr(const fs::path& dir, const ProveSetup& setup, const EquivOptions& o, const Budget& budget,
                      std::string& log) {
  auto rtlil = readFile(dir / kMiter2Rtlil);
  if (!rtlil) return false;
  if (auto s = writeFile(dir / kWrapperFile, resetWrapper(rtlilPorts(*rtlil), setup.reset, setup.resetActiveLow)); !s)
    return s.error();
  if (auto s = writeFile(dir / "seq_aig.ys", sequentialAigScript()); !s) return s.error();
  auto aig = runTool({"yosys", "-q", "-s", "seq_aig.ys"}, dir, budget, o);
  if (!aig) return aig.error();
  log += aig->combined();
  if (!aig->exitedOk()) return false;
  auto pdr = runTool({"yosys-abc", "-c", abcPdrCommand(static_cast<int>(budget.left().count() / 1000))}, dir, budget, o);
  if (!pdr) return pdr.error();
  log += pdr->combined();
  return pdr->exitedOk() && abcPdrProved(pdr->out);
}

Result<EquivResult> judgeIn(const fs::path& dir, const std::string& refTop, const std::string& candTop,
                            const EquivOptions& o, const Budget& budget, std::string& log) {
  if (auto s = writeFile(dir / kBuildScript, buildScript(refTop, candTop)); !s) return s.error();
  auto build = runTool({"yosys", "-q", "-s", kBuildScript}, dir, budget, o);
  if (!build) return build.error();
  log += build->combined();
  if (!build->exitedOk() || !fs::exists(dir / kMiterRtlil)) return buildFailure(*build, build->timedOut);

  ProveSetup setup;
  const SideFacts gold = sideFacts(dir, "gold"), gate = sideFacts(dir, "gate");
  if (std::string problem = clockingProblem(gold, gate, &setup.clock); !problem.empty()) return unknown(problem);
  setup.sequential = gold.flops + gate.flops > 0;
  std::vector<std::string> inputs;
  for (const auto& name : selectedNames(readOr(dir / kInputsList)))
    if (startsWith(name, "in_")) inputs.push_back(name.substr(3));
  if (o.reset == "-") {
    setup.reset.clear();
  } else if (!o.reset.empty()) {
    if (std::find(inputs.begin(), inputs.end(), o.reset) == inputs.end())
      return makeError(ErrorCode::NotFound, "--reset " + o.reset + ": no input of that name to use as the reset");
    setup.reset = o.reset;
    // A name the heuristics know keeps its polarity; any other named reset is active high.
    resetInput({o.reset}, &setup.resetActiveLow);
    if (o.resetActiveLow) setup.resetActiveLow = *o.resetActiveLow;
  } else if (setup.sequential) {
    setup.reset = resetInput(inputs, &setup.resetActiveLow);
  }
  setup.bound = o.bound;
  const bool twoValuedSound = gold.divisions + gate.divisions == 0;

  if (!setup.sequential && twoValuedSound && fs::exists(dir / kMiterAiger)) {
    auto abc = runTool({"yosys-abc", "-c", abcCecCommand()}, dir, budget, o);
    if (!abc) return abc.error();
    log += abc->combined();
    if (abc->exitedOk() && abcProvedEquivalent(abc->out)) {
      EquivResult r;
      r.verdict = EquivVerdict::Equivalent;
      r.engine = "abc-cec";
      r.reason = "proved by ABC combinational equivalence (two-valued, stricter model)";
      return r;
    }
  }
  // Sequential: PDR first, on at most half the budget, as it closes proofs that k-induction
  // cannot (state that shows at the outputs only after many cycles); the SAT run after it gives
  // counterexamples and handles the reference's undefined state.
  if (setup.sequential && twoValuedSound) {
    const Budget half{Clock::now() + budget.left() / 2};
    auto pdr = provePdr(dir, setup, o, half, log);
    if (!pdr) return pdr.error();
    if (*pdr) {
      EquivResult r;
      r.verdict = EquivVerdict::Equivalent;
      r.sequential = true;
      r.engine = "abc-pdr";
      r.reason = "proved by ABC pdr from reset (two-valued, every initial value)";
      r.reset = setup.reset;
      r.resetActiveLow = setup.resetActiveLow;
      return r;
    }
  }
  if (budget.left().count() < 50) return unknown("timeout before the SAT proof");

  setup.solverTimeoutSeconds = std::max<int>(1, static_cast<int>(budget.left().count() / 1000));
  if (auto s = writeFile(dir / kProveScript, proveScript(setup)); !s) return s.error();
  auto prove = runTool({"yosys", "-s", kProveScript}, dir, budget, o);
  if (!prove) return prove.error();
  log += prove->combined();
  EquivResult r = fromSat(parseSatLog(prove->out, setup.clock), setup, *prove);
  // A latch is stepped per cycle. A simulator may let a new value through it in the step its
  // enable falls (evaluation order) where the model holds the old one, so a difference found
  // with a latch on either side is not a trusted counterexample.
  if (r.verdict == EquivVerdict::NotEquivalent && gold.latches + gate.latches > 0) {
    r.verdict = EquivVerdict::Unknown;
    r.reason = "a difference in the cycle model (" +
               (r.counterexample ? describeCounterexample(*r.counterexample) : r.reason) +
               "), but a latch is involved and a simulator may pass a value the model holds";
    r.counterexample.reset();
  }
  if (prove->timedOut && r.verdict != EquivVerdict::Equivalent && r.verdict != EquivVerdict::NotEquivalent)
    r.reason = "timeout: " + r.reason;
  r.reset = setup.reset;
  r.resetActiveLow = setup.resetActiveLow;
  return r;
}

}  // namespace

Result<EquivResult> judgeEquivalence(const std::string& reference, const std::string& refTop,
                                     const std::string& candidate, const std::string& candTop,
                                     const EquivOptions& o) {
  const auto start = Clock::now();
  const Budget budget{start + o.timeout};
  auto dir = TempDir::create("rtlarena-equiv", o.workRoot);
  if (!dir) return dir.error();
  if (o.keepJobDir) dir->keep();
  if (auto s = writeFile(dir->path() / kReferenceFile, reference); !s) return s.error();
  if (auto s = writeFile(dir->path() / kCandidateFile, candidate); !s) return s.error();
  std::string log;
  auto r = judgeIn(dir->path(), refTop, candTop, o, budget, log);
  if (!r) return r;
  r->logTail = tailLines(replaceAll(log, dir->path().string() + "/", ""), 30);
  r->seconds = std::chrono::duration<double>(Clock::now() - start).count();
  return r;
}

Result<SelfCheck> selfCheck(const Task& task, const EquivOptions& options) {
  SelfCheck c;
  const auto [ref, refTop] = taskReference(task);
  auto self = judgeEquivalence(ref, refTop, ref, refTop, options);
  if (!self) return self.error();
  c.self = *self;
  c.ok = self->equivalent();
  if (!c.ok) c.problem = "the reference is not proved equivalent to itself: " + self->reason;
  for (const auto& bad : task.badVariants) {
    auto r = judgeEquivalence(ref, refTop, bad.text, task.top, options);
    if (!r) return r.error();
    if (r->equivalent()) {
      c.ok = false;
      if (c.problem.empty()) c.problem = "bad variant " + bad.name + " is judged equivalent";
    }
    c.bad.emplace_back(bad.name, *r);
  }
  return c;
}

}  // namespace rtlarena::equiv
