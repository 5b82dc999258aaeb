// RTLARENA_CHECK: the channel for bugs. Records the source location and aborts.
#pragma once

#include <source_location>

namespace rtlarena {

[[noreturn]] void checkFailed(const char* expression, const char* message,
                              std::source_location where = std::source_location::current());

}  // namespace rtlarena

#define RTLARENA_CHECK(cond, msg)                                   \
  do {                                                              \
    if (!(cond)) ::rtlarena::checkFailed(#cond, msg);               \
  } while (0)
