// Whole runs against a local OpenAI-compatible server: every sample ends scored or llm_error
// whatever the endpoint does, and a second identical command makes no request. `tools`: the
// answers are simulated with Icarus.
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <nlohmann/json.hpp>
#include <thread>

#include "fake_llm_server.h"
#include "rtlarena/core/files.h"
#include "rtlarena/core/process.h"
#include "rtlarena/core/tools.h"
#include "rtlarena/run/run_driver.h"
#include "rtlarena/store/store.h"
#include "rtlarena/tasks/suite.h"

namespace rtlarena::testing {
namespace {

using nlohmann::json;

const std::vector<std::string> kTasks = {"popcount8", "edge_detect", "gray_counter4", "mux4_bus8"};

FakeServerOptions coreAnswers() {
  FakeServerOptions o;
  o.answersFrom = (datasetsRoot() / "core").string();
  return o;
}

std::vector<Task> someCoreTasks() {
  auto all = loadSuite("core");
  EXPECT_TRUE(all);
  std::vector<Task> picked;
  for (const auto& t : *all)
    if (std::find(kTasks.begin(), kTasks.end(), t.id) != kTasks.end()) picked.push_back(t);
  EXPECT_EQ(picked.size(), kTasks.size());
  return picked;
}

TEST(RunEndpoint, RunScoresAnswersRecordsThemAndRerunsFromCache) {
  FakeLlmServer server(coreAnswers());
  ASSERT_TRUE(server.start());
  auto dir = TempDir::create("llm-run");
  ASSERT_TRUE(dir);
  RunOptions o;
  o.suite = "core";
  o.tasks = someCoreTasks();
  o.provider.spec = "openai:fake";
  o.provider.baseUrl = server.openaiBase();
  o.provider.cacheDir = (dir->path() / "cache").string();
  o.provider.quiet = true;
  o.samplesPerTask = 2;
  o.outDir = (dir->path() / "run1").string();
  o.eval.sandbox.mode = SandboxMode::None;
  o.progress = false;
  auto s = runBenchmark(o);
  ASSERT_TRUE(s) << s.error().message;
  EXPECT_EQ(s->samples, 8);
  EXPECT_DOUBLE_EQ(s->passAt.at(1), 1.0);
  EXPECT_EQ(server.requests(), 4);  // native n=2, one request per task

  auto store = Store::open(dir->path() / "run1" / "results.sqlite");
  ASSERT_TRUE(store);
  auto samples = (*store)->samples();
  ASSERT_TRUE(samples);
  for (const auto& r : *samples) {
    EXPECT_NE(r.promptJson.find("\"role\":\"system\""), std::string::npos);
    EXPECT_NE(r.rawAnswer.find("module TopModule"), std::string::npos);
    EXPECT_GT(r.tokensIn, 0);
    EXPECT_EQ(r.attempts, 1);
    EXPECT_GT(r.latencySeconds, 0);
  }
  auto run = (*store)->run();
  ASSERT_TRUE(run && *run);
  EXPECT_EQ((*run)->configJson.find("cache"), std::string::npos);

  o.outDir = (dir->path() / "run2").string();  // a fresh run: every answer from the cache
  ASSERT_TRUE(runBenchmark(o));
  EXPECT_EQ(server.requests(), 4);
  o.outDir = (dir->path() / "run1").string();  // a resumed run: nothing missing
  ASSERT_TRUE(runBenchmark(o));
  EXPECT_EQ(server.requests(), 4);
}

struct CliRun {
  int exitCode = -1;
  json summary;
  std::string err;
};

CliRun runCli(const std::vector<std::string>& extra, const TempDir& dir) {
  ProcessSpec spec;
  spec.argv = {RTLARENA_BINARY, "run", "--suite", "core", "--model", "openai:fake", "--json", "--no-progress",
               "--no-sandbox", "--cache-dir", (dir.path() / "cache").string(), "--out", (dir.path() / "run").string()};
  for (const auto& t : kTasks) spec.argv.insert(spec.argv.end(), {"--task", t});
  spec.argv.insert(spec.argv.end(), extra.begin(), extra.end());
  spec.workDir = dir.path().string();
  spec.env = defaultToolEnv(dir.path().string());
  spec.deadline = std::chrono::milliseconds(240000);
  spec.outputCap = 1 << 20;
  CliRun r;
  auto p = runProcess(spec);
  EXPECT_TRUE(p) << (p ? "" : p.error().message);
  if (!p) return r;
  r.exitCode = p->exitCode;
  r.err = p->err;
  auto lines = p->out;
  r.summary = json::parse(lines, nullptr, false);
  return r;
}

int total(const json& verdicts) {
  int n = 0;
  for (auto& [k, v] : verdicts.items()) n += v.get<int>();
  return n;
}

TEST(RunEndpoint, CliSurvivesRateLimitsFaultsAndAServerRestart) {
  FakeLlmServer server(coreAnswers());
  ASSERT_TRUE(server.start());
  server.script({FakeReply::status429(1), FakeReply::status429(1), FakeReply::status429(1),
                 FakeReply::error(500), FakeReply::of(FakeReply::Kind::Drop),
                 FakeReply::of(FakeReply::Kind::Truncated), FakeReply::of(FakeReply::Kind::Malformed)});
  auto dir = TempDir::create("llm-cli");
  ASSERT_TRUE(dir);
  // Kill the server once it has answered a few requests, bring it back 1.5 s later.
  std::atomic<bool> done{false};
  std::thread chaos([&] {
    while (!done && server.requests() < 9) std::this_thread::sleep_for(std::chrono::milliseconds(5));
    if (done) return;
    server.stop();
    std::this_thread::sleep_for(std::chrono::milliseconds(1500));
    server.start();
  });
  const std::vector<std::string> args = {"--base-url", server.openaiBase(), "-n", "3", "--n-mode", "repeat",
                                         "--concurrency", "4"};
  CliRun first = runCli(args, *dir);
  done = true;
  chaos.join();
  ASSERT_EQ(first.exitCode, 0) << first.err;
  ASSERT_TRUE(first.summary.is_object()) << first.err;
  EXPECT_EQ(first.summary["samples"], 12);
  EXPECT_EQ(total(first.summary["verdicts"]), 12);
  EXPECT_FALSE(first.summary["verdicts"].contains("llm_error")) << first.summary.dump();
  EXPECT_NE(first.err.find("retried"), std::string::npos) << first.err;  // the stderr summary line
  const int requests = server.requests();

  CliRun second = runCli(args, *dir);
  ASSERT_EQ(second.exitCode, 0) << second.err;
  EXPECT_EQ(server.requests(), requests);
  EXPECT_EQ(second.summary["verdicts"], first.summary["verdicts"]);
}

TEST(RunEndpoint, CliStoresLlmErrorsAndRetryErrorsFillsThem) {
  FakeLlmServer server(coreAnswers());
  ASSERT_TRUE(server.start());
  server.setDefault(FakeReply::error(502));
  auto dir = TempDir::create("llm-cli");
  ASSERT_TRUE(dir);
  const std::vector<std::string> args = {"--base-url", server.openaiBase(), "-n", "2", "--retries", "1"};
  CliRun failed = runCli(args, *dir);
  ASSERT_EQ(failed.exitCode, 6) << failed.err;  // incomplete: nothing the model did was scored
  EXPECT_EQ(failed.summary["verdicts"]["llm_error"], 8) << failed.summary.dump();
  EXPECT_EQ(failed.summary["incomplete"]["llm_error"], 8) << failed.summary.dump();
  EXPECT_EQ(failed.summary["complete_samples"], 0) << failed.summary.dump();
  EXPECT_TRUE(failed.summary["pass_at"].empty()) << failed.summary.dump();
  EXPECT_NE(failed.err.find("8 sample(s) incomplete"), std::string::npos) << failed.err;
  EXPECT_NE(failed.err.find("run the same command again"), std::string::npos) << failed.err;
  EXPECT_NE(failed.err.find("failed (llm_error): http_502"), std::string::npos) << failed.err;
  auto store = Store::open(dir->path() / "run" / "results.sqlite");
  ASSERT_TRUE(store);
  auto samples = (*store)->samples();
  ASSERT_TRUE(samples);
  for (const auto& s : *samples) {
    EXPECT_TRUE(s.llmError);
    EXPECT_NE(s.llmErrorMessage.find("HTTP 502"), std::string::npos) << s.llmErrorMessage;
    EXPECT_EQ(s.attempts, 2);
  }
  store->reset();

  server.setDefault(FakeReply{});  // the endpoint recovers
  const int before = server.requests();
  CliRun same = runCli(args, *dir);
  EXPECT_EQ(server.requests(), before);  // a plain resume keeps what is stored
  EXPECT_EQ(same.exitCode, 6);
  EXPECT_EQ(same.summary["verdicts"]["llm_error"], 8);
  auto retry = args;
  retry.push_back("--retry-errors");
  CliRun filled = runCli(retry, *dir);
  ASSERT_EQ(filled.exitCode, 0) << filled.err;
  EXPECT_FALSE(filled.summary["verdicts"].contains("llm_error")) << filled.summary.dump();
  EXPECT_DOUBLE_EQ(filled.summary["pass_at"]["1"].get<double>(), 1.0);
}

TEST(RunEndpoint, ModelConfigFileAndPriceTable) {
  FakeLlmServer server(coreAnswers());
  ASSERT_TRUE(server.start());
  auto dir = TempDir::create("llm-cli");
  ASSERT_TRUE(dir);
  ASSERT_TRUE(writeFile(dir->path() / "model.toml", "provider = \"openai\"\nmodel = \"fake\"\nbase_url = \"" +
                                                        server.openaiBase() + "\"\ntemperature = 0.5\nseed = 3\n"
                                                        "[extra_body]\ntop_k = 20\n"));
  ASSERT_TRUE(writeFile(dir->path() / "prices.json", R"({"fake": {"input_per_mtok": 1000, "output_per_mtok": 2000}})"));
  CliRun r = runCli({"--model-config", (dir->path() / "model.toml").string(), "--price-table",
                     (dir->path() / "prices.json").string(), "--temperature", "0.25"},
                    *dir);
  ASSERT_EQ(r.exitCode, 0) << r.err;
  EXPECT_GT(r.summary["cost"]["usd"].get<double>(), 0);
  auto bodies = server.bodies();
  ASSERT_FALSE(bodies.empty());
  EXPECT_DOUBLE_EQ(bodies[0]["temperature"].get<double>(), 0.25);  // the typed flag wins over the file
  EXPECT_EQ(bodies[0]["top_k"], 20);
  auto store = Store::open(dir->path() / "run" / "results.sqlite");
  ASSERT_TRUE(store);
  auto run = (*store)->run();
  ASSERT_TRUE(run && *run);
  json config = json::parse((*run)->configJson);
  EXPECT_EQ(config["extra_body"]["top_k"], 20);
  EXPECT_EQ(config["seed"], 3);
  EXPECT_DOUBLE_EQ(config["temperature"].get<double>(), 0.25);
}

}  // namespace
}  // namespace rtlarena::testing
