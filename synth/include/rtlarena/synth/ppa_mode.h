// The PPA evaluation mode (`rtlarena run --ppa`): after the native mode, every passing sample
// and the task's reference go through the same synthesis flow; the ratios are stored as extras
// ("ppa", "<task>/<sample>") and summarized per task. It lives here, not in the harness, so the
// harness never links synthesis: whoever links both registers it.
#pragma once

#include <string>

#include "rtlarena/run/eval_mode.h"
#include "rtlarena/synth/score.h"

namespace rtlarena::synth {

/// Adds ModeId::Ppa (and its summary part) to `registry`.
void registerPpaMode(ModeRegistry& registry = ModeRegistry::global());

/// The PPA part of a run summary as an aligned text table, and as the JSON object under "ppa".
std::string ppaSummaryText(const PpaSummary& summary);
std::string ppaSummaryJson(const PpaSummary& summary);

}  // namespace rtlarena::synth
