// `rtlarena serve` and `rtlarena pairs` as a user starts them: the port line,
// SIGTERM draining an admitted request and exiting 0, a second server on a
// taken port refused with exit 4, and the usage and input errors.
#include <gtest/gtest.h>
#include <httplib.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <future>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "rtlarena/core/files.h"
#include "rtlarena/serve/reward.h"

namespace rtlarena {
namespace {

const std::string kSuite = std::string(RTLARENA_SOURCE_DIR) + "/tests/fixtures/tasks";

// A child process with its stdout and stderr in pipes (the test's own small
// spawner).
struct Child {
  pid_t pid = -1;
  int out = -1, err = -1;
};

Child spawn(const std::vector<std::string>& args) {
  int o[2], e[2];
  EXPECT_EQ(pipe(o), 0);
  EXPECT_EQ(pipe(e), 0);
  Child c;
  c.pid = fork();
  if (c.pid == 0) {
    dup2(o[1], 1);
    dup2(e[1], 2);
    close(o[0]);
    close(e[0]);
    std::vector<char*> argv;
    std::string bin = RTLARENA_BINARY;
    argv.push_back(bin.data());
    std::vector<std::string> copy = args;
    for (auto& a : copy) argv.push_back(a.data());
    argv.push_back(nullptr);
    execv(bin.c_str(), argv.data());
    _exit(127);
  }
  close(o[1]);
  close(e[1]);
  c.out = o[0];
  c.err = e[0];
  return c;
}

std::string readLine(int fd) {
  std::string line;
  char ch;
  while (read(fd, &ch, 1) == 1 && ch != '\n') line += ch;
  return line;
}

std::string readAll(int fd) {
  std::string text;
  char buf[4096];
  ssize_t n;
  while ((n = read(fd, buf, sizeof buf)) > 0) text.append(buf, static_cast<std::size_t>(n));
  return text;
}

int waitExit(pid_t pid) {
  int status = 0;
  while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {}
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

int portOf(const std::string& line) {
  auto colon = line.rfind(':', line.find(" ("));
  return colon == std::string::npos ? -1 : std::stoi(line.substr(colon + 1));
}

TEST(ServeCli, SigtermFinishesTheAdmittedRequestThenExitsZero) {
  Child server = spawn({"serve", "--suite", kSuite, "--port", "0", "--workers", "1"});
  const std::string line = readLine(server.out);
  ASSERT_NE(line.find("listening on http://127.0.0.1:"), std::string::npos) << line;
  const int port = portOf(line);
  ASSERT_GT(port, 0);
  // An answer that hangs the simulation until the task's 3 s timeout: in flight
  // when SIGTERM comes.
  const std::string hangs =
      "module TopModule(input clk, input [7:0] in, output reg [7:0] out);\n"
      "  integer i;\n  always @(posedge clk) for (i = 0; i >= 0; i = i + 0) "
      "out <= ~in;\nendmodule\n";
  auto inFlight = std::async(std::launch::async, [&] {
    httplib::Client c("127.0.0.1", port);
    c.set_read_timeout(60, 0);
    auto r = c.Post("/v1/reward", nlohmann::json{{"task_id", "inv8"}, {"response", hangs}}.dump(), "application/json");
    return r ? nlohmann::json::parse(r->body, nullptr, false) : nlohmann::json();
  });
  httplib::Client probe("127.0.0.1", port);
  for (int i = 0; i < 200; ++i) {
    auto m = probe.Get("/metrics");
    if (m && m->body.find("rtlarena_queue_depth 1") != std::string::npos) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  ASSERT_EQ(kill(server.pid, SIGTERM), 0);
  auto answer = inFlight.get();
  EXPECT_EQ(answer.value("verdict", ""), "sim_timeout") << answer.dump();
  EXPECT_EQ(waitExit(server.pid), 0);
  EXPECT_NE(readAll(server.err).find("stopped"), std::string::npos);
}

TEST(ServeCli, ASecondServerOnATakenPortExitsFourWithOneLine) {
  Child first = spawn({"serve", "--suite", kSuite, "--port", "0", "--workers", "1"});
  const int port = portOf(readLine(first.out));
  ASSERT_GT(port, 0);
  Child second = spawn({"serve", "--suite", kSuite, "--port", std::to_string(port), "--workers", "1"});
  EXPECT_EQ(waitExit(second.pid), 4);
  const std::string err = readAll(second.err);
  EXPECT_NE(err.find("already in use"), std::string::npos) << err;
  EXPECT_EQ(std::count(err.begin(), err.end(), '\n'), 1) << err;
  // The first still answers every request.
  httplib::Client c("127.0.0.1", port);
  for (int i = 0; i < 5; ++i) {
    auto r = c.Get("/healthz");
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 200);
  }
  kill(first.pid, SIGTERM);
  EXPECT_EQ(waitExit(first.pid), 0);
}

// With ppa_enabled, a pass is measured by the PPA mode (registered by the tool, as for run --ppa)
// and gets the bonus; a failure never does.
TEST(ServeCli, PpaBonusOnlyForAPassWhenEnabled) {
  auto dir = TempDir::create("serve-ppa");
  ASSERT_TRUE(dir.ok());
  const auto config = dir->path() / "reward.toml";
  ASSERT_TRUE(writeFile(config, "[reward]\nppa_enabled = true\n").ok());
  Child server = spawn({"serve", "--suite", kSuite, "--port", "0", "--workers", "1", "--config", config.string()});
  const int port = portOf(readLine(server.out));
  ASSERT_GT(port, 0);
  httplib::Client c("127.0.0.1", port);
  c.set_read_timeout(240, 0);
  auto ask = [&](const std::string& body) {
    auto r = c.Post("/v1/reward", nlohmann::json{{"task_id", "inv8"}, {"response", body}}.dump(), "application/json");
    return r ? nlohmann::json::parse(r->body, nullptr, false) : nlohmann::json();
  };
  auto pass =
      ask("module TopModule(input clk, input [7:0] in, output reg [7:0] out);\n"
          "  always @(posedge clk) out <= ~in;\nendmodule\n");
  ASSERT_EQ(pass.value("verdict", ""), "pass") << pass.dump();
  // The reference itself, written as the top: its PPA equals the reference's (component 0.5).
  EXPECT_NEAR(pass["components"]["ppa"].get<double>(), 0.5, 0.05) << pass.dump();
  EXPECT_GT(pass["reward"].get<double>(), 0.9);
  EXPECT_LE(pass["reward"].get<double>(), 1.0);
  auto wrong =
      ask("module TopModule(input clk, input [7:0] in, output reg [7:0] out);\n"
          "  always @(posedge clk) out <= in;\nendmodule\n");
  EXPECT_EQ(wrong["components"]["ppa"], 0.0) << wrong.dump();
  kill(server.pid, SIGTERM);
  EXPECT_EQ(waitExit(server.pid), 0);
}

// Under [function] judge = "differential", the served reward is what `rtlarena eval --judge
// differential` says of the same answer: the same sequences differ, the same shaping.
TEST(ServeCli, ADifferentialRewardIsWhatEvalJudgeDifferentialGives) {
  auto dir = TempDir::create("serve-diff");
  ASSERT_TRUE(dir.ok());
  const auto config = dir->path() / "reward.toml";
  ASSERT_TRUE(writeFile(config, "[function]\njudge = \"differential\"\n").ok());
  const std::string weak = std::string(RTLARENA_SOURCE_DIR) + "/tests/fixtures/weak_tasks";
  const std::string wrongFile = weak + "/count4_en/bad/ignores_enable.sv";
  Child server = spawn({"serve", "--suite", weak, "--port", "0", "--workers", "1", "--config", config.string()});
  const int port = portOf(readLine(server.out));
  ASSERT_GT(port, 0);
  httplib::Client c("127.0.0.1", port);
  c.set_read_timeout(120, 0);
  auto wrongCode = readFile(wrongFile);
  ASSERT_TRUE(wrongCode.ok());
  auto r = c.Post("/v1/reward", nlohmann::json{{"task_id", "count4_en"}, {"response", *wrongCode}}.dump(), "application/json");
  ASSERT_TRUE(r);
  auto served = nlohmann::json::parse(r->body, nullptr, false);
  ASSERT_EQ(served.value("verdict", ""), "pass") << r->body;  // the weak testbench misses it
  kill(server.pid, SIGTERM);
  EXPECT_EQ(waitExit(server.pid), 0);

  Child eval = spawn({"eval", "--task", weak + "/count4_en", wrongFile, "--judge", "differential", "--json"});
  const std::string out = readAll(eval.out);
  EXPECT_EQ(waitExit(eval.pid), 1) << out;
  auto judged = nlohmann::json::parse(out, nullptr, false);
  ASSERT_TRUE(judged.contains("differential")) << out;
  const auto& d = judged["differential"];
  EXPECT_EQ(d["verdict"], "mismatch");
  EXPECT_EQ(served["details"]["function"]["mismatches"], d["mismatches"]) << r->body;
  EXPECT_EQ(served["details"]["function"]["samples"], d["samples"]);
  Evaluation e;
  e.verdict = Verdict::Mismatch;
  e.mismatches = d["mismatches"].get<std::int64_t>();
  e.samples = d["samples"].get<std::int64_t>();
  EXPECT_DOUBLE_EQ(served["reward"].get<double>(), shapeReward({}, e, std::nullopt).reward);
  EXPECT_LT(served["reward"].get<double>(), 1.0);
}

TEST(ServeCli, UsageAndInputErrors) {
  Child none = spawn({"serve"});
  EXPECT_EQ(waitExit(none.pid), 2);
  EXPECT_NE(readAll(none.err).find("--suite"), std::string::npos);
  auto dir = TempDir::create("serve-config");
  ASSERT_TRUE(dir.ok());
  const auto bad = dir->path() / "reward.toml";
  ASSERT_TRUE(writeFile(bad, "[reward]\nweight = 1\n").ok());
  Child config = spawn({"serve", "--suite", kSuite, "--config", bad.string(), "--port", "0"});
  EXPECT_EQ(waitExit(config.pid), 3);
  EXPECT_NE(readAll(config.err).find("reward.weight"), std::string::npos);
  ASSERT_TRUE(writeFile(bad, "[function]\njudge = \"sat\"\n").ok());
  Child judge = spawn({"serve", "--suite", kSuite, "--config", bad.string(), "--port", "0"});
  EXPECT_EQ(waitExit(judge.pid), 3);
  EXPECT_NE(readAll(judge.err).find("'function.judge' must be"), std::string::npos);
  Child pairs = spawn({"pairs", (dir->path() / "no-run").string(), "--out", (dir->path() / "p.jsonl").string()});
  EXPECT_EQ(waitExit(pairs.pid), 3);
  EXPECT_FALSE(std::filesystem::exists(dir->path() / "p.jsonl"));
}

}  // namespace
}  // namespace rtlarena
