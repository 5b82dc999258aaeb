// The reward server's endpoints as plain functions of (method, path, body) →
// reply, so the request shapes trainers speak are tested without a socket;
// http_server.cpp only carries them.
//   POST /v1/reward   {task_id, response} | {items: [{task_id, response}, ...]}
//   POST /get_reward  OpenRLHF's remote reward model: {query, prompts, labels}
//   → {rewards} POST /verify      NeMo Gym resources server: the rollout → the
//   same body plus {reward, ...} GET  /v1/tasks, /healthz, /metrics
#pragma once

#include <string>

#include "rtlarena/serve/reward_service.h"

namespace rtlarena {

struct ApiReply {
  int status = 200;
  std::string body;
  std::string contentType = "application/json";
  int retryAfterSeconds = 0;  ///< sent as Retry-After when > 0
};

class RewardApi {
 public:
  explicit RewardApi(RewardService& service) : service_(service) {}
  /// Answers one request; never throws for anything a client sends.
  ApiReply handle(const std::string& method, const std::string& path, const std::string& body);
  /// A JSON error reply: {"error": message}.
  static ApiReply error(int status, const std::string& message);

 private:
  ApiReply reward(const std::string& body);
  ApiReply openRlhf(const std::string& body);
  ApiReply verify(const std::string& body);
  ApiReply tasks();
  ApiReply health();
  RewardService& service_;
};

/// Where the first byte that breaks UTF-8 is, or npos when `text` is valid
/// UTF-8.
std::size_t firstInvalidUtf8(const std::string& text);

}  // namespace rtlarena
