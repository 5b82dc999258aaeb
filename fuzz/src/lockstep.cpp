// Field-by-field comparison. Memory accesses are compared as sets of (byte address, byte)
// pairs, which makes the two legal RVFI encodings (exact address with an unshifted mask, or
// aligned address with a shifted mask) compare equal.
#include "rtlarena/fuzz/lockstep.h"

#include <array>
#include <cstdio>

#include "rtlarena/fuzz/decode.h"

namespace rtlarena::fuzz {

namespace {

struct ByteSet {
  std::array<std::pair<uint32_t, uint8_t>, 4> b{};
  int n = 0;
  /// Every byte of this set is in `o` with the same value.
  bool within(const ByteSet& o) const {
    for (int i = 0; i < n; ++i) {
      bool found = false;
      for (int j = 0; j < o.n; ++j) found = found || (b[i] == o.b[j]);
      if (!found) return false;
    }
    return true;
  }
  bool operator==(const ByteSet& o) const { return n == o.n && within(o); }
};

ByteSet bytes(uint32_t addr, uint8_t mask, uint32_t data) {
  ByteSet s;
  for (int i = 0; i < 4; ++i)
    if (mask & (1u << i)) s.b[s.n++] = {addr + i, static_cast<uint8_t>(data >> (8 * i))};
  return s;
}

std::string hex(uint32_t v) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "0x%08x", v);
  return buf;
}

std::string memText(uint32_t addr, uint8_t mask, uint32_t data) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "[0x%08x mask %x data 0x%08x]", addr, mask, data);
  return buf;
}

Divergence make(const char* field, std::string msg, const ModelStep& e, const Rvfi& a, uint64_t index) {
  Divergence d;
  d.field = field;
  d.message = std::move(msg);
  d.expected = e.rvfi;
  d.actual = a;
  d.index = index;
  return d;
}

}  // namespace

std::string Divergence::signature() const {
  if (field == "hang" || field == "halt" || field == "rvfi") return field;
  std::string s = field + "@" + std::string(opName(decode(expected.insn).op));
  if (expected.trap) s += ":trap";
  return s;
}

std::optional<Divergence> compareRetirement(const ModelStep& e, const Rvfi& a, uint64_t index,
                                            const CompareOptions& o) {
  const Rvfi& x = e.rvfi;
  if (a.pc_rdata != x.pc_rdata)
    return make("pc", "pc " + hex(a.pc_rdata) + ", expected " + hex(x.pc_rdata), e, a, index);
  // A word whose bits 1:0 are not 11 is a 16-bit encoding by the ISA's length rule (illegal
  // without C); RVFI may report just that parcel, so only its 16 bits are compared.
  const uint32_t insnMask = (x.insn & 3) == 3 ? 0xffffffffu : 0xffffu;
  if ((a.insn & insnMask) != (x.insn & insnMask))
    return make("insn", "insn " + hex(a.insn) + ", expected " + hex(x.insn), e, a, index);
  if ((a.trap != 0) != (x.trap != 0))
    return make("trap", std::string(a.trap ? "trapped" : "did not trap") + ", expected " +
                            (x.trap ? "a trap" : "no trap"), e, a, index);
  if (a.rd_addr == 0 && a.rd_wdata != 0)
    return make("rvfi", "rd_wdata " + hex(a.rd_wdata) + " with rd_addr 0", e, a, index);
  if (!x.trap && !(e.rdReportIgnored && x.rd_addr == 0)) {
    const unsigned xr = x.rd_addr, ar = a.rd_addr;
    const uint32_t xv = xr ? x.rd_wdata : 0, av = ar ? a.rd_wdata : 0;
    if (xr != ar || (!e.rdUnknown && xv != av))
      return make("rd", "wrote x" + std::to_string(ar) + "=" + hex(av) + ", expected x" +
                            std::to_string(xr) + "=" + hex(xv), e, a, index);
  }
  // Reads may cover more bytes than the access (riscv-formal: the spec's rmask must be a
  // subset of the core's); writes must match exactly. A trap's memory fields are unused.
  const ByteSet ar = bytes(a.mem_addr, a.mem_rmask, a.mem_rdata), xr = bytes(x.mem_addr, x.mem_rmask, x.mem_rdata);
  if (!x.trap && ((xr.n == 0) != (ar.n == 0) || !xr.within(ar)))
    return make("mem", "read " + memText(a.mem_addr, a.mem_rmask, a.mem_rdata) + ", expected " +
                           memText(x.mem_addr, x.mem_rmask, x.mem_rdata), e, a, index);
  if (!x.trap && !(bytes(a.mem_addr, a.mem_wmask, a.mem_wdata) == bytes(x.mem_addr, x.mem_wmask, x.mem_wdata)))
    return make("mem", "wrote " + memText(a.mem_addr, a.mem_wmask, a.mem_wdata) + ", expected " +
                           memText(x.mem_addr, x.mem_wmask, x.mem_wdata), e, a, index);
  if ((!x.trap || o.checkTrapPcNext) && a.pc_wdata != x.pc_wdata)
    return make("pc_next", "next pc " + hex(a.pc_wdata) + ", expected " + hex(x.pc_wdata), e, a, index);
  if (o.checkOperands && !x.trap) {
    if (x.rs1_addr && a.rs1_addr == x.rs1_addr && a.rs1_rdata != x.rs1_rdata)
      return make("rs1", "x" + std::to_string(x.rs1_addr) + " read as " + hex(a.rs1_rdata) +
                             ", expected " + hex(x.rs1_rdata), e, a, index);
    if (x.rs2_addr && a.rs2_addr == x.rs2_addr && a.rs2_rdata != x.rs2_rdata)
      return make("rs2", "x" + std::to_string(x.rs2_addr) + " read as " + hex(a.rs2_rdata) +
                             ", expected " + hex(x.rs2_rdata), e, a, index);
  }
  return std::nullopt;
}

std::string describeRetirement(const Rvfi& r) {
  std::string s = "pc=" + hex(r.pc_rdata) + " insn=" + hex(r.insn) + " (" + disassemble(r.insn, r.pc_rdata) + ")";
  if (r.trap) s += " TRAP";
  if (r.rd_addr) s += " x" + std::to_string(r.rd_addr) + "=" + hex(r.rd_wdata);
  if (r.mem_rmask) s += " load" + memText(r.mem_addr, r.mem_rmask, r.mem_rdata);
  if (r.mem_wmask) s += " store" + memText(r.mem_addr, r.mem_wmask, r.mem_wdata);
  s += " next=" + hex(r.pc_wdata);
  return s;
}

}  // namespace rtlarena::fuzz
