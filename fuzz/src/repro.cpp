// Reproducer JSON (format "rtlarena-fuzz-repro-1"). Words are hex strings so that the file
// reads like a listing; each body word carries its disassembly alongside.
#include "rtlarena/fuzz/repro.h"

#include <cstdio>
#include <nlohmann/json.hpp>

#include "rtlarena/core/files.h"
#include "rtlarena/core/tools.h"
#include "rtlarena/fuzz/decode.h"

namespace rtlarena::fuzz {

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

std::string hex(uint32_t v) {
  char b[16];
  std::snprintf(b, sizeof b, "0x%08x", v);
  return b;
}

uint32_t unhex(const json& v) {
  if (v.is_number_unsigned()) return v.get<uint32_t>();
  return static_cast<uint32_t>(std::stoul(v.get<std::string>(), nullptr, 0));
}

json rvfiJson(const Rvfi& r) {
  return {{"pc_rdata", hex(r.pc_rdata)}, {"insn", hex(r.insn)}, {"asm", disassemble(r.insn, r.pc_rdata)},
          {"trap", r.trap},             {"rd_addr", r.rd_addr}, {"rd_wdata", hex(r.rd_wdata)},
          {"rs1_addr", r.rs1_addr},     {"rs1_rdata", hex(r.rs1_rdata)}, {"rs2_addr", r.rs2_addr},
          {"rs2_rdata", hex(r.rs2_rdata)}, {"mem_addr", hex(r.mem_addr)}, {"mem_rmask", r.mem_rmask},
          {"mem_wmask", r.mem_wmask},   {"mem_rdata", hex(r.mem_rdata)}, {"mem_wdata", hex(r.mem_wdata)},
          {"pc_wdata", hex(r.pc_wdata)}, {"intr", r.intr},       {"order", r.order}};
}

Rvfi rvfiFrom(const json& j) {
  Rvfi r{};
  r.pc_rdata = unhex(j.at("pc_rdata"));
  r.insn = unhex(j.at("insn"));
  r.trap = j.value("trap", 0);
  r.rd_addr = j.value("rd_addr", 0);
  r.rd_wdata = unhex(j.at("rd_wdata"));
  r.rs1_addr = j.value("rs1_addr", 0);
  r.rs1_rdata = unhex(j.at("rs1_rdata"));
  r.rs2_addr = j.value("rs2_addr", 0);
  r.rs2_rdata = unhex(j.at("rs2_rdata"));
  r.mem_addr = unhex(j.at("mem_addr"));
  r.mem_rmask = j.value("mem_rmask", 0);
  r.mem_wmask = j.value("mem_wmask", 0);
  r.mem_rdata = unhex(j.at("mem_rdata"));
  r.mem_wdata = unhex(j.at("mem_wdata"));
  r.pc_wdata = unhex(j.at("pc_wdata"));
  r.intr = j.value("intr", 0);
  r.order = j.value("order", 0ull);
  r.valid = 1;
  return r;
}

}  // namespace

std::string portablePath(const fs::path& p) {
  fs::path root = fs::absolute(projectRoot()).lexically_normal();
  fs::path abs = fs::absolute(p).lexically_normal();
  fs::path rel = abs.lexically_relative(root);
  if (!rel.empty() && *rel.begin() != "..") return rel.string();
  return abs.string();
}

fs::path resolvePortable(const std::string& p) {
  fs::path path(p);
  if (path.is_absolute()) return path;
  return fs::path(projectRoot()) / path;
}

Status writeReproducer(const fs::path& file, const Reproducer& r) {
  json body = json::array(), dis = json::array(), data = json::array();
  for (uint32_t w : r.program.body) body.push_back(hex(w));
  for (uint32_t w : r.program.data) data.push_back(hex(w));
  for (uint32_t w : r.program.body) dis.push_back(disassemble(w));
  json j = {{"format", "rtlarena-fuzz-repro-1"},
            {"core", r.core},
            {"core_config", r.coreConfig},
            {"bug", r.bug},
            {"defines", r.defines},
            {"plusargs", r.plusargs},
            {"sources_override", r.sourcesOverride},
            {"coverage", r.coverage},
            {"algo", r.algo},
            {"seed", r.seed},
            {"test", r.test},
            {"signature", r.signature},
            {"exit", r.selfCheckExit ? "a7_93" : "first_ecall"},
            {"program", {{"body", body}, {"data", data}, {"asm", dis}}},
            {"divergence",
             {{"field", r.divergence.field},
              {"message", r.divergence.message},
              {"index", r.divergence.index},
              {"expected", rvfiJson(r.divergence.expected)},
              {"actual", rvfiJson(r.divergence.actual)}}}};
  return writeFile(file, j.dump(2) + "\n");
}

Result<Reproducer> readReproducer(const fs::path& file) {
  std::error_code ec;
  if (fs::is_directory(file, ec))
    return makeError(ErrorCode::NotFound, file.string() + " is a folder, not a reproducer: give the repro.json of one "
                                                          "mismatch (a fuzz --out folder keeps them in mismatches/*/repro.json)");
  auto text = readFile(file);
  if (!text) return text.error();
  json j = json::parse(*text, nullptr, false);
  if (j.is_discarded() || !j.is_object())
    return makeError(ErrorCode::Parse, file.string() + " is not a reproducer (not a JSON object); give the repro.json "
                                                       "of one mismatch (mismatches/*/repro.json of a fuzz --out folder)");
  try {
    if (j.value("format", "") != "rtlarena-fuzz-repro-1")
      return makeError(ErrorCode::Parse, file.string() + " is not a reproducer (its 'format' is not rtlarena-fuzz-repro-1); "
                                                         "give mismatches/*/repro.json of a fuzz --out folder");
    Reproducer r;
    r.core = j.value("core", "");
    r.coreConfig = j.at("core_config").get<std::string>();
    r.bug = j.value("bug", "");
    r.defines = j.value("defines", std::map<std::string, std::string>{});
    r.plusargs = j.value("plusargs", std::vector<std::string>{});
    r.sourcesOverride = j.value("sources_override", std::vector<std::string>{});
    r.coverage = j.value("coverage", "line");
    r.algo = j.value("algo", "");
    r.seed = j.value("seed", 0ull);
    r.test = j.value("test", 0ull);
    r.signature = j.value("signature", "");
    r.selfCheckExit = j.value("exit", "first_ecall") == "a7_93";
    for (const auto& w : j.at("program").at("body")) r.program.body.push_back(unhex(w));
    for (const auto& w : j.at("program").value("data", json::array())) r.program.data.push_back(unhex(w));
    const json& d = j.at("divergence");
    r.divergence.field = d.value("field", "");
    r.divergence.message = d.value("message", "");
    r.divergence.index = d.value("index", 0ull);
    r.divergence.expected = rvfiFrom(d.at("expected"));
    r.divergence.actual = rvfiFrom(d.at("actual"));
    return r;
  } catch (const std::exception& e) {
    // nlohmann's messages name the missing key ("key 'program' not found"); keep only that part.
    std::string what = e.what();
    if (auto close = what.find("] "); close != std::string::npos) what = what.substr(close + 2);
    return makeError(ErrorCode::Parse, file.string() + ": incomplete reproducer: " + what);
  }
}

}  // namespace rtlarena::fuzz
