// The harness's own evaluation modes, one file each; the registry (eval_mode.cpp) lists them.
#pragma once

#include "rtlarena/run/eval_mode.h"

namespace rtlarena {

Result<std::unique_ptr<EvalMode>> makeNativeMode(const ModeConfig& config);
Result<std::unique_ptr<EvalMode>> makeVerilogEvalMode(const ModeConfig& config);
Result<std::unique_ptr<EvalMode>> makeSecondSimulatorMode(const ModeConfig& config);
Result<std::unique_ptr<EvalMode>> makeControlsMode(const ModeConfig& config);
Result<std::unique_ptr<EvalMode>> makeEquivMode(const ModeConfig& config);
ModeReporter equivModeReporter();
Result<std::unique_ptr<EvalMode>> makeRewardMode(const ModeConfig& config);
Result<std::unique_ptr<EvalMode>> makeDifferentialMode(const ModeConfig& config);
ModeReporter differentialModeReporter();

/// Whether a second judge (equivalence, differential) can judge a sample after the native mode:
/// it passed the policy and compiled (pass, mismatch, timeout or crash in simulation).
inline bool judgeableAfterNative(const Evaluation& native) {
  return native.verdict == Verdict::Pass || native.verdict == Verdict::Mismatch ||
         native.verdict == Verdict::SimTimeout || native.verdict == Verdict::SimCrash;
}

}  // namespace rtlarena
