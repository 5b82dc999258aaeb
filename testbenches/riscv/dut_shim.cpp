// dut_shim.cpp: compiled by `rtlarena fuzz` together with one Verilated rtlarena_dut into a
// shared object (see fuzz/src/dut_build.cpp). In: the Verilator model (class Vdut, built
// with --prefix Vdut). Out: the C ABI of dut_shim.h. The only Verilator-version-specific
// code is coverageArray(): 5.006 keeps the counters in the symbol table as
// `std::atomic<uint32_t> __Vcoverage[N]`.
#include <atomic>
#include <cstring>
#include <memory>
#include <vector>

#include "Vdut.h"
#include "Vdut__Syms.h"
#include "dut_shim.h"
#include "verilated.h"

#ifndef RTLARENA_WRAPPER
#define RTLARENA_WRAPPER rtlarena_dut
#endif
#define RTLARENA_CAT2(a, b) a##b
#define RTLARENA_CAT(a, b) RTLARENA_CAT2(a, b)

#define SHIM_API extern "C" __attribute__((visibility("default")))

struct RtlarenaDut {
  std::unique_ptr<VerilatedContext> context;
  std::unique_ptr<Vdut> model;
  std::vector<std::string> args;
};

namespace {

// The wrapper's memory: a member of the wrapper's module class when the wrapper is kept as
// its own class (public signals prevent inlining), else flattened into the root.
template <typename Root>
auto& memArray(Root* root) {
  if constexpr (requires { root->RTLARENA_WRAPPER->mem; }) {
    return root->RTLARENA_WRAPPER->mem;
  } else {
    return root->RTLARENA_CAT(RTLARENA_WRAPPER, __DOT__mem);
  }
}

template <typename Mem>
constexpr unsigned memDepth(const Mem& m) {
  return sizeof(m.m_storage) / sizeof(m.m_storage[0]);
}

// Verilator 5.006: counters live in the symbol table; absent without --coverage.
template <typename Syms>
std::atomic<uint32_t>* coverageArray(Syms* syms, unsigned& count) {
  if constexpr (requires { syms->__Vcoverage; }) {
    count = sizeof(syms->__Vcoverage) / sizeof(syms->__Vcoverage[0]);
    return syms->__Vcoverage;
  } else {
    count = 0;
    return nullptr;
  }
}

void tick(RtlarenaDut* d) {
  d->model->clk = 0;
  d->model->eval();
  d->model->clk = 1;
  d->model->eval();
}

void readRvfi(const Vdut& m, RtlarenaRvfi* o) {
  o->order = m.rvfi_order;
  o->insn = m.rvfi_insn;
  o->rs1_rdata = m.rvfi_rs1_rdata;
  o->rs2_rdata = m.rvfi_rs2_rdata;
  o->rd_wdata = m.rvfi_rd_wdata;
  o->pc_rdata = m.rvfi_pc_rdata;
  o->pc_wdata = m.rvfi_pc_wdata;
  o->mem_addr = m.rvfi_mem_addr;
  o->mem_rdata = m.rvfi_mem_rdata;
  o->mem_wdata = m.rvfi_mem_wdata;
  o->valid = m.rvfi_valid;
  o->trap = m.rvfi_trap;
  o->halt = m.rvfi_halt;
  o->intr = m.rvfi_intr;
  o->mode = m.rvfi_mode;
  o->ixl = m.rvfi_ixl;
  o->rs1_addr = m.rvfi_rs1_addr;
  o->rs2_addr = m.rvfi_rs2_addr;
  o->rd_addr = m.rvfi_rd_addr;
  o->mem_rmask = m.rvfi_mem_rmask;
  o->mem_wmask = m.rvfi_mem_wmask;
}

}  // namespace

SHIM_API int rtlarena_shim_abi(void) { return RTLARENA_SHIM_ABI; }

SHIM_API RtlarenaDut* rtlarena_dut_create(int argc, const char** argv) {
  auto* d = new RtlarenaDut;
  d->context = std::make_unique<VerilatedContext>();
  d->args.emplace_back("rtlarena_dut");
  for (int i = 0; i < argc; ++i) d->args.emplace_back(argv[i]);
  std::vector<const char*> av;
  for (const auto& a : d->args) av.push_back(a.c_str());
  d->context->commandArgs(static_cast<int>(av.size()), av.data());
  d->context->fatalOnError(false);
  d->model = std::make_unique<Vdut>(d->context.get(), "dut");
  d->model->clk = 0;
  d->model->rst = 1;
  d->model->eval();
  return d;
}

SHIM_API void rtlarena_dut_destroy(RtlarenaDut* d) {
  if (!d) return;
  d->model->final();
  d->model.reset();
  d->context.reset();
  delete d;
}

SHIM_API void rtlarena_dut_reset(RtlarenaDut* d, unsigned cycles) {
  d->model->rst = 1;
  for (unsigned i = 0; i < cycles; ++i) tick(d);
  d->model->rst = 0;
}

SHIM_API int rtlarena_dut_step(RtlarenaDut* d, RtlarenaRvfi* out) {
  tick(d);
  readRvfi(*d->model, out);
  return out->valid;
}

SHIM_API unsigned rtlarena_dut_step_until_retire(RtlarenaDut* d, unsigned max, RtlarenaRvfi* out) {
  out->valid = 0;
  for (unsigned i = 1; i <= max; ++i) {
    tick(d);
    if (d->model->rvfi_valid) {
      readRvfi(*d->model, out);
      return i;
    }
  }
  return max;
}

SHIM_API unsigned rtlarena_dut_mem_words(RtlarenaDut* d) {
  return memDepth(memArray(d->model->rootp));
}

SHIM_API void rtlarena_dut_mem_load(RtlarenaDut* d, const uint32_t* words, unsigned count) {
  auto& mem = memArray(d->model->rootp);
  unsigned n = count < memDepth(mem) ? count : memDepth(mem);
  std::memcpy(&mem.m_storage[0], words, n * sizeof(uint32_t));
}

SHIM_API uint32_t rtlarena_dut_mem_read(RtlarenaDut* d, unsigned index) {
  auto& mem = memArray(d->model->rootp);
  return index < memDepth(mem) ? mem.m_storage[index] : 0;
}

SHIM_API unsigned rtlarena_dut_cov_count(RtlarenaDut* d) {
  unsigned n = 0;
  coverageArray(d->model->rootp->vlSymsp, n);
  return n;
}

SHIM_API uint32_t* rtlarena_dut_cov_counters(RtlarenaDut* d) {
  unsigned n = 0;
  static_assert(sizeof(std::atomic<uint32_t>) == sizeof(uint32_t));
  return reinterpret_cast<uint32_t*>(coverageArray(d->model->rootp->vlSymsp, n));
}
