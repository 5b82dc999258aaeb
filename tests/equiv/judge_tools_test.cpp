// The judge with the real Yosys and ABC: equivalent designs written differently, a one-bit
// change with its counterexample, a sequential pair with different state encodings, a timeout
// that must be `unknown`, and a task's self-check.
#include <gtest/gtest.h>

#include "rtlarena/core/files.h"
#include "rtlarena/equiv/judge.h"
#include "rtlarena/tasks/suite.h"

using namespace rtlarena;
using namespace rtlarena::equiv;

namespace {

EquivOptions options(int seconds = 120) {
  EquivOptions o;
  o.sandbox.mode = SandboxMode::None;  // our own designs
  o.timeout = std::chrono::seconds(seconds);
  return o;
}

const char* kAdderRef = R"(module RefModule(input [7:0] a, input [7:0] b, output [8:0] s);
  assign s = a + b;
endmodule
)";

}  // namespace

TEST(JudgeTools, CombinationalDesignsWrittenDifferentlyAreEquivalent) {
  const char* ripple = R"(module TopModule(input [7:0] a, input [7:0] b, output reg [8:0] s);
  integer i;
  reg c;
  always @* begin
    c = 1'b0;
    for (i = 0; i < 8; i = i + 1) begin
      s[i] = a[i] ^ b[i] ^ c;
      c = (a[i] & b[i]) | (c & (a[i] ^ b[i]));
    end
    s[8] = c;
  end
endmodule
)";
  auto r = judgeEquivalence(kAdderRef, "RefModule", ripple, "TopModule", options());
  ASSERT_TRUE(r) << r.error().message;
  EXPECT_EQ(r->verdict, EquivVerdict::Equivalent) << r->reason << "\n" << r->logTail;
  EXPECT_FALSE(r->sequential);
}

TEST(JudgeTools, OneBitChangeIsNotEquivalentWithACounterexample) {
  const char* wrong = R"(module TopModule(input [7:0] a, input [7:0] b, output [8:0] s);
  assign s = a + b;
  wire unused = 1'b0;
endmodule
)";
  // Same code but the carry-out dropped: bit 8 differs whenever a + b overflows.
  const char* noCarry = R"(module TopModule(input [7:0] a, input [7:0] b, output [8:0] s);
  assign s = {1'b0, a + b};
endmodule
)";
  auto same = judgeEquivalence(kAdderRef, "RefModule", wrong, "TopModule", options());
  ASSERT_TRUE(same);
  EXPECT_EQ(same->verdict, EquivVerdict::Equivalent) << same->reason;
  auto r = judgeEquivalence(kAdderRef, "RefModule", noCarry, "TopModule", options());
  ASSERT_TRUE(r) << r.error().message;
  ASSERT_EQ(r->verdict, EquivVerdict::NotEquivalent) << r->reason << "\n" << r->logTail;
  ASSERT_TRUE(r->counterexample);
  ASSERT_EQ(r->counterexample->outputs.size(), 1u);
  const auto& d = r->counterexample->outputs[0];
  EXPECT_EQ(d.output, "s");
  EXPECT_EQ(d.reference[0], '1');  // the carry the candidate dropped
  EXPECT_EQ(d.candidate[0], '0');
  const auto& in = r->counterexample->inputs.back();
  EXPECT_GT(std::stoul(in.at("a"), nullptr, 2) + std::stoul(in.at("b"), nullptr, 2), 255u);
}

TEST(JudgeTools, CounterWithADifferentStateEncodingIsEquivalentByInduction) {
  const char* ref = R"(module RefModule(input clk, input reset, input en, output [3:0] g);
  reg [3:0] k;
  always @(posedge clk) if (reset) k <= 4'd0; else if (en) k <= k + 4'd1;
  assign g = k ^ (k >> 1);
endmodule
)";
  const char* grayState = R"(module TopModule(input clk, input reset, input en, output reg [3:0] g);
  wire [3:0] b = {g[3], g[3] ^ g[2], g[3] ^ g[2] ^ g[1], g[3] ^ g[2] ^ g[1] ^ g[0]};
  wire [3:0] n = b + 4'd1;
  always @(posedge clk) if (reset) g <= 4'd0; else if (en) g <= n ^ (n >> 1);
endmodule
)";
  auto r = judgeEquivalence(ref, "RefModule", grayState, "TopModule", options());
  ASSERT_TRUE(r) << r.error().message;
  EXPECT_EQ(r->verdict, EquivVerdict::Equivalent) << r->reason << "\n" << r->logTail;
  EXPECT_TRUE(r->sequential);
  EXPECT_EQ(r->reset, "reset");
  // Counting down instead is caught, from reset.
  std::string down = grayState;
  down.replace(down.find("b + 4'd1"), 8, "b - 4'd1");
  auto bad = judgeEquivalence(ref, "RefModule", down, "TopModule", options());
  ASSERT_TRUE(bad);
  EXPECT_EQ(bad->verdict, EquivVerdict::NotEquivalent) << bad->reason;
  ASSERT_TRUE(bad->counterexample);
  EXPECT_EQ(bad->counterexample->inputs.front().at("reset"), "1");
}

TEST(JudgeTools, TimeoutIsUnknownNeverEquivalent) {
  // A 16x16 multiplier against a shift-and-add one: far beyond a 300 ms budget.
  const char* ref = "module RefModule(input [15:0] a, input [15:0] b, output [31:0] p);\n  assign p = a * b;\nendmodule\n";
  const char* cand = R"(module TopModule(input [15:0] a, input [15:0] b, output reg [31:0] p);
  integer i;
  always @* begin
    p = 0;
    for (i = 0; i < 16; i = i + 1) if (b[i]) p = p + ({16'd0, a} << i);
  end
endmodule
)";
  EquivOptions o = options();
  o.timeout = std::chrono::milliseconds(300);
  auto r = judgeEquivalence(ref, "RefModule", cand, "TopModule", o);
  ASSERT_TRUE(r) << r.error().message;
  EXPECT_EQ(r->verdict, EquivVerdict::Unknown) << r->reason;
  EXPECT_NE(r->reason.find("timeout"), std::string::npos) << r->reason;
}

TEST(JudgeTools, ConstantClockIsUnknown) {
  const char* ref = "module RefModule(input clk, input d, output reg q);\n  always @(posedge clk) q <= d;\nendmodule\n";
  const char* cand = "module TopModule(input clk, input d, output reg q);\n  always @(posedge 1'b1) q <= d;\nendmodule\n";
  auto r = judgeEquivalence(ref, "RefModule", cand, "TopModule", options());
  ASSERT_TRUE(r);
  EXPECT_EQ(r->verdict, EquivVerdict::Unknown) << r->reason;
}

TEST(JudgeTools, DifferentInterfaceIsNotEquivalent) {
  const char* cand = "module TopModule(input [7:0] a, input [7:0] b, output [7:0] s);\n  assign s = a + b;\nendmodule\n";
  auto r = judgeEquivalence(kAdderRef, "RefModule", cand, "TopModule", options());
  ASSERT_TRUE(r);
  EXPECT_EQ(r->verdict, EquivVerdict::NotEquivalent) << r->reason;
}

TEST(JudgeTools, DivisionByZeroIsNotHiddenByTheTwoValuedEngine) {
  const char* ref = R"(module RefModule(input [3:0] a, input [3:0] b, output [3:0] q);
  assign q = (b == 4'd0) ? 4'hf : a / b;
endmodule
)";
  const char* cand = "module TopModule(input [3:0] a, input [3:0] b, output [3:0] q);\n  assign q = a / b;\nendmodule\n";
  auto r = judgeEquivalence(ref, "RefModule", cand, "TopModule", options());
  ASSERT_TRUE(r);
  EXPECT_EQ(r->verdict, EquivVerdict::NotEquivalent) << r->reason;
}

TEST(JudgeTools, SelfCheckOnACoreTask) {
  auto task = loadTaskDir(datasetsRoot() / "core" / "gray_counter4", "core");
  ASSERT_TRUE(task) << task.error().message;
  auto c = selfCheck(*task, options());
  ASSERT_TRUE(c) << c.error().message;
  EXPECT_TRUE(c->ok) << c->problem;
  EXPECT_EQ(c->bad.size(), task->badVariants.size());
  for (const auto& [name, r] : c->bad) EXPECT_EQ(r.verdict, EquivVerdict::NotEquivalent) << name;
}

TEST(JudgeTools, AlwaysCombLatchInAClockedDesignIsProvedButNeverRefuted) {
  // VerilogEval's FSM references leave `next` unassigned for unreachable states in an
  // always_comb. Simulators keep the old value there (a latch); the judge reads the design as
  // they do and proves it against itself. A wrong transition behind such a latch is a
  // difference in the cycle model, which is not trusted as a counterexample: never a pass.
  auto ref = readFile(std::string(EQUIV_FIXTURES) + "/../verilogeval2_latch/Prob001_detect11_ref.sv");
  ASSERT_TRUE(ref) << ref.error().message;
  auto self = judgeEquivalence(*ref, "RefModule", *ref, "RefModule", options());
  ASSERT_TRUE(self) << self.error().message;
  EXPECT_EQ(self->verdict, EquivVerdict::Equivalent) << self->reason;

  std::string wrong = *ref;
  const std::string good = "TWO: next = in ? TWO : IDLE;";
  ASSERT_NE(wrong.find(good), std::string::npos);
  wrong.replace(wrong.find(good), good.size(), "TWO: next = in ? TWO : ONE;");
  auto diff = judgeEquivalence(*ref, "RefModule", wrong, "RefModule", options());
  ASSERT_TRUE(diff) << diff.error().message;
  EXPECT_EQ(diff->verdict, EquivVerdict::Unknown) << diff->reason;
  EXPECT_NE(diff->reason.find("cycle"), std::string::npos) << diff->reason;
  EXPECT_NE(diff->reason.find("latch"), std::string::npos) << diff->reason;
  EXPECT_FALSE(diff->counterexample);
}

TEST(JudgeTools, LatchWithoutAClockIsUnknown) {
  const char* ref = "module RefModule(input en, input d, output reg q);\n  always @* if (en) q = d;\nendmodule\n";
  auto r = judgeEquivalence(ref, "RefModule", ref, "RefModule", options());
  ASSERT_TRUE(r) << r.error().message;
  EXPECT_EQ(r->verdict, EquivVerdict::Unknown) << r->reason;
  EXPECT_NE(r->reason.find("latch"), std::string::npos) << r->reason;
}
