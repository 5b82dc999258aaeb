// Endpoint flags. The order matters: generic flags are parsed into RunOptions first, the model
// config then replaces what it names, and flags the user typed win over the file.
#include "llm_flags.h"

#include <nlohmann/json.hpp>

#include "rtlarena/core/files.h"
#include "rtlarena/core/text.h"
#include "rtlarena/llm/model_config.h"

namespace rtlarena::cli {

void addLlmFlags(CLI::App& sub, LlmFlags& f) {
  sub.add_option("--base-url", f.baseUrl, "Endpoint base URL, e.g. http://127.0.0.1:8000/v1 (openai) or https://api.anthropic.com");
  sub.add_option("--api-key-env", f.apiKeyEnv, "Name of the environment variable holding the API key (default for hosted APIs: OPENAI_API_KEY / ANTHROPIC_API_KEY; none for --base-url)");
  sub.add_option("--model-config", f.modelConfig, "Model description file (JSON or TOML, docs/LLM.md)");
  sub.add_option("--seed", f.seed, "Sampling seed (sample i is asked with seed+i)");
  sub.add_option("--stop", f.stop, "Stop sequence (repeatable)");
  sub.add_option("--header", f.headers, "Extra request header 'Name: value' (repeatable; never recorded)");
  sub.add_option("--extra-body", f.extraBody, "JSON object merged into every request body (null removes a field)");
  sub.add_option("--n-mode", f.nMode, "Samples per request: auto | native | repeat")->check(CLI::IsMember({"auto", "native", "repeat"}));
  sub.add_option("--concurrency", f.concurrency, "Requests in flight at once")->check(CLI::Range(1, 1024));
  sub.add_option("--rpm", f.rpm, "Requests-per-minute limit (0: none)")->check(CLI::Range(0.0, 1e9));
  sub.add_option("--tpm", f.tpm, "Tokens-per-minute limit, prompt + completion (0: none)")->check(CLI::Range(0.0, 1e12));
  sub.add_option("--request-timeout", f.timeout, "Deadline of one request to the endpoint, in seconds")
      ->check(CLI::Range(0.001, 1e6))->default_str("600");
  // `--timeout` is a tool deadline in every other command (docs/CLI.md); here it was the request's.
  sub.add_option("--timeout", f.timeout, "Older spelling of --request-timeout")->check(CLI::Range(0.001, 1e6))->group("");
  sub.add_option("--retries", f.retries, "Attempts after the first on 429, 5xx, timeouts, connection errors")->check(CLI::Range(0, 100));
  sub.add_flag("--no-cache", f.noCache, "Neither read nor write any cache: responses, PPA, control verdicts");
  sub.add_option("--cache-dir", f.cacheDir, "Cache root: responses in DIR/responses (default $RTLARENA_CACHE, else $XDG_CACHE_HOME/rtlarena or ~/.cache/rtlarena)");
  sub.add_option("--price-table", f.priceTable, "JSON price table: cost of the run from its tokens");
  sub.add_flag("--retry-errors", f.retryErrors, "On resume, ask again for samples stored as llm_error");
}

Status applyLlmFlags(const LlmFlags& f, const CLI::App& sub, RunOptions& o) {
  ProviderOptions& p = o.provider;
  const ProviderOptions typed = p;  // --model, --temperature ... as parsed
  auto given = [&](const char* flag) { return sub.count(flag) > 0; };
  if (!f.modelConfig.empty()) {
    if (auto s = loadModelConfig(f.modelConfig, p); !s) return s;
    if (given("--model")) p.spec = typed.spec;
    if (given("--temperature")) p.params.temperature = typed.params.temperature;
    if (given("--top-p")) p.params.topP = typed.params.topP;
    if (given("--max-tokens")) p.params.maxTokens = typed.params.maxTokens;
  }
  if (given("--base-url")) p.baseUrl = f.baseUrl;
  if (given("--api-key-env")) p.apiKeyEnv = f.apiKeyEnv;
  if (given("--seed")) p.params.seed = f.seed;
  if (given("--stop")) p.params.stop = f.stop;
  if (given("--n-mode")) p.nMode = f.nMode;
  if (given("--concurrency")) p.concurrency = f.concurrency;
  if (given("--rpm")) p.requestsPerMinute = f.rpm;
  if (given("--tpm")) p.tokensPerMinute = f.tpm;
  if (given("--timeout") || given("--request-timeout")) p.timeoutSeconds = f.timeout;
  if (given("--retries")) p.retries = f.retries;
  if (given("--extra-body")) {
    auto j = nlohmann::json::parse(f.extraBody, nullptr, false);
    if (j.is_discarded() || !j.is_object())
      return makeError(ErrorCode::BadArgument, "--extra-body: expected a JSON object, e.g. '{\"top_k\": 20}'");
    p.extraBodyJson = j.dump();
  }
  for (const auto& h : f.headers) {
    auto colon = h.find(':');
    if (colon == std::string::npos || colon == 0)
      return makeError(ErrorCode::BadArgument, "--header '" + h.substr(0, 40) + "': expected 'Name: value'");
    p.headers.emplace_back(std::string(trim(h.substr(0, colon))), std::string(trim(h.substr(colon + 1))));
  }
  p.useCache = !f.noCache;
  if (given("--cache-dir")) p.cacheDir = f.cacheDir;
  o.retryLlmErrors = f.retryErrors;
  if (!f.priceTable.empty()) {
    auto text = readFile(f.priceTable);
    auto j = text ? nlohmann::json::parse(*text, nullptr, false) : nlohmann::json();
    if (!text || j.is_discarded() || !j.is_object())
      return makeError(ErrorCode::BadConfig, f.priceTable + ": expected a JSON object keyed by model (docs/LLM.md)");
    o.priceTableFile = f.priceTable;
  }
  return Ok{};
}

}  // namespace rtlarena::cli
