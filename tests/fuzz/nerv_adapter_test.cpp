// The NERV adapter (testbenches/riscv/adapters/nerv) without NERV's source: core.json loads
// with NERV's tolerances and uses only keys docs/FUZZING.md documents, the wrapper compiles
// (Verilator -Wall lint, iverilog) against our stub `nerv` with NERV's port list
// (tests/fixtures/nerv/nerv_stub.sv), and scripts/fetch_nerv.sh refuses what is not NERV.
#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <regex>
#include <set>
#include <sstream>

#include "rtlarena/core/files.h"
#include "rtlarena/core/process.h"
#include "rtlarena/fuzz/core_config.h"

namespace rtlarena::fuzz {
namespace {

namespace fs = std::filesystem;

const fs::path kRoot = RTLARENA_SOURCE_DIR;
const fs::path kAdapter = kRoot / "testbenches" / "riscv" / "adapters" / "nerv";
const fs::path kStub = kRoot / "tests" / "fixtures" / "nerv" / "nerv_stub.sv";

ProcessResult run(const std::vector<std::string>& argv, const fs::path& dir) {
  ProcessSpec ps;
  ps.argv = argv;
  ps.workDir = dir.string();
  ps.env = defaultToolEnv(ps.workDir);
  ps.deadline = std::chrono::seconds(60);
  auto r = runProcess(ps);
  EXPECT_TRUE(r.ok());
  return r.ok() ? *r : ProcessResult{};
}

// A core folder as fetch_nerv.sh leaves it, with the stub standing in for nerv.sv.
fs::path stagedCore(const TempDir& tmp) {
  const fs::path dir = tmp.path() / "core";
  fs::create_directories(dir);
  fs::copy_file(kAdapter / "core.json", dir / "core.json");
  fs::copy_file(kAdapter / "rtlarena_dut.sv", dir / "rtlarena_dut.sv");
  fs::copy_file(kStub, dir / "nerv.sv");
  return dir;
}

// The tolerance keys of the table in docs/FUZZING.md ("| `key` |" rows, "`a`, `b`" cells).
std::set<std::string> documentedToleranceKeys() {
  auto text = readFile(kRoot / "docs" / "FUZZING.md");
  EXPECT_TRUE(text.ok());
  std::set<std::string> keys;
  const std::regex row(R"(^\| (`[a-z_]+`(, `[a-z_]+`)*) \|)");
  const std::regex key("`([a-z_]+)`");
  std::istringstream in(text.ok() ? *text : "");
  for (std::string line; std::getline(in, line);) {
    std::smatch m;
    if (!std::regex_search(line, m, row)) continue;
    const std::string cell = m[1];
    for (auto it = std::sregex_iterator(cell.begin(), cell.end(), key); it != std::sregex_iterator(); ++it)
      keys.insert((*it)[1]);
  }
  return keys;
}

TEST(NervAdapter, CoreJsonLoadsWithNervsTolerances) {
  auto tmp = TempDir::create("nerv-cfg");
  ASSERT_TRUE(tmp.ok());
  auto c = loadCoreConfig(stagedCore(*tmp) / "core.json");
  ASSERT_TRUE(c.ok()) << c.error().describe();
  EXPECT_EQ(c->name, "nerv");
  EXPECT_EQ(c->defines.at("NERV_RVFI"), "1");
  EXPECT_FALSE(c->isa.mExtension);
  EXPECT_EQ(c->isa.mtvecReset, 0u);
  EXPECT_EQ(c->isa.traps, TrapPolicy::Halt);
  EXPECT_TRUE(c->isa.ecallEbreakJump);
  EXPECT_TRUE(c->isa.minstretUnpredictable);
  EXPECT_TRUE(c->isa.fenceIllegal);
  EXPECT_FALSE(c->regsReset);
  EXPECT_TRUE(c->coherentSelfModifying);
  EXPECT_TRUE(c->isa.csrs.count(csr::kMepc));
  EXPECT_TRUE(c->isa.readOnlyCsrs.count(0x323));  // mhpmevent3: read-only 0
  EXPECT_TRUE(c->isa.csrs.count(0x323));
  EXPECT_EQ(c->isa.mieMask, 0xffff0888u);
  EXPECT_FALSE(c->deviations.empty());
}

TEST(NervAdapter, EveryToleranceKeyIsDocumented) {
  const std::set<std::string> known = documentedToleranceKeys();
  ASSERT_TRUE(known.count("traps") && known.count("csr_values")) << "the table in docs/FUZZING.md was not found";
  auto text = readFile(kAdapter / "core.json");
  ASSERT_TRUE(text.ok());
  const auto j = nlohmann::json::parse(*text);
  ASSERT_TRUE(j.contains("tolerances"));
  for (const auto& [k, v] : j["tolerances"].items()) EXPECT_TRUE(known.count(k)) << "unknown tolerance key " << k;
}

TEST(NervAdapter, UnknownToleranceValueIsRejected) {
  auto tmp = TempDir::create("nerv-bad");
  ASSERT_TRUE(tmp.ok());
  const fs::path dir = stagedCore(*tmp);
  auto j = nlohmann::json::parse(*readFile(dir / "core.json"));
  j["tolerances"]["ecall_ebreak"] = "vector";
  ASSERT_TRUE(writeFile(dir / "core.json", j.dump(2)).ok());
  auto c = loadCoreConfig(dir / "core.json");
  ASSERT_FALSE(c.ok());
  EXPECT_NE(c.error().message.find("tolerances.ecall_ebreak"), std::string::npos) << c.error().message;
}

TEST(NervAdapter, WrapperLintsCleanAgainstTheStub) {
  auto tmp = TempDir::create("nerv-lint");
  ASSERT_TRUE(tmp.ok());
  const fs::path dir = stagedCore(*tmp);
  ProcessResult lint = run({"verilator", "--lint-only", "-Wall", "-DNERV_RVFI=1", "--top-module", "rtlarena_dut",
                            (dir / "rtlarena_dut.sv").string(), (dir / "nerv.sv").string()}, dir);
  EXPECT_EQ(lint.exitCode, 0) << lint.combined();
  ProcessResult iv = run({"iverilog", "-g2012", "-DNERV_RVFI=1", "-o", (dir / "a.vvp").string(),
                          (dir / "rtlarena_dut.sv").string(), (dir / "nerv.sv").string()}, dir);
  EXPECT_EQ(iv.exitCode, 0) << iv.combined();
  // without core.json's NERV_RVFI define NERV has no RVFI port, and the wrapper cannot bind
  ProcessResult bare = run({"verilator", "--lint-only", "-Wall", "--top-module", "rtlarena_dut",
                            (dir / "rtlarena_dut.sv").string(), (dir / "nerv.sv").string()}, dir);
  EXPECT_NE(bare.exitCode, 0);
  EXPECT_NE(bare.combined().find("rvfi_valid"), std::string::npos) << bare.combined();
}

TEST(NervAdapter, FetchScriptCopiesNervAndRefusesOtherFiles) {
  auto tmp = TempDir::create("nerv-fetch");
  ASSERT_TRUE(tmp.ok());
  const std::string script = (kRoot / "scripts" / "fetch_nerv.sh").string();
  const fs::path dest = tmp->path() / "dest";
  ProcessResult ok = run({"bash", script, kStub.string(), dest.string()}, tmp->path());
  EXPECT_EQ(ok.exitCode, 0) << ok.combined();
  for (const char* f : {"nerv.sv", "rtlarena_dut.sv", "core.json"}) EXPECT_TRUE(fs::exists(dest / f)) << f;

  const fs::path pico = tmp->path() / "picorv32.v";  // a core, but not NERV
  ASSERT_TRUE(writeFile(pico, "module picorv32(input clk);\n`ifdef RISCV_FORMAL\n`endif\nendmodule\n").ok());
  const fs::path old = tmp->path() / "nerv_old.sv";  // NERV without an RVFI port
  ASSERT_TRUE(writeFile(old, "module nerv (input clock, input reset);\nendmodule\n").ok());
  for (const fs::path& bad : std::vector<fs::path>{pico, old, tmp->path() / "missing.sv"}) {
    const fs::path d = tmp->path() / ("refused-" + bad.stem().string());
    ProcessResult r = run({"bash", script, bad.string(), d.string()}, tmp->path());
    EXPECT_EQ(r.exitCode, 3) << bad << r.combined();
    EXPECT_NE(r.err.find("fetch_nerv:"), std::string::npos) << r.err;
    EXPECT_FALSE(fs::exists(d)) << "nothing is stored on failure";
  }
}

}  // namespace
}  // namespace rtlarena::fuzz
