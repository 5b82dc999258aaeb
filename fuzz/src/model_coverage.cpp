// Bin layout of the harness-side coverage points; see model_coverage.h for the families.
#include "rtlarena/fuzz/model_coverage.h"

namespace rtlarena::fuzz {

namespace {
constexpr uint32_t kOpTrap = 0, kCsr = 1024, kHazard = 1536, kBranch = 2560, kAlign = 2576,
                   kOperands = 2640;

uint32_t csrIndex(uint16_t a) {
  static constexpr uint16_t known[] = {0x300, 0x301, 0x304, 0x305, 0x340, 0x341, 0x342, 0x343,
                                       0x344, 0xb00, 0xb02, 0xb80, 0xb82, 0xc00, 0xc01, 0xc02,
                                       0xc80, 0xc81, 0xc82, 0xf11, 0xf12, 0xf13, 0xf14};
  for (uint32_t i = 0; i < sizeof known / sizeof known[0]; ++i)
    if (known[i] == a) return i;
  return 25;
}

uint32_t valueClass(uint32_t v) {
  if (v == 0) return 0;
  if (v == 1) return 1;
  if (v == 0xffffffffu) return 2;
  if (v == 0x80000000u) return 3;
  return 4;
}
}  // namespace

void ModelCoverage::begin() { havePrev_[0] = havePrev_[1] = false; }

void ModelCoverage::record(const ModelStep& s, uint32_t base, std::vector<uint32_t>& hits) {
  const Decoded& d = s.insn;
  const auto op = static_cast<uint32_t>(d.op);
  const uint32_t cause = s.cause == TrapCause::None ? 15 : static_cast<uint32_t>(s.cause) & 15;
  hits.push_back(base + kOpTrap + op * 16 + cause);
  const OpClass cls = opClass(d.op);
  if (cls == OpClass::Csr && !s.rvfi.trap)
    hits.push_back(base + kCsr + csrIndex(d.csr) * 12 + (op - static_cast<uint32_t>(Op::Csrrw)) * 2 + (s.csrWrite ? 1 : 0));
  if (!s.rvfi.trap) {
    for (int dist = 0; dist < 2; ++dist) {
      if (!havePrev_[dist] || prev_[dist].rd == 0) continue;
      const auto pc = static_cast<uint32_t>(opClass(prev_[dist].op));
      const auto cc = static_cast<uint32_t>(cls);
      if (readsRs1(d.op) && d.rs1 == prev_[dist].rd)
        hits.push_back(base + kHazard + ((pc * 12 + cc) * 2 + 0) * 2 + dist);
      if (readsRs2(d.op) && d.rs2 == prev_[dist].rd)
        hits.push_back(base + kHazard + ((pc * 12 + cc) * 2 + 1) * 2 + dist);
    }
  }
  if (cls == OpClass::Branch && !s.rvfi.trap)
    hits.push_back(base + kBranch + (op - static_cast<uint32_t>(Op::Beq)) * 2 + (s.rvfi.pc_wdata != s.rvfi.pc_rdata + 4));
  if (cls == OpClass::Load || cls == OpClass::Store) {
    uint32_t addr = s.rvfi.trap ? 0 : s.rvfi.mem_addr;
    hits.push_back(base + kAlign + (op - static_cast<uint32_t>(Op::Lb)) * 4 + (addr & 3));
  }
  if (op >= static_cast<uint32_t>(Op::Addi) && op <= static_cast<uint32_t>(Op::Remu) && !s.rvfi.trap) {
    const uint32_t b = cls == OpClass::AluImm ? static_cast<uint32_t>(d.imm) : s.rvfi.rs2_rdata;
    hits.push_back(base + kOperands + ((op - static_cast<uint32_t>(Op::Addi)) * 5 + valueClass(s.rvfi.rs1_rdata)) * 5 + valueClass(b));
  }
  // shift history: an instruction that trapped wrote nothing
  prev_[1] = prev_[0];
  havePrev_[1] = havePrev_[0];
  prev_[0] = d;
  if (s.rvfi.trap || !writesRd(d.op)) prev_[0].rd = 0;
  havePrev_[0] = true;
}

const char* ModelCoverage::family(uint32_t p) {
  if (p < kCsr) return "op_trap";
  if (p < kHazard) return "csr";
  if (p < kBranch) return "hazard";
  if (p < kAlign) return "branch";
  if (p < kOperands) return "align";
  return "operands";
}

}  // namespace rtlarena::fuzz
