// The provider registry: one line per provider.
#include "rtlarena/llm/provider.h"

#include "builtin_providers.h"
#include "http_provider.h"
#include "rtlarena/core/text.h"

namespace rtlarena {

Result<std::unique_ptr<Provider>> makeProvider(const ProviderOptions& options) {
  const std::string& spec = options.spec;
  if (spec == "reference") return makeReferenceProvider();
  if (spec == "bad") return makeBadProvider();
  if (startsWith(spec, "replay:")) return makeReplayProvider(spec.substr(7));
  if (startsWith(spec, "openai:")) return makeHttpProvider(options);
  if (startsWith(spec, "anthropic:")) return makeHttpProvider(options);
  return makeError(ErrorCode::BadArgument,
                   "unknown model '" + spec +
                       "' (known: reference, bad, replay:FILE.jsonl, openai:MODEL, anthropic:MODEL)");
}

}  // namespace rtlarena
