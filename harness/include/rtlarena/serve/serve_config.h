// What `rtlarena serve` reads from its --config TOML file: the reward's weights
// and shaping
// ([reward], see reward.h) and the server's limits ([server]). Every key has a
// default, so an empty file (or none) is the documented configuration.
#pragma once

#include <cstddef>
#include <string>

#include "rtlarena/core/result.h"
#include "rtlarena/serve/reward.h"

namespace rtlarena {

struct ServerLimits {
  std::size_t queueCapacity = 256;      ///< evaluations waiting or running; more is a 503
  double deadlineSeconds = 120;         ///< a request waits this long for its rewards, then 504
  std::size_t cacheEntries = 10000;     ///< finished (task, code) rewards kept (LRU)
  std::size_t maxBodyBytes = 4u << 20;  ///< a larger request body is a 413
  std::size_t maxBatchItems = 1024;     ///< items in one request
  unsigned httpThreads = 96;            ///< connections served at once
  double readTimeoutSeconds = 10;       ///< a client slower than this to send is dropped
};

struct ServeConfig {
  RewardConfig reward;
  ServerLimits server;
};

/// Reads a TOML file; a missing key keeps its default, an unknown one is
/// refused by name.
Result<ServeConfig> loadServeConfig(const std::string& path);
/// The same from TOML text (tests).
Result<ServeConfig> parseServeConfig(const std::string& tomlText, const std::string& fileName);

}  // namespace rtlarena
