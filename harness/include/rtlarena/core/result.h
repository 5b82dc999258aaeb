// Result<T>: a value or an Error. The channel for harness failures (cannot spawn, I/O, a
// malformed dataset file), never for a candidate's bad outcome, which is a Verdict.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <variant>

namespace rtlarena {

/// Every harness error code, in one table.
enum class ErrorCode {
  Io,             ///< a file or directory could not be read or written
  Spawn,          ///< a process could not be started
  Sandbox,        ///< the sandbox could not be created
  ToolMissing,    ///< a required external tool is not installed
  BadTask,        ///< a task folder or task.json is malformed
  BadDataset,     ///< a dataset file in another benchmark's format is malformed
  BadArgument,    ///< a command-line or API argument is invalid
  BadConfig,      ///< a model or run configuration file is invalid
  Store,          ///< the SQLite result store failed
  Http,           ///< an HTTP request failed after its retries
  Parse,          ///< text that should have a known shape did not
  NotFound,       ///< a named thing (task, suite, run) does not exist
  Internal,       ///< a bug in rtlarena
};

std::string_view errorCodeName(ErrorCode code);

struct Error {
  ErrorCode code = ErrorCode::Internal;
  std::string message;

  /// "bad_task: datasets/core/x/task.json: field 'kind' ..." as one line.
  std::string describe() const;
};

inline Error makeError(ErrorCode code, std::string message) { return Error{code, std::move(message)}; }

template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : v_(std::move(value)) {}
  Result(Error error) : v_(std::move(error)) {}

  bool ok() const { return v_.index() == 0; }
  explicit operator bool() const { return ok(); }

  T& value() & { return std::get<0>(v_); }
  const T& value() const& { return std::get<0>(v_); }
  T&& value() && { return std::get<0>(std::move(v_)); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }

  const Error& error() const { return std::get<1>(v_); }

 private:
  std::variant<T, Error> v_;
};

/// A Result without a value.
struct Ok {};
using Status = Result<Ok>;

}  // namespace rtlarena
