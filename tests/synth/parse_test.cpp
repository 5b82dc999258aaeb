// Readers of Yosys and OpenSTA output, the generated scripts and the generic-netlist JSON.
#include <gtest/gtest.h>

#include "rtlarena/synth/activity.h"
#include "rtlarena/synth/netlist.h"
#include "rtlarena/synth/sta.h"
#include "rtlarena/synth/yosys.h"

using namespace rtlarena::synth;

namespace {
const char* kStat = R"(
6. Printing statistics.

=== TopModule ===

   Number of wires:                 45
   Number of cells:                 57
     AND2X1                         12
     DFFPOSX1                        9
     XOR2X1                          4

   Chip area for module '\TopModule': 2491.500000

)";

const char* kSta = R"(Startpoint: b[0] (input port clocked by clk)
Endpoint: _88_ (rising edge-triggered flip-flop clocked by clk)
Path Group: clk
Path Type: max
             8.6281   slack (MET)

worst slack 8.6281
Group                    Internal    Switching      Leakage        Total
                            Power        Power        Power        Power
------------------------------------------------------------------------
Sequential           2.349124e-04 1.458000e-06 1.446525e-09 2.363718e-04  77.1%
------------------------------------------------------------------------
Total                2.842631e-04 2.248490e-05 5.209540e-09 3.067532e-04 100.0%
)";
}  // namespace

TEST(SynthParse, StatGivesAreaAndCellCounts) {
  CellStats s = parseStat(kStat, "TopModule");
  ASSERT_TRUE(s.found);
  EXPECT_DOUBLE_EQ(s.areaUm2, 2491.5);
  EXPECT_EQ(s.cells, 57);
  EXPECT_EQ(s.cellTypes.at("DFFPOSX1"), 9);
  EXPECT_EQ(s.cellTypes.size(), 3u);
  EXPECT_FALSE(parseStat(kStat, "Other").found);
}

TEST(SynthParse, YosysLogFindsLatchesLoopsTasksAndErrors) {
  auto f = parseYosysLog(
      "Latch inferred for signal `\\TopModule.\\q' from process `\\TopModule.$proc$x.v:2$1': $auto$1\n"
      "Warning: found logic loop in module TopModule:\n"
      "x.v:0: Warning: System task `$display' outside initial block is unsupported.\n");
  EXPECT_FALSE(f.error);
  ASSERT_EQ(f.latches.size(), 1u);
  EXPECT_EQ(f.latches[0], "q");
  EXPECT_TRUE(f.combLoop);
  ASSERT_EQ(f.systemTasks.size(), 1u);
  EXPECT_EQ(f.systemTasks[0], "$display");

  auto e = parseYosysLog("syn.v:2: ERROR: syntax error, unexpected ';'\n");
  EXPECT_TRUE(e.error);
  EXPECT_EQ(e.errorClass, "syntax_error");
  EXPECT_EQ(parseYosysLog("ERROR: Module `\\Foo' referenced in module `\\TopModule' in cell `\\u' is not part of the design.").errorClass,
            "unknown_module");
  EXPECT_EQ(parseYosysLog("ERROR: Module `TopModule' not found!").errorClass, "no_top");
}

TEST(SynthParse, StaOutputGivesSlackPowerAndPath) {
  StaFigures f = parseStaOutput(kSta);
  EXPECT_TRUE(f.timed);
  EXPECT_DOUBLE_EQ(f.slackNs, 8.6281);
  EXPECT_TRUE(f.powerFound);
  EXPECT_DOUBLE_EQ(f.powerW, 3.067532e-04);
  EXPECT_EQ(f.startpoint, "b[0]");
  EXPECT_EQ(f.endpoint, "_88_");
  EXPECT_TRUE(f.errors.empty());
}

TEST(SynthParse, StaWithoutPathsIsUntimedAndErrorsAreCollected) {
  StaFigures f = parseStaOutput("No paths found.\nworst slack INF\nError: sta.tcl, 3 cannot open 'x'.\n");
  EXPECT_FALSE(f.timed);
  ASSERT_EQ(f.errors.size(), 1u);
  EXPECT_FALSE(f.powerFound);
}

TEST(SynthParse, GenericNetlistGivesPortsClockAndFlops) {
  const char* json = R"({"modules": {"TopModule": {
    "ports": {"clk": {"direction": "input", "bits": [2]},
              "d": {"direction": "input", "bits": [3, 4], "offset": 4},
              "q": {"direction": "output", "bits": [5, 6]}},
    "cells": {"a": {"type": "$_DFF_P_", "connections": {"C": [2], "D": [3], "Q": [5]}},
              "b": {"type": "$_SDFFE_PP0P_", "connections": {"C": [2], "D": [4], "Q": [6]}},
              "c": {"type": "$_AND_", "connections": {"A": [3], "B": [4], "Y": [7]}}}}}})";
  auto n = parseNetlistJson(json, "TopModule");
  ASSERT_TRUE(n.ok()) << n.error().message;
  EXPECT_EQ(n->flops, 2);
  ASSERT_EQ(n->clockPorts.size(), 1u);
  EXPECT_EQ(n->clockPorts[0], "clk");
  ASSERT_EQ(n->ports.size(), 3u);
  const PortInfo& d = n->ports[1];
  EXPECT_EQ(d.name, "d");
  EXPECT_EQ(d.bitName(0), "d[4]");
  EXPECT_EQ(d.bitName(1), "d[5]");
  EXPECT_EQ(n->ports[0].bitName(0), "clk");
  EXPECT_FALSE(parseNetlistJson(json, "Missing").ok());
}

TEST(SynthParse, YosysScriptIsTheDocumentedFlow) {
  std::string s = yosysScript({"a.v", "b.v"}, "Top", "/lib/x.lib");
  for (const char* step : {"read_verilog -sv a.v", "read_verilog -sv b.v", "synth -flatten -top Top",
                           "dfflibmap -liberty /lib/x.lib", "abc -liberty /lib/x.lib", "stat -liberty /lib/x.lib"})
    EXPECT_NE(s.find(step), std::string::npos) << step;
  EXPECT_LT(s.find("dfflibmap"), s.find("abc -liberty"));
}

TEST(SynthParse, StaScriptUsesVirtualClockForCombinationalDesigns) {
  NetlistInfo comb;
  comb.ports = {{"a", true, false, 4}, {"y", false, true, 4}};
  PpaSettings s;
  s.clockPeriodNs = 5;
  std::string t = staScript(comb, "Top", s, "x.lib", {{"a[0]", 0.25, 0.5}});
  EXPECT_NE(t.find("create_clock -name vclk -period 5\n"), std::string::npos);
  EXPECT_NE(t.find("set_input_delay 0 -clock vclk [get_ports {a}]"), std::string::npos);
  EXPECT_NE(t.find("-input_ports [get_ports {a[0]}] -activity 0.25 -duty 0.5"), std::string::npos);

  NetlistInfo seq = comb;
  seq.ports.push_back({"clk", true, false, 1});
  seq.clockPorts = {"clk"};
  t = staScript(seq, "Top", s, "x.lib", {});
  EXPECT_NE(t.find("create_clock -name clk -period 5 [get_ports {clk}]"), std::string::npos);
  EXPECT_NE(t.find("set_input_delay 0 -clock clk [get_ports {a}]"), std::string::npos);
}

TEST(SynthParse, FindsTheDesignInstanceInATestbench) {
  EXPECT_EQ(findInstance("module tb; RefModule ref_inst(.a(a)); TopModule dut(.a(a)); endmodule", "TopModule"), "dut");
  EXPECT_EQ(findInstance("TopModule #(.W(8)) u0 (.a(a));", "TopModule"), "u0");
  EXPECT_EQ(findInstance("module tb; endmodule", "TopModule"), "");
}
