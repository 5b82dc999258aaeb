// The reward server on HTTP (cpp-httplib, kept out of this header): binds,
// serves RewardApi on a pool of connection threads, stops on request. Bodies
// over the configured size are refused before they are read whole; a client
// slower than the read timeout is dropped.
#pragma once

#include <memory>
#include <string>

#include "rtlarena/core/result.h"
#include "rtlarena/serve/reward_service.h"

namespace rtlarena {

class RewardHttpServer {
 public:
  explicit RewardHttpServer(RewardService& service);
  ~RewardHttpServer();
  /// Binds host:port (port 0: any free port) and returns the port. Another
  /// process on the port is an Error (ToolMissing-free: ErrorCode::Io naming
  /// the address); no port is shared.
  Result<int> bind(const std::string& host, int port);
  /// Serves until stop(); returns when every connection's request is answered.
  void run();
  /// Stops accepting; thread-safe, may be called from a signal-handling thread.
  void stop();

 private:
  Result<int> bindPort(const std::string& host, int port);
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace rtlarena
