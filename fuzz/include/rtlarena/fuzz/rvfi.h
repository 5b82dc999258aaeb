// One RVFI retirement (riscv-formal, NRET = 1), as the DUT shim hands it over and as the ISA
// model predicts it. The struct is plain C so the shim (testbenches/riscv/dut_shim.cpp,
// compiled into each DUT's shared object) and the library agree on its layout.
#pragma once

#include <cstdint>

extern "C" {
/// Field meanings are riscv-formal's. Kept in one cache line; the layout is the shim ABI.
struct RtlarenaRvfi {
  uint64_t order;
  uint32_t insn, rs1_rdata, rs2_rdata, rd_wdata, pc_rdata, pc_wdata;
  uint32_t mem_addr, mem_rdata, mem_wdata;
  uint8_t valid, trap, halt, intr, mode, ixl;
  uint8_t rs1_addr, rs2_addr, rd_addr, mem_rmask, mem_wmask;
  uint8_t pad_[5];
};
}

namespace rtlarena::fuzz {
using Rvfi = RtlarenaRvfi;
}  // namespace rtlarena::fuzz
