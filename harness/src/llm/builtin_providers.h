// The providers that need no endpoint: reference (ceiling), bad (negative control), replay.
#pragma once

#include <memory>
#include <string>

#include "rtlarena/llm/provider.h"

namespace rtlarena {

std::unique_ptr<Provider> makeReferenceProvider();
std::unique_ptr<Provider> makeBadProvider();
Result<std::unique_ptr<Provider>> makeReplayProvider(const std::string& file);

}  // namespace rtlarena
