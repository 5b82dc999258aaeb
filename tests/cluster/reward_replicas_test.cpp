// Reward-server replicas behind nginx (docs/nginx/reward-replicas.conf.in, run by
// scripts/reward_replicas.sh): nginx accepts the configuration, spreads requests over the
// replicas and hands a dead replica's requests to a live one; two `rtlarena serve` replicas
// behind it give the same rewards as one.
#include <gtest/gtest.h>
#include <httplib.h>
#include <signal.h>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <set>

#include "rtlarena/core/files.h"
#include "rtlarena/core/text.h"
#include "rtlarena/core/process.h"

namespace rtlarena {
namespace {

namespace fs = std::filesystem;

const std::string kScript = std::string(RTLARENA_SOURCE_DIR) + "/scripts/reward_replicas.sh";

ProcessResult runTool(std::vector<std::string> argv, std::map<std::string, std::string> env = defaultToolEnv("/tmp")) {
  ProcessSpec spec;
  spec.argv = std::move(argv);
  spec.workDir = "/tmp";
  spec.env = std::move(env);
  spec.env["PATH"] += ":/usr/sbin";
  spec.deadline = std::chrono::milliseconds(120000);
  spec.limits.openFiles = 4096;  // nginx's workers inherit it
  auto r = runProcess(spec);
  EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.error().message);
  return r.ok() ? *r : ProcessResult{};
}

int freePort() {
  auto r = runTool({"python3", "-c",
                    "import socket; s=socket.socket(); s.bind(('127.0.0.1',0)); print(s.getsockname()[1])"});
  return std::atoi(r.out.c_str());
}

// Replicas and nginx for as long as this object lives, stopped whatever the test's outcome.
class Replicas {
 public:
  Replicas(fs::path dir, const std::string& binary, int replicas, std::vector<std::string> serveFlags)
      : dir_(std::move(dir)), port_(freePort()) {
    std::vector<std::string> argv = {kScript, "start", dir_.string(), std::to_string(port_), std::to_string(replicas), "--"};
    argv.insert(argv.end(), serveFlags.begin(), serveFlags.end());
    auto env = defaultToolEnv("/tmp");
    env["RTLARENA"] = binary;
    auto r = runTool(argv, env);
    log_ = r.out + r.err;
    up_ = r.exitCode == 0;
  }
  ~Replicas() { runTool({kScript, "stop", dir_.string()}); }
  bool up() const { return up_; }
  int port() const { return port_; }
  const std::string& log() const { return log_; }
  const fs::path& dir() const { return dir_; }

 private:
  fs::path dir_;
  int port_;
  bool up_ = false;
  std::string log_;
};

TEST(RewardReplicas, NginxAcceptsTheFilledTemplate) {
  auto tmp = TempDir::create("nginx");
  ASSERT_TRUE(tmp.ok());
  const std::string d = tmp->path().string();
  auto r = runTool({kScript, "config", d, "18000", "18001", "18002"});
  ASSERT_EQ(r.exitCode, 0) << r.err;
  auto conf = readFile(d + "/nginx.conf");
  ASSERT_TRUE(conf.ok());
  EXPECT_NE(conf->find("server 127.0.0.1:18001 max_fails=1"), std::string::npos) << *conf;
  EXPECT_NE(conf->find("server 127.0.0.1:18002 max_fails=1"), std::string::npos);
  EXPECT_EQ(conf->find('@'), std::string::npos) << "a placeholder was left: " << *conf;
  auto t = runTool({"nginx", "-t", "-p", d, "-c", d + "/nginx.conf", "-e", d + "/error.log"});
  EXPECT_EQ(t.exitCode, 0) << t.err;
}

TEST(RewardReplicas, NginxSpreadsRequestsAndCoversForADeadReplica) {
  auto tmp = TempDir::create("nginx");
  ASSERT_TRUE(tmp.ok());
  Replicas replicas(tmp->path() / "stand-in", std::string(RTLARENA_SOURCE_DIR) + "/tests/cluster/stand_in_serve.py", 2, {});
  ASSERT_TRUE(replicas.up()) << replicas.log();
  httplib::Client client("127.0.0.1", replicas.port());
  std::set<std::string> answeredBy;
  for (int i = 0; i < 10; ++i) {
    auto res = client.Post("/v1/reward", "{}", "application/json");
    ASSERT_TRUE(res) << "no answer through nginx";
    EXPECT_EQ(res->status, 200);
    answeredBy.insert(res->body);
  }
  EXPECT_EQ(answeredBy.size(), 2u) << "least_conn should reach both replicas";

  auto pid = readFile(replicas.dir() / "replica1.pid");
  ASSERT_TRUE(pid.ok());
  ASSERT_EQ(::kill(std::atoi(pid->c_str()), SIGKILL), 0);
  std::set<std::string> afterKill;
  for (int i = 0; i < 10; ++i) {
    auto res = client.Post("/v1/reward", "{}", "application/json");
    ASSERT_TRUE(res) << "a request failed after one replica died";
    EXPECT_EQ(res->status, 200) << res->body;
    afterKill.insert(res->body);
  }
  EXPECT_EQ(afterKill.size(), 1u) << "only the live replica can answer";
}

// `rtlarena serve --help` would print the top-level help on a binary without `serve`; the
// list of subcommands says it.
bool hasServeCommand() {
  auto r = runTool({RTLARENA_BINARY, "--help"});
  return r.out.find("\n  serve ") != std::string::npos;
}

// Rewards for answers of every kind: correct (the reference), empty module, not Verilog.
std::vector<nlohmann::json> requests() {
  std::vector<nlohmann::json> out;
  for (const char* task : {"popcount8", "mux4_bus8", "edge_detect", "gray_counter4"}) {
    auto ref = readFile(std::string(RTLARENA_SOURCE_DIR) + "/datasets/core/" + task + "/ref.sv");
    // The reference written as a model would (named TopModule): a passing answer.
    if (ref.ok())
      out.push_back({{"task_id", task}, {"response", "```verilog\n" + replaceAll(*ref, "RefModule", "TopModule") + "\n```\n"}});
    out.push_back({{"task_id", task}, {"response", std::string("```verilog\nmodule ") + task + "; endmodule\n```\n"}});
    out.push_back({{"task_id", task}, {"response", "I cannot write this."}});
  }
  return out;
}

nlohmann::json rewards(int port) {
  httplib::Client client("127.0.0.1", port);
  client.set_read_timeout(300);
  nlohmann::json all = nlohmann::json::array();
  for (const auto& req : requests()) {
    auto res = client.Post("/v1/reward", req.dump(), "application/json");
    if (!res) return nullptr;
    auto j = nlohmann::json::parse(res->body, nullptr, false);
    // Which replica had it cached, and how long it took, differ; the reward does not.
    if (j.is_object()) j.erase("cached");
    if (j.is_object() && j.contains("details") && j["details"].is_object()) j["details"].erase("seconds");
    all.push_back({{"status", res->status}, {"body", j}});
  }
  return all;
}

TEST(RewardReplicas, TwoServeReplicasGiveTheRewardsOfOne) {
  ASSERT_TRUE(hasServeCommand()) << "rtlarena has no `serve` command";
  auto tmp = TempDir::create("nginx");
  ASSERT_TRUE(tmp.ok());
  nlohmann::json one, two;
  {
    Replicas single(tmp->path() / "one", RTLARENA_BINARY, 1, {"--suite", "core"});
    ASSERT_TRUE(single.up()) << single.log();
    one = rewards(single.port());
  }
  {
    Replicas pair(tmp->path() / "two", RTLARENA_BINARY, 2, {"--suite", "core"});
    ASSERT_TRUE(pair.up()) << pair.log();
    two = rewards(pair.port());
  }
  ASSERT_TRUE(one.is_array()) << "no answer from one replica";
  EXPECT_EQ(one.size(), requests().size());
  EXPECT_EQ(two, one);
}

}  // namespace
}  // namespace rtlarena
