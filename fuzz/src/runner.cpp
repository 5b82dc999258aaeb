// One test, start to end. The order matters: a reset to drain what the previous test left in
// flight, then memory before reset (a core may fetch during its reset cycles), counters
// zeroed before reset (reset points are then hit by every test and the campaign's NOP
// baseline absorbs them), and the comparison before the end check so that a wrong final
// ecall is still reported.
#include "rtlarena/fuzz/runner.h"

#include <algorithm>
#include <cstring>

namespace rtlarena::fuzz {

std::string_view endReasonName(EndReason r) {
  switch (r) {
    case EndReason::Ecall: return "ecall";
    case EndReason::Ebreak: return "ebreak";
    case EndReason::Halt: return "halt";
    case EndReason::RetireLimit: return "retire_limit";
    case EndReason::CycleLimit: return "cycle_limit";
    case EndReason::Stall: return "stall";
    case EndReason::Divergence: return "divergence";
    case EndReason::Unpredictable: return "unpredictable";
  }
  return "?";
}

Runner::Runner(Dut& dut, const CoreConfig& core, const Layout& layout, RunnerOptions options)
    : dut_(dut), core_(core), layout_(layout), options_(options), model_(core.isa) {
  frame_ = frameImage(layout_);
}

void Runner::clearCoverage() {
  if (uint32_t* c = dut_.coverCounters()) std::memset(c, 0, sizeof(uint32_t) * dut_.coverCount());
}

TestResult Runner::run(const Program& program) {
  image_ = frame_;
  placeProgram(layout_, program, image_);
  return runImage(image_);
}

TestResult Runner::runImage(const std::vector<uint32_t>& given) {
  // a short image (an assembled program) is padded with zeros, as the adapter contract says
  if (given.size() < layout_.memWords && &given != &image_) {
    image_.assign(layout_.memWords, 0);
    std::copy(given.begin(), given.end(), image_.begin());
  }
  const std::vector<uint32_t>& image = given.size() < layout_.memWords ? image_ : given;
  TestResult res;
  // A test cut short (retirement limit, divergence, no verdict) may leave a store in the
  // pipeline; it would commit on the first reset edge into the next test's memory. Resetting
  // first drains it into the old image.
  dut_.reset(core_.resetCycles);
  dut_.memLoad(image);
  if (options_.lockstep) {
    model_.loadMemory(image);
    model_.reset();
    modelCov_.begin();
  }
  clearCoverage();
  dut_.reset(core_.resetCycles);

  const bool modelCov = modelCoverageOn();
  const uint32_t modelBase = rtlPoints();
  Rvfi act{};
  uint32_t a7 = 0;
  while (true) {
    const uint64_t left = options_.maxCycles - std::min<uint64_t>(res.cycles, options_.maxCycles);
    if (left == 0) {
      res.end = EndReason::CycleLimit;
      break;
    }
    const unsigned budget = static_cast<unsigned>(std::min<uint64_t>(left, options_.stallCycles));
    res.cycles += dut_.stepUntilRetire(budget, act);
    if (!act.valid) {
      if (budget < options_.stallCycles) {
        res.end = EndReason::CycleLimit;
        break;
      }
      res.end = EndReason::Stall;
      if (options_.lockstep) {
        ModelStep next = model_.step();
        Divergence d;
        d.field = "hang";
        d.message = "no retirement for " + std::to_string(options_.stallCycles) + " cycles; expected " +
                    describeRetirement(next.rvfi);
        d.expected = next.rvfi;
        d.index = res.retired;
        res.divergence = d;
        res.end = EndReason::Divergence;
      }
      break;
    }
    bool halted = false;
    if (options_.lockstep) {
      ModelStep s = model_.step();
      if (s.unpredictable) {  // an incoherent fetch of a stored word: no verdict possible
        res.end = EndReason::Unpredictable;
        break;
      }
      if (options_.keepTrace) res.trace.push_back({act, s.rvfi});
      if (auto d = compareRetirement(s, act, res.retired, options_.compare)) {
        res.divergence = std::move(d);
        res.end = EndReason::Divergence;
        ++res.retired;
        break;
      }
      if (s.rdUnknown) model_.setReg(s.rvfi.rd_addr, act.rd_wdata);
      if (modelCov) modelCov_.record(s, modelBase, res.hits);
      halted = s.halted;
    } else if (options_.keepTrace) {
      res.trace.push_back({act, {}});
    }
    ++res.retired;
    if (act.rd_addr == 10) res.a0 = act.rd_wdata;
    if (act.rd_addr == 17) a7 = act.rd_wdata;
    if (options_.selfCheckExit) {
      if (act.insn == kEcall && a7 == 93) { res.end = EndReason::Ecall; break; }
    } else {
      // a core that executes ecall/ebreak as jumps to mtvec reports them without rvfi_trap
      const bool taken = act.trap || core_.isa.ecallEbreakJump;
      if (taken && act.insn == kEcall) { res.end = EndReason::Ecall; break; }
      if (taken && act.insn == kEbreak) { res.end = EndReason::Ebreak; break; }
    }
    if (halted || act.halt) { res.end = EndReason::Halt; break; }
    if (res.retired >= options_.maxRetire) { res.end = EndReason::RetireLimit; break; }
  }

  if (options_.rtlCoverage) {
    uint32_t* c = dut_.coverCounters();
    const unsigned n = dut_.coverCount();
    for (unsigned i = 0; i < n; ++i)
      if (c[i]) res.hits.push_back(i), c[i] = 0;
  }
  if (modelCov) {
    std::sort(res.hits.begin(), res.hits.end());
    res.hits.erase(std::unique(res.hits.begin(), res.hits.end()), res.hits.end());
  }
  return res;
}

}  // namespace rtlarena::fuzz
