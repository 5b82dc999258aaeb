// `rtlarena export DIR [--format jsonl|csv]`: everything the store knows per sample, one line
// (row) each: the verdict and why, the mismatch counts, the log tail, the raw answer, the
// prompt, tokens, latency, PPA and the VerilogEval code.
#include <cstdio>
#include <map>
#include <nlohmann/json.hpp>

#include "commands.h"
#include "common.h"
#include "rtlarena/core/json_tidy.h"
#include "rtlarena/run/eval_mode.h"
#include "rtlarena/store/store.h"

namespace rtlarena::cli {

namespace {

using nlohmann::json;
using Key = std::pair<std::string, int>;

// The columns, in order; CSV writes them as its header, JSONL as its keys.
const std::vector<std::string> kColumns = {
    "task_id",      "sample",        "verdict",        "class",       "message",     "mismatches",
    "test_samples", "simulator",     "log_tail",       "compat_code", "eval_seconds", "code",
    "raw_answer",   "reasoning",     "finish_reason",  "prompt",      "tokens_in",   "tokens_out",
    "latency_seconds", "attempts",   "llm_error",      "extract_method", "ppa"};

json sampleJson(const SampleRecord& s, const Evaluation* native, const Evaluation* compat, const std::string* ppa) {
  json j;
  j["task_id"] = s.taskId;
  j["sample"] = s.sample;
  j["verdict"] = native ? json(std::string(verdictName(native->verdict))) : json("pending");
  j["class"] = native ? native->cls : "";
  j["message"] = native ? native->message : "";
  j["mismatches"] = native ? countOrNull(native->mismatches) : json(nullptr);
  j["test_samples"] = native ? countOrNull(native->samples) : json(nullptr);
  j["simulator"] = native ? native->simulator : "";
  j["log_tail"] = native ? native->logTail : "";
  j["compat_code"] = compat ? json(compat->compatCode) : json(nullptr);
  j["eval_seconds"] = native ? json(native->wallSeconds) : json(nullptr);
  j["code"] = s.code;
  j["raw_answer"] = s.rawAnswer;
  j["reasoning"] = s.reasoning;
  j["finish_reason"] = s.finishReason;
  auto prompt = json::parse(s.promptJson, nullptr, false);
  j["prompt"] = s.promptJson.empty() || prompt.is_discarded() ? json(nullptr) : prompt;
  j["tokens_in"] = s.tokensIn;
  j["tokens_out"] = s.tokensOut;
  j["latency_seconds"] = s.latencySeconds;
  j["attempts"] = s.attempts;
  j["llm_error"] = s.llmError ? json(s.llmErrorMessage) : json(nullptr);
  j["extract_method"] = s.extractMethod;
  auto p = ppa ? json::parse(*ppa, nullptr, false) : json();
  j["ppa"] = p.is_discarded() ? json(nullptr) : p;
  return tidyJson(std::move(j));
}

std::string csvField(const json& v) {
  std::string text = v.is_null() ? "" : v.is_string() ? v.get<std::string>() : v.dump();
  if (text.find_first_of(",\"\n\r") == std::string::npos) return text;
  std::string quoted = "\"";
  for (char c : text) quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
  return quoted + "\"";
}

void printCsvRow(const std::vector<std::string>& fields) {
  std::string line;
  for (std::size_t i = 0; i < fields.size(); ++i) line += (i ? "," : "") + fields[i];
  std::printf("%s\r\n", line.c_str());
}

int exportRun(const std::string& dir, const std::string& format) {
  auto store = Store::openReadOnly(dir);
  if (!store) return reportError(store.error());
  auto samples = (*store)->samples();
  if (!samples) return reportError(samples.error());
  auto native = (*store)->evaluations("native");
  if (!native) return reportError(native.error());
  auto compat = (*store)->evaluations("verilogeval");
  if (!compat) return reportError(compat.error());
  auto ppa = (*store)->extras("ppa");
  if (!ppa) return reportError(ppa.error());
  std::map<Key, const Evaluation*> nativeOf, compatOf;
  for (const auto& e : *native) nativeOf[{e.taskId, e.sample}] = &e.eval;
  for (const auto& e : *compat) compatOf[{e.taskId, e.sample}] = &e.eval;
  std::map<Key, const std::string*> ppaOf;
  for (const auto& [key, text] : *ppa) {
    auto slash = key.rfind('/');
    if (slash == std::string::npos) continue;
    try {
      ppaOf[{key.substr(0, slash), std::stoi(key.substr(slash + 1))}] = &text;
    } catch (...) {
    }
  }
  // --assert-mutants runs: each answer's mutation score (jsonl only; absent otherwise).
  auto mutants = (*store)->extras(kAssertMutantsMode);
  if (!mutants) return reportError(mutants.error());
  std::map<std::string, json> mutantsOf;
  for (const auto& [key, text] : *mutants) mutantsOf[key] = json::parse(text, nullptr, false);
  auto find = [](const auto& m, const Key& k) { auto it = m.find(k); return it == m.end() ? nullptr : it->second; };
  if (format == "csv") printCsvRow(kColumns);
  for (const auto& s : *samples) {
    const Key k{s.taskId, s.sample};
    json j = sampleJson(s, find(nativeOf, k), find(compatOf, k), find(ppaOf, k));
    if (format == "jsonl") {
      auto m = mutantsOf.find(std::string(kAssertMutantsMode) + ":" + s.taskId + "#" + std::to_string(s.sample));
      if (m != mutantsOf.end() && m->second.is_object())
        j["assert_mutants"] = {{"score", m->second["score"]},
                               {"caught", m->second.value("caught", 0)},
                               {"non_equivalent", m->second.value("non_equivalent", 0)},
                               {"equivalent", m->second.value("equivalent", 0)},
                               {"unknown", m->second.value("unknown", 0)}};
      std::printf("%s\n", j.dump().c_str());
      continue;
    }
    std::vector<std::string> row;
    for (const auto& c : kColumns) row.push_back(csvField(j[c]));
    printCsvRow(row);
  }
  return kExitOk;
}

}  // namespace

void addExportCommand(CLI::App& app, int& exitCode) {
  struct Flags {
    std::string dir, format = "jsonl";
    bool jsonl = false;
  };
  auto f = std::make_shared<Flags>();
  CLI::App* sub = app.add_subcommand("export", "Export a run's samples: verdict, reason, answer, prompt, tokens, PPA");
  sub->add_option("dir", f->dir, "Run directory (holding results.sqlite)")->required();
  sub->add_option("--format", f->format, "jsonl (one JSON object per sample) or csv (one row per sample, RFC 4180)")
      ->check(CLI::IsMember({"jsonl", "csv"}));
  sub->add_flag("--jsonl", f->jsonl, "Same as --format jsonl")->group("");
  sub->callback([f, &exitCode] { exitCode = exportRun(f->dir, f->format); });
}

}  // namespace rtlarena::cli
