// Assertion checks for the report, read from the JSON that `rtlarena check --json` prints
// (saved to a file).
#include "report_parts.h"
#include "rtlarena/core/files.h"

namespace rtlarena::report {

namespace {

Result<json> readJson(const std::string& file, const char* flag) {
  auto text = readFile(file);
  if (!text) return makeError(ErrorCode::NotFound, std::string(flag) + " " + file + ": " + text.error().message);
  json j = json::parse(*text, nullptr, false);
  if (j.is_discarded()) return makeError(ErrorCode::Parse, std::string(flag) + " " + file + ": not JSON");
  return j;
}

}  // namespace

Result<json> assertionCheck(const std::string& file) {
  auto j = readJson(file, "--checks");
  if (!j) return j.error();
  if (!j->is_object() || !(*j)["summary"].is_object() || !(*j)["summary"].contains("total"))
    return makeError(ErrorCode::Parse, "--checks " + file + ": not the output of `rtlarena check --json` (no summary.total)");
  return json{{"file", file}, {"top", j->value("top", "")}, {"summary", (*j)["summary"]}};
}

}  // namespace rtlarena::report
