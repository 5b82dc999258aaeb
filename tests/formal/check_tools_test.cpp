// The checker end to end on our small designs (counter, FIFO, handshake): every
// verdict reached, bind-style checkers, isolation of bad assertions, a hung
// solver killed, and the CLI.
#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "rtlarena/core/files.h"
#include "rtlarena/core/process.h"
#include "rtlarena/formal/checker.h"

using namespace rtlarena;
using namespace rtlarena::formal;
namespace fs = std::filesystem;

namespace {

SourceFile design(const std::string &name) {
  auto text = readFile(fs::path(FORMAL_DESIGNS) / name);
  EXPECT_TRUE(text.ok()) << name;
  return {name, text.ok() ? *text : ""};
}

CheckReport check(CheckRequest req, CheckOptions opt = {}) {
  opt.jobs = 2;
  auto r = checkAssertions(req, opt);
  EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.error().message);
  return r.ok() ? *r : CheckReport{};
}

CheckRequest counterRequest(const std::string &props) {
  CheckRequest req;
  req.design = {design("counter.sv")};
  req.top = "counter";
  req.props = {{"props.sv", props}};
  return req;
}

const AssertionVerdict *find(const CheckReport &r, const std::string &name) {
  for (const auto &a : r.assertions)
    if (a.name == name)
      return &a;
  return nullptr;
}

} // namespace

TEST(FormalCheck, CounterReachesEveryFrontEndAndProofVerdict) {
  auto tmp = TempDir::create("formal-test");
  ASSERT_TRUE(tmp.ok());
  CheckRequest req;
  req.design = {design("counter.sv")};
  req.top = "counter";
  req.props = {design("counter_props.sv")};
  CheckOptions opt;
  opt.traceDir = (tmp->path() / "traces").string();
  CheckReport r = check(req, opt);
  ASSERT_EQ(r.assertions.size(), 6u);
  EXPECT_EQ(r.clock, "clk");
  EXPECT_EQ(r.reset, "rst");
  EXPECT_TRUE(r.resetActiveHigh);
  const char *expected[] = {"proven",  "proven",       "cex",
                            "vacuous", "syntax_error", "unsupported"};
  const char *names[] = {"a_hold", "a_inc", "a_wrong",
                         "a_vac",  "a_bad", "a_uns"};
  for (int i = 0; i < 6; ++i) {
    EXPECT_EQ(r.assertions[i].name, names[i]);
    EXPECT_EQ(formalVerdictName(r.assertions[i].verdict), expected[i])
        << names[i] << ": " << r.assertions[i].message;
  }
  // `en |=> count == 0` fails right after the first enabled cycle: reset in
  // cycle 0, en in cycle 1, count 1 in cycle 2, so the trace has 3 cycles.
  const AssertionVerdict &cex = r.assertions[2];
  EXPECT_EQ(cex.depth, 3);
  ASSERT_FALSE(cex.vcd.empty()) << cex.message;
  auto vcd = readFile(cex.vcd);
  ASSERT_TRUE(vcd.ok());
  EXPECT_NE(vcd->find("count"), std::string::npos);
  EXPECT_NE(r.assertions[5].message.find("s_eventually"), std::string::npos);
}

TEST(FormalCheck, FifoCheckerModuleBoundIntoTheDesign) {
  CheckRequest req;
  req.design = {design("fifo.sv")};
  req.top = "fifo";
  req.props = {design("fifo_checker.sv"), design("fifo_bind.sv")};
  CheckReport r = check(req);
  EXPECT_EQ(r.reset, "rst_n");
  EXPECT_FALSE(r.resetActiveHigh);
  ASSERT_EQ(r.assertions.size(), 7u);
  for (const auto &a : r.assertions) {
    const char *want = a.name == "wrong_empty" ? "cex" : "proven";
    EXPECT_EQ(formalVerdictName(a.verdict), want)
        << a.name << ": " << a.message;
  }
  EXPECT_EQ(r.assertions[2].name,
            "_assert_3"); // unlabelled: numbered in source order
}

TEST(FormalCheck, HandshakeDelaysRangesAndRepetitions) {
  CheckRequest req;
  req.design = {design("handshake.sv")};
  req.top = "handshake";
  req.props = {design("handshake_props.sv")};
  CheckReport r = check(req);
  ASSERT_EQ(r.assertions.size(), 5u);
  for (const auto &a : r.assertions) {
    const char *want = a.name == "ack_too_early" ? "cex" : "proven";
    EXPECT_EQ(formalVerdictName(a.verdict), want)
        << a.name << ": " << a.message;
  }
}

TEST(FormalCheck, WithoutResetTheInitialStateIsFree) {
  CheckRequest req = counterRequest(
      "a0: assert property (@(posedge clk) count == 4'd0 || en || rst || "
      "1'b1);\n"
      "after_reset: assert property (@(posedge clk) $past(rst) |-> count == "
      "4'd0);\n"
      "from_zero: assert property (@(posedge clk) count != 4'd9);\n");
  req.reset.mode = ResetChoice::Mode::None;
  CheckReport r = check(req);
  ASSERT_EQ(r.assertions.size(), 3u);
  EXPECT_EQ(r.reset, "");
  EXPECT_EQ(r.assertions[0].verdict, FormalVerdict::Proven);
  EXPECT_EQ(r.assertions[1].verdict, FormalVerdict::Proven)
      << r.assertions[1].message;
  EXPECT_EQ(r.assertions[2].verdict, FormalVerdict::Cex);
  EXPECT_EQ(r.assertions[2].depth, 1); // count starts anywhere, so 9 at once
}

TEST(FormalCheck, OneSyntaxErrorAmongTenLeavesNineVerdicts) {
  std::string props;
  for (int i = 0; i < 10; ++i) {
    if (i == 6)
      props += "p6: assert property (@(posedge clk) en |=> (count ==);\n";
    else
      props += "p" + std::to_string(i) +
               ": assert property (@(posedge clk) disable iff (rst) !en |=> "
               "$stable(count));\n";
  }
  CheckReport r = check(counterRequest(props));
  ASSERT_EQ(r.assertions.size(), 10u);
  for (int i = 0; i < 10; ++i)
    EXPECT_EQ(r.assertions[i].verdict,
              i == 6 ? FormalVerdict::SyntaxError : FormalVerdict::Proven)
        << i;
}

TEST(FormalCheck, AnAssertionYosysRejectsIsDroppedAlone) {
  CheckReport r = check(counterRequest(
      "ok1: assert property (@(posedge clk) disable iff (rst) !en |=> "
      "$stable(count));\n"
      "typo: assert property (@(posedge clk) enable |=> count != 4'd0);\n"
      "ok2: assert property (@(posedge clk) wrap |-> count == 4'd15);\n"));
  ASSERT_EQ(r.assertions.size(), 3u);
  EXPECT_EQ(r.assertions[0].verdict, FormalVerdict::Proven);
  EXPECT_EQ(r.assertions[1].verdict, FormalVerdict::SyntaxError);
  EXPECT_NE(r.assertions[1].message.find("enable"), std::string::npos)
      << r.assertions[1].message;
  EXPECT_NE(r.assertions[1].message.find("props.sv:2"), std::string::npos)
      << r.assertions[1].message;
  EXPECT_EQ(r.assertions[2].verdict, FormalVerdict::Proven);
}

TEST(FormalCheck, UnboundCheckerModuleIsNotProven) {
  CheckReport r =
      check(counterRequest("module lonely(input clk, input en); a: assert "
                           "property (@(posedge clk) en); endmodule\n"));
  ASSERT_EQ(r.assertions.size(), 1u);
  EXPECT_EQ(r.assertions[0].verdict, FormalVerdict::SyntaxError);
}

TEST(FormalCheck, DeepCounterexampleBeyondTheBoundIsUndetermined) {
  CheckRequest req;
  req.design = {{"wide.sv",
                 "module wide(input clk, input rst, output reg [31:0] n);\n"
                 "  always @(posedge clk) if (rst) n <= 0; else n <= n + "
                 "32'd1;\nendmodule\n"}};
  req.top = "wide";
  req.props = {
      {"p.sv", "far: assert property (@(posedge clk) n != 32'hFFFF_FFF0);\n"}};
  CheckOptions opt;
  opt.assertionSeconds = 3;
  opt.bmcFrames = 10;
  CheckReport r = check(req, opt);
  ASSERT_EQ(r.assertions.size(), 1u);
  EXPECT_EQ(r.assertions[0].verdict, FormalVerdict::Undetermined)
      << r.assertions[0].message;
}

TEST(FormalCheck, HungSolverIsKilledAtItsDeadline) {
  auto tmp = TempDir::create("formal-hang");
  ASSERT_TRUE(tmp.ok());
  // A solver that ignores SIGTERM and leaves a child holding its pipes open.
  fs::path fake = tmp->path() / "hung-abc";
  ASSERT_TRUE(
      writeFile(fake, "#!/bin/sh\ntrap '' TERM\nsleep 300 &\nsleep 300\n")
          .ok());
  fs::permissions(fake, fs::perms::owner_all);
  CheckRequest req = counterRequest(
      "a: assert property (@(posedge clk) wrap |-> count == 4'd15);\n");
  CheckOptions opt;
  opt.sandbox.mode = SandboxMode::None;
  opt.abc = fake.string();
  opt.assertionSeconds = 1;
  auto start = std::chrono::steady_clock::now();
  CheckReport r = check(req, opt);
  double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start)
          .count();
  ASSERT_EQ(r.assertions.size(), 1u);
  EXPECT_EQ(r.assertions[0].verdict, FormalVerdict::Timeout)
      << r.assertions[0].message;
  EXPECT_LT(seconds, 60.0); // the sleeps would take 300 s
}

TEST(FormalCheck, CliPrintsJsonAndExitsOneOnCounterexample) {
  auto tmp = TempDir::create("formal-cli");
  ASSERT_TRUE(tmp.ok());
  ASSERT_TRUE(
      writeFile(
          tmp->path() / "p.sv",
          "good: assert property (@(posedge clk) wrap |-> count == 4'd15);\n"
          "bad: assert property (@(posedge clk) count != 4'd7);\n")
          .ok());
  ProcessSpec spec;
  spec.argv = {RTLARENA_BINARY, "check",
               "--design",      std::string(FORMAL_DESIGNS) + "/counter.sv",
               "--top",         "counter",
               "--props",       (tmp->path() / "p.sv").string(),
               "--json",        "--no-trace"};
  spec.workDir = tmp->path().string();
  spec.env = defaultToolEnv(tmp->path().string());
  spec.deadline = std::chrono::milliseconds(120000);
  auto r = runProcess(spec);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->exitCode, 1) << r->err;
  auto j = nlohmann::json::parse(r->out, nullptr, false);
  ASSERT_FALSE(j.is_discarded()) << r->out;
  ASSERT_EQ(j["assertions"].size(), 2u);
  EXPECT_EQ(j["assertions"][0]["name"], "good");
  EXPECT_EQ(j["assertions"][0]["verdict"], "proven");
  EXPECT_EQ(j["assertions"][1]["verdict"], "cex");
  EXPECT_EQ(j["assertions"][1]["line"], 2);
  EXPECT_EQ(j["summary"]["cex"], 1);
  EXPECT_EQ(j["summary"]["total"], 2);

  spec.argv = {RTLARENA_BINARY, "check",
               "--design",      std::string(FORMAL_DESIGNS) + "/counter.sv",
               "--top",         "nosuch",
               "--props",       (tmp->path() / "p.sv").string()};
  auto bad = runProcess(spec);
  ASSERT_TRUE(bad.ok());
  EXPECT_EQ(bad->exitCode, 3) << bad->err;  // a --top the design does not have: an input error (docs/CLI.md)
}
