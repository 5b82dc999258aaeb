// The fake LLM server on cpp-httplib. Routes: POST /v1/chat/completions (and
// /chat/completions), POST /v1/messages, GET /stats, GET or POST /control/fail?status=S
// &count=N&retry_after=R (queues N error replies: a burst of 429s on demand).
#include "fake_llm_server.h"

#include <httplib.h>

#include <chrono>
#include <deque>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace rtlarena::testing {

using nlohmann::json;
namespace fs = std::filesystem;

namespace {

std::string readAll(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::string trimmed(const std::string& s) {
  auto b = s.find_first_not_of(" \t\r\n");
  if (b == std::string::npos) return "";
  auto e = s.find_last_not_of(" \t\r\n");
  return s.substr(b, e - b + 1);
}

std::string replaceAll(std::string s, const std::string& from, const std::string& to) {
  for (std::size_t pos = 0; (pos = s.find(from, pos)) != std::string::npos; pos += to.size()) s.replace(pos, from.size(), to);
  return s;
}

bool isLoopback(const std::string& host) { return host == "127.0.0.1" || host == "localhost" || host == "::1"; }

}  // namespace

struct FakeLlmServer::Impl {
  std::unique_ptr<httplib::Server> server;
  mutable std::mutex mutex;
  std::deque<FakeReply> script;
  FakeReply fallback;
  std::vector<json> bodies;
  std::vector<std::string> auths;
  std::vector<double> arrivals;
  const std::chrono::steady_clock::time_point t0 = std::chrono::steady_clock::now();
  std::vector<std::pair<std::string, std::string>> tasks;  // spec, golden answer code
  std::atomic<long> answerCounter{0};
  std::atomic<bool> stopping{false};

  FakeReply next() {
    std::lock_guard lock(mutex);
    if (script.empty()) return fallback;
    FakeReply r = std::move(script.front());
    script.pop_front();
    return r;
  }

  std::string defaultAnswer(const std::string& prompt, bool unique) {
    long k = answerCounter++;
    std::string code = "module TopModule;\nendmodule\n";
    std::size_t best = 0;
    for (const auto& [spec, golden] : tasks)
      if (spec.size() > best && prompt.find(spec) != std::string::npos) best = spec.size(), code = golden;
    if (unique) code += "// answer " + std::to_string(k) + "\n";
    return "Here is the design.\n```verilog\n" + code + "```\n";
  }
};

FakeLlmServer::FakeLlmServer(FakeServerOptions options) : impl_(std::make_unique<Impl>()), options_(std::move(options)) {
  port_ = options_.port;
  if (!options_.answersFrom.empty()) {
    std::error_code ec;
    for (const auto& e : fs::directory_iterator(options_.answersFrom, ec)) {
      if (!fs::exists(e.path() / "spec.md") || !fs::exists(e.path() / "ref.sv")) continue;
      impl_->tasks.emplace_back(trimmed(readAll(e.path() / "spec.md")),
                                replaceAll(readAll(e.path() / "ref.sv"), "RefModule", "TopModule"));
    }
  }
}

FakeLlmServer::~FakeLlmServer() { stop(); }

void FakeLlmServer::script(std::vector<FakeReply> replies) {
  std::lock_guard lock(impl_->mutex);
  for (auto& r : replies) impl_->script.push_back(std::move(r));
}

void FakeLlmServer::setDefault(FakeReply reply) {
  std::lock_guard lock(impl_->mutex);
  impl_->fallback = std::move(reply);
}

std::vector<json> FakeLlmServer::bodies() const {
  std::lock_guard lock(impl_->mutex);
  return impl_->bodies;
}

std::vector<std::string> FakeLlmServer::authorizations() const {
  std::lock_guard lock(impl_->mutex);
  return impl_->auths;
}

std::vector<double> FakeLlmServer::arrivals() const {
  std::lock_guard lock(impl_->mutex);
  return impl_->arrivals;
}

bool FakeLlmServer::start() {
  if (!isLoopback(options_.host)) return false;  // never listen beyond this machine
  impl_->stopping = false;
  auto server = std::make_unique<httplib::Server>();
  const int threads = options_.threads;
  server->new_task_queue = [threads] { return new httplib::ThreadPool(static_cast<std::size_t>(threads)); };
  server->set_keep_alive_max_count(100000);
  server->set_keep_alive_timeout(1);
  server->set_payload_max_length(64 << 20);
  Impl* impl = impl_.get();

  auto completion = [this, impl](bool anthropic) {
    return [this, impl, anthropic](const httplib::Request& req, httplib::Response& res) {
      int now = ++inFlight_;
      for (int m = maxInFlight_.load(); now > m && !maxInFlight_.compare_exchange_weak(m, now);) {}
      const int requestNo = requests_++;
      json body = json::parse(req.body, nullptr, false);
      {
        std::lock_guard lock(impl->mutex);
        impl->bodies.push_back(body);
        impl->auths.push_back(anthropic ? req.get_header_value("x-api-key") : req.get_header_value("Authorization"));
        impl->arrivals.push_back(std::chrono::duration<double>(std::chrono::steady_clock::now() - impl->t0).count());
      }
      FakeReply reply = impl->next();
      const int delay = options_.delayMs + reply.delayMs;
      for (int slept = 0; slept < delay && !impl->stopping; slept += 5)
        std::this_thread::sleep_for(std::chrono::milliseconds(std::min(5, delay - slept)));

      std::string prompt;
      int n = 1;
      std::string model = "fake";
      if (body.is_object()) {
        if (body.contains("messages") && body["messages"].is_array())
          for (const auto& m : body["messages"])
            if (m.value("role", "") == "user" && m.contains("content") && m["content"].is_string())
              prompt = m["content"].get<std::string>();
        if (!anthropic && body.contains("n") && body["n"].is_number_integer()) n = body["n"].get<int>();
        if (body.contains("model") && body["model"].is_string()) model = body["model"].get<std::string>();
      }
      const int choices = reply.choices >= 0 ? reply.choices : n;
      auto answerText = [&](int i) {
        if (reply.text.empty()) return impl->defaultAnswer(prompt, options_.uniqueAnswers);
        return replaceAll(replaceAll(reply.text, "{choice}", std::to_string(i)), "{request}", std::to_string(requestNo));
      };
      json out;
      if (anthropic) {
        json content = json::array();
        if (!reply.reasoning.empty()) content.push_back({{"type", "thinking"}, {"thinking", reply.reasoning}});
        std::string text = answerText(0);
        content.push_back({{"type", "text"}, {"text", text}});
        out = {{"id", "msg_" + std::to_string(requestNo)},
               {"type", "message"},
               {"role", "assistant"},
               {"model", model},
               {"content", content},
               {"stop_reason", reply.finishReason == "length" ? "max_tokens" : "end_turn"},
               {"usage", {{"input_tokens", prompt.size() / 4 + 1}, {"output_tokens", text.size() / 4 + 1}}}};
      } else {
        json list = json::array();
        std::size_t outTokens = 0;
        for (int i = 0; i < choices; ++i) {
          std::string text = answerText(i);
          outTokens += text.size() / 4 + 1;
          json message = {{"role", "assistant"}, {"content", text}};
          if (!reply.reasoning.empty()) message["reasoning_content"] = reply.reasoning;
          list.push_back({{"index", i}, {"message", message}, {"finish_reason", reply.finishReason}});
        }
        out = {{"id", "chatcmpl-" + std::to_string(requestNo)},
               {"object", "chat.completion"},
               {"model", model},
               {"choices", list},
               {"usage", {{"prompt_tokens", prompt.size() / 4 + 1}, {"completion_tokens", outTokens}}}};
      }
      const std::string full = out.dump();
      switch (reply.kind) {
        case FakeReply::Kind::Answer: res.set_content(full, "application/json"); break;
        case FakeReply::Kind::Status:
          res.status = reply.status;
          if (reply.retryAfter) res.set_header("Retry-After", std::to_string(*reply.retryAfter));
          res.set_content(reply.body, "application/json");
          break;
        case FakeReply::Kind::Malformed: res.set_content(R"({"choices": [{"message": {"content": "mod)", "application/json"); break;
        case FakeReply::Kind::Truncated:
          res.set_content_provider(full.size(), "application/json",
                                   [full](std::size_t, std::size_t, httplib::DataSink& sink) {
                                     sink.write(full.data(), full.size() / 2);
                                     return false;  // close with half the promised body sent
                                   });
          break;
        case FakeReply::Kind::Drop:
          res.set_content_provider(full.size(), "application/json",
                                   [](std::size_t, std::size_t, httplib::DataSink&) { return false; });
          break;
      }
      --inFlight_;
    };
  };
  server->Post("/v1/chat/completions", completion(false));
  server->Post("/chat/completions", completion(false));
  server->Post("/v1/messages", completion(true));
  server->Get("/stats", [this](const httplib::Request&, httplib::Response& res) {
    res.set_content(json{{"requests", requests_.load()}, {"max_in_flight", maxInFlight_.load()}}.dump(), "application/json");
  });
  // GET works too: httplib refuses a POST without Content-Length (use `curl -d ''` for POST).
  auto fail = [this](const httplib::Request& req, httplib::Response& res) {
    int status = req.has_param("status") ? std::stoi(req.get_param_value("status")) : 429;
    int count = req.has_param("count") ? std::stoi(req.get_param_value("count")) : 1;
    FakeReply r = FakeReply::error(status);
    if (req.has_param("retry_after")) r.retryAfter = std::stoi(req.get_param_value("retry_after"));
    script(std::vector<FakeReply>(static_cast<std::size_t>(std::clamp(count, 0, 100000)), r));
    res.set_content("{}", "application/json");
  };
  server->Post("/control/fail", fail);
  server->Get("/control/fail", fail);

  int bound = port_ == 0 ? server->bind_to_any_port(options_.host) : (server->bind_to_port(options_.host, port_) ? port_ : -1);
  if (bound <= 0) return false;
  port_ = bound;
  impl_->server = std::move(server);
  httplib::Server* raw = impl_->server.get();
  thread_ = std::thread([raw] { raw->listen_after_bind(); });
  // stop() is a no-op on a server not yet running: wait for the accept loop (bounded).
  for (int i = 0; i < 2000 && !raw->is_running(); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  return true;
}

void FakeLlmServer::stop() {
  if (!impl_->server) return;
  impl_->stopping = true;
  impl_->server->stop();
  if (thread_.joinable()) thread_.join();
  impl_->server.reset();
}

}  // namespace rtlarena::testing
