// Dataset loaders on our fixtures in each format, including one broken dataset per format.
#include <gtest/gtest.h>

#include "rtlarena/core/text.h"
#include "rtlarena/tasks/dataset.h"
#include "rtlarena/tasks/errata.h"
#include "rtlarena/tasks/verilog_scan.h"

namespace rtlarena {
namespace {

const std::string kFixtures = std::string(RTLARENA_SOURCE_DIR) + "/tests/datasets/fixtures/";

std::string errorOf(const std::string& spec) {
  auto r = loadDataset(spec);
  EXPECT_FALSE(r.ok()) << spec << " loaded but should not";
  return r ? std::string() : r.error().message;
}

TEST(VerilogEval2Loader, LoadsOnlyListedProblemsOfSpecToRtl) {
  auto tasks = loadDataset("verilogeval2:" + kFixtures + "verilogeval2/dataset_spec-to-rtl");
  ASSERT_TRUE(tasks.ok()) << tasks.error().message;
  ASSERT_EQ(tasks->size(), 4u);  // Prob999_stray_test.sv and problems-temp.txt are ignored
  const Task& t = (*tasks)[2];
  EXPECT_EQ(t.id, "Prob003_count_down");
  EXPECT_EQ(t.kind, TaskKind::SpecToRtl);
  EXPECT_EQ(t.format, "verilogeval2");
  EXPECT_EQ(t.compatFamily, CompatFamily::VerilogEval);
  EXPECT_EQ(t.top, "TopModule");
  EXPECT_EQ(t.tbTop, "tb");
  EXPECT_TRUE(contains(t.goldenCandidate, "module TopModule"));
  EXPECT_FALSE(contains(t.goldenCandidate, "RefModule"));
  EXPECT_TRUE(contains(t.reference, "module RefModule"));
  EXPECT_TRUE(contains(t.interface, "module TopModule"));
  EXPECT_DOUBLE_EQ(t.limits.simSeconds, 30);
}

TEST(VerilogEval2Loader, CodeCompleteCarriesTheIfcHeader) {
  auto tasks = loadDataset("verilogeval2:" + kFixtures + "verilogeval2/dataset_code-complete-iccad2023");
  ASSERT_TRUE(tasks.ok()) << tasks.error().message;
  ASSERT_EQ(tasks->size(), 4u);
  EXPECT_EQ((*tasks)[0].kind, TaskKind::CodeComplete);
  EXPECT_EQ((*tasks)[0].interface, "\nmodule TopModule (\n  output one\n);\n");
}

TEST(VerilogEval2Loader, MissingFileNamesFileAndListLine) {
  std::string msg = errorOf("verilogeval2:" + kFixtures + "verilogeval2/broken_missing_ref");
  EXPECT_TRUE(contains(msg, "Prob002_and3_ref.sv")) << msg;
  EXPECT_TRUE(contains(msg, "problems.txt line 1")) << msg;
}

TEST(VerilogEval2Loader, WrongModuleNameNamesFileAndLine) {
  std::string msg = errorOf("verilogeval2:" + kFixtures + "verilogeval2/broken_module_name");
  EXPECT_TRUE(contains(msg, "Prob002_and3_ref.sv:3:")) << msg;
  EXPECT_TRUE(contains(msg, "GoldenAnd")) << msg;
  EXPECT_TRUE(contains(msg, "RefModule")) << msg;
}

TEST(VerilogEval1Loader, ReadsJsonlWithCompanionDescriptions) {
  auto tasks = loadDataset("verilogeval1:" + kFixtures + "verilogeval1/VerilogEval_Fixture.jsonl");
  ASSERT_TRUE(tasks.ok()) << tasks.error().message;
  ASSERT_EQ(tasks->size(), 3u);
  const Task& t = (*tasks)[1];
  EXPECT_EQ(t.id, "count_down");
  EXPECT_EQ(t.top, "top_module");
  EXPECT_EQ(t.kind, TaskKind::CodeComplete);
  EXPECT_FALSE(t.compileReference);  // reference_module is inside the test field
  EXPECT_TRUE(contains(t.spec, "decade down-counter"));
  EXPECT_TRUE(contains(t.goldenCandidate, "module top_module"));
}

TEST(VerilogEval1Loader, FindsDescriptionsOneFolderUpAsInThePublishedRepository) {
  // data/VerilogEval_Repo.jsonl beside descriptions/, not inside data/.
  auto tasks = loadDataset("verilogeval1:" + kFixtures + "verilogeval1_repo/data/VerilogEval_Repo.jsonl");
  ASSERT_TRUE(tasks.ok()) << tasks.error().message;
  ASSERT_EQ(tasks->size(), 1u);
  EXPECT_TRUE(contains((*tasks)[0].spec, "one folder above data/")) << (*tasks)[0].spec;
}

TEST(VerilogEval1Loader, BadFieldNamesFileAndLine) {
  std::string msg = errorOf("verilogeval1:" + kFixtures + "verilogeval1/broken.jsonl");
  EXPECT_TRUE(contains(msg, "broken.jsonl:2:")) << msg;
  EXPECT_TRUE(contains(msg, "'test'")) << msg;
}

TEST(RtllmLoader, RenamesVerifiedModuleToWhatTheTestbenchInstantiates) {
  auto tasks = loadDataset("rtllm:" + kFixtures + "rtllm");
  ASSERT_TRUE(tasks.ok()) << tasks.error().message;
  ASSERT_EQ(tasks->size(), 3u);
  const Task& adder = (*tasks)[0];
  EXPECT_EQ(adder.id, "adder_4bit");
  EXPECT_EQ(adder.top, "adder_4bit");
  EXPECT_EQ(adder.tbTop, "testbench");
  EXPECT_EQ(adder.resultRule, ResultRule::PassMessage);
  EXPECT_EQ(adder.compatFamily, CompatFamily::Rtllm);
  EXPECT_FALSE(adder.compileReference);
  EXPECT_TRUE(contains(adder.goldenCandidate, "module adder_4bit("));
  EXPECT_EQ(adder.meta.at("golden_renamed_from"), "verified_adder_4bit");
  EXPECT_EQ(adder.meta.at("category"), "Arithmetic");
  const Task& counter = (*tasks)[1];
  EXPECT_EQ(counter.top, "counter_mod5");
  EXPECT_EQ(counter.tbTop, "tb_counter");
  const Task& rom = (*tasks)[2];
  ASSERT_EQ(rom.supportFiles.size(), 1u);  // rom.hex; the makefile-like files are not data
  EXPECT_EQ(rom.supportFiles[0].name, "rom.hex");
}

TEST(RtllmLoader, NonAnsiGoldenGivesAnInterfaceDeclaringEveryPort) {
  auto tasks = loadDataset("rtllm:" + kFixtures + "rtllm_nonansi");
  ASSERT_TRUE(tasks.ok()) << tasks.error().message;
  ASSERT_EQ(tasks->size(), 1u);
  const Task& t = (*tasks)[0];
  EXPECT_EQ(t.top, "shift4");  // positional instance `shift4 uut(q, clk, rst, din);`
  EXPECT_EQ(t.tbTop, "tb_shift4");
  EXPECT_EQ(t.meta.at("category"), "Memory/Shift register");
  EXPECT_EQ(t.interface, "module shift4 (q, clk, rst, din);\n  input clk, rst;\n  input din;\n  output [3:0] q;");
}

TEST(RtllmLoader, AmbiguousGoldenNamesFileAndLine) {
  std::string msg = errorOf("rtllm:" + kFixtures + "rtllm_broken");
  EXPECT_TRUE(contains(msg, "verified_mul2.v:1:")) << msg;
  EXPECT_TRUE(contains(msg, "'mul2'")) << msg;
}

TEST(JsonlLoader, ReadsOurFormat) {
  auto tasks = loadDataset("jsonl:" + kFixtures + "jsonl/tasks.jsonl");
  ASSERT_TRUE(tasks.ok()) << tasks.error().message;
  ASSERT_EQ(tasks->size(), 3u);
  EXPECT_EQ((*tasks)[0].badVariants.size(), 1u);
  EXPECT_EQ((*tasks)[1].kind, TaskKind::CodeComplete);
  EXPECT_EQ((*tasks)[2].resultRule, ResultRule::PassMessage);
  EXPECT_FALSE((*tasks)[2].compileReference);
  EXPECT_EQ((*tasks)[2].supportFiles.size(), 1u);
}

TEST(JsonlLoader, BadFieldAndBadJsonNameLine) {
  std::string msg = errorOf("jsonl:" + kFixtures + "jsonl/broken.jsonl");
  EXPECT_TRUE(contains(msg, "broken.jsonl:3:")) << msg;  // line 2 is blank
  EXPECT_TRUE(contains(msg, "'kind'")) << msg;
  msg = errorOf("jsonl:" + kFixtures + "jsonl/broken_json.jsonl");
  EXPECT_TRUE(contains(msg, "broken_json.jsonl:2: not valid JSON")) << msg;
}

TEST(DatasetRegistry, UnknownFormatAndMissingPathAreClear) {
  EXPECT_TRUE(contains(errorOf("humaneval:/x"), "unknown format 'humaneval'"));
  EXPECT_TRUE(contains(errorOf("verilogeval2"), "FORMAT:PATH"));
  EXPECT_TRUE(contains(errorOf("rtllm:/no/such/dir"), "does not exist"));
}

TEST(VerilogScan, FindsInstantiationsButNotDeclarationsOrCalls) {
  const std::string tb =
      "module helper(input a); endmodule\nmodule tb; reg [3:0] x; wire y;\n"
      "helper h(.a(y));\nFoo #(.W(4)) u1 (.a(x));\nBar u2[1:0] (x);\n"
      "initial begin check(x); $display(\"Baz q (\"); end\nendmodule\n";
  auto used = instantiatedModules(tb);
  ASSERT_EQ(used.size(), 2u);
  EXPECT_EQ(used[0], "Foo");
  EXPECT_EQ(used[1], "Bar");
  EXPECT_EQ(declaredModules(tb)[1].line, 2);
}

TEST(VerilogScan, HeaderOfANonAnsiModuleCarriesItsPortDeclarations) {
  const std::string src =
      "module m #(parameter W = 4) (a, y);\n  parameter K = 1;\n  input [W-1:0] a; // the data\n"
      "  function f; input x; f = x; endfunction\n  output reg y;\n  wire t;\nendmodule\n";
  EXPECT_EQ(moduleHeader(src, "m"), "module m #(parameter W = 4) (a, y);\n  input [W-1:0] a;\n  output reg y;");
  // ANSI headers and port-less modules are returned as they are.
  EXPECT_EQ(moduleHeader("module n(input a, output y);\n  input_buf b();\nendmodule", "n"),
            "module n(input a, output y);");
  EXPECT_EQ(moduleHeader("module p;\n  wire w;\nendmodule", "p"), "module p;");
}

TEST(NegativeControl, IsTheInterfaceWithAnEmptyBody) {
  Task t;
  t.interface = "module TopModule(input a, output y)";
  std::string c = negativeControlCandidate(t);
  EXPECT_TRUE(contains(c, "module TopModule(input a, output y);"));
  EXPECT_TRUE(contains(c, "endmodule"));
}

TEST(Errata, ExcludesOnTheSimulatorItWasSeenOn) {
  Errata e;
  e.entries.push_back({"p1", "verilator", "golden_fails", "", true});
  e.entries.push_back({"p2", "icarus", "weak_testbench", "", false});
  EXPECT_TRUE(e.excludes("p1", "verilator"));
  EXPECT_FALSE(e.excludes("p1", "icarus"));
  EXPECT_TRUE(e.excludes("p1", "both"));
  EXPECT_FALSE(e.excludes("p2", "icarus"));
}

}  // namespace
}  // namespace rtlarena
