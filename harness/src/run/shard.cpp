// Shard ownership (see shard.h): the first 8 bytes of SHA-256("task#sample") modulo the count.
#include "rtlarena/run/shard.h"

#include <algorithm>
#include <charconv>
#include <nlohmann/json.hpp>

#include "rtlarena/core/hash.h"

namespace rtlarena {

namespace {

bool parseInt(std::string_view s, int& out) {
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
  return ec == std::errc() && end == s.data() + s.size() && !s.empty();
}

}  // namespace

Result<Shard> parseShard(const std::string& text) {
  const auto slash = text.find('/');
  Shard s;
  if (slash == std::string::npos || !parseInt(std::string_view(text).substr(0, slash), s.index) ||
      !parseInt(std::string_view(text).substr(slash + 1), s.count) || s.count < 1 || s.index < 1 ||
      s.index > s.count)
    return makeError(ErrorCode::BadArgument, "--shard '" + text + "': expected I/N with 1 <= I <= N, e.g. 2/4");
  return s;
}

std::string shardName(const Shard& shard) { return std::to_string(shard.index) + "/" + std::to_string(shard.count); }

int shardOf(const std::string& taskId, int sample, int count) {
  if (count <= 1) return 1;
  const std::string hex = sha256Hex(taskId + "#" + std::to_string(sample));
  const unsigned long long h = std::stoull(hex.substr(0, 16), nullptr, 16);
  return static_cast<int>(h % static_cast<unsigned long long>(count)) + 1;
}

std::string shardJson(const Shard& shard) {
  return nlohmann::json{{"index", shard.index}, {"count", shard.count}}.dump();
}

Result<Shard> shardFromJson(const std::string& text) {
  auto j = nlohmann::json::parse(text, nullptr, false);
  if (j.is_discarded() || !j.is_object() || !j.contains("index") || !j.contains("count") ||
      !j["index"].is_number_integer() || !j["count"].is_number_integer())
    return makeError(ErrorCode::Parse, "shard record '" + text + "': expected {\"index\": I, \"count\": N}");
  Shard s{j["index"].get<int>(), j["count"].get<int>()};
  if (s.count < 1 || s.index < 1 || s.index > s.count)
    return makeError(ErrorCode::Parse, "shard record '" + text + "': index outside 1..count");
  return s;
}

void shareLimits(ProviderOptions& provider, int shardCount) {
  if (shardCount <= 1) return;
  provider.requestsPerMinute /= shardCount;
  provider.tokensPerMinute /= shardCount;
  provider.concurrency = std::max(1, provider.concurrency / shardCount);
}

}  // namespace rtlarena
