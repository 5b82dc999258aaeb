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

}  // namespace rtlarena
