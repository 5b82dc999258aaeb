// RTLLM v2 loader. Designs sit in category folders, one folder per design holding
// design_description.txt, testbench.v and verified_<name>.v (plus a VCS makefile we ignore and,
// for a few designs, data files the testbench reads). The module the model writes is the one the
// testbench instantiates; the golden module is often called verified_<name> and is renamed to it.
// The testbench reports its own verdict: a pass is its pass message.
#include <algorithm>

#include "rtlarena/core/files.h"
#include "rtlarena/core/text.h"
#include "rtlarena/tasks/dataset.h"
#include "rtlarena/tasks/verilog_scan.h"

namespace rtlarena {

namespace fs = std::filesystem;

namespace {

std::vector<fs::path> designFolders(const fs::path& root) {
  std::vector<fs::path> out;
  std::error_code ec;
  if (fs::exists(root / "design_description.txt", ec)) return {root};
  for (auto it = fs::recursive_directory_iterator(root, fs::directory_options::skip_permission_denied, ec);
       it != fs::recursive_directory_iterator(); it.increment(ec)) {
    if (ec) break;
    if (it->is_directory(ec) && fs::exists(it->path() / "design_description.txt", ec)) out.push_back(it->path());
  }
  std::sort(out.begin(), out.end());
  return out;
}

Result<Task> loadDesign(const fs::path& dir, const fs::path& root) {
  Task t;
  t.id = dir.filename().string();
  t.suite = "rtllm";
  t.format = "rtllm";
  t.compatFamily = CompatFamily::Rtllm;
  t.kind = TaskKind::SpecToRtl;
  t.dir = dir.string();
  t.tbTop = "";  // set from the testbench below
  t.resultRule = ResultRule::PassMessage;
  t.compileReference = false;
  t.limits.simSeconds = 10;
  auto desc = readFile(dir / "design_description.txt");
  if (!desc) return datasetError(dir / "design_description.txt", 0, "cannot read");
  t.spec = *desc;

  const fs::path tbFile = dir / "testbench.v";
  auto tb = readFile(tbFile);
  if (!tb) return datasetError(tbFile, 0, "missing (every RTLLM design folder needs testbench.v)");
  t.testbench = *tb;
  auto tbMods = declaredModules(*tb);
  if (tbMods.empty()) return datasetError(tbFile, 0, "defines no module");
  t.tbTop = tbMods.back().name;  // helpers come first; the bench is the last module
  auto used = instantiatedModules(*tb);
  if (used.empty()) return datasetError(tbFile, 0, "instantiates no module outside the testbench");
  t.top = used.front();

  std::vector<fs::path> verified;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(dir, ec)) {
    const std::string n = e.path().filename().string();
    if (startsWith(n, "verified_") && (e.path().extension() == ".v" || e.path().extension() == ".sv"))
      verified.push_back(e.path());
    else if (e.is_regular_file() && n != "design_description.txt" && n != "testbench.v" &&
             e.path().extension() != ".v" && e.path().extension() != ".sv" && n != "makefile" &&
             n != "Makefile") {
      auto content = readFile(e.path());
      if (!content) return content.error();
      t.supportFiles.push_back({n, *content});
    }
  }
  std::sort(verified.begin(), verified.end());
  if (verified.empty()) return datasetError(dir, 0, "has no verified_*.v (the golden design)");
  const fs::path refFile = verified.front();
  auto ref = readFile(refFile);
  if (!ref) return ref.error();
  auto mods = declaredModules(*ref);
  if (mods.empty()) return datasetError(refFile, 0, "defines no module");
  std::string golden;
  bool hasTop = std::any_of(mods.begin(), mods.end(), [&](const ModuleDecl& m) { return m.name == t.top; });
  if (hasTop) {
    golden = *ref;
  } else {
    const ModuleDecl* main = nullptr;
    for (const auto& m : mods)
      if (m.name == "verified_" + t.top) main = &m;
    if (!main && mods.size() == 1) main = &mods.front();
    if (!main)
      return datasetError(refFile, mods.front().line,
                          "defines modules " + mods.front().name + (mods.size() > 1 ? ", ..." : "") +
                              " but the testbench instantiates '" + t.top + "' and none is verified_" + t.top);
    golden = replaceIdentifier(*ref, main->name, t.top);
    t.meta["golden_renamed_from"] = main->name;
  }
  t.reference = golden;
  t.goldenCandidate = golden;
  t.interface = moduleHeader(golden, t.top);
  t.meta["category"] = fs::relative(dir.parent_path(), root, ec).string();
  if (t.meta["category"] == ".") t.meta["category"] = "";
  return t;
}

}  // namespace

Result<std::vector<Task>> loadRtllm(const fs::path& rootIn) {
  std::error_code ec;
  if (!fs::is_directory(rootIn, ec)) return datasetError(rootIn, 0, "not a folder (expected an RTLLM tree)");
  const fs::path root = fs::absolute(rootIn).lexically_normal();
  auto dirs = designFolders(root);
  if (dirs.empty()) return datasetError(root, 0, "holds no design folder (a folder with design_description.txt)");
  std::vector<Task> tasks;
  for (const auto& d : dirs) {
    auto t = loadDesign(d, root);
    if (!t) return t.error();
    for (const auto& other : tasks)
      if (other.id == t->id) return datasetError(d, 0, "design name '" + t->id + "' also used by " + other.dir);
    tasks.push_back(std::move(*t));
  }
  return tasks;
}

}  // namespace rtlarena
