// Reading the serve configuration (see serve_config.h); the TOML goes through
// the same toml++-to-JSON step as model configs.
#include "rtlarena/serve/serve_config.h"

#include <nlohmann/json.hpp>

#include "../llm/toml_to_json.h"
#include "rtlarena/core/files.h"

namespace rtlarena {

namespace {

Status readLimits(const nlohmann::json& t, const std::string& file, ServerLimits& out) {
  if (!t.is_object()) return makeError(ErrorCode::BadConfig, file + ": 'server' must be a table");
  for (const auto& [key, value] : t.items()) {
    if (!value.is_number() || value.get<double>() <= 0)
      return makeError(ErrorCode::BadConfig, file + ": 'server." + key + "' must be a number > 0");
    const double v = value.get<double>();
    if (key == "queue")
      out.queueCapacity = static_cast<std::size_t>(v);
    else if (key == "deadline_seconds")
      out.deadlineSeconds = v;
    else if (key == "cache_entries")
      out.cacheEntries = static_cast<std::size_t>(v);
    else if (key == "max_body_bytes")
      out.maxBodyBytes = static_cast<std::size_t>(v);
    else if (key == "max_batch_items")
      out.maxBatchItems = static_cast<std::size_t>(v);
    else if (key == "http_threads")
      out.httpThreads = static_cast<unsigned>(v);
    else if (key == "read_timeout_seconds")
      out.readTimeoutSeconds = v;
    else
      return makeError(ErrorCode::BadConfig, file + ": unknown key 'server." + key +
                                                 "' (queue, deadline_seconds, cache_entries, max_body_bytes, "
                                                 "max_batch_items, http_threads, read_timeout_seconds)");
  }
  return Ok{};
}

}  // namespace

Result<ServeConfig> parseServeConfig(const std::string& tomlText, const std::string& fileName) {
  auto root = parseTomlToJson(tomlText, fileName);
  if (!root) return root.error();
  ServeConfig config;
  for (const auto& [key, value] : root->items())
    if (key != "reward" && key != "server" && key != "function")
      return makeError(ErrorCode::BadConfig, fileName + ": unknown table '" + key + "' (reward, function, server)");
  if (auto s = rewardConfigFromJson(root->dump(), fileName, config.reward); !s) return s.error();
  if (root->contains("server"))
    if (auto s = readLimits((*root)["server"], fileName, config.server); !s) return s.error();
  return config;
}

Result<ServeConfig> loadServeConfig(const std::string& path) {
  auto text = readFile(path);
  if (!text) return text.error();
  return parseServeConfig(*text, path);
}

}  // namespace rtlarena
