// The reward server over real HTTP on loopback: every endpoint and trainer
// shape, batches and GRPO groups, the cache, bad and hostile requests,
// overload, the deadline, and the forgery fixtures, whose rewards must equal
// what the evaluator (`rtlarena eval`) gives them.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <filesystem>
#include <future>

#include "rtlarena/eval/evaluator.h"
#include "rtlarena/eval/extract.h"
#include "serve_harness.h"

namespace rtlarena {
namespace {

using namespace rtlarena::testing;
using nlohmann::json;
namespace fs = std::filesystem;

const std::string kGood =
    "module TopModule(input clk, input [7:0] in, output reg [7:0] out);\n"
    "  always @(posedge clk) out <= ~in;\nendmodule\n";
const std::string kNoCompile =
    "module TopModule(input clk, input [7:0] in, output reg [7:0] out);\n"
    "  always @(posedge clk) out <= ~in\nendmodule\n";
// Hangs the simulation: a loop that never ends, stopped by the task's sim
// timeout (3 s). Right on about half the inputs: partial credit.
const std::string kHalfRight =
    "module TopModule(input clk, input [7:0] in, output reg [7:0] out);\n"
    "  always @(posedge clk) out <= in[0] ? ~in : in;\nendmodule\n";
const std::string kHangs =
    "module TopModule(input clk, input [7:0] in, output reg [7:0] out);\n"
    "  integer i;\n  always @(posedge clk) for (i = 0; i >= 0; i = i + 0) out "
    "<= ~in;\nendmodule\n";
// Prints the testbench's result line itself: refused by the policy.
const std::string kForgedLine =
    "module TopModule(input clk, input [7:0] in, output reg [7:0] out);\n"
    "  initial begin $display(\"Mismatches: 0 in 50 samples\"); $finish; "
    "end\nendmodule\n";

json item(const std::string& response) { return {{"task_id", "inv8"}, {"response", response}}; }

TEST(ServeHttp, AGoodAnswerGetsFullRewardThenComesFromTheCache) {
  ServeHarness h;
  auto r = h.post("/v1/reward", item(fenced(kGood)));
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.json["verdict"], "pass");
  EXPECT_DOUBLE_EQ(r.json["reward"].get<double>(), 1.0);
  for (const char* c : {"format", "syntax", "function"}) EXPECT_EQ(r.json["components"][c], 1.0) << c;
  EXPECT_EQ(r.json["components"]["ppa"], 0.0);
  EXPECT_EQ(r.json["cached"], false);
  EXPECT_EQ(r.json["details"]["samples"], 50);
  // The same code in other words is the same (task, code): answered from the
  // cache.
  auto again = h.post("/v1/reward", item("Sure! My answer:\n```verilog\n" + kGood + "\n```\nThat is all."));
  ASSERT_EQ(again.status, 200);
  EXPECT_EQ(again.json["cached"], true);
  EXPECT_EQ(again.json["reward"], r.json["reward"]);
}

TEST(ServeHttp, RewardsClimbWithTheVerdictAndABatchReportsGroupsWithoutSignal) {
  ServeHarness h;
  const std::string wrong = kHalfRight;
  auto r = h.post("/v1/reward", json{{"items",
                                      {item(fenced(kGood)), item(fenced(wrong)), item(fenced(kNoCompile)),
                                       item("I cannot write this module."), item(fenced(kForgedLine))}}});
  ASSERT_EQ(r.status, 200) << r.body;
  const auto& res = r.json["results"];
  ASSERT_EQ(res.size(), 5u);
  EXPECT_EQ(res[0]["verdict"], "pass");
  EXPECT_EQ(res[1]["verdict"], "mismatch");
  EXPECT_EQ(res[2]["verdict"], "syntax_error") << res[2].dump();
  EXPECT_EQ(res[3]["verdict"], "no_code");
  EXPECT_EQ(res[4]["verdict"], "policy_violation");
  auto reward = [&](int i) { return res[i]["reward"].get<double>(); };
  EXPECT_GT(reward(0), reward(1));
  EXPECT_GT(reward(1), reward(2));
  EXPECT_GT(reward(2), reward(3));
  EXPECT_EQ(reward(3), 0.0);
  EXPECT_EQ(reward(4), 0.0);
  EXPECT_GT(res[1]["components"]["function"].get<double>(),
            0.0);  // partial credit
  EXPECT_LT(res[1]["components"]["function"].get<double>(), 1.0);
  EXPECT_TRUE(r.json["no_signal_groups"].empty()) << "a mixed group has signal";
  // Two failing samples of one task: a GRPO group with no signal.
  auto g = h.post("/v1/reward", json{{"items", {item(fenced(wrong)), item(fenced(kNoCompile))}}});
  ASSERT_EQ(g.status, 200);
  ASSERT_EQ(g.json["no_signal_groups"].size(), 1u);
  EXPECT_EQ(g.json["no_signal_groups"][0]["outcome"], "all_fail");
  EXPECT_EQ(g.json["no_signal_groups"][0]["size"], 2);
}

TEST(ServeHttp, IdenticalAnswersInOneBatchAreEvaluatedOnce) {
  ServeHarness h;
  auto r =
      h.post("/v1/reward", json{{"items", {item(fenced(kGood)), item("```verilog\n" + kGood + "\n```"), item(fenced(kGood))}}});
  ASSERT_EQ(r.status, 200);
  EXPECT_EQ(r.json["results"][0]["cached"], false);
  EXPECT_EQ(r.json["results"][1]["cached"], true);
  EXPECT_EQ(r.json["results"][2]["cached"], true);
  EXPECT_EQ(r.json["no_signal_groups"][0]["outcome"], "all_pass");
  auto m = h.get("/metrics");
  EXPECT_NE(m.body.find("rtlarena_evaluations_total 1\n"), std::string::npos) << m.body;
  EXPECT_NE(m.body.find("rtlarena_inflight_joins_total 2\n"), std::string::npos) << m.body;
}

TEST(ServeHttp, TrainerShapesOpenRlhfNemoGymTasksHealthMetrics) {
  ServeHarness h;
  const std::string prompt = "Write an 8-bit registered inverter.\n";
  auto o = h.post(
      "/get_reward",
      json{{"query", {prompt + fenced(kGood), prompt + "no idea"}}, {"prompts", {prompt, prompt}}, {"labels", {"inv8", "inv8"}}});
  ASSERT_EQ(o.status, 200) << o.body;
  ASSERT_EQ(o.json["rewards"].size(), 2u);
  EXPECT_EQ(o.json["rewards"][0], 1.0);
  EXPECT_EQ(o.json["rewards"][1], 0.0);
  json rollout = {
      {"responses_create_params", {{"input", {{{"role", "user"}, {"content", prompt}}}}}},
      {"response",
       {{"output",
         {{{"type", "message"}, {"role", "assistant"}, {"content", {{{"type", "output_text"}, {"text", fenced(kGood)}}}}}}}}},
      {"verifier_metadata", {{"task_id", "inv8"}}}};
  auto v = h.post("/verify", rollout);
  ASSERT_EQ(v.status, 200) << v.body;
  EXPECT_EQ(v.json["reward"], 1.0);
  EXPECT_EQ(v.json["function_reward"], 1.0);
  EXPECT_EQ(v.json["verdict"], "pass");
  EXPECT_EQ(v.json["verifier_metadata"]["task_id"],
            "inv8");  // the request's fields come back
  auto t = h.get("/v1/tasks");
  ASSERT_EQ(t.status, 200);
  ASSERT_EQ(t.json["tasks"].size(), 1u);
  EXPECT_EQ(t.json["tasks"][0]["id"], "inv8");
  EXPECT_FALSE(t.json["tasks"][0]["spec"].get<std::string>().empty());
  auto hz = h.get("/healthz");
  EXPECT_EQ(hz.status, 200);
  EXPECT_EQ(hz.json["status"], "ok");
  auto m = h.get("/metrics");
  ASSERT_EQ(m.status, 200);
  for (const char* needle :
       {"rtlarena_requests_total{endpoint=\"/get_reward\",code=\"200\"} 1", "rtlarena_request_seconds_bucket{le=\"+Inf\"}",
        "rtlarena_queue_depth 0", "rtlarena_cache_hits_total 1", "rtlarena_verdicts_total{verdict=\"pass\"} 1",
        "rtlarena_verdicts_total{verdict=\"no_code\"}", "rtlarena_sandbox_failures_total 0"})
    EXPECT_NE(m.body.find(needle), std::string::npos) << needle << "\n" << m.body;
}

TEST(ServeHttp, BadRequestsGetAClearFourHundredAndTheServerStaysUp) {
  ServerLimits limits;
  limits.maxBodyBytes = 4000;
  ServeHarness h(limits);
  auto expect = [&](const Reply& r, int status, const std::string& words) {
    EXPECT_EQ(r.status, status) << r.body;
    ASSERT_TRUE(r.json.is_object()) << r.body;
    EXPECT_NE(r.json.value("error", "").find(words), std::string::npos) << r.body;
  };
  expect(h.post("/v1/reward", std::string("{\"task_id\": \"inv8\", ")), 400, "not valid JSON");
  expect(h.post("/v1/reward", std::string("[1, 2]")), 400, "JSON object");
  expect(h.post("/v1/reward", json{{"task_id", "inv8"}}), 400, "'response'");
  expect(h.post("/v1/reward", json{{"response", "x"}}), 400, "'task_id'");
  expect(h.post("/v1/reward", json{{"task_id", 7}, {"response", "x"}}), 400, "'task_id'");
  expect(h.post("/v1/reward", json{{"task_id", "nosuch"}, {"response", "x"}}), 404, "unknown task_id 'nosuch'");
  expect(h.post("/v1/reward", std::string("{\"task_id\": \"inv8\", \"response\": \"\xff\xfe\"}")), 400, "UTF-8");
  expect(h.post("/v1/reward", json{{"items", json::array()}}), 400, "non-empty array");
  expect(h.post("/v1/reward", json{{"items", {item("a"), {{"task_id", "inv8"}}}}}), 400, "items[1]");
  expect(h.post("/v1/reward", json{{"task_id", "inv8"}, {"response", std::string(5000, 'x')}}), 413, "larger than 4000");
  expect(h.post("/get_reward", json{{"query", {"a"}}, {"labels", json::array()}}), 400, "same length");
  expect(h.post("/get_reward", json{{"query", {"a"}}}), 400, "labels");
  expect(h.post("/verify", json{{"response", "x"}}), 400, "task_id");
  expect(h.post("/v2/nothing", json::object()), 404, "no endpoint");
  EXPECT_EQ(h.get("/healthz").status, 200);
}

// A client that starts a request and never finishes it is dropped after the read timeout;
// the others are served meanwhile.
TEST(ServeHttp, ASlowClientIsDroppedAndOthersAreServed) {
  ServerLimits limits;
  limits.readTimeoutSeconds = 1;
  ServeHarness h(limits);
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  ASSERT_GE(fd, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<uint16_t>(h.port));
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  ASSERT_EQ(connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr), 0);
  const std::string partial = "POST /v1/reward HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n{\"task_id\"";
  ASSERT_EQ(send(fd, partial.data(), partial.size(), 0), static_cast<ssize_t>(partial.size()));
  EXPECT_EQ(h.get("/healthz").status, 200);
  timeval wait{5, 0};
  setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &wait, sizeof wait);
  char buf[512];
  const auto start = std::chrono::steady_clock::now();
  const ssize_t n = recv(fd, buf, sizeof buf, 0);  // closed (0), or a 4xx line; never a reward
  const double waited = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  EXPECT_LT(waited, 4.5) << "the slow client was not dropped";
  if (n > 0) EXPECT_EQ(std::string(buf, static_cast<std::size_t>(n)).find("\"reward\""), std::string::npos);
  close(fd);
  EXPECT_EQ(h.get("/healthz").status, 200);
}

TEST(ServeHttp, AFullQueueIsA503WithRetryAfter) {
  ServerLimits limits;
  limits.queueCapacity = 1;
  ServeHarness h(limits, 1);
  const std::string wrong = fixture("tests/fixtures/tasks/inv8/bad/no_invert.sv");
  auto r = h.post("/v1/reward", json{{"items", {item(fenced(kGood)), item(fenced(wrong))}}});
  EXPECT_EQ(r.status, 503) << r.body;
  EXPECT_FALSE(r.retryAfter.empty());
  EXPECT_NE(r.json.value("error", "").find("queue is full"), std::string::npos);
  // While one evaluation holds the only slot, another is refused; the first
  // still completes.
  auto slow = std::async(std::launch::async, [&] {
    httplib::Client c("127.0.0.1", h.port);
    c.set_read_timeout(60, 0);
    auto res = c.Post("/v1/reward", item(fenced(kHangs)).dump(), "application/json");
    return res ? res->status : -1;
  });
  for (int i = 0; i < 100 && h.service->queueDepth() == 0; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(20));
  auto refused = h.post("/v1/reward", item(fenced(wrong)));
  EXPECT_EQ(refused.status, 503);
  EXPECT_EQ(slow.get(), 200);
  EXPECT_EQ(h.post("/v1/reward", item(fenced(wrong))).status, 200);
  EXPECT_NE(h.get("/metrics").body.find("rtlarena_rejected_total{reason=\"overloaded\"} 2"), std::string::npos);
}

TEST(ServeHttp, ARequestPastItsDeadlineIsA504AndItsRewardIsCachedForTheRetry) {
  ServerLimits limits;
  limits.deadlineSeconds = 0.3;
  ServeHarness h(limits);
  auto r = h.post("/v1/reward", item(fenced(kHangs)));
  EXPECT_EQ(r.status, 504) << r.body;
  EXPECT_NE(r.json.value("error", "").find("deadline"), std::string::npos);
  h.service->waitIdle();
  auto again = h.post("/v1/reward", item(fenced(kHangs)));
  ASSERT_EQ(again.status, 200) << again.body;
  EXPECT_EQ(again.json["verdict"], "sim_timeout");
  EXPECT_EQ(again.json["cached"], true);
}

// Every forgery fixture through HTTP: the reward is the one the evaluator's
// verdict gives (the same evaluation `rtlarena eval` runs), never a pass, and a
// forgery the evaluator refuses (anything but a plain mismatch of its ports)
// gets no more than an honest wrong answer.
TEST(ServeHttp, ForgeriesGetNoMoreThanAnHonestWrongAnswer) {
  ServeHarness h;
  auto task = loadTaskDir(kSource / "tests/fixtures/tasks/inv8", "tasks");
  ASSERT_TRUE(task.ok());
  std::vector<std::string> names, codes;
  json items = json::array();
  for (const auto& e : fs::directory_iterator(kSource / "tests/eval/forgery")) {
    names.push_back(e.path().filename().string());
    codes.push_back(fixture(("tests/eval/forgery/" + names.back())));
    items.push_back(item(fenced(codes.back())));
  }
  ASSERT_GE(names.size(), 10u);
  auto honest = h.post("/v1/reward", item(fenced(fixture("tests/fixtures/tasks/inv8/bad/no_invert.sv"))));
  ASSERT_EQ(honest.status, 200);
  const double honestWrong = honest.json["reward"].get<double>();
  auto r = h.post("/v1/reward", json{{"items", items}});
  ASSERT_EQ(r.status, 200) << r.body;
  Evaluator evaluator(EvalOptions{});
  for (std::size_t n = 0; n < names.size(); ++n) {
    const auto& got = r.json["results"][n];
    SCOPED_TRACE(names[n] + ": " + got.dump());
    EXPECT_NE(got["verdict"], "pass");
    ExtractOptions eo;
    eo.top = task->top;
    Evaluation e = evaluator.evaluate(*task, extractCandidate(fenced(codes[n]), eo).code);
    EXPECT_EQ(got["verdict"], std::string(verdictName(e.verdict)));
    EXPECT_DOUBLE_EQ(got["reward"].get<double>(), shapeReward({}, e, std::nullopt).reward);
    if (e.verdict != Verdict::Mismatch) EXPECT_LE(got["reward"].get<double>(), honestWrong);
    EXPECT_LT(got["reward"].get<double>(), 1.0);
  }
}

}  // namespace
}  // namespace rtlarena
