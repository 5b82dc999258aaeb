// What a folder given to `rtlarena report` holds: a run (results.sqlite), a mutation analysis
// (analysis.json), or, for a folder that is neither (runs/, say), the runs and analyses in it
// up to two levels down. A folder holding none of them is an input error naming it.
#include <algorithm>
#include <filesystem>

#include "report_parts.h"

namespace rtlarena::report {

namespace fs = std::filesystem;

namespace {

bool isRunFolder(const fs::path& dir) {
  std::error_code ec;
  return fs::is_regular_file(dir / "results.sqlite", ec);
}

}  // namespace

Result<StoredFolders> storedFolders(const std::string& dir) {
  StoredFolders found;
  std::error_code ec;
  if (isRunFolder(dir)) {
    found.runs.push_back(dir);
    return found;
  }
  if (isAnalysisFolder(dir)) {
    found.analyses.push_back(dir);
    return found;
  }
  if (!fs::is_directory(dir, ec)) return makeError(ErrorCode::NotFound, dir + ": no such run folder");
  for (auto it = fs::recursive_directory_iterator(dir, fs::directory_options::skip_permission_denied, ec);
       !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    if (!it->is_directory(ec)) continue;
    const fs::path p = it->path();
    if (isRunFolder(p)) found.runs.push_back(p.string());
    else if (isAnalysisFolder(p)) found.analyses.push_back(p.string());
    else if (it.depth() < 1) continue;
    it.disable_recursion_pending();
  }
  if (found.runs.empty() && found.analyses.empty())
    return makeError(ErrorCode::NotFound, dir + ": holds no run (results.sqlite) and no mutation analysis (" +
                                              "analysis.json of `rtlarena mutate --out`), nor folders holding them");
  std::sort(found.runs.begin(), found.runs.end());
  std::sort(found.analyses.begin(), found.analyses.end());
  return found;
}

}  // namespace rtlarena::report
