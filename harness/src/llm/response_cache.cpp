// Cache layout: <dir>/responses/<2 hex>/<64 hex>.json, written to a temporary name and
// renamed, so a killed run leaves whole entries or none.
#include "response_cache.h"

#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <nlohmann/json.hpp>

#include "rtlarena/core/files.h"
#include "rtlarena/core/hash.h"

namespace rtlarena {

namespace fs = std::filesystem;
using nlohmann::json;

fs::path ResponseCache::defaultDir() {
  if (const char* c = std::getenv("RTLARENA_CACHE"); c && *c) return fs::path(c);
  if (const char* xdg = std::getenv("XDG_CACHE_HOME"); xdg && *xdg) return fs::path(xdg) / "rtlarena";
  if (const char* home = std::getenv("HOME"); home && *home) return fs::path(home) / ".cache" / "rtlarena";
  return {};
}

fs::path ResponseCache::fileFor(const std::string& key) const {
  return dir_ / "responses" / key.substr(0, 2) / (key + ".json");
}

std::optional<Answer> ResponseCache::get(const std::string& key) const {
  if (!enabled()) return std::nullopt;
  auto text = readFile(fileFor(key));
  if (!text) return std::nullopt;
  json j = json::parse(*text, nullptr, false);
  if (j.is_discarded() || !j.is_object() || !j.contains("text") || !j["text"].is_string()) return std::nullopt;
  Answer a;
  a.text = j["text"].get<std::string>();
  a.reasoning = j.value("reasoning", "");
  a.finishReason = j.value("finish_reason", "");
  a.tokensIn = j.value("tokens_in", std::int64_t(0));
  a.tokensOut = j.value("tokens_out", std::int64_t(0));
  a.latencySeconds = j.value("latency_s", 0.0);
  a.attempts = 0;  // no request was made for it now
  a.cached = true;
  return a;
}

void ResponseCache::put(const std::string& key, const Answer& a) const {
  if (!enabled()) return;
  static std::atomic<unsigned> counter{0};
  fs::path file = fileFor(key);
  std::error_code ec;
  fs::create_directories(file.parent_path(), ec);
  if (ec) return;
  json j = {{"text", a.text},           {"reasoning", a.reasoning}, {"finish_reason", a.finishReason},
            {"tokens_in", a.tokensIn},  {"tokens_out", a.tokensOut}, {"latency_s", a.latencySeconds},
            {"attempts", a.attempts}};
  fs::path tmp = file;
  tmp += ".tmp." + std::to_string(::getpid()) + "." + std::to_string(counter++);
  if (!writeFile(tmp, j.dump())) return;
  fs::rename(tmp, file, ec);
  if (ec) fs::remove(tmp, ec);
}

std::string sampleCacheKey(const std::string& requestKey, int sample) {
  return sha256Hex(requestKey + "\nsample " + std::to_string(sample));
}

}  // namespace rtlarena
