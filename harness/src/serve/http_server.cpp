// cpp-httplib carrying RewardApi (see http_server.h). The only file that
// includes httplib.h.
#include "rtlarena/serve/http_server.h"

#include <sys/socket.h>

#include <chrono>
#include <cstring>
#include <httplib.h>

#include "rtlarena/serve/reward_api.h"

namespace rtlarena {

struct RewardHttpServer::Impl {
  explicit Impl(RewardService& s) : service(s), api(s) {}
  RewardService& service;
  RewardApi api;
  httplib::Server server;
  int listenFd = -1;
};

namespace {

void send(httplib::Response& res, const ApiReply& reply) {
  res.status = reply.status;
  if (reply.retryAfterSeconds > 0) res.set_header("Retry-After", std::to_string(reply.retryAfterSeconds));
  res.set_content(reply.body, reply.contentType.c_str());
}

}  // namespace

RewardHttpServer::RewardHttpServer(RewardService& service) : impl_(std::make_unique<Impl>(service)) {
  auto& svr = impl_->server;
  const ServerLimits& limits = service.options().limits;
  const unsigned threads = limits.httpThreads;
  svr.new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
  svr.set_payload_max_length(limits.maxBodyBytes);
  const auto readTimeout = std::chrono::duration<double>(limits.readTimeoutSeconds);
  svr.set_read_timeout(std::chrono::duration_cast<std::chrono::microseconds>(readTimeout));
  svr.set_keep_alive_max_count(1000000);
  svr.set_tcp_nodelay(true);  // headers and body go out in separate writes: no Nagle delay between them
  // SO_REUSEADDR only: httplib's default adds SO_REUSEPORT, which would let a
  // second server bind the same port and take half the requests.
  svr.set_socket_options([this](socket_t sock) {
    int yes = 1;
    setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
    impl_->listenFd = sock;
  });
  auto handler = [this](const httplib::Request& req, httplib::Response& res) {
    const auto start = std::chrono::steady_clock::now();
    ApiReply reply = impl_->api.handle(req.method, req.path, req.body);
    send(res, reply);
    impl_->service.metrics().request(req.path, reply.status,
                                     std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
  };
  for (const char* path : {"/healthz", "/v1/tasks", "/metrics"}) svr.Get(path, handler);
  for (const char* path : {"/v1/reward", "/get_reward", "/verify"}) svr.Post(path, handler);
  // Errors httplib decides itself (unknown path, body too large, bad request
  // line) get a JSON line too.
  const std::size_t maxBody = limits.maxBodyBytes;
  svr.set_error_handler([this, maxBody](const httplib::Request& req, httplib::Response& res) {
    if (!res.body.empty()) return;
    std::string message;
    if (res.status == 413)
      message = "the request body is larger than " + std::to_string(maxBody) + " bytes";
    else if (res.status == 404)
      message = "no endpoint " + req.method + " " + req.path;
    else
      message = "bad request (" + std::to_string(res.status) + ")";
    ApiReply r = RewardApi::error(res.status, message);
    res.set_content(r.body, r.contentType.c_str());
    impl_->service.metrics().request("other", res.status, 0);
  });
}

RewardHttpServer::~RewardHttpServer() = default;

Result<int> RewardHttpServer::bind(const std::string& host, int port) {
  auto bound = bindPort(host, port);
  // The library listens with a backlog of 5: trainers open dozens of connections at once, and
  // a connection beyond the backlog waits for a retransmission or fails. Raised on the same socket.
  if (bound && impl_->listenFd >= 0) ::listen(impl_->listenFd, SOMAXCONN);
  return bound;
}

Result<int> RewardHttpServer::bindPort(const std::string& host, int port) {
  auto& svr = impl_->server;
  const std::string where = host + ":" + std::to_string(port);
  if (port == 0) {
    int bound = svr.bind_to_any_port(host);
    if (bound <= 0) return makeError(ErrorCode::Spawn, "cannot listen on " + host + " (" + std::strerror(errno) + ")");
    return bound;
  }
  errno = 0;
  if (!svr.bind_to_port(host, port)) {
    const std::string why = errno == EADDRINUSE ? "the port is already in use (another server?)"
                            : errno != 0        ? std::strerror(errno)
                                                : "the address cannot be bound";
    return makeError(ErrorCode::Spawn, "cannot listen on " + where + ": " + why);
  }
  return port;
}

void RewardHttpServer::run() { impl_->server.listen_after_bind(); }

void RewardHttpServer::stop() { impl_->server.stop(); }

}  // namespace rtlarena
