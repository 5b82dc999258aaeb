// A reward server on a free loopback port for one test: the service over the
// inv8 fixture suite, the HTTP server on its own thread, an httplib client;
// stopped when the test ends.
#pragma once

#include <gtest/gtest.h>
#include <httplib.h>

#include <filesystem>
#include <memory>
#include <nlohmann/json.hpp>
#include <thread>

#include "rtlarena/core/files.h"
#include "rtlarena/serve/http_server.h"
#include "rtlarena/serve/reward_service.h"
#include "rtlarena/tasks/suite.h"

namespace rtlarena::testing {

inline const std::filesystem::path kSource = RTLARENA_SOURCE_DIR;

struct Reply {
  int status = 0;
  nlohmann::json json;
  std::string body;
  std::string retryAfter;
};

class ServeHarness {
 public:
  explicit ServeHarness(ServerLimits limits = {}, unsigned workers = 2, RewardConfig reward = {},
                        const std::string& suiteDir = "tests/fixtures/tasks") {
    auto tasks = loadSuiteDir(kSource / suiteDir);
    EXPECT_TRUE(tasks.ok());
    ServiceOptions o;
    o.workers = workers;
    o.limits = limits;
    o.modes.reward = reward;
    auto s = RewardService::create(*tasks, o);
    EXPECT_TRUE(s.ok()) << (s.ok() ? "" : s.error().message);
    service = std::move(*s);
    server = std::make_unique<RewardHttpServer>(*service);
    auto p = server->bind("127.0.0.1", 0);
    EXPECT_TRUE(p.ok());
    port = *p;
    thread = std::thread([this] { server->run(); });
    client = std::make_unique<httplib::Client>("127.0.0.1", port);
    client->set_read_timeout(120, 0);
  }
  ~ServeHarness() {
    server->stop();
    thread.join();
  }
  Reply post(const std::string& path, const std::string& body) {
    return toReply(client->Post(path.c_str(), body, "application/json"));
  }
  Reply post(const std::string& path, const nlohmann::json& body) { return post(path, body.dump()); }
  Reply get(const std::string& path) { return toReply(client->Get(path.c_str())); }

  std::unique_ptr<RewardService> service;
  std::unique_ptr<RewardHttpServer> server;
  std::unique_ptr<httplib::Client> client;
  std::thread thread;
  int port = 0;

 private:
  static Reply toReply(const httplib::Result& r) {
    Reply out;
    if (!r) {
      ADD_FAILURE() << "no HTTP answer: " << httplib::to_string(r.error());
      return out;
    }
    out.status = r->status;
    out.body = r->body;
    out.json = nlohmann::json::parse(r->body, nullptr, false);
    out.retryAfter = r->get_header_value("Retry-After");
    return out;
  }
};

inline std::string fixture(const std::string& rel) {
  auto text = readFile(kSource / rel);
  EXPECT_TRUE(text.ok()) << rel;
  return text.ok() ? *text : std::string();
}

inline std::string fenced(const std::string& code) { return "Here is the design.\n```verilog\n" + code + "\n```\n"; }

}  // namespace rtlarena::testing
