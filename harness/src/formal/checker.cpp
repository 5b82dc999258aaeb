// The checker's stages, in order (see checker.h):
//  1. settings: the top module's inputs give the clock and the reset unless the
//  user named them;
//  2. front end: property files are scanned, each assertion parsed and
//  translated on its own, so
//     a bad one gets its verdict here and the others go on;
//  3. elaboration: one Yosys run writes one AIGER model per assertion; a Yosys
//  error is pinned
//     to the item whose line it names, that item is dropped and the run
//     repeated;
//  4. proofs: one ABC process per assertion (its proof and its vacuity probe),
//  in parallel;
//  5. traces: yosys-smtbmc with z3 replays each counterexample into a VCD.
#include "rtlarena/formal/checker.h"

#include <chrono>
#include <filesystem>
#include <map>
#include <optional>
#include <regex>
#include <set>

#include "rtlarena/core/files.h"
#include "rtlarena/core/process.h"
#include "rtlarena/core/text.h"
#include "rtlarena/core/worker_pool.h"
#include "rtlarena/formal/monitor.h"
#include "rtlarena/formal/proof_files.h"
#include "rtlarena/formal/props_file.h"
#include "rtlarena/formal/prover.h"
#include "rtlarena/formal/sva_parser.h"
#include "rtlarena/formal/top_ports.h"
#include "rtlarena/tasks/verilog_scan.h"

namespace rtlarena::formal {
namespace {

namespace fs = std::filesystem;

struct Item {
  int index = 0;        ///< into PropsSet::assertions
  bool reported = true; ///< assumptions constrain the others and get no verdict
  bool decided =
      false; ///< the verdict is final (front-end or elaboration problem)
  AssertionVerdict verdict;
  std::optional<Monitor> monitor;
};

struct YosysError {
  std::string file;
  int line = 0;
  std::string message;
};

std::optional<YosysError> firstYosysError(const std::string &log) {
  static const std::regex located(R"(^(\S+):(\d+): ERROR: (.*)$)");
  for (std::string_view lv : splitLines(log)) {
    std::string line(trim(lv));
    auto pos = line.find("ERROR:");
    if (pos == std::string::npos)
      continue;
    std::smatch m;
    if (std::regex_match(line, m, located))
      return YosysError{m[1].str(), std::stoi(m[2].str()), m[3].str()};
    return YosysError{
        "", 0, std::string(trim(std::string_view(line).substr(pos + 6)))};
  }
  return std::nullopt;
}

std::vector<Token> afterPosedge(const std::vector<Token> &event,
                                std::string &problem) {
  if (event.empty())
    return {};
  if (event[0].text != "posedge") {
    problem = "unsupported: a default clocking on something other than posedge";
    return {};
  }
  return std::vector<Token>(event.begin() + 1, event.end());
}

class CheckRun {
public:
  CheckRun(const CheckRequest &req, const CheckOptions &opt)
      : req_(req), opt_(opt) {}

  Result<CheckReport> run() {
    auto start = std::chrono::steady_clock::now();
    if (auto s = settings(); !s)
      return s.error();
    frontEnd();
    auto dir = TempDir::create("rtlarena-check", opt_.workRoot);
    if (!dir)
      return dir.error();
    if (opt_.keepJobDir)
      dir->keep();
    jobDir_ = dir->path();
    if (auto s = elaborate(); !s)
      return s.error();
    prove();
    for (const auto &item : items_)
      if (item.reported)
        report_.assertions.push_back(item.verdict);
    report_.seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start)
            .count();
    if (opt_.keepJobDir)
      report_.notes.push_back("job directory kept: " + jobDir_.string());
    return report_;
  }

private:
  const CheckRequest &req_;
  const CheckOptions &opt_;
  CheckReport report_;
  PropsSet props_;
  std::vector<Item> items_;
  fs::path jobDir_;
  int minHistory_ = 0; ///< alignAttempts: the longest `$past` history of all
  ProofFiles files_;
  std::set<int> deadModules_, deadBinds_, deadFiles_;
  std::string yosysLog_;
  std::map<std::string, std::vector<int>>
      outputs_; ///< model.aig outputs per monitor label

  // --- 1. settings ---
  Status settings() {
    report_.top = req_.top;
    std::string topSource;
    for (const auto &f : req_.design)
      for (const auto &m : declaredModules(f.text))
        if (m.name == req_.top)
          topSource = f.text;
    if (topSource.empty())
      return makeError(ErrorCode::NotFound,
                       "module '" + req_.top +
                           "' is not declared in the design files");
    auto inputs = topInputs(topSource, req_.top);
    auto isInput = [&](const std::string &n) {
      for (const auto &p : inputs)
        if (p.name == n)
          return true;
      return false;
    };
    report_.clock = req_.clock;
    if (report_.clock.empty()) {
      report_.clock = inferClock(inputs);
      if (!report_.clock.empty())
        report_.notes.push_back("clock inferred: " + report_.clock);
    } else if (!isInput(report_.clock)) {
      return makeError(ErrorCode::NotFound, "--clock " + report_.clock +
                                                   ": no such input of " +
                                                   req_.top);
    }
    const ResetChoice &r = req_.reset;
    if (r.mode == ResetChoice::Mode::Given) {
      if (!isInput(r.name))
        return makeError(ErrorCode::NotFound, "--reset " + r.name +
                                                     ": no such input of " +
                                                     req_.top);
      report_.reset = r.name;
    } else if (r.mode == ResetChoice::Mode::Infer) {
      report_.reset = inferReset(inputs, report_.clock);
      report_.notes.push_back(
          report_.reset.empty()
              ? "no reset input found: the initial state is free"
              : "reset inferred: " + report_.reset);
    }
    if (!report_.reset.empty())
      report_.resetActiveHigh = r.activeHigh >= 0
                                    ? r.activeHigh == 1
                                    : !resetNameIsActiveLow(report_.reset);
    return Ok{};
  }

  // --- 2. front end ---
  void frontEnd() {
    props_ = scanPropsFiles(req_.props);
    for (const auto &n : props_.notes)
      report_.notes.push_back(n);
    const int firstChecked = report_.reset.empty() ? 0 : 1;
    int counter = 0;
    for (std::size_t i = 0; i < props_.assertions.size(); ++i) {
      const PropsAssertion &a = props_.assertions[i];
      Item item;
      item.index = static_cast<int>(i);
      item.reported = a.kind != AssertionKind::Assume;
      if (item.reported)
        ++counter;
      item.verdict.name =
          a.label.empty() ? "_assert_" + std::to_string(counter) : a.label;
      item.verdict.file = props_.files[a.file].name;
      item.verdict.line = a.line;
      if (item.reported && req_.onlyAssertions &&
          !req_.onlyAssertions->count(counter - 1))
        decide(item, FormalVerdict::Undetermined, "not checked");
      else if (a.kind == AssertionKind::Cover)
        decide(item, FormalVerdict::Unsupported, "unsupported: cover property");
      else if (a.issue)
        decide(item, a.issue);
      else
        translate(item, a, firstChecked);
      items_.push_back(std::move(item));
    }
    if (req_.alignAttempts) {
      for (const auto &item : items_)
        if (item.monitor)
          minHistory_ = std::max(minHistory_, item.monitor->history);
      for (auto &item : items_)
        if (item.monitor)
          translate(item, props_.assertions[static_cast<std::size_t>(item.index)],
                    firstChecked);
    }
    checkInstantiation();
  }

  void decide(Item &item, FormalVerdict v, const std::string &message) {
    item.decided = true;
    item.monitor.reset();
    item.verdict.verdict = v;
    item.verdict.message = message;
  }
  void decide(Item &item, const ParseIssue &issue) {
    decide(item,
           issue.kind == ParseIssue::Kind::Unsupported
               ? FormalVerdict::Unsupported
               : FormalVerdict::SyntaxError,
           issue.message);
  }

  const CheckerModule *moduleNamed(const std::string &name) const {
    for (const auto &m : props_.modules)
      if (m.name == name)
        return &m;
    return nullptr;
  }

  void translate(Item &item, const PropsAssertion &a, int firstChecked) {
    const CheckerModule *mod = a.scope.empty() ? nullptr : moduleNamed(a.scope);
    ConstantTable constants = mod ? mod->constants : ConstantTable{};
    SpecParse parsed = parsePropertySpec(a.body, constants);
    if (parsed.issue)
      return decide(item, parsed.issue);
    MonitorContext ctx;
    ctx.name = "rtlarena_a" + std::to_string(item.index);
    ctx.assume = a.kind == AssertionKind::Assume;
    ctx.firstCheckedCycle = firstChecked;
    ctx.minHistory = minHistory_;
    std::string problem;
    auto clockTokens =
        afterPosedge(mod && !mod->defaultClock.empty() ? mod->defaultClock
                                                       : props_.topDefaultClock,
                     problem);
    if (!parsed.spec->clock && !problem.empty())
      return decide(item, FormalVerdict::Unsupported, problem);
    if (!clockTokens.empty()) {
      ExprParse c = parseBooleanExpr(clockTokens);
      if (c.issue)
        return decide(item, c.issue);
      ctx.clock = printExpr(*c.expr);
    } else if (!mod) {
      ctx.clock = report_.clock;
    }
    const auto &disableTokens = mod && !mod->defaultDisable.empty()
                                    ? mod->defaultDisable
                                    : props_.topDefaultDisable;
    if (!disableTokens.empty()) {
      ExprParse d = parseBooleanExpr(disableTokens, constants);
      if (d.issue)
        return decide(item, d.issue);
      ctx.defaultDisable = d.expr;
    }
    Translation t = translateProperty(*parsed.spec, ctx);
    if (t.issue)
      return decide(item, t.issue);
    item.monitor = std::move(t.monitor);
  }

  // A checker module that is never bound or instantiated has no assertions in
  // the model: its assertions must not come out proven.
  void checkInstantiation() {
    std::set<std::string> used = {req_.top};
    for (const auto &b : props_.binds)
      if (!b.issue)
        used.insert(b.module);
    for (const auto &f : req_.design)
      for (const auto &m : instantiatedModules(f.text))
        used.insert(m);
    for (const auto &f : req_.props)
      for (const auto &m : instantiatedModules(f.text))
        used.insert(m);
    for (std::size_t b = 0; b < props_.binds.size(); ++b) {
      const BindItem &bind = props_.binds[b];
      if (bind.issue)
        failModule(bind.module, bind.issue.message);
      else if (!moduleNamed(bind.module))
        report_.notes.push_back("bind at line " + std::to_string(bind.line) +
                                " names module '" + bind.module +
                                "', which no property file declares");
    }
    for (auto &item : items_) {
      const std::string &scope = props_.assertions[item.index].scope;
      if (!item.decided && !scope.empty() && !used.count(scope))
        decide(item, FormalVerdict::SyntaxError,
               "checker module '" + scope + "' is never bound or instantiated");
    }
  }

  void failModule(const std::string &module, const std::string &message) {
    for (std::size_t m = 0; m < props_.modules.size(); ++m)
      if (props_.modules[m].name == module)
        deadModules_.insert(static_cast<int>(m));
    for (auto &item : items_)
      if (!item.decided && props_.assertions[item.index].scope == module)
        decide(item, FormalVerdict::SyntaxError, message);
  }

  // --- 3. elaboration ---
  ProofInputs inputs(std::optional<int> only = std::nullopt) const {
    ProofInputs in;
    in.design = &req_.design;
    in.props = &props_;
    in.top = req_.top;
    in.reset = report_.reset;
    in.resetActiveHigh = report_.resetActiveHigh;
    in.deadModules = deadModules_;
    in.deadBinds = deadBinds_;
    in.deadFiles = deadFiles_;
    for (const auto &item : items_)
      if (item.monitor && !item.decided &&
          (!only || *only == item.index || !item.reported))
        in.monitors[item.index] = item.monitor->code;
    return in;
  }

  Result<ProcessResult> runYosys(const fs::path &dir, const ProofFiles &files,
                                 const std::string &script) {
    std::error_code ec;
    fs::create_directories(dir, ec);
    for (const auto &f : files.files)
      if (auto s = writeFile(dir / f.name, f.text); !s)
        return s.error();
    if (auto s = writeFile(dir / "check.ys", script); !s)
      return s.error();
    ProcessSpec spec;
    spec.argv = {opt_.yosys, "-q", "-l", "yosys.log", "-s", "check.ys"};
    spec.workDir = dir.string();
    spec.env = defaultToolEnv(dir.string());
    spec.deadline =
        std::chrono::milliseconds(static_cast<long>(opt_.yosysSeconds * 1000));
    spec.limits.addressSpace = 4ull << 30;
    spec.limits.fileSize = 512ull << 20;
    spec.outputCap = 128 * 1024;
    return runSandboxed(spec, opt_.sandbox);
  }

  std::string userPlace(const LineOrigin &o) const {
    switch (o.kind) {
    case LineOrigin::Kind::Design:
      return req_.design[o.index].name + ":" + std::to_string(o.line);
    case LineOrigin::Kind::Assertion:
      return props_.files[props_.assertions[o.index].file].name + ":" +
             std::to_string(o.line);
    case LineOrigin::Kind::Module:
      return props_.files[props_.modules[o.index].file].name + ":" +
             std::to_string(o.line);
    case LineOrigin::Kind::Bind:
      return props_.files[props_.binds[o.index].file].name + ":" +
             std::to_string(o.line);
    case LineOrigin::Kind::PropsFile:
      return props_.files[o.index].name + ":" + std::to_string(o.line);
    default:
      return "";
    }
  }

  Status elaborate() {
    for (std::size_t round = 0; round < items_.size() + 4; ++round) {
      std::set<int> badBinds;
      files_ = buildProofFiles(inputs(), badBinds);
      for (int b : badBinds) {
        deadBinds_.insert(b);
        failModule(props_.binds[b].module,
                   "bind target '" + props_.binds[b].target +
                       "' is not a module of the design");
      }
      if (!badBinds.empty())
        continue;
      auto r = runYosys(jobDir_, files_, aigerScript(files_, req_.top));
      if (!r)
        return r.error();
      auto log = readFile(jobDir_ / "yosys.log");
      yosysLog_ = log ? *log : "";
      if (r->timedOut) {
        for (auto &item : items_)
          if (!item.decided && item.reported)
            decide(item, FormalVerdict::Timeout,
                   "Yosys did not finish within the deadline");
        return Ok{};
      }
      if (r->exitedOk()) {
        collectLatches();
        auto map = readFile(jobDir_ / "model.map");
        if (!map)
          return map.error();
        auto flags = readFile(jobDir_ / "flags.txt");
        outputs_ = aigerOutputsByLabel((flags ? *flags : "") + "\n" + *map);
        return Ok{};
      }
      auto err = firstYosysError(r->combined() + "\n" + yosysLog_);
      if (!err)
        return makeError(ErrorCode::Internal,
                         "Yosys failed without an error message: " +
                             tailLines(r->combined(), 10));
      LineOrigin o = err->file.empty() ? LineOrigin{}
                                       : files_.locate(err->file, err->line);
      std::string message =
          (o.kind == LineOrigin::Kind::Unknown ? "" : userPlace(o) + ": ") +
          err->message;
      if (!drop(o, message)) {
        if (o.kind == LineOrigin::Kind::Design || !isolate())
          return makeError(ErrorCode::Parse,
                           "the design does not elaborate: " + message);
      }
    }
    return makeError(
        ErrorCode::Internal,
        "Yosys kept failing after every assertion it blamed was dropped");
  }

  // Drops what a Yosys error points at. False when it points at nothing we can
  // drop.
  bool drop(const LineOrigin &o, const std::string &message) {
    switch (o.kind) {
    case LineOrigin::Kind::Assertion: {
      Item &item = items_[o.index];
      if (!item.decided && item.monitor) {
        decide(item, FormalVerdict::SyntaxError, message);
        return true;
      }
      const std::string &scope = props_.assertions[o.index].scope;
      if (scope.empty())
        return false;
      failModule(scope, message);
      return true;
    }
    case LineOrigin::Kind::Module:
      failModule(props_.modules[o.index].name, message);
      return true;
    case LineOrigin::Kind::Bind:
      deadBinds_.insert(o.index);
      failModule(props_.binds[o.index].module, message);
      return true;
    case LineOrigin::Kind::PropsFile: {
      if (deadFiles_.count(o.index))
        return false;
      deadFiles_.insert(o.index);
      bool any = true;
      for (std::size_t m = 0; m < props_.modules.size(); ++m)
        if (props_.modules[m].file == o.index &&
            !deadModules_.count(static_cast<int>(m))) {
          failModule(props_.modules[m].name, message);
          any = true;
        }
      for (auto &item : items_)
        if (!item.decided && props_.assertions[item.index].file == o.index) {
          decide(item, FormalVerdict::SyntaxError, message);
          any = true;
        }
      return any;
    }
    default:
      return false;
    }
  }

  // An error that names no line: elaborate each assertion alone to find the
  // ones at fault.
  bool isolate() {
    bool found = false;
    for (auto &item : items_) {
      if (item.decided || !item.monitor || !item.reported)
        continue;
      std::set<int> bad;
      ProofFiles alone = buildProofFiles(inputs(item.index), bad);
      fs::path dir = jobDir_ / ("alone_" + std::to_string(item.index));
      auto r = runYosys(dir, alone, aigerScript(alone, req_.top));
      if (!r || r->exitedOk())
        continue;
      auto log = readFile(dir / "yosys.log");
      auto err = firstYosysError(r->combined() + "\n" + (log ? *log : ""));
      decide(item, FormalVerdict::SyntaxError,
             err ? err->message : "rejected by Yosys");
      found = true;
    }
    return found;
  }

  void collectLatches() {
    static const std::regex latchRe(R"(Latch inferred for signal `([^']+)')");
    std::set<std::string> seen;
    for (std::string_view lv : splitLines(yosysLog_)) {
      std::string line(lv);
      std::smatch m;
      if (std::regex_search(line, m, latchRe) && seen.insert(m[1].str()).second)
        report_.latches.push_back(m[1].str());
    }
  }

  // --- 4 and 5. proofs and traces ---
  void prove() {
    ProverSettings s;
    s.seconds = opt_.assertionSeconds;
    s.bmcFrames = opt_.bmcFrames;
    s.abc = opt_.abc;
    s.smtbmc = opt_.smtbmc;
    s.sandbox = opt_.sandbox;
    WorkerPool pool(std::max(1u, opt_.jobs));
    for (auto &item : items_) {
      if (item.decided || !item.monitor || !item.reported)
        continue;
      pool.submit([this, &item, s] { proveOne(item, s); });
    }
    pool.wait();
  }

  void proveOne(Item &item, const ProverSettings &s) {
    const Monitor &m = *item.monitor;
    auto outputsOf = [&](const std::string &label) {
      auto it = outputs_.find(label);
      return it == outputs_.end() ? std::vector<int>{} : it->second;
    };
    if (!outputs_.count(m.assertLabel))
      return decide(item, FormalVerdict::SyntaxError,
                    "the assertion is not part of the elaborated design");
    const std::vector<int> checks = outputsOf(m.assertLabel);
    const std::vector<int> probes =
        m.coverLabel.empty() ? std::vector<int>{} : outputsOf(m.coverLabel);
    if (checks.empty()) { // the failure flag folded to constant false: it can
                          // never fail
      item.verdict.verdict = FormalVerdict::Proven;
      if (!m.coverLabel.empty() && probes.empty()) {
        item.verdict.verdict = FormalVerdict::Vacuous;
        item.verdict.message = "the antecedent can never match";
      }
      return;
    }
    auto r = runAbc(jobDir_.string(), "model.aig", checks, probes, s);
    if (!r)
      return decide(item, FormalVerdict::Undetermined,
                    "cannot run ABC: " + r.error().message);
    item.verdict.seconds = r->seconds;
    switch (r->assertion) {
    case SolverAnswer::Failed:
      item.verdict.verdict = FormalVerdict::Cex;
      item.verdict.depth = r->frame;
      item.verdict.message =
          "fails " + std::to_string(r->frame) + " cycles into the trace";
      trace(item, s);
      return;
    case SolverAnswer::Killed:
      item.verdict.verdict = FormalVerdict::Timeout;
      item.verdict.message = "the prover was stopped after " +
                             std::to_string(static_cast<int>(s.seconds)) + " s";
      return;
    case SolverAnswer::Undecided:
    case SolverAnswer::NoProperty:
      item.verdict.verdict = FormalVerdict::Undetermined;
      item.verdict.message = "no counterexample in " +
                             std::to_string(r->boundReached) +
                             " cycles, and no proof";
      return;
    case SolverAnswer::Proven:
      break;
    }
    item.verdict.verdict = FormalVerdict::Proven;
    if (m.coverLabel.empty())
      return;
    if (probes.empty() || r->cover == SolverAnswer::Proven) {
      item.verdict.verdict = FormalVerdict::Vacuous;
      item.verdict.message = "the antecedent can never match";
    } else if (r->cover != SolverAnswer::Failed) {
      item.verdict.message =
          "proven; whether the antecedent can match was not determined";
    }
  }

  void trace(Item &item, const ProverSettings &s) {
    if (opt_.traceDir.empty())
      return;
    const Monitor &m = *item.monitor;
    fs::path dir = jobDir_ / ("trace_" + std::to_string(item.index));
    std::set<int> bad;
    auto r = runYosys(dir, files_, smt2Script(files_, req_.top, m.assertLabel));
    if (!r || !r->exitedOk()) {
      item.verdict.message +=
          "; no trace (Yosys could not write the SMT model)";
      return;
    }
    auto t = runSmtbmcTrace(dir.string(), item.verdict.depth + 2,
                            std::max(10.0, s.seconds), s);
    std::error_code ec;
    if (!t || !fs::exists(dir / "trace.vcd", ec)) {
      item.verdict.message += t && t->timedOut
                                  ? "; no trace (z3 did not finish in time)"
                                  : "; no trace (yosys-smtbmc failed)";
      return;
    }
    fs::create_directories(opt_.traceDir, ec);
    std::string safe;
    for (char c : item.verdict.name)
      safe +=
          std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-'
              ? c
              : '_';
    fs::path dest =
        fs::path(opt_.traceDir) /
        (safe + "_line" + std::to_string(item.verdict.line) + ".vcd");
    fs::copy_file(dir / "trace.vcd", dest, fs::copy_options::overwrite_existing,
                  ec);
    if (!ec)
      item.verdict.vcd = dest.string();
  }
};

} // namespace

Result<CheckReport> checkAssertions(const CheckRequest &request,
                                    const CheckOptions &options) {
  return CheckRun(request, options).run();
}

} // namespace rtlarena::formal
