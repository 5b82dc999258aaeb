// Datasets in other benchmarks' formats, read as they are: `FORMAT:PATH` → tasks. The registry
// of formats lives in dataset.cpp (one line per format); each format has its own loader file.
// Errors name the file (and line) and what was expected; nothing is skipped silently.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "rtlarena/core/result.h"
#include "rtlarena/tasks/task.h"

namespace rtlarena {

/// Loads "verilogeval2:DIR", "verilogeval1:FILE.jsonl", "rtllm:DIR", "jsonl:FILE",
/// "assertionbench:FILE.json", "fveval-nl2sva:FILE.csv", "fveval-design2sva:FILE.csv" or
/// "native:DIR". BadArgument for an unknown format, BadDataset for a malformed dataset.
Result<std::vector<Task>> loadDataset(const std::string& spec);

/// The format names loadDataset accepts.
std::vector<std::string> datasetFormats();

/// VerilogEval v2: a dataset folder with problems.txt and ProbNNN_name_{prompt.txt, ref.sv,
/// test.sv[, ifc.txt]}. Only the problems listed in problems.txt are loaded.
Result<std::vector<Task>> loadVerilogEval2(const std::filesystem::path& dir);

/// VerilogEval v1: JSONL lines {task_id, prompt, canonical_solution, test}; descriptions are
/// read from a `description`/`detail_description` field or descriptions/VerilogDescription_X.jsonl.
Result<std::vector<Task>> loadVerilogEval1(const std::filesystem::path& file);

/// RTLLM v2: a tree with one folder per design (design_description.txt, testbench.v,
/// verified_*.v).
Result<std::vector<Task>> loadRtllm(const std::filesystem::path& root);

/// rtlarena's generic JSONL format (docs/DATASETS.md).
Result<std::vector<Task>> loadJsonlDataset(const std::filesystem::path& file);

/// AssertionBench: a JSON list of {file_name, verilog_design}; each design is an assertion task.
Result<std::vector<Task>> loadAssertionBench(const std::filesystem::path& file);

/// FVEval CSV (design_name, task_id, prompt, ref_solution, testbench): NL2SVA rows as nl2sva
/// tasks, Design2SVA rows as assertion tasks whose answer completes the testbench module.
Result<std::vector<Task>> loadFvevalNl2sva(const std::filesystem::path& file);
Result<std::vector<Task>> loadFvevalDesign2sva(const std::filesystem::path& file);

/// "FILE:LINE: what" (line 0: "FILE: what") as a BadDataset error.
Error datasetError(const std::filesystem::path& file, int line, const std::string& what);

/// The negative-control candidate: the task's interface with an empty body.
std::string negativeControlCandidate(const Task& task);

}  // namespace rtlarena
