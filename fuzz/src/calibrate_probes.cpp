// The calibration suite: small directed programs, one corner case each, built with the
// encoder. Every probe sets up its operands, executes the instruction under test, then reads
// back what it may have changed (the register it wrote, the CSR, mcause/mtval/mepc after a
// trap) so that a difference shows in lockstep even when the instruction's own retirement
// looks right. Registers: x5..x7 and x28..x30 carry values, x10/x17 the exit, x31 belongs to
// the frame's trap handler.
#include <cstdint>
#include <string>
#include <vector>

#include "rtlarena/fuzz/calibrate.h"
#include "rtlarena/fuzz/encode.h"
#include "rtlarena/fuzz/isa_options.h"

namespace rtlarena::fuzz {

namespace {

constexpr unsigned t0 = 5, t1 = 6, t2 = 7, t3 = 28, t4 = 29, t5 = 30, a0 = 10, a7 = 17;

// Builds one probe's body.
class Body {
 public:
  Body& li(unsigned rd, uint32_t v) {
    const int32_t lo = static_cast<int32_t>(v << 20) >> 20;
    w_.push_back(rv::lui(rd, (v - static_cast<uint32_t>(lo)) >> 12));
    w_.push_back(rv::addi(rd, rd, lo));
    return *this;
  }
  Body& op(uint32_t word) {
    w_.push_back(word);
    return *this;
  }
  /// Reads back mcause, mtval and mepc (after a trap the frame's handler returned here).
  Body& trapState() {
    return op(rv::csrrs(t3, csr::kMcause, 0)).op(rv::csrrs(t4, csr::kMtval, 0)).op(rv::csrrs(t5, csr::kMepc, 0));
  }
  /// The address of the next word, into rd (auipc rd, 0 is that word itself).
  uint32_t at() const { return static_cast<uint32_t>(w_.size()); }
  Program done() {
    Program p;
    p.body = w_;
    p.body.push_back(rv::addi(a0, 0, 0));
    p.body.push_back(rv::addi(a7, 0, 93));
    p.body.push_back(rv::ecall());
    p.data = {0x80000000u, 0xffffffffu, 0x12345678u, 0x0000ff80u, 0xdeadbeefu, 0x7fffffffu, 0, 1};
    return p;
  }

 private:
  std::vector<uint32_t> w_;
};

uint32_t fenceWord(unsigned fm, unsigned pred, unsigned succ, unsigned rs1, unsigned funct3, unsigned rd) {
  return (fm << 28) | (pred << 24) | (succ << 20) | (rs1 << 15) | (funct3 << 12) | (rd << 7) | 0x0f;
}
uint32_t systemWord(uint32_t imm12, unsigned rs1, unsigned funct3, unsigned rd) {
  return (imm12 << 20) | (rs1 << 15) | (funct3 << 12) | (rd << 7) | 0x73;
}

constexpr uint32_t kDataBase = 0x8000;  // the frame's data area on a 64 KiB core (a probe
                                        // recomputes nothing from it: loads use x5 = this)

struct Csr {
  const char* name;
  uint16_t addr;
};
constexpr Csr kCsrs[] = {
    {"mstatus", csr::kMstatus}, {"misa", csr::kMisa},       {"mie", csr::kMie},
    {"mtvec", csr::kMtvec},     {"mscratch", csr::kMscratch}, {"mepc", csr::kMepc},
    {"mcause", csr::kMcause},   {"mtval", csr::kMtval},     {"mip", csr::kMip},
    {"mcycle", csr::kMcycle},   {"minstret", csr::kMinstret}, {"mcycleh", csr::kMcycleh},
    {"minstreth", csr::kMinstreth}, {"cycle", csr::kCycle}, {"time", csr::kTime},
    {"instret", csr::kInstret}, {"cycleh", csr::kCycleh},   {"timeh", csr::kTimeh},
    {"instreth", csr::kInstreth}, {"mvendorid", csr::kMvendorid}, {"marchid", csr::kMarchid},
    {"mimpid", csr::kMimpid},   {"mhartid", csr::kMhartid}, {"mcounteren", 0x306},
    {"mstatush", 0x310},        {"mcountinhibit", 0x320},   {"mhpmevent3", 0x323},
    {"mhpmcounter3", 0xb03},    {"hpmcounter3", 0xc03},     {"sstatus", 0x100},
    {"satp", 0x180},            {"custom7c0", 0x7c0}};

void addFenceProbes(std::vector<CalibrationProbe>& out) {
  auto add = [&](const std::string& n, uint32_t word, bool readBack) {
    Body b;
    b.li(t0, 0x1234).li(t1, kDataBase).op(word);
    if (readBack) b.op(rv::add(t2, t0, 0)).op(rv::add(t3, t1, 0));
    out.push_back({"fence/" + n, "fence", b.done()});
  };
  add("plain", fenceWord(0, 0xf, 0xf, 0, 0, 0), false);
  add("rw-rw", fenceWord(0, 0x3, 0x3, 0, 0, 0), false);
  add("rd-set", fenceWord(0, 0xf, 0xf, 0, 0, t0), true);
  add("rs1-set", fenceWord(0, 0xf, 0xf, t1, 0, 0), true);
  add("tso", fenceWord(0x8, 0x3, 0x3, 0, 0, 0), false);
  add("reserved-fm", fenceWord(0xf, 0xf, 0xf, t1, 0, t0), true);
  add("fence.i", fenceWord(0, 0, 0, 0, 1, 0), false);
  add("fence.i-fields-set", fenceWord(0x1, 0x2, 0x3, t1, 1, t0), true);
  add("misc-mem-funct3-2", fenceWord(0, 0, 0, 0, 2, 0), false);
  Body w;
  w.op(rv::wfi()).op(rv::addi(t0, 0, 1));
  out.push_back({"system/wfi", "fence", w.done()});
}

void addCsrProbes(std::vector<CalibrationProbe>& out) {
  for (const Csr& c : kCsrs) {
    const std::string base = std::string("csr/") + c.name + "/";
    auto add = [&](const std::string& form, const std::vector<uint32_t>& words) {
      Body b;
      b.li(t0, 0xffffffffu).li(t1, 0x5a5a5a5au);
      for (uint32_t w : words) b.op(w);
      out.push_back({base + form, "csr", b.done()});
    };
    const uint16_t a = c.addr;
    const uint32_t readBack = rv::csrrs(t2, a, 0);
    add("csrrs-x0", {rv::csrrs(t2, a, 0)});
    add("csrrs-x0-to-x0", {rv::csrrs(0, a, 0), rv::add(t3, 0, 0)});
    add("csrrc-x0", {rv::csrrc(t2, a, 0)});
    add("csrrsi-0", {rv::csrrsi(t2, a, 0)});
    add("csrrci-0", {rv::csrrci(t2, a, 0)});
    add("csrrw-x0-dest", {rv::csrrw(0, a, t1), readBack});
    add("csrrw", {rv::csrrw(t2, a, t0), readBack});
    add("csrrs-ones", {rv::csrrs(t2, a, t0), readBack});
    add("csrrc-ones", {rv::csrrc(t2, a, t0), readBack});
    add("csrrwi", {rv::csrrwi(t2, a, 0x15), readBack});
    add("csrrsi", {rv::csrrsi(t2, a, 0x1f), readBack});
    add("csrrci", {rv::csrrci(t2, a, 0x1f), readBack});
  }
  Body b;
  b.op(systemWord(csr::kMscratch, 0, 4, t2));  // CSR funct3 = 100 is reserved
  out.push_back({"csr/funct3-4", "csr", b.done()});
  // csrrs/csrrc with rs1 != x0 are writes whatever the register holds: on a read-only CSR
  // they trap even when the register is 0 (a core that looks at the value does not)
  for (const bool clear : {false, true}) {
    Body z;
    z.li(t3, 0).op(clear ? rv::csrrc(t2, csr::kMhartid, t3) : rv::csrrs(t2, csr::kMhartid, t3));
    out.push_back({std::string("csr/mhartid/") + (clear ? "csrrc" : "csrrs") + "-zero-register", "csr", z.done()});
  }
  // a CSR write whose source comes from the load just before it (a stalled pipeline must not
  // perform the write early with the register's old value); the CSR is read back
  for (const bool set : {false, true}) {
    Body l;
    l.li(t4, kDataBase).li(t3, 0x00ff00ffu).op(rv::sw(t3, t4, 20)).li(t3, 0x0f0f0f0fu)
        .op(rv::csrrw(0, csr::kMscratch, 0)).op(rv::lw(t3, t4, 20))
        .op(set ? rv::csrrs(t2, csr::kMscratch, t3) : rv::csrrw(t2, csr::kMscratch, t3))
        .op(rv::csrrs(t5, csr::kMscratch, 0));
    out.push_back({std::string("csr/mscratch/") + (set ? "csrrs" : "csrrw") + "-after-load", "csr", l.done()});
  }
}

void addCounterProbes(std::vector<CalibrationProbe>& out) {
  auto add = [&](const std::string& n, Body b) { out.push_back({"counters/" + n, "counters", b.done()}); };
  for (uint16_t c : {csr::kMinstret, csr::kInstret}) {
    const std::string n = c == csr::kInstret ? "instret" : "minstret";
    Body b;
    b.op(rv::nop()).op(rv::nop()).op(rv::csrrs(t0, c, 0)).op(rv::csrrs(t1, c, 0)).op(rv::sub(t2, t1, t0));
    add(n + "-consecutive", b);
    Body e;
    e.op(rv::csrrs(t0, c, 0)).op(rv::ebreak()).op(rv::csrrs(t1, c, 0)).op(rv::sub(t2, t1, t0));
    add(n + "-after-ebreak", e);
    Body i;
    i.op(rv::csrrs(t0, c, 0)).op(0).op(rv::csrrs(t1, c, 0)).op(rv::sub(t2, t1, t0));
    add(n + "-after-illegal", i);
  }
  Body w;
  w.li(t0, 0xfffffffeu).op(rv::csrrw(0, csr::kMinstret, t0)).op(rv::nop()).op(rv::nop())
      .op(rv::csrrs(t1, csr::kMinstret, 0)).op(rv::csrrs(t2, csr::kMinstreth, 0));
  add("minstret-wraps", w);
  Body cyc;
  cyc.op(rv::csrrs(t0, csr::kMcycle, 0)).op(rv::csrrs(t1, csr::kCycle, 0)).op(rv::csrrs(t2, csr::kTime, 0));
  add("cycle-reads", cyc);
}

void addTrapProbes(std::vector<CalibrationProbe>& out) {
  auto add = [&](const std::string& n, Body b) { out.push_back({"traps/" + n, "traps", b.done()}); };
  Body e;
  e.op(rv::addi(a7, 0, 1)).op(rv::ecall()).trapState();
  add("ecall", e);
  Body b;
  b.op(rv::ebreak()).trapState();
  add("ebreak", b);
  Body m;  // mret to an address set in mepc: the instruction after it is skipped
  m.op(rv::auipc(t0, 0)).op(rv::addi(t0, t0, 16)).op(rv::csrrw(0, csr::kMepc, t0)).op(rv::mret())
      .op(rv::addi(t1, 0, 1)).op(rv::csrrs(t2, csr::kMstatus, 0));
  add("mret", m);
  Body s;  // a trap inside a branch shadow: the taken branch skips the illegal word
  s.op(rv::beq(0, 0, 8)).op(0).op(rv::addi(t0, 0, 3)).trapState();
  add("branch-shadow", s);
}

void addMisalignedProbes(std::vector<CalibrationProbe>& out) {
  auto add = [&](const std::string& n, Body b) { out.push_back({"misaligned/" + n, "misaligned", b.done()}); };
  struct Access {
    const char* n;
    uint32_t (*make)(unsigned, unsigned, int32_t);
    int32_t off;
  };
  const Access loads[] = {{"lh+1", rv::lh, 1}, {"lhu+1", rv::lhu, 1}, {"lw+1", rv::lw, 1},
                          {"lw+2", rv::lw, 2}, {"lw+3", rv::lw, 3},   {"lh+3", rv::lh, 3}};
  for (const auto& l : loads) {
    Body b;
    b.li(t0, kDataBase).op(l.make(t1, t0, l.off)).op(rv::add(t2, t1, 0)).trapState();
    add(std::string("load-") + l.n, b);
  }
  const Access stores[] = {{"sh+1", rv::sh, 1}, {"sw+1", rv::sw, 1}, {"sw+2", rv::sw, 2}, {"sh+3", rv::sh, 3}};
  for (const auto& s : stores) {
    Body b;
    b.li(t0, kDataBase).li(t1, 0x11223344).op(s.make(t1, t0, s.off)).op(rv::lw(t2, t0, 0)).op(rv::lw(t3, t0, 4))
        .trapState();
    add(std::string("store-") + s.n, b);
  }
  Body j;
  j.op(rv::jal(1, 6)).op(rv::nop()).op(rv::nop()).trapState();
  add("jal+6", j);
  Body jr;
  jr.op(rv::auipc(t0, 0)).op(rv::jalr(1, t0, 10)).op(rv::nop()).op(rv::nop()).op(rv::nop()).trapState();
  add("jalr-bit1", jr);
  Body jo;  // bit 0 of the jalr target is cleared: legal
  jo.op(rv::auipc(t0, 0)).op(rv::jalr(1, t0, 13)).op(rv::nop()).op(rv::addi(t1, 0, 1)).op(rv::addi(t2, 0, 2));
  add("jalr-bit0", jo);
  Body bt;
  bt.op(rv::beq(0, 0, 6)).op(rv::nop()).op(rv::nop()).trapState();
  add("branch-taken+6", bt);
  Body bn;  // not taken: a misaligned target does not matter
  bn.op(rv::bne(0, 0, 6)).op(rv::addi(t1, 0, 1)).trapState();
  add("branch-not-taken+6", bn);
}

void addIllegalProbes(std::vector<CalibrationProbe>& out) {
  const std::pair<const char*, uint32_t> words[] = {
      {"zero", 0x00000000u},          {"ones", 0xffffffffu},         {"custom-0", 0x0000000bu},
      {"slli-funct7", 0x02029293u},   {"srli-funct7", 0x0202d293u},  {"op-funct7", 0x04628333u},
      {"load-funct3-3", 0x0002b303u}, {"load-funct3-6", 0x0002e303u}, {"store-funct3-3", 0x0062b023u},
      {"branch-funct3-2", 0x00002463u}, {"jalr-funct3-1", 0x000290e7u}, {"system-funct3-4", systemWord(0, 0, 4, 0)},
      {"ecall-rd-set", systemWord(0, 0, 0, t1)}, {"ecall-rs1-set", systemWord(0, t0, 0, 0)},
      {"sret", 0x10200073u},          {"uret", 0x00200073u},         {"16-bit-parcel", 0x00004501u},
      {"amo", 0x0062a2afu},           {"op-32", 0x0062833bu}};
  for (const auto& [n, w] : words) {
    Body b;
    b.li(t0, kDataBase).op(w).trapState();
    out.push_back({std::string("illegal/") + n, "illegal", b.done()});
  }
}

void addMulDivProbes(std::vector<CalibrationProbe>& out) {
  struct Case {
    const char* n;
    uint32_t (*make)(unsigned, unsigned, unsigned);
    uint32_t a, b;
  };
  const Case cases[] = {
      {"div-by-zero-pos", rv::div, 7, 0},           {"div-by-zero-neg", rv::div, 0xfffffff9u, 0},
      {"divu-by-zero", rv::divu, 7, 0},             {"rem-by-zero-neg", rv::rem, 0xfffffff9u, 0},
      {"remu-by-zero", rv::remu, 7, 0},             {"div-min-by-minus1", rv::div, 0x80000000u, 0xffffffffu},
      {"rem-min-by-minus1", rv::rem, 0x80000000u, 0xffffffffu}, {"divu-min-by-minus1", rv::divu, 0x80000000u, 0xffffffffu},
      {"div-neg-rounds-to-zero", rv::div, 0xfffffff9u, 2}, {"rem-neg", rv::rem, 0xfffffff9u, 2},
      {"mulh-min-min", rv::mulh, 0x80000000u, 0x80000000u}, {"mulhsu-min-ones", rv::mulhsu, 0x80000000u, 0xffffffffu},
      {"mulhu-ones-ones", rv::mulhu, 0xffffffffu, 0xffffffffu}, {"mul-min-minus1", rv::mul, 0x80000000u, 0xffffffffu}};
  for (const auto& c : cases) {
    Body b;
    b.li(t0, c.a).li(t1, c.b).op(c.make(t2, t0, t1)).op(rv::add(t3, t2, 0));
    out.push_back({std::string("muldiv/") + c.n, "muldiv", b.done()});
    // the same after a stall: the dividend comes from a load just before, then a second
    // division consumes the first one's result
    Body s;
    s.li(t4, kDataBase).li(t1, c.b).op(rv::sw(t0, t4, 24)).li(t0, c.a).op(rv::sw(t0, t4, 24))
        .op(rv::lw(t0, t4, 24)).op(c.make(t2, t0, t1)).op(c.make(t3, t2, t1)).op(rv::add(t5, t3, t2));
    out.push_back({std::string("muldiv/") + c.n + "-after-load", "muldiv", s.done()});
  }
}

void addX0Probes(std::vector<CalibrationProbe>& out) {
  auto add = [&](const std::string& n, uint32_t word) {
    Body b;
    b.li(t0, kDataBase).li(t1, 0x5a5a5a5au).op(rv::csrrw(0, csr::kMscratch, t1)).op(word).op(rv::add(t2, 0, 0))
        .op(rv::add(t3, 0, 0)).op(rv::sw(0, t0, 28)).op(rv::lw(t4, t0, 28));
    out.push_back({"x0/" + n, "x0", b.done()});
  };
  add("addi", rv::addi(0, 0, 5));
  add("lui", rv::lui(0, 0x12345));
  add("auipc", rv::auipc(0, 1));
  add("add", rv::add(0, t1, t1));
  add("load", rv::lw(0, t0, 4));
  add("mul", rv::mul(0, t1, t1));
  add("div", rv::div(0, t1, t1));
  add("csrrs", rv::csrrs(0, csr::kMscratch, 0));
  add("csrrw", rv::csrrw(0, csr::kMscratch, t1));
  add("jal", rv::jal(0, 4));
}

void addSelfModifyingProbes(std::vector<CalibrationProbe>& out) {
  // auipc t0 (word k); li t2 = new word (k+1, k+2); sw t2, off(t0) (k+3); ... target
  auto add = [&](const std::string& n, unsigned gap, bool fenceI) {
    Body b;
    const uint32_t k = b.at();
    b.op(rv::auipc(t0, 0)).li(t2, rv::addi(t1, 0, 7));
    const uint32_t store = b.at();
    const uint32_t target = store + 1 + gap + (fenceI ? 1 : 0);
    b.op(rv::sw(t2, t0, static_cast<int32_t>(4 * (target - k))));
    for (unsigned i = 0; i < gap; ++i) b.op(rv::nop());
    if (fenceI) b.op(fenceWord(0, 0, 0, 0, 1, 0));
    b.op(rv::addi(t1, 0, 1)).op(rv::add(t3, t1, 0));
    out.push_back({"smc/" + n, "smc", b.done()});
  };
  add("next-instruction", 0, false);
  add("two-ahead", 1, false);
  add("after-fence.i", 0, true);
}

}  // namespace

std::vector<CalibrationProbe> calibrationSuite() {
  std::vector<CalibrationProbe> out;
  addFenceProbes(out);
  addCsrProbes(out);
  addCounterProbes(out);
  addTrapProbes(out);
  addMisalignedProbes(out);
  addIllegalProbes(out);
  addMulDivProbes(out);
  addX0Probes(out);
  addSelfModifyingProbes(out);
  // last: reads registers the probe never wrote, so a core that keeps them across reset
  // shows the values earlier probes left there
  Body r;
  for (unsigned reg : {1u, 5u, 6u, 7u, 28u, 29u, 30u}) r.op(rv::add(t1, reg, 0));
  out.push_back({"reset/registers-read-before-write", "reset", r.done()});
  return out;
}

}  // namespace rtlarena::fuzz
