// The harness's evaluation modes by id. Adding one: a file in this folder and one line here.
#include "modes.h"

namespace rtlarena {

ModeRegistry& ModeRegistry::global() {
  // The harness's own modes: one line each.
  static ModeRegistry* registry = [] {
    auto* r = new ModeRegistry;
    r->add(ModeId::Native, makeNativeMode);
    r->add(ModeId::VerilogEval, makeVerilogEvalMode);
    r->add(ModeId::SecondSimulator, makeSecondSimulatorMode);
    r->add(ModeId::Controls, makeControlsMode);
    r->add(ModeId::Equiv, makeEquivMode, equivModeReporter());
    r->add(ModeId::Reward, makeRewardMode);
    r->add(ModeId::Differential, makeDifferentialMode, differentialModeReporter());
    return r;
  }();
  return *registry;
}

}  // namespace rtlarena
