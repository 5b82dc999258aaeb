// Making and judging a design's mutants once (design_mutants.h): Yosys `mutate` through
// mutate::makeMutants, then the equivalence judge on each mutant against the design, in
// parallel; the result is kept in memory and, with a folder, as one JSON file per key.
#include "rtlarena/formal/design_mutants.h"

#include <filesystem>
#include <optional>
#include <unistd.h>
#include <nlohmann/json.hpp>

#include "rtlarena/core/files.h"
#include "rtlarena/core/hash.h"
#include "rtlarena/core/tools.h"
#include "rtlarena/core/worker_pool.h"
#include "rtlarena/eval/verilator.h"

namespace rtlarena::formal {

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

constexpr int kCacheFormat = 2;

equiv::EquivVerdict verdictFromName(const std::string& name) {
  if (name == "equivalent") return equiv::EquivVerdict::Equivalent;
  if (name == "not_equivalent") return equiv::EquivVerdict::NotEquivalent;
  return equiv::EquivVerdict::Unknown;
}

json toJson(const DesignMutants& m) {
  json list = json::array();
  for (const auto& j : m.mutants)
    list.push_back({{"index", j.mutant.index},
                    {"command", j.mutant.command},
                    {"description", j.mutant.description},
                    {"source_line", j.mutant.sourceLine},
                    {"code", j.mutant.code},
                    {"equivalence", std::string(equiv::equivVerdictName(j.equivalence))},
                    {"reason", j.reason}});
  return {{"format", kCacheFormat}, {"mutants", list}};
}

std::optional<DesignMutants> fromJson(const std::string& text) {
  json j = json::parse(text, nullptr, false);
  if (!j.is_object() || j.value("format", 0) != kCacheFormat || !j["mutants"].is_array()) return std::nullopt;
  DesignMutants out;
  for (const auto& m : j["mutants"]) {
    if (!m.is_object()) return std::nullopt;
    JudgedMutant jm;
    jm.mutant.index = m.value("index", 0);
    jm.mutant.command = m.value("command", "");
    jm.mutant.description = m.value("description", "");
    jm.mutant.sourceLine = m.value("source_line", 0);
    jm.mutant.code = m.value("code", "");
    jm.equivalence = verdictFromName(m.value("equivalence", ""));
    jm.reason = m.value("reason", "");
    out.mutants.push_back(std::move(jm));
  }
  return out;
}

// The design as the task makeMutants expects: its text is the reference, its top the top.
Task designTask(const DesignMutantsRequest& r) {
  Task t;
  t.id = r.top;
  t.top = r.top;
  t.refTop = r.top;
  for (const auto& f : r.design) t.reference += f.text + "\n";
  return t;
}

}  // namespace

std::string designMutantsKey(const DesignMutantsRequest& r) {
  json design = json::array();
  for (const auto& f : r.design) design.push_back(f.text);
  json tools;
  for (const auto& [name, version] : toolVersions()) tools[name] = version;
  return sha256Hex(json{{"format", kCacheFormat},
                        {"design", design},
                        {"top", r.top},
                        {"reset", r.reset},
                        {"reset_active_low", r.resetActiveLow},
                        {"count", r.count},
                        {"seed", r.seed},
                        {"equiv_bound", r.equivBound},
                        {"equiv_timeout_ms", r.equivTimeout.count()},
                        {"tools", tools}}
                       .dump());
}

MutantCache::MutantCache(std::string dir) : dir_(std::move(dir)) {}

std::string MutantCache::defaultDir() { return rtlarenaCacheRoot() + "/assert-mutants"; }

int MutantCache::computed() const {
  std::lock_guard lock(mutex_);
  return computed_;
}

Result<std::shared_ptr<const DesignMutants>> MutantCache::get(const DesignMutantsRequest& request,
                                                              const DesignMutantsOptions& options) {
  const std::string key = designMutantsKey(request);
  std::promise<Result<std::shared_ptr<const DesignMutants>>> promise;
  std::optional<std::shared_future<Result<std::shared_ptr<const DesignMutants>>>> other;
  {
    std::lock_guard lock(mutex_);
    auto it = entries_.find(key);
    if (it != entries_.end()) other = it->second;
    else entries_[key] = promise.get_future().share();
  }
  if (other) {
    // Made (or being made) by another caller: wait for it, outside the lock.
    auto r = other->get();
    if (!r) return r.error();
    auto copy = std::make_shared<DesignMutants>(**r);
    copy->fromCache = true;
    return std::shared_ptr<const DesignMutants>(copy);
  }
  auto result = compute(request, options, key);
  {
    std::lock_guard lock(mutex_);
    if (!result) entries_.erase(key);  // a failure is not kept: the next caller tries again
  }
  promise.set_value(result);
  return result;
}

Result<std::shared_ptr<const DesignMutants>> MutantCache::compute(const DesignMutantsRequest& request,
                                                                  const DesignMutantsOptions& options, const std::string& key) {
  const fs::path file = dir_.empty() ? fs::path() : fs::path(dir_) / (key + ".json");
  if (!dir_.empty()) {
    if (auto text = readFile(file); text) {
      if (auto stored = fromJson(*text)) {
        stored->fromCache = true;
        return std::shared_ptr<const DesignMutants>(std::make_shared<DesignMutants>(std::move(*stored)));
      }
    }
  }
  mutate::MutantOptions mo;
  mo.count = request.count;
  mo.seed = request.seed;
  mo.sandbox = options.sandbox;
  mo.workRoot = options.workRoot;
  mo.keepNamedSignals = true;  // assertions may name internal signals
  auto made = mutate::makeMutants(designTask(request), mo);
  if (!made) return made.error();

  auto out = std::make_shared<DesignMutants>();
  out->mutants.resize(made->size());
  std::string reference;
  for (const auto& f : request.design) reference += f.text + "\n";
  equiv::EquivOptions eo;
  eo.bound = request.equivBound;
  eo.timeout = request.equivTimeout;
  eo.sandbox = options.sandbox;
  eo.workRoot = options.workRoot;
  eo.reset = request.reset.empty() ? "-" : request.reset;
  if (!request.reset.empty()) eo.resetActiveLow = request.resetActiveLow;
  std::optional<Error> failure;
  std::mutex failureMutex;
  auto judgeOne = [&](std::size_t i) {
    JudgedMutant& jm = out->mutants[i];
    jm.mutant = (*made)[i];
    auto judged = equiv::judgeEquivalence(reference, request.top, jm.mutant.code, request.top, eo);
    if (!judged) {
      std::lock_guard lock(failureMutex);
      if (!failure) failure = judged.error();
      return;
    }
    jm.equivalence = judged->verdict;
    jm.reason = judged->reason;
  };
  if (options.jobs <= 1 || made->size() <= 1) {
    for (std::size_t i = 0; i < made->size(); ++i) judgeOne(i);
  } else {
    WorkerPool pool(std::min<unsigned>(options.jobs, static_cast<unsigned>(made->size())));
    for (std::size_t i = 0; i < made->size(); ++i) pool.submit([&, i] { judgeOne(i); });
    pool.wait();
  }
  if (failure) return *failure;
  {
    std::lock_guard lock(mutex_);
    ++computed_;
  }
  if (!dir_.empty()) {
    std::error_code ec;
    fs::create_directories(dir_, ec);
    // Written whole then renamed, so a reader never sees half a file.
    const fs::path tmp = file.string() + ".tmp" + std::to_string(::getpid()) + "-" +
                         std::to_string(reinterpret_cast<std::uintptr_t>(out.get()));
    if (writeFile(tmp, toJson(*out).dump())) fs::rename(tmp, file, ec);
    if (ec) fs::remove(tmp, ec);
  }
  return std::shared_ptr<const DesignMutants>(out);
}

}  // namespace rtlarena::formal
