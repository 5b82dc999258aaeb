// The PPA cache: one JSON file per key (a SHA-256 of the design and the flow's settings) in a
// directory shared by runs. Writes go to a temp file and are renamed, so concurrent workers
// and processes never see half a file. A cache that cannot be used is skipped, never an error.
#pragma once

#include <optional>
#include <string>

namespace rtlarena::synth {

class PpaCache {
 public:
  /// An empty directory disables the cache.
  explicit PpaCache(std::string dir) : dir_(std::move(dir)) {}
  bool enabled() const { return !dir_.empty(); }
  std::optional<std::string> get(const std::string& key) const;
  void put(const std::string& key, const std::string& json) const;
  const std::string& dir() const { return dir_; }

 private:
  std::string pathOf(const std::string& key) const;
  std::string dir_;
};

}  // namespace rtlarena::synth
