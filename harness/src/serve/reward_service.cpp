// The reward service (see reward_service.h). The scoring is the run pipeline's:
// each subject goes through the service's modes in order, each mode seeing its
// upstream's result, exactly as EvalQueue drives them in `rtlarena run`; this
// file only adds admission, joining and caching.
#include "rtlarena/serve/reward_service.h"

#include <nlohmann/json.hpp>

#include "rtlarena/core/hash.h"
#include "rtlarena/eval/extract.h"

namespace rtlarena {

namespace {

Subject subjectOf(const Task& task, const std::string& response) {
  ExtractOptions eo;
  eo.top = task.top;
  if (task.kind == TaskKind::CodeComplete) eo.interfaceHeader = task.interface;
  Extraction x = extractCandidate(response, eo);
  Subject s;
  s.record.taskId = task.id;
  s.record.rawAnswer = response;
  s.record.code = x.code;
  s.record.codeHash = sha256Hex(x.code);
  static constexpr const char* kMethods[] = {"none", "begin_done", "fenced", "bare_module", "whole"};
  s.record.extractMethod = x.truncated && x.code.empty() ? "truncated" : kMethods[static_cast<int>(x.method)];
  return s;
}

RewardBreakdown breakdownFromPayload(const std::string& payload) {
  RewardBreakdown b;
  auto j = nlohmann::json::parse(payload, nullptr, false);
  if (!j.is_object()) return b;
  b.reward = j.value("reward", 0.0);
  b.note = j.value("note", "");
  if (j.contains("components")) {
    const auto& c = j["components"];
    b.format = c.value("format", 0.0);
    b.syntax = c.value("syntax", 0.0);
    b.function = c.value("function", 0.0);
    b.ppa = c.value("ppa", 0.0);
  }
  return b;
}

}  // namespace

Result<std::unique_ptr<RewardService>> RewardService::create(std::vector<Task> tasks, ServiceOptions options) {
  if (tasks.empty()) return makeError(ErrorCode::BadArgument, "no tasks to serve");
  auto modes = ModeRegistry::global().make({ModeId::Native, ModeId::Reward}, options.modes);
  if (!modes) return modes.error();
  for (const auto& m : *modes)
    if (auto s = m->check(tasks); !s) return s.error();
  return std::unique_ptr<RewardService>(new RewardService(std::move(tasks), std::move(options), std::move(*modes)));
}

RewardService::RewardService(std::vector<Task> tasks, ServiceOptions options, std::vector<std::unique_ptr<EvalMode>> modes)
    : tasks_(std::move(tasks)), options_(std::move(options)), modes_(std::move(modes)), pool_(options_.workers) {
  for (const auto& t : tasks_) byId_[t.id] = &t;
}

RewardService::~RewardService() {
  beginDrain();
  waitIdle();
}

std::string RewardService::judgeOf(const Task& task) const {
  return std::string(functionJudgeName(options_.modes.reward.judgeFor(task.suite)));
}

ScoredItem RewardService::score(const Task& task, const Subject& subject) const {
  ScoredItem item;
  item.taskId = task.id;
  item.extractMethod = subject.record.extractMethod;
  std::map<ModeId, ModeResult> results;
  for (const auto& mode : modes_) {
    const ModeResult* upstream = nullptr;
    if (auto after = mode->after()) {
      auto it = results.find(*after);
      if (it == results.end()) continue;
      upstream = &it->second;
    }
    auto job = mode->job(task, subject, upstream);
    if (!job) continue;
    ModeResult r;
    if (job->settled) {
      r.eval = *job->settled;
    } else {
      r = mode->evaluate(task, *job, upstream);
      r.input = job->input;
    }
    if (r.fatal) {
      item.error = r.fatal->describe();
      return item;
    }
    results[mode->id()] = std::move(r);
  }
  if (auto native = results.find(ModeId::Native); native != results.end()) item.eval = native->second.eval;
  if (auto reward = results.find(ModeId::Reward); reward != results.end()) {
    item.reward = breakdownFromPayload(reward->second.payload);
    auto j = nlohmann::json::parse(reward->second.payload, nullptr, false);
    if (j.is_object()) {
      item.functionJudge = j.value("function_judge", "testbench");
      item.functionSeconds = j.value("function_seconds", 0.0);
      if (j.contains("function_verdict")) {
        nlohmann::json d = {{"verdict", j["function_verdict"]}, {"class", j.value("function_class", "")},
                            {"message", j.value("function_message", "")}, {"seconds", j.value("function_seconds", 0.0)}};
        if (j.contains("function_samples")) d["samples"] = j["function_samples"];
        if (j.contains("function_mismatches")) d["mismatches"] = j["function_mismatches"];
        item.functionDetail = d.dump();
      }
      if (j.contains("error")) item.error = "function judge: " + j.value("error", "");
    }
  }
  if (!isComplete(item.eval) && item.error.empty()) item.error = item.eval.message;
  return item;
}

RewardService::Admission RewardService::submit(const std::vector<Item>& items) {
  Admission a;
  std::vector<const Task*> tasks;
  for (const auto& i : items) {
    auto it = byId_.find(i.taskId);
    if (it == byId_.end()) {
      a.refusal = Refusal::UnknownTask;
      a.message = "unknown task_id '" + i.taskId + "' (GET /v1/tasks lists them)";
      return a;
    }
    tasks.push_back(it->second);
  }
  std::vector<Subject> subjects(items.size());
  std::vector<std::string> keys(items.size()), rawKeys(items.size());
  {
    // An answer seen before word for word skips extraction: its (task, code) key is known.
    std::lock_guard lock(mutex_);
    for (std::size_t n = 0; n < items.size(); ++n) {
      rawKeys[n] = judgeOf(*tasks[n]) + '\n' + tasks[n]->id + '\n' + sha256Hex(items[n].response);
      if (auto k = rawIndex_.find(rawKeys[n]); k != rawIndex_.end() && cache_.count(k->second)) keys[n] = k->second;
    }
  }
  for (std::size_t n = 0; n < items.size(); ++n) {
    if (!keys[n].empty()) continue;  // extracted only if it left the cache meanwhile (below)
    subjects[n] = subjectOf(*tasks[n], items[n].response);
    keys[n] = judgeOf(*tasks[n]) + '\n' + tasks[n]->id + '\n' + subjects[n].record.codeHash;
  }
  std::vector<std::function<void()>> jobs;
  {
    std::lock_guard lock(mutex_);
    if (draining_) {
      a.refusal = Refusal::Draining;
      a.message = "the server is shutting down";
      return a;
    }
    // Admission counts only the evaluations this request would add.
    std::size_t fresh = 0;
    std::map<std::string, bool> seen;
    for (std::size_t n = 0; n < items.size(); ++n)
      if ((subjects[n].record.taskId.empty() || !subjects[n].record.code.empty()) && !cache_.count(keys[n]) &&
          !inFlight_.count(keys[n]) && !seen[keys[n]]) {
        seen[keys[n]] = true;
        ++fresh;
      }
    if (pending_ + fresh > options_.limits.queueCapacity) {
      a.refusal = Refusal::Overloaded;
      a.message = "the evaluation queue is full (" + std::to_string(pending_) + " of " +
                  std::to_string(options_.limits.queueCapacity) + "); retry later";
      metrics_.rejected("overloaded");
      return a;
    }
    for (std::size_t n = 0; n < items.size(); ++n) {
      const std::string& key = keys[n];
      if (subjects[n].record.taskId.empty() && !cache_.count(key)) subjects[n] = subjectOf(*tasks[n], items[n].response);
      if (!subjects[n].record.code.empty()) {
        if (rawIndex_.size() >= 2 * options_.limits.cacheEntries + 16) rawIndex_.clear();  // bounded
        rawIndex_[rawKeys[n]] = key;
      }
      if (auto c = cache_.find(key); c != cache_.end()) {
        lru_.splice(lru_.begin(), lru_, c->second);
        std::promise<ScoredItem> ready;
        ready.set_value(c->second->second);
        a.results.push_back(ready.get_future().share());
        a.cached.push_back(true);
        metrics_.cacheHit();
        continue;
      }
      if (auto f = inFlight_.find(key); f != inFlight_.end()) {
        a.results.push_back(f->second);
        a.cached.push_back(true);
        metrics_.joinedInFlight();
        continue;
      }
      auto promise = std::make_shared<std::promise<ScoredItem>>();
      auto future = promise->get_future().share();
      a.results.push_back(future);
      a.cached.push_back(false);
      if (subjects[n].record.code.empty()) {  // settled without tools: no queue slot
        ScoredItem settled = score(*tasks[n], subjects[n]);
        metrics_.settled(std::string(verdictName(settled.eval.verdict)));
        promise->set_value(std::move(settled));
        continue;
      }
      inFlight_[key] = future;
      ++pending_;
      jobs.push_back([this, task = tasks[n], subject = std::move(subjects[n]), key, promise] {
        finish(key, score(*task, subject), promise);
      });
    }
  }
  for (auto& j : jobs) pool_.submit(std::move(j));
  return a;
}

void RewardService::finish(const std::string& key, ScoredItem item, const std::shared_ptr<std::promise<ScoredItem>>& promise) {
  metrics_.evaluated(std::string(verdictName(item.eval.verdict)), item.eval.wallSeconds + item.functionSeconds);
  if (item.eval.verdict == Verdict::HarnessError || !item.error.empty()) metrics_.sandboxFailure();
  {
    std::lock_guard lock(mutex_);
    inFlight_.erase(key);
    // rtlarena's own failure is not remembered: the same answer is tried again
    // next time.
    if (item.error.empty() && options_.limits.cacheEntries > 0) {
      lru_.emplace_front(key, item);
      cache_[key] = lru_.begin();
      while (lru_.size() > options_.limits.cacheEntries) {
        cache_.erase(lru_.back().first);
        lru_.pop_back();
      }
    }
    --pending_;
  }
  promise->set_value(std::move(item));
  idle_.notify_all();
}

std::size_t RewardService::queueDepth() {
  std::lock_guard lock(mutex_);
  return pending_;
}

std::size_t RewardService::cacheSize() {
  std::lock_guard lock(mutex_);
  return lru_.size();
}

void RewardService::beginDrain() {
  std::lock_guard lock(mutex_);
  draining_ = true;
}

bool RewardService::draining() {
  std::lock_guard lock(mutex_);
  return draining_;
}

void RewardService::waitIdle() {
  std::unique_lock lock(mutex_);
  idle_.wait(lock, [this] { return pending_ == 0; });
}

}  // namespace rtlarena
