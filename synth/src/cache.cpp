// File-per-key cache under <dir>/<first two hex digits>/<key>.json.
#include "rtlarena/synth/cache.h"

#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <filesystem>

#include "rtlarena/core/files.h"
#include "rtlarena/synth/flow_settings.h"

namespace rtlarena::synth {

namespace fs = std::filesystem;

std::string defaultCacheDir() {
  if (const char* c = std::getenv("RTLARENA_CACHE"); c && *c) return (fs::path(c) / "ppa").string();
  if (const char* x = std::getenv("XDG_CACHE_HOME"); x && *x) return (fs::path(x) / "rtlarena" / "ppa").string();
  if (const char* h = std::getenv("HOME"); h && *h) return (fs::path(h) / ".cache" / "rtlarena" / "ppa").string();
  return "";
}

std::string PpaCache::pathOf(const std::string& key) const {
  return (fs::path(dir_) / key.substr(0, 2) / (key + ".json")).string();
}

std::optional<std::string> PpaCache::get(const std::string& key) const {
  if (!enabled() || key.size() < 2) return std::nullopt;
  std::error_code ec;
  if (!fs::exists(pathOf(key), ec)) return std::nullopt;
  auto text = readFile(pathOf(key));
  if (!text) return std::nullopt;
  return *text;
}

void PpaCache::put(const std::string& key, const std::string& json) const {
  if (!enabled() || key.size() < 2) return;
  static std::atomic<unsigned> counter{0};
  const fs::path target = pathOf(key);
  std::error_code ec;
  fs::create_directories(target.parent_path(), ec);
  if (ec) return;
  const fs::path tmp = target.string() + ".tmp." + std::to_string(::getpid()) + "." + std::to_string(counter++);
  if (!writeFile(tmp, json)) return;
  fs::rename(tmp, target, ec);
  if (ec) fs::remove(tmp, ec);
}

}  // namespace rtlarena::synth
