// The HTTP providers (openai:MODEL, anthropic:MODEL): a pool of `concurrency` workers, each
// with its own connection, shared rate limits, retries, and the response cache.
#pragma once

#include <memory>

#include "rtlarena/core/result.h"
#include "rtlarena/llm/provider.h"

namespace rtlarena {

/// options.spec is "openai:MODEL" or "anthropic:MODEL". Errors name the flag to fix.
Result<std::unique_ptr<Provider>> makeHttpProvider(const ProviderOptions& options);

}  // namespace rtlarena
