// Names of error codes, and the bug channel's failure handler.
#include "rtlarena/core/result.h"

#include <cstdio>
#include <cstdlib>

#include "rtlarena/core/check.h"

namespace rtlarena {

std::string_view errorCodeName(ErrorCode code) {
  switch (code) {
    case ErrorCode::Io: return "io";
    case ErrorCode::Spawn: return "spawn";
    case ErrorCode::Sandbox: return "sandbox";
    case ErrorCode::ToolMissing: return "tool_missing";
    case ErrorCode::BadTask: return "bad_task";
    case ErrorCode::BadDataset: return "bad_dataset";
    case ErrorCode::BadArgument: return "bad_argument";
    case ErrorCode::BadConfig: return "bad_config";
    case ErrorCode::Store: return "store";
    case ErrorCode::Http: return "http";
    case ErrorCode::Parse: return "parse";
    case ErrorCode::NotFound: return "not_found";
    case ErrorCode::Internal: return "internal";
  }
  return "unknown";
}

std::string Error::describe() const { return std::string(errorCodeName(code)) + ": " + message; }

void checkFailed(const char* expression, const char* message, std::source_location where) {
  std::fprintf(stderr, "rtlarena: internal error at %s:%u (%s): %s\n", where.file_name(),
               static_cast<unsigned>(where.line()), expression, message);
  std::abort();
}

}  // namespace rtlarena
