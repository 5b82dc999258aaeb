// Judging a model's answer to an assertion or nl2sva task with the formal checker. An
// `assertion` answer scores the share of its assertions that are proven and not vacuous; an
// `nl2sva` answer is compared with the task's reference assertion by formal equivalence on the
// task's testbench (each assumed in turn while the other is proven). The outcome is an
// Evaluation like a simulation's (so pass@k, resume and the store treat it alike) plus the
// per-assertion detail as JSON.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "rtlarena/eval/verdict.h"
#include "rtlarena/formal/checker.h"
#include "rtlarena/tasks/task.h"

namespace rtlarena::formal {

/// How an nl2sva answer relates to the reference on the testbench's traces.
enum class Relation {
  Equivalent,  ///< each implies the other
  Implies,     ///< the answer implies the reference (it is stronger)
  ImpliedBy,   ///< the reference implies the answer (it is weaker)
  Unrelated,   ///< neither (or a proof did not finish)
};
std::string_view relationName(Relation r);  ///< "equivalent", "implies", "implied_by", "unrelated"

struct FormalJudgement {
  Evaluation eval;          ///< verdict and counts: samples = assertions, mismatches = not proven
  std::string detailJson;   ///< assertion: {score, counts, assertions[]}; nl2sva: {relation, syntax_ok, ...}
  /// Assertion answers that were checked: the request (the answer placed in the task's frame)
  /// and the report, from which mutation scoring goes on.
  std::optional<CheckRequest> request;
  std::optional<CheckReport> report;
};

/// The checker's request for a formal task: its design, top, clock and reset, and `props`.
CheckRequest taskCheckRequest(const Task& task, std::vector<SourceFile> props);

/// The first construct in `props` that could constrain or drive the design rather than observe
/// it (`assume`, `restrict`, `force`, an output port, `$anyseq`, `include ...), or nullopt.
/// Answers that use one are refused: a model must not be able to make its assertions true.
std::optional<std::string> constrainingConstruct(const std::string& props);

/// What in `props` would change the design rather than observe it: a module of the design
/// defined again, or a checker module that assigns one of its inputs (the design's signals);
/// nullopt when nothing does.
std::optional<std::string> designInterference(const std::string& props, const std::string& design);

/// Judges an answer to `task` (assertion or nl2sva). Never fails: rtlarena's own failures are a
/// HarnessError evaluation, the answer's problems are verdicts.
FormalJudgement judgeFormalAnswer(const Task& task, const std::string& answer, const CheckOptions& options);

/// An evaluation of the formal checker's with this verdict, class and message.
Evaluation formalEvaluation(Verdict v, std::string cls, std::string message);

FormalJudgement judgeAssertionAnswer(const Task& task, const std::string& answer, const CheckOptions& options);
FormalJudgement judgeNl2svaAnswer(const Task& task, const std::string& answer, const CheckOptions& options);

}  // namespace rtlarena::formal
