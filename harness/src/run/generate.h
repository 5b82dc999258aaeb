// The generation stage: ask the provider for the samples a run lacks and turn each answer into
// a sample record (raw text kept, the candidate extracted), handed on as it arrives.
#pragma once

#include <functional>
#include <utility>
#include <vector>

#include "rtlarena/core/result.h"
#include "rtlarena/llm/provider.h"
#include "rtlarena/run/run_driver.h"
#include "rtlarena/store/store.h"

namespace rtlarena {

/// Tasks (in the order to ask) with the sample indices they lack.
using MissingSamples = std::vector<std::pair<const Task*, std::vector<int>>>;

/// Submits one request per contiguous range of missing indices; `onSample` is called once per
/// sample, possibly on the provider's threads and after this returns (call drain()).
Status requestSamples(Provider& provider, const MissingSamples& missing, const RunOptions& options,
                      const std::function<void(const Task&, SampleRecord)>& onSample);

/// The stored form of one answer: its text, the extracted candidate and how it was found.
SampleRecord sampleFromAnswer(const Task& task, const Answer& answer, const std::string& promptJson);

}  // namespace rtlarena
