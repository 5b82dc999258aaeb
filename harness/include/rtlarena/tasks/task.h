// The Task: everything needed to ask for one design and to judge an answer. Every dataset
// format (native folders, VerilogEval, RTLLM, JSONL) loads into this one shape.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace rtlarena {

enum class TaskKind {
  SpecToRtl,     ///< write the whole module from a specification
  CodeComplete,  ///< complete a module whose header is given
  Assertion,     ///< write assertions for a given design (judged formally, per assertion)
  Nl2sva,        ///< write one assertion from a description (judged by formal equivalence)
};

std::string_view taskKindName(TaskKind kind);

/// Assertion and nl2sva tasks: the answer is properties, judged by the formal checker on the
/// task's design (`reference`, top module `refTop`); `goldenCandidate` holds the golden
/// properties and `badVariants` the wrong ones; clock and reset come from meta
/// ("clock", "reset", "reset_active": high|low|none).
inline bool isFormalKind(TaskKind kind) { return kind == TaskKind::Assertion || kind == TaskKind::Nl2sva; }

/// How the testbench reports its result.
enum class ResultRule {
  MismatchLine,  ///< "Mismatches: N in M samples" (native, VerilogEval)
  PassMessage,   ///< the output contains "pass" and no failure words (RTLLM)
};

/// The published harness whose rules a task follows, set by its loader. It decides how the
/// task is compiled (file order) and whether another harness's scoring can be read from a
/// native run, so that no behaviour hangs on the format's name.
enum class CompatFamily {
  None,         ///< our own rules (native folders, JSONL)
  VerilogEval,  ///< VerilogEval v1/v2: compiled `sample testbench reference`, `Mismatches:` line
  Rtllm,        ///< RTLLM: a pass message
};

struct SimLimits {
  double compileSeconds = 20;
  double simSeconds = 10;
  std::uint64_t memoryBytes = 2ull << 30;     ///< address space of each tool process
  std::uint64_t outputBytes = 16ull << 20;    ///< a simulation printing more is stopped
  std::uint64_t fileBytes = 64ull << 20;      ///< largest file a tool may write
};

struct SourceFile {
  std::string name;  ///< file name used in the job directory and in reports
  std::string text;
};

struct Task {
  std::string id;          ///< unique within its suite
  std::string suite;       ///< suite or dataset name
  std::string format = "native";  ///< the loader that produced it (for messages)
  CompatFamily compatFamily = CompatFamily::None;  ///< the rules it follows (set by the loader)
  TaskKind kind = TaskKind::SpecToRtl;
  std::string top = "TopModule";     ///< module the model writes
  std::string refTop = "RefModule";  ///< golden module name inside `reference`
  std::string tbTop = "tb";          ///< testbench top module
  std::string interface;   ///< module header the model must write (code-complete prompt)
  std::vector<std::string> tags;
  std::string difficulty;  ///< easy | medium | hard | "" when unknown
  SimLimits limits;
  ResultRule resultRule = ResultRule::MismatchLine;

  std::string spec;        ///< the natural-language prompt body
  std::string reference;   ///< golden source (module refTop)
  bool compileReference = true;  ///< the testbench instantiates refTop next to the candidate
  std::string goldenCandidate;   ///< the reference as the model would write it (module top)
  std::string testbench;
  std::vector<SourceFile> supportFiles;  ///< other files the testbench needs (hex data, ...)
  std::vector<SourceFile> badVariants;   ///< known-wrong candidates (module top)
  std::string dir;          ///< where it was loaded from, for messages
  std::map<std::string, std::string> meta;  ///< format-specific extras (e.g. ifc header)
};

}  // namespace rtlarena
