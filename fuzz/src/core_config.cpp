// core.json and bugs.json readers. Unknown tolerance keys are ignored so that a core may
// document more than the model uses; a known key with a bad value is an error.
#include "rtlarena/fuzz/core_config.h"

#include <algorithm>
#include <cctype>
#include <nlohmann/json.hpp>

#include "rtlarena/core/files.h"
#include "rtlarena/core/tools.h"

namespace rtlarena::fuzz {

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

Error bad(const fs::path& file, const std::string& field, const std::string& expected) {
  return makeError(ErrorCode::BadConfig,
                   file.string() + ": field '" + field + "': expected " + expected);
}

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
  return s;
}

// A CSR given as a number, a "0x..." string or a name.
bool csrFromJson(const json& v, uint16_t& out) {
  static const std::map<std::string, uint16_t> names = {
      {"mstatus", csr::kMstatus}, {"misa", csr::kMisa},         {"mie", csr::kMie},
      {"mtvec", csr::kMtvec},     {"mscratch", csr::kMscratch}, {"mepc", csr::kMepc},
      {"mcause", csr::kMcause},   {"mtval", csr::kMtval},       {"mip", csr::kMip},
      {"mcycle", csr::kMcycle},   {"minstret", csr::kMinstret}, {"mcycleh", csr::kMcycleh},
      {"minstreth", csr::kMinstreth}, {"cycle", csr::kCycle},   {"time", csr::kTime},
      {"instret", csr::kInstret}, {"cycleh", csr::kCycleh},     {"timeh", csr::kTimeh},
      {"instreth", csr::kInstreth}, {"mvendorid", csr::kMvendorid},
      {"marchid", csr::kMarchid}, {"mimpid", csr::kMimpid},     {"mhartid", csr::kMhartid}};
  if (v.is_number_unsigned() && v.get<unsigned>() < 4096) {
    out = static_cast<uint16_t>(v.get<unsigned>());
    return true;
  }
  if (!v.is_string()) return false;
  std::string s = lower(v.get<std::string>());
  if (auto it = names.find(s); it != names.end()) {
    out = it->second;
    return true;
  }
  try {
    unsigned long n = std::stoul(s, nullptr, 0);
    if (n >= 4096) return false;
    out = static_cast<uint16_t>(n);
    return true;
  } catch (...) {
    return false;
  }
}

bool u32FromJson(const json& v, uint32_t& out) {
  if (v.is_number_unsigned()) {
    out = v.get<uint32_t>();
    return true;
  }
  if (!v.is_string()) return false;
  try {
    out = static_cast<uint32_t>(std::stoul(v.get<std::string>(), nullptr, 0));
    return true;
  } catch (...) {
    return false;
  }
}

// "illegal: instruction word; ebreak: pc; misaligned: address or target; ecall: 0", or an
// object {"illegal": "insn"|"zero", "ebreak": "pc"|"zero", "misaligned": "addr"|"zero"}.
void readMtval(const json& v, IsaOptions& isa) {
  auto zero = [](std::string s) {
    s = lower(s);
    return s.find("zero") != std::string::npos || s == "0" || s.find(" 0") != std::string::npos;
  };
  if (v.is_object()) {
    if (v.contains("illegal")) isa.mtvalIllegalInsn = !zero(v["illegal"].get<std::string>());
    if (v.contains("ebreak")) isa.mtvalEbreakPc = !zero(v["ebreak"].get<std::string>());
    if (v.contains("misaligned")) isa.mtvalMisalignedAddr = !zero(v["misaligned"].get<std::string>());
    return;
  }
  if (!v.is_string()) return;
  std::string s = v.get<std::string>();
  size_t start = 0;
  while (start < s.size()) {
    size_t end = s.find(';', start);
    std::string part = s.substr(start, end == std::string::npos ? std::string::npos : end - start);
    if (auto colon = part.find(':'); colon != std::string::npos) {
      std::string key = lower(part.substr(0, colon)), val = part.substr(colon + 1);
      if (key.find("illegal") != std::string::npos) isa.mtvalIllegalInsn = !zero(val);
      if (key.find("ebreak") != std::string::npos) isa.mtvalEbreakPc = !zero(val);
      if (key.find("misaligned") != std::string::npos) isa.mtvalMisalignedAddr = !zero(val);
    }
    if (end == std::string::npos) break;
    start = end + 1;
  }
}

Status readTolerances(const json& t, const fs::path& file, CoreConfig& c) {
  IsaOptions& isa = c.isa;
  auto str = [&](const char* key, std::string& out) -> bool {
    if (!t.contains(key)) return false;
    if (!t[key].is_string()) return false;
    out = lower(t[key].get<std::string>());
    return true;
  };
  std::string s;
  if (str("misaligned_access", s)) {
    if (s == "trap") isa.misaligned = MisalignedPolicy::Trap;
    else if (s == "support" || s == "supported") isa.misaligned = MisalignedPolicy::Support;
    else return bad(file, "tolerances.misaligned_access", "\"trap\" or \"support\"");
  }
  if (str("traps", s)) {
    if (s == "vector") isa.traps = TrapPolicy::Vector;
    else if (s == "halt") isa.traps = TrapPolicy::Halt;
    else return bad(file, "tolerances.traps", "\"vector\" or \"halt\"");
  }
  if (str("fence_i", s)) {
    if (s == "illegal") isa.fenceI = FenceIPolicy::Illegal;
    else if (s == "nop" || s == "fence") isa.fenceI = FenceIPolicy::Nop;
    else return bad(file, "tolerances.fence_i", "\"illegal\" or \"nop\"");
  }
  if (str("wfi", s)) {
    if (s == "nop") isa.wfi = WfiPolicy::Nop;
    else if (s == "illegal") isa.wfi = WfiPolicy::Illegal;
    else return bad(file, "tolerances.wfi", "\"nop\" or \"illegal\"");
  }
  if (str("fence", s)) {
    if (s == "illegal") isa.fenceIllegal = true;
    else if (s == "nop" || s == "fence") isa.fenceIllegal = false;
    else return bad(file, "tolerances.fence", "\"nop\" or \"illegal\"");
  }
  if (str("csr_access", s)) {
    if (s == "csrrs_x0_only") isa.csrReadsOnlyCsrrsX0 = true;
    else if (s == "all") isa.csrReadsOnlyCsrrsX0 = false;
    else return bad(file, "tolerances.csr_access", "\"all\" or \"csrrs_x0_only\"");
  }
  if (t.contains("instret_read_offset")) {
    if (!t["instret_read_offset"].is_number_unsigned()) return bad(file, "tolerances.instret_read_offset", "a small unsigned number");
    isa.instretReadOffset = t["instret_read_offset"].get<uint32_t>();
  }
  if (t.contains("csrs")) {
    if (!t["csrs"].is_array()) return bad(file, "tolerances.csrs", "an array of CSR addresses or names");
    isa.csrs.clear();
    for (const auto& v : t["csrs"]) {
      uint16_t a = 0;
      if (!csrFromJson(v, a)) return bad(file, "tolerances.csrs", "CSR addresses (0..4095) or names");
      isa.csrs.insert(a);
    }
  }
  if (t.contains("read_only_csrs")) {
    if (!t["read_only_csrs"].is_array()) return bad(file, "tolerances.read_only_csrs", "an array of CSR addresses or names");
    for (const auto& v : t["read_only_csrs"]) {
      uint16_t a = 0;
      if (!csrFromJson(v, a)) return bad(file, "tolerances.read_only_csrs", "CSR addresses (0..4095) or names");
      isa.readOnlyCsrs.insert(a);
      isa.csrs.insert(a);
    }
  }
  if (t.contains("csr_values")) {
    if (!t["csr_values"].is_object()) return bad(file, "tolerances.csr_values", "an object {csr: value}");
    for (const auto& [k, v] : t["csr_values"].items()) {
      uint16_t a = 0;
      uint32_t val = 0;
      if (!csrFromJson(json(k), a) || !u32FromJson(v, val))
        return bad(file, "tolerances.csr_values." + k, "a CSR name and a 32-bit value");
      isa.csrValues[a] = val;
    }
  }
  if (t.contains("minstret_counts_traps")) {
    if (!t["minstret_counts_traps"].is_boolean()) return bad(file, "tolerances.minstret_counts_traps", "true or false");
    isa.minstretCountsTraps = t["minstret_counts_traps"].get<bool>();
  }
  if (str("minstret", s)) {
    if (s != "counted" && s != "unpredictable") return bad(file, "tolerances.minstret", "\"counted\" or \"unpredictable\"");
    isa.minstretUnpredictable = s == "unpredictable";
  }
  if (str("ecall_ebreak", s)) {
    if (s != "trap" && s != "jump") return bad(file, "tolerances.ecall_ebreak", "\"trap\" or \"jump\"");
    isa.ecallEbreakJump = s == "jump";
  }
  if (t.contains("csr_write_masks")) {
    if (!t["csr_write_masks"].is_object()) return bad(file, "tolerances.csr_write_masks", "an object {csr: mask}");
    for (const auto& [k, v] : t["csr_write_masks"].items()) {
      uint16_t a = 0;
      uint32_t m = 0;
      if (!csrFromJson(json(k), a) || !u32FromJson(v, m))
        return bad(file, "tolerances.csr_write_masks." + k, "a CSR name and a 32-bit mask");
      if (a == csr::kMie) isa.mieMask = m;
      else if (a == csr::kMip) isa.mipMask = m;
      else if (a == csr::kMtvec) isa.mtvecMask = m;
      else if (a == csr::kMcause) isa.mcauseMask = m;
      else return bad(file, "tolerances.csr_write_masks." + k, "one of mie, mip, mtvec, mcause");
    }
  }
  if (t.contains("mtval")) readMtval(t["mtval"], isa);
  if (t.contains("regs_reset")) {
    const auto& v = t["regs_reset"];
    c.regsReset = v.is_number() ? v.get<int>() == 0 : !(v.is_string() && lower(v.get<std::string>()) == "none");
  }
  if (str("self_modifying_code", s)) {
    if (s != "coherent" && s != "incoherent") return bad(file, "tolerances.self_modifying_code", "\"coherent\" or \"incoherent\"");
    c.coherentSelfModifying = s == "coherent";
    isa.coherentFetch = c.coherentSelfModifying;
  }
  if (t.contains("rd_report_ignored")) {
    const json& v = t["rd_report_ignored"];
    if (!v.is_array()) return bad(file, "tolerances.rd_report_ignored", "an array of mnemonics (e.g. [\"fence\"])");
    for (const auto& m : v) {
      bool found = false;
      for (unsigned o = 0; o < static_cast<unsigned>(Op::Count_) && m.is_string(); ++o)
        if (opName(static_cast<Op>(o)) == lower(m.get<std::string>())) {
          isa.rdReportIgnored.insert(static_cast<Op>(o));
          found = true;
        }
      if (!found) return bad(file, "tolerances.rd_report_ignored", "mnemonics the model knows (fence, fence.i, ...)");
    }
  }
  if (t.contains("deviations") && t["deviations"].is_array())
    for (const auto& v : t["deviations"])
      if (v.is_string()) c.deviations.push_back(v.get<std::string>());
  return Ok{};
}

}  // namespace

Result<fs::path> resolveCoreConfig(const std::string& ref) {
  std::error_code ec;
  fs::path p(ref);
  if (fs::is_regular_file(p, ec)) return fs::absolute(p);
  if (fs::is_directory(p, ec) && fs::exists(p / "core.json", ec)) return fs::absolute(p / "core.json");
  fs::path ours = fs::path(projectRoot()) / "designs" / "riscv" / ref / "core.json";
  if (fs::exists(ours, ec)) return ours;
  return makeError(ErrorCode::NotFound, "--core '" + ref + "': not a core.json, a folder with one, or one of designs/riscv/*");
}

Result<CoreConfig> loadCoreConfig(const fs::path& path) {
  auto text = readFile(path);
  if (!text) return text.error();
  json j;
  try {
    j = json::parse(*text);
  } catch (const std::exception& e) {
    return makeError(ErrorCode::BadConfig, path.string() + ": not valid JSON: " + e.what());
  }
  CoreConfig c;
  c.file = fs::absolute(path).lexically_normal();
  const fs::path dir = c.file.parent_path();
  if (!j.is_object()) return bad(path, "(top)", "an object");
  if (!j.contains("name") || !j["name"].is_string()) return bad(path, "name", "a string");
  c.name = j["name"].get<std::string>();
  c.description = j.value("description", "");
  c.wrapper = j.value("wrapper", "rtlarena_dut");
  if (!j.contains("sources") || !j["sources"].is_array() || j["sources"].empty())
    return bad(path, "sources", "a non-empty array of Verilog files relative to the core.json");
  for (const auto& s : j["sources"]) {
    if (!s.is_string()) return bad(path, "sources", "strings");
    fs::path p = (dir / s.get<std::string>()).lexically_normal();
    if (!fs::exists(p)) return bad(path, "sources", "existing files; '" + p.string() + "' is missing");
    c.sources.push_back(p);
  }
  if (j.contains("include_dirs"))
    for (const auto& s : j["include_dirs"])
      if (s.is_string()) c.includeDirs.push_back((dir / s.get<std::string>()).lexically_normal());
  if (j.contains("defines")) {
    if (!j["defines"].is_object()) return bad(path, "defines", "an object {NAME: value}");
    for (const auto& [k, v] : j["defines"].items())
      c.defines[k] = v.is_string() ? v.get<std::string>() : v.dump();
  }
  if (j.contains("verilator_flags"))
    for (const auto& s : j["verilator_flags"])
      if (s.is_string()) c.verilatorFlags.push_back(s.get<std::string>());
  std::string isa = lower(j.value("isa", "rv32im_zicsr"));
  const std::string base = isa.substr(0, isa.find('_'));
  c.isa.mExtension = base.find('m', 4) != std::string::npos;  // "rv32im", "rv32imc", ...
  auto u32 = [&](const char* key, uint32_t& out) -> Status {
    if (!j.contains(key)) return Ok{};
    if (!u32FromJson(j[key], out)) return bad(path, key, "a 32-bit number");
    return Ok{};
  };
  if (auto s = u32("reset_pc", c.isa.resetPc); !s) return s.error();
  if (auto s = u32("mtvec_reset", c.isa.mtvecReset); !s) return s.error();
  if (auto s = u32("mem_bytes", c.isa.memBytes); !s) return s.error();
  if (c.isa.memBytes < 4096 || (c.isa.memBytes & (c.isa.memBytes - 1)) != 0)
    return bad(path, "mem_bytes", "a power of two of at least 4096");
  if (j.contains("reset_cycles")) c.resetCycles = j["reset_cycles"].get<unsigned>();
  if (j.contains("tolerances")) {
    if (auto s = readTolerances(j["tolerances"], path, c); !s) return s.error();
  }
  if (j.contains("bugs") && j["bugs"].is_string()) c.bugsFile = (dir / j["bugs"].get<std::string>()).lexically_normal();
  return c;
}

Result<std::vector<BugInfo>> loadBugCatalogue(const fs::path& file, const std::string& core) {
  auto text = readFile(file);
  if (!text) return text.error();
  json j;
  try {
    j = json::parse(*text);
  } catch (const std::exception& e) {
    return makeError(ErrorCode::BadConfig, file.string() + ": not valid JSON: " + e.what());
  }
  const json& list = j.is_object() && j.contains("bugs") ? j["bugs"] : j;
  if (!list.is_array()) return bad(file, "bugs", "an array of bug objects");
  std::vector<BugInfo> out;
  for (const auto& b : list) {
    if (!b.is_object() || !b.contains("id") || !b["id"].is_string()) return bad(file, "bugs[].id", "a string");
    BugInfo info;
    info.id = b["id"].get<std::string>();
    info.core = b.value("core", "");
    info.define = b.value("define", "RTLARENA_BUG_" + info.id);
    info.description = b.value("description", b.value("summary", ""));
    info.cls = b.value("class", "");
    info.depth = b.value("depth", "");
    if (b.contains("program") && b["program"].is_string())
      info.program = (file.parent_path() / b["program"].get<std::string>()).lexically_normal();
    if (!core.empty() && !info.core.empty() && lower(info.core) != lower(core)) continue;
    out.push_back(std::move(info));
  }
  return out;
}

Result<BugInfo> findBug(const CoreConfig& core, const std::string& id) {
  if (core.bugsFile.empty())
    return makeError(ErrorCode::NotFound, core.file.string() + ": the core has no bug catalogue ('bugs')");
  auto bugs = loadBugCatalogue(core.bugsFile, core.name);
  if (!bugs) return bugs.error();
  std::string want = lower(id);
  if (want.rfind("rtlarena_bug_", 0) == 0) want = want.substr(13);
  for (const auto& b : *bugs)
    if (lower(b.id) == want || lower(b.define) == lower(id)) return b;
  return makeError(ErrorCode::NotFound, "no bug '" + id + "' for core '" + core.name + "' in " +
                                            core.bugsFile.string());
}

}  // namespace rtlarena::fuzz
