// Model config files. JSON when the file name ends in .json or the text starts with '{',
// otherwise TOML (read by toml++ into the same JSON shape). Every field is checked by name and
// type; unknown fields are errors, so a typo never silently changes what a leaderboard entry means.
#include "rtlarena/llm/model_config.h"

#include <functional>
#include <map>
#include <nlohmann/json.hpp>

#include "rtlarena/core/files.h"
#include "rtlarena/core/text.h"
#include "toml_to_json.h"

namespace rtlarena {

using nlohmann::json;

namespace {

struct Reader {
  const std::string& file;
  Error bad(const std::string& field, const std::string& expected) const {
    return makeError(ErrorCode::BadConfig, file + ": field '" + field + "' must be " + expected);
  }
};

using Setter = std::function<Status(const json&, ProviderOptions&, const Reader&, const std::string&)>;

Setter str(std::string ProviderOptions::*member) {
  return [member](const json& v, ProviderOptions& o, const Reader& r, const std::string& f) -> Status {
    if (!v.is_string()) return r.bad(f, "a string");
    o.*member = v.get<std::string>();
    return Ok{};
  };
}

template <typename T>
Setter number(std::function<T&(ProviderOptions&)> at, double lo, double hi) {
  return [at, lo, hi](const json& v, ProviderOptions& o, const Reader& r, const std::string& f) -> Status {
    bool integral = std::is_integral_v<T>;
    if (!v.is_number() || (integral && !v.is_number_integer()))
      return r.bad(f, integral ? "an integer" : "a number");
    double d = v.get<double>();
    if (d < lo || d > hi) return r.bad(f, "between " + json(lo).dump() + " and " + json(hi).dump());
    at(o) = v.get<T>();
    return Ok{};
  };
}

const std::map<std::string, Setter>& setters() {
  static const std::map<std::string, Setter> table = {
      {"base_url", str(&ProviderOptions::baseUrl)},
      {"api_key_env", str(&ProviderOptions::apiKeyEnv)},
      {"n_mode", str(&ProviderOptions::nMode)},
      {"temperature", number<double>([](ProviderOptions& o) -> double& { return o.params.temperature; }, 0, 2)},
      {"top_p", number<double>([](ProviderOptions& o) -> double& { return o.params.topP; }, 0, 1)},
      {"max_tokens", number<int>([](ProviderOptions& o) -> int& { return o.params.maxTokens; }, 1, 1e7)},
      {"concurrency", number<int>([](ProviderOptions& o) -> int& { return o.concurrency; }, 1, 1024)},
      {"rpm", number<double>([](ProviderOptions& o) -> double& { return o.requestsPerMinute; }, 0, 1e9)},
      {"tpm", number<double>([](ProviderOptions& o) -> double& { return o.tokensPerMinute; }, 0, 1e12)},
      {"timeout", number<double>([](ProviderOptions& o) -> double& { return o.timeoutSeconds; }, 0.001, 1e6)},
      {"retries", number<int>([](ProviderOptions& o) -> int& { return o.retries; }, 0, 100)},
      {"seed",
       [](const json& v, ProviderOptions& o, const Reader& r, const std::string& f) -> Status {
         if (!v.is_number_integer()) return r.bad(f, "an integer");
         o.params.seed = v.get<std::int64_t>();
         return Ok{};
       }},
      {"stop",
       [](const json& v, ProviderOptions& o, const Reader& r, const std::string& f) -> Status {
         std::vector<std::string> stop;
         if (v.is_string()) stop.push_back(v.get<std::string>());
         else if (v.is_array()) {
           for (const auto& s : v) {
             if (!s.is_string()) return r.bad(f, "a string or an array of strings");
             stop.push_back(s.get<std::string>());
           }
         } else return r.bad(f, "a string or an array of strings");
         o.params.stop = std::move(stop);
         return Ok{};
       }},
      {"headers",
       [](const json& v, ProviderOptions& o, const Reader& r, const std::string& f) -> Status {
         if (!v.is_object()) return r.bad(f, "a table of NAME = \"value\"");
         o.headers.clear();
         for (auto it = v.begin(); it != v.end(); ++it) {
           if (!it.value().is_string()) return r.bad(f + "." + it.key(), "a string");
           o.headers.emplace_back(it.key(), it.value().get<std::string>());
         }
         return Ok{};
       }},
      {"extra_body",
       [](const json& v, ProviderOptions& o, const Reader& r, const std::string& f) -> Status {
         if (!v.is_object()) return r.bad(f, "a table (JSON object)");
         o.extraBodyJson = v.dump();
         return Ok{};
       }},
  };
  return table;
}

}  // namespace

Status loadModelConfig(const std::string& file, ProviderOptions& options) {
  auto text = readFile(file);
  if (!text) return makeError(ErrorCode::BadConfig, file + ": cannot read the model config");
  json j;
  std::string_view body = trim(*text);
  if (file.ends_with(".json") || startsWith(body, "{")) {
    j = json::parse(*text, nullptr, false);
    if (j.is_discarded()) return makeError(ErrorCode::BadConfig, file + ": not valid JSON");
  } else {
    auto t = parseTomlToJson(*text, file);
    if (!t) return t.error();
    j = std::move(*t);
  }
  if (!j.is_object()) return makeError(ErrorCode::BadConfig, file + ": must hold an object of fields");
  Reader reader{file};
  if (j.contains("api_key"))
    return makeError(ErrorCode::BadConfig, file + ": field 'api_key': never write the key into a config; "
                                                  "name its environment variable with api_key_env");
  std::string provider = "openai";
  if (j.contains("provider")) {
    if (!j["provider"].is_string() || (j["provider"] != "openai" && j["provider"] != "anthropic"))
      return reader.bad("provider", "\"openai\" or \"anthropic\"");
    provider = j["provider"].get<std::string>();
  }
  if (!j.contains("model") || !j["model"].is_string() || j["model"].get<std::string>().empty())
    return reader.bad("model", "the model name the server expects (a string)");
  for (auto it = j.begin(); it != j.end(); ++it) {
    if (it.key() == "provider" || it.key() == "model") continue;
    auto s = setters().find(it.key());
    if (s == setters().end()) {
      std::string known = "provider, model";
      for (const auto& [k, unused] : setters()) known += ", " + k;
      return makeError(ErrorCode::BadConfig, file + ": unknown field '" + it.key() + "' (known: " + known + ")");
    }
    if (auto st = s->second(it.value(), options, reader, it.key()); !st) return st;
  }
  options.spec = provider + ":" + j["model"].get<std::string>();
  options.configFile = file;
  return Ok{};
}

}  // namespace rtlarena
