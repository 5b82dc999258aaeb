// The formal visibility check refuses, before any Yosys run, a wrapper that does not keep the
// adapter contract the miter is built on, naming the file and what is missing; with no
// mutations it has nothing to do.
#include <gtest/gtest.h>

#include <filesystem>

#include "rtlarena/core/files.h"
#include "rtlarena/fuzz/core_parameters.h"
#include "rtlarena/fuzz/visibility_formal.h"

namespace rtlarena::fuzz {
namespace {

namespace fs = std::filesystem;

constexpr const char* kContractWrapper = R"(module rtlarena_dut (
    input clk,
    input rst,
    output rvfi_valid
);
  reg [31:0] mem[0:16383];
  tiny_core core (.clk(clk), .rst(rst), .rvfi_valid(rvfi_valid));
endmodule
)";

struct Refusal {
  const char* what;
  std::string from, to;
  const char* expected;
};

void PrintTo(const Refusal& r, std::ostream* os) { *os << r.what; }

class FormalVisibilityContract : public ::testing::TestWithParam<Refusal> {};

TEST_P(FormalVisibilityContract, RefusesAWrapperThatBreaksIt) {
  auto dir = TempDir::create("vis-contract");
  ASSERT_TRUE(dir.ok()) << dir.error().describe();
  std::string text = kContractWrapper;
  const Refusal& r = GetParam();
  const auto at = text.find(r.from);
  ASSERT_NE(at, std::string::npos) << r.from;
  text.replace(at, r.from.size(), r.to);
  FormalVisibilityInput in;
  in.wrapperFile = dir->path() / "rtlarena_dut.sv";
  ASSERT_TRUE(writeFile(in.wrapperFile, text).ok());
  in.wrapperModule = "rtlarena_dut";
  in.coreModule = "tiny_core";
  in.mutations = 3;
  in.portsJson = dir->path() / "absent.json";
  auto res = checkVisibilityFormally(in, dir->path() / "work", {});
  ASSERT_FALSE(res.ok()) << r.what;
  EXPECT_EQ(res.error().code, ErrorCode::BadConfig) << res.error().describe();
  EXPECT_NE(res.error().message.find(in.wrapperFile.string()), std::string::npos) << res.error().message;
  EXPECT_NE(res.error().message.find(r.expected), std::string::npos) << res.error().message;
  EXPECT_FALSE(fs::exists(dir->path() / "work" / "miter.aig"));
}

INSTANTIATE_TEST_SUITE_P(
    Wrappers, FormalVisibilityContract,
    ::testing::Values(Refusal{"memory of another size", "mem[0:16383]", "mem[0:4095]", "reg [31:0] mem[0:16383]"},
                      Refusal{"memory under another name", "mem[0:16383]", "ram[0:16383]", "reg [31:0] mem[0:16383]"},
                      Refusal{"non-ANSI ports", "    input clk,\n    input rst,\n    output rvfi_valid\n);",
                              "clk, rst, rvfi_valid);\n  input clk;\n  input rst;\n  output rvfi_valid;", "ANSI port list"},
                      Refusal{"no core instance", "tiny_core core", "other_core core", "no instance of tiny_core"},
                      Refusal{"two core instances", "endmodule", "  tiny_core twin (.clk(clk));\nendmodule",
                              "more than one instance of tiny_core"}),
    [](const auto& info) {
      std::string n = info.param.what;
      for (auto& c : n)
        if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
      return n;
    });

TEST(FormalVisibility, NoMutationsIsNothingToDo) {
  FormalVisibilityInput in;
  in.wrapperFile = "/nonexistent/rtlarena_dut.sv";
  auto res = checkVisibilityFormally(in, "/nonexistent/work", {});
  ASSERT_TRUE(res.ok()) << res.error().describe();
  EXPECT_TRUE(res->mutants.empty());
}

TEST(FormalVisibility, RejectsAMemoryOrDepthOutOfRange) {
  FormalVisibilityInput in;
  in.mutations = 1;
  FormalVisibilityOptions o;
  o.memoryWords = 0;
  auto res = checkVisibilityFormally(in, "/nonexistent/work", o);
  ASSERT_FALSE(res.ok());
  EXPECT_EQ(res.error().code, ErrorCode::BadArgument);
  o.memoryWords = 128;
  o.depth = 0;
  res = checkVisibilityFormally(in, "/nonexistent/work", o);
  ASSERT_FALSE(res.ok());
  EXPECT_EQ(res.error().code, ErrorCode::BadArgument);
}

// A wrapper that configures its core (NERV, PicoRV32): the named overrides are read, the
// shells declare them and Yosys elaborates the core with them.
TEST(CoreParameters, ReadsTheNamedOverridesOfTheCoreInstance) {
  const std::string wrapper = R"(module rtlarena_dut (input clk);
  other #(.X(1)) o (.clk(clk));
  nerv #(
      .RESET_ADDR(32'h0000_0000),
      .NUMREGS (32)
  ) core (
      .clock(clk)
  );
endmodule
)";
  const InstanceParameters p = instanceParameters(wrapper, "nerv");
  ASSERT_EQ(p.size(), 2u);
  EXPECT_EQ(p[0], (std::pair<std::string, std::string>{"RESET_ADDR", "32'h0000_0000"}));
  EXPECT_EQ(p[1], (std::pair<std::string, std::string>{"NUMREGS", "32"}));
  EXPECT_EQ(parameterHeader(p), " #(parameter RESET_ADDR = 32'h0000_0000, parameter NUMREGS = 32)");
  EXPECT_EQ(chparamFlags(p), " -chparam RESET_ADDR 32'h0000_0000 -chparam NUMREGS 32");
  EXPECT_TRUE(instanceParameters("module w; nerv core (.clock(c)); endmodule", "nerv").empty());
  EXPECT_EQ(parameterHeader({}), "");
}

// PicoRV32's wrapper defines RISCV_FORMAL before the core is read; the core's elaboration for
// injection must see it, or the RVFI ports do not exist.
TEST(CoreParameters, ReadsTheMacrosTheWrapperDefines) {
  const std::string wrapper = "`define RISCV_FORMAL\n"
                              "  `define DEPTH 16 // words\n"
                              "`define MAX(a, b) ((a) > (b) ? (a) : (b))\n"
                              "// `define COMMENTED_OUT\n"
                              "module rtlarena_dut; endmodule\n";
  const auto d = wrapperDefines(wrapper);
  EXPECT_EQ(d, (std::map<std::string, std::string>{{"RISCV_FORMAL", ""}, {"DEPTH", "16"}}));
  EXPECT_TRUE(wrapperDefines("module w; endmodule").empty());
}

}  // namespace
}  // namespace rtlarena::fuzz
