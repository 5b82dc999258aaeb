// The report's tables for papers: Markdown (one document) and CSV (one file per table). Both
// are made from the data document, so they carry the page's numbers; CSV keeps full precision.
#include <algorithm>
#include <cctype>
#include <cstdio>

#include "report_parts.h"

namespace rtlarena::report {

namespace {

using Table = std::pair<std::vector<std::string>, std::vector<std::vector<std::string>>>;  // header, rows

const std::vector<std::string> kLevels = {"syntax", "semantic", "functional_solved_elsewhere", "functional_never_solved"};

// A number as JSON writes it (shortest text that reads back the same), "" for null.
std::string num(const json& v) { return v.is_number() ? v.dump() : ""; }

// A number for reading: integers as they are, others to three decimals.
std::string shortNum(const json& v) {
  if (!v.is_number()) return "";
  const double d = v.get<double>();
  if (v.is_number_integer() || d == static_cast<double>(static_cast<long long>(d))) return std::to_string(static_cast<long long>(d));
  char b[32];
  std::snprintf(b, sizeof b, "%.3f", d);
  return b;
}

std::string percent(const json& v) {
  if (!v.is_number()) return "-";
  char b[32];
  std::snprintf(b, sizeof b, "%.1f%%", v.get<double>() * 100.0);
  return b;
}

std::string withInterval(const json& passAt, const json& ci, const std::string& k) {
  if (!passAt.contains(k)) return "-";
  std::string s = percent(passAt[k]);
  if (ci.contains(k)) {
    char b[64];
    std::snprintf(b, sizeof b, " (%.1f–%.1f)", ci[k][0].get<double>() * 100.0, ci[k][1].get<double>() * 100.0);
    s += b;
  }
  return s;
}

std::string str(const json& v) { return v.is_string() ? v.get<std::string>() : v.is_null() ? "" : v.dump(); }

std::vector<const json*> rankedRows(const json& data) {
  std::vector<const json*> rows;
  for (const auto& r : data["leaderboard"]) rows.push_back(&r);
  auto p1 = [](const json* r) { return (*r)["pass_at"].value("1", -1.0); };
  std::stable_sort(rows.begin(), rows.end(), [&](const json* a, const json* b) {
    if ((*a)["suite"] != (*b)["suite"]) return str((*a)["suite"]) < str((*b)["suite"]);
    if (p1(a) != p1(b)) return p1(a) > p1(b);
    return str((*a)["model"]) < str((*b)["model"]);
  });
  return rows;
}

bool anyFeedback(const json& data) {
  for (const auto& r : data["leaderboard"])
    if (!r["feedback_pass_at"].is_null()) return true;
  return false;
}

Table leaderboardMarkdown(const json& data) {
  const bool fb = anyFeedback(data);
  Table t{{"#", "model", "suite", "pass@1 (95% CI)", "pass@5", "pass@10"}, {}};
  if (fb) t.first.insert(t.first.end(), {"pass@1 tool-feedback"});
  t.first.insert(t.first.end(), {"tasks", "samples", "incomplete", "golden", "control", "VerilogEval score", "tokens in",
                                 "tokens out", "cost (USD)", "date", "git"});
  int rank = 0;
  for (const json* r : rankedRows(data)) {
    const json& row = *r;
    std::vector<std::string> cells = {std::to_string(++rank), str(row["model"]), str(row["suite"]),
                                      withInterval(row["pass_at"], row["pass_at_ci95"], "1"),
                                      withInterval(row["pass_at"], row["pass_at_ci95"], "5"),
                                      withInterval(row["pass_at"], row["pass_at_ci95"], "10")};
    if (fb)
      cells.push_back(row["feedback_pass_at"].is_null() ? "-"
                                                          : withInterval(row["feedback_pass_at"], row["feedback_pass_at_ci95"], "1"));
    char ve[32] = "-";
    if (row["verilogeval_score"].is_number()) std::snprintf(ve, sizeof ve, "%.2f", row["verilogeval_score"].get<double>());
    char cost[32] = "-";
    if (row["cost_usd"].is_number()) std::snprintf(cost, sizeof cost, "%.4f", row["cost_usd"].get<double>());
    cells.insert(cells.end(), {str(row["tasks"]), str(row["samples"]), str(row["incomplete"]), percent(row["golden_ceiling"]),
                               percent(row["negative_control"]), ve, str(row["tokens_in"]), str(row["tokens_out"]), cost,
                               str(row["created_at"]).substr(0, 10), str(row["git_revision"]).substr(0, 12)});
    t.second.push_back(cells);
  }
  return t;
}

Table leaderboardCsv(const json& data) {
  Table t{{"model", "suite", "setting", "pass_at_1", "pass_at_1_low", "pass_at_1_high", "pass_at_5", "pass_at_5_low",
           "pass_at_5_high", "pass_at_10", "pass_at_10_low", "pass_at_10_high", "feedback_pass_at_1", "samples_per_task",
           "tasks", "samples", "complete_samples", "incomplete", "golden_ceiling", "negative_control", "verilogeval_score",
           "tokens_in", "tokens_out", "cost_usd", "created_at", "tools", "git_revision", "run_id"},
          {}};
  for (const json* r : rankedRows(data)) {
    const json& row = *r;
    std::vector<std::string> cells = {str(row["model"]), str(row["suite"]), str(row["setting"])};
    for (const char* k : {"1", "5", "10"}) {
      const bool has = row["pass_at"].contains(k);
      const bool ci = row["pass_at_ci95"].contains(k);
      cells.push_back(has ? num(row["pass_at"][k]) : "");
      cells.push_back(ci ? num(row["pass_at_ci95"][k][0]) : "");
      cells.push_back(ci ? num(row["pass_at_ci95"][k][1]) : "");
    }
    cells.push_back(row["feedback_pass_at"].is_object() && row["feedback_pass_at"].contains("1")
                        ? num(row["feedback_pass_at"]["1"]) : "");
    for (const char* key : {"samples_per_task", "tasks", "samples", "complete_samples", "incomplete", "golden_ceiling",
                            "negative_control", "verilogeval_score", "tokens_in", "tokens_out", "cost_usd"})
      cells.push_back(num(row[key]));
    for (const char* key : {"created_at", "tools", "git_revision", "run_id"}) cells.push_back(str(row[key]));
    t.second.push_back(cells);
  }
  return t;
}

std::string runLabel(const json& run) { return str(run["model"]) + " / " + str(run["suite"]); }

std::string markdown(const Table& t);

constexpr double kWeakKillScore = 0.95;  // the bar our own suites meet (docs/EQUIV_MUTATE.md)

// Task x run pass rates (complete samples passing / complete samples), and the task's kill
// score when a mutation analysis of the suite was given: a weak testbench lets wrong designs
// pass, so its pass rates are marked.
Table taskTable(const json& data, bool markdown) {
  Table t{{"suite", "task"}, {}};
  for (const auto& run : data["runs"]) t.first.push_back(runLabel(run));
  std::vector<std::pair<std::string, std::string>> keys;
  for (const auto& run : data["runs"])
    for (const auto& [id, v] : run["per_task"].items()) keys.push_back({str(run["suite"]), id});
  std::sort(keys.begin(), keys.end());
  keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
  const json& scores = data.contains("kill_scores") ? data["kill_scores"] : json::object();
  bool withScores = false;
  for (const auto& [suite, id] : keys) withScores = withScores || scores.contains(suite);
  if (withScores) t.first.push_back(markdown ? "kill score" : "kill_score");
  for (const auto& [suite, id] : keys) {
    std::vector<std::string> cells = {suite, id};
    const json score = scores.contains(suite) && scores[suite].contains(id) ? scores[suite][id] : json();
    const bool weak = score.is_number() && score.get<double>() < kWeakKillScore;
    for (const auto& run : data["runs"]) {
      const json* cell = run["suite"] == suite && run["per_task"].contains(id) ? &run["per_task"][id] : nullptr;
      if (!cell || !(*cell)["rate"].is_number()) cells.push_back(markdown ? "-" : "");
      else if (markdown)
        cells.push_back(std::to_string((*cell)["c"].get<int>()) + "/" + std::to_string((*cell)["n"].get<int>()) + (weak ? " (weak tb)" : ""));
      else cells.push_back(num((*cell)["rate"]));
    }
    if (withScores) cells.push_back(markdown ? shortNum(score) + (weak ? " weak" : "") : num(score));
    t.second.push_back(cells);
  }
  return t;
}

Table failureTable(const json& data) {
  Table t{{"model", "suite", "failing samples"}, {}};
  for (const auto& l : kLevels) t.first.push_back(l);
  t.first.push_back("top failure classes");
  for (const auto& run : data["runs"]) {
    int total = 0;
    for (const auto& l : kLevels) total += run["taxonomy"].value(l, 0);
    std::vector<std::string> cells = {str(run["model"]), str(run["suite"]), std::to_string(total)};
    for (const auto& l : kLevels) cells.push_back(std::to_string(run["taxonomy"].value(l, 0)));
    std::vector<std::pair<int, std::string>> classes;
    for (const auto& [name, n] : run["failure_classes"].items()) classes.push_back({-n.get<int>(), name});
    std::sort(classes.begin(), classes.end());
    std::string top;
    for (std::size_t i = 0; i < classes.size() && i < 3; ++i)
      top += (i ? "; " : "") + classes[i].second + " " + std::to_string(-classes[i].first);
    cells.push_back(top);
    t.second.push_back(cells);
  }
  return t;
}

Table ppaTable(const json& data) {
  Table t{{"model", "suite", "scored samples", "scored tasks", "area ratio", "delay ratio", "power ratio", "PPA score",
           "human-surpassing tasks"},
          {}};
  for (const auto& run : data["runs"]) {
    if (!run.contains("ppa") || !run["ppa"].is_object()) continue;
    const json& p = run["ppa"];
    t.second.push_back({str(run["model"]), str(run["suite"]), num(p["scored"]), num(p["scored_tasks"]), num(p["area_ratio"]),
                        num(p["delay_ratio"]), num(p["power_ratio"]), num(p["score"]), num(p["human_surpassing"])});
  }
  return t;
}

Table assertionTable(const json& data) {
  Table t{{"file", "top", "assertions", "proven", "vacuous", "cex", "syntax_error", "other"}, {}};
  for (const auto& c : data["checks"]) {
    const json& s = c["summary"];
    const int total = s.value("total", 0);
    const int known = s.value("proven", 0) + s.value("vacuous", 0) + s.value("cex", 0) + s.value("syntax_error", 0);
    t.second.push_back({str(c["file"]), str(c["top"]), std::to_string(total), std::to_string(s.value("proven", 0)),
                        std::to_string(s.value("vacuous", 0)), std::to_string(s.value("cex", 0)),
                        std::to_string(s.value("syntax_error", 0)), std::to_string(total - known)});
  }
  return t;
}

// One analysis's tasks, weakest testbench first (mutation_data.cpp sorted them).
Table mutationTable(const json& analysis, bool markdown) {
  const auto num = markdown ? shortNum : report::num;
  Table t{{"task", "mutants", "killed", "survived", "equivalent", "unknown", "kill score"}, {}};
  for (const auto& r : analysis["tasks"])
    t.second.push_back({str(r["task"]), num(r["mutants"]), num(r["killed"]), num(r["survived"]), num(r["equivalent"]),
                        num(r["unknown"]), r.value("error", "").empty() ? num(r["kill_score"]) : "error: " + str(r["error"])});
  return t;
}

// Every analysis in one CSV: the suite and source say which analysis a row is of.
Table mutationCsv(const json& data) {
  Table t{{"suite", "task", "mutants", "killed", "survived", "equivalent", "unknown", "kill score", "source"}, {}};
  for (const auto& m : data["mutation"])
    for (const auto& r : m["tasks"])
      t.second.push_back({str(m["suite"]), str(r["task"]), num(r["mutants"]), num(r["killed"]), num(r["survived"]),
                          num(r["equivalent"]), num(r["unknown"]), num(r["kill_score"]), str(m["file"])});
  return t;
}

// The escape a survivor shows: the judge's counterexample, or why it could not decide.
std::string survivorVerdict(const json& s) {
  if (!s.contains("judge")) return "not judged";
  const json& j = s["judge"];
  std::string out = str(j["verdict"]);
  if (j.contains("output"))
    out += ": at cycle " + num(j["cycle"]) + " " + str(j["output"]["name"]) + " is " + str(j["output"]["reference"]) +
           " in the reference, " + str(j["output"]["mutant"]) + " in the mutant";
  else if (!str(j["reason"]).empty()) out += ": " + str(j["reason"]);
  return out;
}

Table survivorCsv(const json& data) {
  Table t{{"suite", "task", "mutant", "fate", "description", "mutation", "judge", "source"}, {}};
  for (const auto& m : data["mutation"])
    for (const auto& r : m["tasks"])
      for (const auto& s : r["survivors"])
        t.second.push_back({str(m["suite"]), str(r["task"]), num(s["mutant"]), str(s["fate"]), str(s["description"]),
                            str(s["mutation"]), survivorVerdict(s), str(m["file"])});
  return t;
}

// Per analysis: which suite, how it was made, the weakest-first table, then each survivor.
std::string strengthSection(const json& m) {
  std::string out = "\n### " + (str(m["suite"]).empty() ? std::string("(suite not recorded)") : str(m["suite"])) + "\n\n";
  const json& c = m.value("config", json());
  out += "Source: `" + str(m["file"]) + "`";
  if (c.is_object()) out += "; " + num(c["mutants"]) + " mutants per task, seed " + num(c["seed"]);
  out += "; mean kill score " + shortNum(m["mean_kill_score"]) + ".";
  if (c.is_object() && c.contains("judge"))
    out += " Judge of survivors: " + (c.value("judge", true) ? "bound " + num(c["bound"]) + ", " + shortNum(c["equiv_timeout"]) + " s each" : std::string("off")) + ".";
  std::string tools;
  const json versions = m.value("tool_versions", json::object());
  for (const auto& [name, v] : versions.items())
    if (v.is_string() && !v.get<std::string>().empty()) tools += (tools.empty() ? "" : "; ") + name + " " + v.get<std::string>();
  if (!tools.empty()) out += " Started " + str(m["created_at"]) + " with " + tools + ".";
  if (!m.value("complete", true)) out += " **Unfinished**: resume it with the same `rtlarena mutate ... --out`.";
  out += "\n\n" + markdown(mutationTable(m, true));
  std::string survivors;
  for (const auto& r : m["tasks"])
    for (const auto& s : r["survivors"])
      survivors += "- " + str(r["task"]) + " #" + num(s["mutant"]) + " (" + str(s["fate"]) + "): " + str(s["description"]) +
                   " — " + survivorVerdict(s) + "\n";
  if (!survivors.empty()) out += "\nSurvivors, weakest task first:\n\n" + survivors;
  return out;
}

Table campaignTable(const json& data, bool markdown) {
  const auto num = markdown ? shortNum : report::num;
  Table t{{"core", "bug", "algorithm", "seed", "tests", "seconds", "coverage", "coverage points", "unique mismatches",
           "first mismatch test"},
          {}};
  for (const auto& c : data["fuzz"]["campaigns"])
    t.second.push_back({str(c["core"]), str(c["bug"]), str(c["algo"]), num(c["seed"]), num(c["tests"]), num(c["seconds"]),
                        num(c["coverage"]), num(c["coverage_points"]), num(c["unique_mismatches"]),
                        num(c["first_mismatch_test"])});
  return t;
}

Table bugTableRows(const json& data, bool markdown) {
  const auto num = markdown ? shortNum : report::num;
  Table t{{"core", "bug", "algorithm", "runs", "found", "median tests to bug", "median seconds to bug"}, {}};
  for (const auto& b : data["fuzz"]["bugs"])
    t.second.push_back({str(b["core"]), str(b["bug"]), str(b["algo"]), num(b["runs"]), num(b["found"]),
                        num(b["median_tests_to_bug"]), num(b["median_seconds_to_bug"])});
  return t;
}

std::string markdown(const Table& t) {
  auto cell = [](std::string s) {
    for (std::size_t i = 0; (i = s.find('|', i)) != std::string::npos; i += 2) s.replace(i, 1, "\\|");
    return s.empty() ? std::string("-") : s;
  };
  std::string out = "|";
  for (const auto& h : t.first) out += " " + cell(h) + " |";
  out += "\n|";
  // Right-aligned where every cell is a figure ("12", "58.3% (29.2–83.3)", "-").
  for (std::size_t i = 0; i < t.first.size(); ++i) {
    bool figures = !t.second.empty();
    for (const auto& r : t.second)
      if (i < r.size() && !r[i].empty() && !std::isdigit(static_cast<unsigned char>(r[i][0])) && r[i] != "-") figures = false;
    out += figures ? "---:|" : "---|";
  }
  out += "\n";
  for (const auto& r : t.second) {
    out += "|";
    for (const auto& c : r) out += " " + cell(c) + " |";
    out += "\n";
  }
  return out;
}

std::string csv(const Table& t) {
  auto cell = [](const std::string& s) {
    if (s.find_first_of(",\"\n") == std::string::npos) return s;
    std::string q = "\"";
    for (char c : s) q += c == '"' ? std::string("\"\"") : std::string(1, c);
    return q + "\"";
  };
  auto line = [&](const std::vector<std::string>& cells) {
    std::string out;
    for (std::size_t i = 0; i < cells.size(); ++i) out += (i ? "," : "") + cell(cells[i]);
    return out + "\n";
  };
  std::string out = line(t.first);
  for (const auto& r : t.second) out += line(r);
  return out;
}

}  // namespace

std::string markdownTables(const json& data) {
  std::string out = "# rtlarena report\n";
  if (!data["runs"].empty()) {
    out += "\n## Leaderboard\n\npass@k in percent with its 95% bootstrap interval over tasks; golden = the reference "
           "designs (ceiling), control = the empty module (must be 0%).\n\n" + markdown(leaderboardMarkdown(data));
    out += "\n## Contamination\n\n";
    for (const auto& [suite, info] : data["suites"].items()) out += "- **" + suite + "**: " + str(info["note"]) + "\n";
    out += "\n## Failure taxonomy\n\nFailing complete samples by how far they got: syntax (no code or a syntax error), "
           "semantic (elaboration or policy), functional but solved by another sample of the task, functional and never "
           "solved.\n\n" + markdown(failureTable(data));
    if (Table p = ppaTable(data); !p.second.empty()) out += "\n## PPA\n\nGeometric means of candidate / reference (below 1 is better).\n\n" + markdown(p);
    out += "\n## Tasks\n\nPassing / complete samples per task; where a mutation analysis of the suite is given, the "
           "task's kill score beside them (\"weak tb\": below 0.95, wrong designs may pass its testbench).\n\n" +
           markdown(taskTable(data, true));
  }
  if (!data["checks"].empty())
    out += "\n## Assertion checks\n\nVerdicts of `rtlarena check` per design.\n\n" + markdown(assertionTable(data));
  if (!data["mutation"].empty()) {
    out += "\n## Testbench strength\n\nMutants of each reference its testbench kills (`rtlarena mutate`); kill score = "
           "killed / (killed + survived), survivors proved equivalent left out. Weakest testbench first.\n";
    for (const auto& m : data["mutation"]) out += strengthSection(m);
  }
  if (!data["fuzz"]["campaigns"].empty()) {
    out += "\n## Fuzz campaigns\n\n" + markdown(campaignTable(data, true));
    out += "\n## Time to bug\n\n" + markdown(bugTableRows(data, true));
  }
  return out;
}

std::vector<std::pair<std::string, std::string>> csvTables(const json& data) {
  std::vector<std::pair<std::string, std::string>> out;
  if (!data["runs"].empty()) {
    out.push_back({"leaderboard.csv", csv(leaderboardCsv(data))});
    out.push_back({"tasks.csv", csv(taskTable(data, false))});
    out.push_back({"failures.csv", csv(failureTable(data))});
    if (Table p = ppaTable(data); !p.second.empty()) out.push_back({"ppa.csv", csv(p)});
  }
  if (!data["checks"].empty()) out.push_back({"assertions.csv", csv(assertionTable(data))});
  if (!data["mutation"].empty()) {
    out.push_back({"mutation.csv", csv(mutationCsv(data))});
    out.push_back({"survivors.csv", csv(survivorCsv(data))});
  }
  if (!data["fuzz"]["campaigns"].empty()) {
    out.push_back({"fuzz_campaigns.csv", csv(campaignTable(data, false))});
    out.push_back({"fuzz_bugs.csv", csv(bugTableRows(data, false))});
  }
  return out;
}

}  // namespace rtlarena::report
