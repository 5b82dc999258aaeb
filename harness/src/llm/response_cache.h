// The response cache: answers on disk, addressed by the hash of everything that defines them
// (API, endpoint, model, messages, parameters, sample index). Only real answers are cached,
// never errors, so a re-run asks again for what failed.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

#include "rtlarena/llm/provider.h"

namespace rtlarena {

class ResponseCache {
 public:
  /// An empty dir disables the cache.
  explicit ResponseCache(std::filesystem::path dir) : dir_(std::move(dir)) {}

  bool enabled() const { return !dir_.empty(); }
  std::optional<Answer> get(const std::string& key) const;
  /// Best effort: a cache that cannot be written never fails a run.
  void put(const std::string& key, const Answer& answer) const;

  /// `$XDG_CACHE_HOME/rtlarena` or `~/.cache/rtlarena` (empty when neither is known).
  static std::filesystem::path defaultDir();

 private:
  std::filesystem::path fileFor(const std::string& key) const;
  std::filesystem::path dir_;
};

/// The cache key of one sample: `requestKey` (hash of the request's defining fields) + index.
std::string sampleCacheKey(const std::string& requestKey, int sample);

}  // namespace rtlarena
