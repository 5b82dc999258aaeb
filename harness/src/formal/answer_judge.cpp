// Judging assertion answers (see answer_judge.h): the answer is screened for constructs that
// could constrain the design, then checked on the task's design; each assertion keeps its own
// verdict and the sample's verdict is Pass only when every assertion is proven and not vacuous.
#include "rtlarena/formal/answer_judge.h"

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>
#include <regex>
#include <set>

#include "rtlarena/core/text.h"
#include "rtlarena/formal/props_file.h"
#include "rtlarena/formal/sv_lexer.h"
#include "rtlarena/formal/top_ports.h"
#include "rtlarena/tasks/verilog_scan.h"

namespace rtlarena::formal {

Evaluation formalEvaluation(Verdict v, std::string cls, std::string message) {
  Evaluation e;
  e.verdict = v;
  e.cls = std::move(cls);
  e.message = std::move(message);
  e.simulator = "formal";
  return e;
}


namespace {


// Design2SVA: the answer completes the task's checker-module frame. An answer that writes its own
// module is taken whole (with the frame's `bind` when it has none); bare assertions go into the
// frame's module.
std::string placeAnswer(const Task& task, const std::string& answer) {
  auto frame = task.meta.find("props_frame");
  if (frame == task.meta.end()) return answer;
  const std::string& f = frame->second;
  const std::size_t end = f.find("endmodule");
  if (end == std::string::npos) return answer;
  static const std::regex module(R"((^|[^A-Za-z0-9_$])module\s)"), bind(R"((^|[^A-Za-z0-9_$])bind\s)");
  if (std::regex_search(answer, module))
    return std::regex_search(answer, bind) ? answer : answer + "\n" + f.substr(end + 9);
  return f.substr(0, end) + "\n" + answer + "\n" + f.substr(end);
}

}  // namespace

CheckRequest taskCheckRequest(const Task& task, std::vector<SourceFile> props) {
  CheckRequest req;
  req.design = {{"design.sv", task.reference}};
  req.top = task.refTop;
  req.props = std::move(props);
  auto meta = [&](const char* key) {
    auto it = task.meta.find(key);
    return it == task.meta.end() ? std::string() : it->second;
  };
  req.clock = meta("clock");
  const std::string active = meta("reset_active");
  if (active == "none") {
    req.reset.mode = ResetChoice::Mode::None;
  } else if (!meta("reset").empty()) {
    req.reset.mode = ResetChoice::Mode::Given;
    req.reset.name = meta("reset");
    if (!active.empty()) req.reset.activeHigh = active == "high" ? 1 : 0;
  }
  return req;
}

std::optional<std::string> constrainingConstruct(const std::string& props) {
  static const std::set<std::string> words = {"assume", "restrict", "force",  "release", "output",
                                              "inout",  "deassign", "$anyseq", "$anyconst",
                                              "$allseq", "$allconst", "`include"};
  LexResult lexed = lexSystemVerilog(props);
  for (const Token& t : lexed.tokens) {
    std::string word = t.text;
    if (t.kind == TokenKind::Directive && !word.empty() && word[0] != '`') word = "`" + word;
    if (words.count(word)) return word;
  }
  return std::nullopt;
}

std::optional<std::string> designInterference(const std::string& props, const std::string& design) {
  std::set<std::string> designModules;
  for (const auto& m : declaredModules(design)) designModules.insert(m.name);
  const auto answerModules = declaredModules(props);
  for (const auto& m : answerModules)
    if (designModules.count(m.name)) return "defines module '" + m.name + "', which replaces the design's";
  // A checker module's inputs are the design's signals: it may read them, never assign them.
  // Assertion items and property/sequence declarations are expressions, not assignments.
  std::vector<std::pair<std::size_t, std::size_t>> skip;
  for (const auto& a : scanPropsFiles({{"answer.sv", props}}).assertions) skip.emplace_back(a.begin, a.end);
  const auto tokens = lexSystemVerilog(props).tokens;
  std::set<std::string> inputs;
  int declaration = 0;
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    const Token& t = tokens[i];
    if (t.text == "module" && i + 1 < tokens.size()) {
      inputs.clear();
      for (const auto& p : topInputs(props, tokens[i + 1].text)) inputs.insert(p.name);
    }
    if (t.text == "property" || t.text == "sequence") ++declaration;
    if (t.text == "endproperty" || t.text == "endsequence") declaration = std::max(0, declaration - 1);
    const bool inItem = std::any_of(skip.begin(), skip.end(), [&](const auto& r) { return t.begin >= r.first && t.begin < r.second; });
    if (inItem || declaration > 0 || t.kind != TokenKind::Ident || !inputs.count(t.text) || i + 1 >= tokens.size()) continue;
    const std::string prev = i ? tokens[i - 1].text : ";";
    const std::string next = tokens[i + 1].text;
    const bool assigned = prev == "assign" || ((next == "<=" || next == "=") && (prev == ";" || prev == ")" || prev == "begin" ||
                                                                                prev == "else" || prev == "end"));
    if (assigned) return "assigns '" + t.text + "', a signal of the design";
  }
  return std::nullopt;
}

FormalJudgement judgeFormalAnswer(const Task& task, const std::string& answer, const CheckOptions& options) {
  return task.kind == TaskKind::Nl2sva ? judgeNl2svaAnswer(task, answer, options)
                                       : judgeAssertionAnswer(task, answer, options);
}

FormalJudgement judgeAssertionAnswer(const Task& task, const std::string& answer, const CheckOptions& options) {
  FormalJudgement j;
  if (trim(answer).empty()) {
    j.eval = formalEvaluation(Verdict::NoCode, "none", "no assertions were extracted from the answer");
    return j;
  }
  if (auto word = constrainingConstruct(answer)) {
    j.eval = formalEvaluation(Verdict::PolicyViolation, *word,
                         "the answer uses '" + *word + "', which could constrain the design; assertion answers may only observe it");
    return j;
  }
  const std::string placed = placeAnswer(task, answer);
  if (auto why = designInterference(placed, task.reference)) {
    j.eval = formalEvaluation(Verdict::PolicyViolation, "drives_design",
                         "the answer " + *why + "; assertion answers may only observe the design");
    return j;
  }
  CheckRequest request = taskCheckRequest(task, {{"answer.sv", placed}});
  auto report = checkAssertions(request, options);
  if (!report) {
    // Our design elaborates alone (the dataset test checks it), so a Parse error here is the
    // answer's doing (a module that clashes with the design's, say); anything else is ours.
    j.eval = report.error().code == ErrorCode::Parse
                 ? formalEvaluation(Verdict::SyntaxError, "elaboration", report.error().message)
                 : formalEvaluation(Verdict::HarnessError, "", report.error().describe());
    return j;
  }
  nlohmann::json list = nlohmann::json::array();
  std::map<std::string, int> counts;
  int proven = 0, syntax = 0;
  for (const auto& a : report->assertions) {
    const std::string v(formalVerdictName(a.verdict));
    counts[v] += 1;
    proven += a.verdict == FormalVerdict::Proven ? 1 : 0;
    syntax += a.verdict == FormalVerdict::SyntaxError ? 1 : 0;
    list.push_back({{"name", a.name}, {"line", a.line}, {"verdict", v}, {"depth", a.depth},
                    {"message", a.message}, {"seconds", a.seconds}});
  }
  const int n = static_cast<int>(report->assertions.size());
  Evaluation e;
  e.simulator = "formal";
  e.samples = n;
  e.mismatches = n - proven;
  e.simSeconds = report->seconds;
  e.wallSeconds = report->seconds;
  if (n == 0) {
    e = formalEvaluation(Verdict::SyntaxError, "no_assertions", "the answer holds no `assert property`");
    e.samples = 0;
    e.mismatches = 0;
  } else if (proven == n) {
    e.verdict = Verdict::Pass;
    e.message = "all " + std::to_string(n) + " assertions proven";
  } else {
    e.verdict = syntax == n ? Verdict::SyntaxError : Verdict::Mismatch;
    // The class is the commonest failing verdict (ties: the first in verdict order).
    int most = 0;
    for (FormalVerdict v : {FormalVerdict::Cex, FormalVerdict::Vacuous, FormalVerdict::SyntaxError,
                            FormalVerdict::Unsupported, FormalVerdict::Undetermined, FormalVerdict::Timeout})
      if (int c = counts[std::string(formalVerdictName(v))]; c > most) most = c, e.cls = std::string(formalVerdictName(v));
    std::string parts;
    for (const auto& [v, c] : counts)
      if (v != "proven" && c > 0) parts += (parts.empty() ? "" : ", ") + v + " " + std::to_string(c);
    e.message = std::to_string(proven) + " of " + std::to_string(n) + " assertions proven (" + parts + ")";
    for (const auto& a : report->assertions)
      if (a.verdict != FormalVerdict::Proven) {
        e.logTail += a.name + " (line " + std::to_string(a.line) + "): " + std::string(formalVerdictName(a.verdict)) +
                     (a.message.empty() ? "" : ": " + a.message) + "\n";
      }
  }
  std::erase_if(counts, [](const auto& kv) { return kv.second == 0; });
  j.eval = e;
  j.request = std::move(request);
  j.report = *report;
  j.detailJson = nlohmann::json{{"kind", "assertion"},
                                {"score", n ? static_cast<double>(proven) / n : 0.0},
                                {"proven", proven},
                                {"assertions_total", n},
                                {"counts", counts},
                                {"assertions", list}}
                     .dump();
  return j;
}

}  // namespace rtlarena::formal
