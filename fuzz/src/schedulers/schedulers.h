// Factories of the scheduler implementations (private to the library; use makeScheduler).
#pragma once

#include <memory>

#include "rtlarena/fuzz/scheduler.h"

namespace rtlarena::fuzz {

std::unique_ptr<Scheduler> makeTheHuzz(const SchedulerParams& p);
std::unique_ptr<Scheduler> makeUniform(const SchedulerParams& p);
std::unique_ptr<Scheduler> makeEpsilonGreedy(const SchedulerParams& p);
std::unique_ptr<Scheduler> makeUcb1(const SchedulerParams& p);
std::unique_ptr<Scheduler> makeExp3(const SchedulerParams& p);
std::unique_ptr<Scheduler> makeThompson(const SchedulerParams& p);
std::unique_ptr<Scheduler> makeSlidingWindowUcb(const SchedulerParams& p);
std::unique_ptr<Scheduler> makeDiscountedUcb(const SchedulerParams& p);

}  // namespace rtlarena::fuzz
