// The reward server's endpoints (see reward_api.h): parse a shape, admit its
// items, wait for their rewards within the deadline, render the shape's answer.
#include "rtlarena/serve/reward_api.h"

#include <chrono>
#include <map>
#include <nlohmann/json.hpp>

namespace rtlarena {

using nlohmann::json;

namespace {

using Clock = std::chrono::steady_clock;

// A parse failure or a refusal, already an HTTP reply.
struct Parsed {
  std::vector<RewardService::Item> items;
  std::optional<ApiReply> refusal;
};

json itemJson(const ScoredItem& s, bool cached) {
  json j = {{"task_id", s.taskId},
            {"reward", s.reward.reward},
            {"components",
             {{"format", s.reward.format}, {"syntax", s.reward.syntax}, {"function", s.reward.function}, {"ppa", s.reward.ppa}}},
            {"verdict", verdictName(s.eval.verdict)},
            {"class", s.eval.cls},
            {"details",
             {{"message", s.eval.message},
              {"note", s.reward.note},
              {"mismatches", s.eval.mismatches},
              {"samples", s.eval.samples},
              {"extract_method", s.extractMethod},
              {"seconds", s.eval.wallSeconds},
              {"log_tail", s.eval.logTail}}},
            {"cached", cached}};
  j["details"]["function_judge"] = s.functionJudge;
  if (!s.functionDetail.empty()) j["details"]["function"] = json::parse(s.functionDetail, nullptr, false);
  if (!s.error.empty()) j["error"] = s.error;
  return j;
}

Result<json> parseBody(const std::string& body) {
  if (body.empty()) return makeError(ErrorCode::Parse, "the request body is empty; send a JSON object");
  if (auto bad = firstInvalidUtf8(body); bad != std::string::npos)
    return makeError(ErrorCode::Parse, "the request body is not valid UTF-8 (byte " + std::to_string(bad) + ")");
  json j = json::parse(body, nullptr, false);
  if (j.is_discarded()) return makeError(ErrorCode::Parse, "the request body is not valid JSON");
  if (!j.is_object()) return makeError(ErrorCode::Parse, "the request body must be a JSON object");
  return j;
}

Result<RewardService::Item> itemFrom(const json& j, const std::string& where) {
  if (!j.is_object()) return makeError(ErrorCode::Parse, where + " must be an object {task_id, response}");
  if (!j.contains("task_id") || !j["task_id"].is_string())
    return makeError(ErrorCode::Parse, where + ": missing string field 'task_id'");
  if (!j.contains("response") || !j["response"].is_string())
    return makeError(ErrorCode::Parse, where + ": missing string field 'response'");
  return RewardService::Item{j["task_id"].get<std::string>(), j["response"].get<std::string>()};
}

// The text of a NeMo Gym rollout: the output messages' output_text parts, in
// order.
std::string rolloutText(const json& response) {
  if (response.is_string()) return response.get<std::string>();
  std::string text;
  if (!response.is_object() || !response.contains("output") || !response["output"].is_array()) return text;
  for (const auto& out : response["output"]) {
    if (!out.is_object() || out.value("type", "") != "message" || !out.contains("content")) continue;
    const auto& content = out["content"];
    if (content.is_string()) text += content.get<std::string>();
    if (!content.is_array()) continue;
    for (const auto& part : content)
      if (part.is_object() && part.value("type", "") == "output_text" && part.contains("text") && part["text"].is_string())
        text += part["text"].get<std::string>();
  }
  return text;
}

}  // namespace

std::size_t firstInvalidUtf8(const std::string& s) {
  std::size_t i = 0;
  while (i < s.size()) {
    const auto c = static_cast<unsigned char>(s[i]);
    std::size_t len = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
    if (len == 0 || i + len > s.size()) return i;
    if (len == 2 && c < 0xC2) return i;  // overlong
    for (std::size_t k = 1; k < len; ++k)
      if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return i;
    if (len == 3) {
      const auto d = static_cast<unsigned char>(s[i + 1]);
      if ((c == 0xE0 && d < 0xA0) || (c == 0xED && d >= 0xA0)) return i;  // overlong, surrogate
    }
    if (len == 4) {
      const auto d = static_cast<unsigned char>(s[i + 1]);
      if ((c == 0xF0 && d < 0x90) || (c == 0xF4 && d >= 0x90) || c > 0xF4) return i;
    }
    i += len;
  }
  return std::string::npos;
}

ApiReply RewardApi::error(int status, const std::string& message) { return {status, json{{"error", message}}.dump()}; }

ApiReply RewardApi::handle(const std::string& method, const std::string& path, const std::string& body) {
  try {
    if (method == "GET" && path == "/healthz") return health();
    if (method == "GET" && path == "/v1/tasks") return tasks();
    if (method == "GET" && path == "/metrics")
      return {200,
              service_.metrics().render(service_.queueDepth(), service_.options().limits.queueCapacity, service_.cacheSize()),
              "text/plain; version=0.0.4"};
    if (method == "POST" && path == "/v1/reward") return reward(body);
    if (method == "POST" && path == "/get_reward") return openRlhf(body);
    if (method == "POST" && path == "/verify") return verify(body);
    return error(404, "no endpoint " + method + " " + path +
                          " (POST /v1/reward, /get_reward, /verify; GET "
                          "/v1/tasks, /healthz, /metrics)");
  } catch (const std::exception& e) { return error(500, std::string("internal error: ") + e.what()); }
}

namespace {

// Admits the items and waits for every reward until the deadline; an error
// reply otherwise.
Result<std::vector<std::pair<ScoredItem, bool>>> scoreAll(RewardService& service, const std::vector<RewardService::Item>& items,
                                                          ApiReply& refusal) {
  if (items.size() > service.options().limits.maxBatchItems) {
    refusal = RewardApi::error(413, "too many items: " + std::to_string(items.size()) + " (at most " +
                                        std::to_string(service.options().limits.maxBatchItems) + ")");
    return makeError(ErrorCode::BadArgument, "");
  }
  auto admission = service.submit(items);
  using R = RewardService::Refusal;
  if (admission.refusal != R::None) {
    if (admission.refusal == R::UnknownTask)
      refusal = RewardApi::error(404, admission.message);
    else {
      refusal = RewardApi::error(503, admission.message);
      refusal.retryAfterSeconds = admission.refusal == R::Overloaded ? 2 : 10;
    }
    return makeError(ErrorCode::BadArgument, "");
  }
  const auto deadline = Clock::now() + std::chrono::duration<double>(service.options().limits.deadlineSeconds);
  std::vector<std::pair<ScoredItem, bool>> out;
  for (std::size_t n = 0; n < admission.results.size(); ++n) {
    if (admission.results[n].wait_until(deadline) != std::future_status::ready) {
      refusal = RewardApi::error(504, "the rewards were not ready within the deadline of " +
                                          std::to_string(service.options().limits.deadlineSeconds) +
                                          " s; they are still computed and cached, so retry the same "
                                          "request");
      return makeError(ErrorCode::BadArgument, "");
    }
    out.emplace_back(admission.results[n].get(), admission.cached[n]);
  }
  return out;
}

}  // namespace

ApiReply RewardApi::reward(const std::string& body) {
  auto j = parseBody(body);
  if (!j) return error(400, j.error().message);
  std::vector<RewardService::Item> items;
  const bool batch = j->contains("items");
  if (batch) {
    const auto& list = (*j)["items"];
    if (!list.is_array() || list.empty()) return error(400, "'items' must be a non-empty array of {task_id, response}");
    for (std::size_t n = 0; n < list.size(); ++n) {
      auto item = itemFrom(list[n], "items[" + std::to_string(n) + "]");
      if (!item) return error(400, item.error().message);
      items.push_back(std::move(*item));
    }
  } else {
    auto item = itemFrom(*j, "the request");
    if (!item) return error(400, item.error().message + " (or send {items: [...]})");
    items.push_back(std::move(*item));
  }
  ApiReply refusal;
  auto scored = scoreAll(service_, items, refusal);
  if (!scored) return refusal;
  if (!batch) return {200, itemJson(scored->front().first, scored->front().second).dump()};
  json results = json::array();
  // GRPO groups: samples of one task; a group whose samples all pass or all
  // fail has no signal.
  std::map<std::string, std::pair<int, int>> groups;  // task -> (samples, passes)
  for (const auto& [s, cached] : *scored) {
    results.push_back(itemJson(s, cached));
    auto& g = groups[s.taskId];
    ++g.first;
    g.second += s.eval.passed() ? 1 : 0;
  }
  json noSignal = json::array();
  for (const auto& [task, g] : groups)
    if (g.first >= 2 && (g.second == 0 || g.second == g.first))
      noSignal.push_back({{"task_id", task}, {"size", g.first}, {"outcome", g.second == 0 ? "all_fail" : "all_pass"}});
  return {200, json{{"results", results}, {"no_signal_groups", noSignal}}.dump()};
}

ApiReply RewardApi::openRlhf(const std::string& body) {
  auto j = parseBody(body);
  if (!j) return error(400, j.error().message);
  if (!j->contains("query") || !(*j)["query"].is_array())
    return error(400,
                 "missing array field 'query' (OpenRLHF sends {query, "
                 "prompts, labels})");
  if (!j->contains("labels") || !(*j)["labels"].is_array())
    return error(400, "missing array field 'labels': each label carries the task id");
  const auto& query = (*j)["query"];
  const auto& labels = (*j)["labels"];
  const json prompts = j->contains("prompts") ? (*j)["prompts"] : json::array();
  if (labels.size() != query.size() || (!prompts.empty() && prompts.size() != query.size()))
    return error(400, "'query', 'prompts' and 'labels' must have the same length");
  std::vector<RewardService::Item> items;
  for (std::size_t n = 0; n < query.size(); ++n) {
    if (!query[n].is_string() || !labels[n].is_string() || (!prompts.empty() && !prompts[n].is_string()))
      return error(400, "query[" + std::to_string(n) + "], prompts[" + std::to_string(n) + "] and labels[" + std::to_string(n) +
                            "] must be strings");
    std::string text = query[n].get<std::string>();
    // The query is the prompt followed by the answer; only the answer is
    // scored.
    if (!prompts.empty()) {
      const std::string prompt = prompts[n].get<std::string>();
      if (text.compare(0, prompt.size(), prompt) == 0) text = text.substr(prompt.size());
    }
    items.push_back({labels[n].get<std::string>(), std::move(text)});
  }
  ApiReply refusal;
  auto scored = scoreAll(service_, items, refusal);
  if (!scored) return refusal;
  json rewards = json::array();
  for (const auto& [s, cached] : *scored) rewards.push_back(s.reward.reward);
  return {200, json{{"rewards", rewards}, {"scores", rewards}}.dump()};
}

ApiReply RewardApi::verify(const std::string& body) {
  auto j = parseBody(body);
  if (!j) return error(400, j.error().message);
  std::string taskId;
  if (j->contains("task_id") && (*j)["task_id"].is_string())
    taskId = (*j)["task_id"].get<std::string>();
  else if (j->contains("verifier_metadata") && (*j)["verifier_metadata"].is_object())
    taskId = (*j)["verifier_metadata"].value("task_id", "");
  if (taskId.empty()) return error(400, "missing string field 'task_id' (top level or in 'verifier_metadata')");
  if (!j->contains("response")) return error(400, "missing field 'response' (the rollout, or the answer text)");
  ApiReply refusal;
  auto scored = scoreAll(service_, {{taskId, rolloutText((*j)["response"])}}, refusal);
  if (!scored) return refusal;
  const auto& [s, cached] = scored->front();
  json out = *j;  // a verify response carries the request's fields
  json item = itemJson(s, cached);
  out["reward"] = s.reward.reward;
  for (const char* c : {"format", "syntax", "function", "ppa"}) out[std::string(c) + "_reward"] = item["components"][c];
  out["components"] = item["components"];
  out["verdict"] = item["verdict"];
  out["class"] = item["class"];
  out["cached"] = cached;
  return {200, out.dump()};
}

ApiReply RewardApi::tasks() {
  json list = json::array();
  for (const auto& t : service_.tasks())
    list.push_back({{"id", t.id},
                    {"suite", t.suite},
                    {"kind", taskKindName(t.kind)},
                    {"top", t.top},
                    {"interface", t.interface},
                    {"difficulty", t.difficulty},
                    {"tags", t.tags},
                    {"spec", t.spec}});
  return {200, json{{"tasks", list}}.dump()};
}

ApiReply RewardApi::health() {
  json j = {{"tasks", service_.tasks().size()},
            {"workers", service_.options().workers},
            {"queue_depth", service_.queueDepth()},
            {"queue_capacity", service_.options().limits.queueCapacity}};
  if (service_.draining()) {
    j["status"] = "draining";
    return {503, j.dump()};
  }
  j["status"] = "ok";
  return {200, j.dump()};
}

}  // namespace rtlarena
