// One table of exit codes (docs/CLI.md), applied by every command: a bad input gives its
// documented code, one line on stderr, and nothing created. Each command is run in an empty
// folder, and the folder must still be empty afterwards.
#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "rtlarena/core/files.h"
#include "rtlarena/core/process.h"
#include "rtlarena/core/text.h"

namespace rtlarena {
namespace {

namespace fs = std::filesystem;
const fs::path kFixture = fs::path(RTLARENA_SOURCE_DIR) / "tests/fixtures/tasks/inv8";

struct Outcome {
  ProcessResult r;
  std::vector<std::string> created;  ///< what the command left in its empty working folder
};

Outcome inEmptyFolder(std::vector<std::string> args) {
  auto dir = TempDir::create("exitcodes");
  EXPECT_TRUE(dir.ok());
  ProcessSpec spec;
  spec.argv = {RTLARENA_BINARY};
  spec.argv.insert(spec.argv.end(), args.begin(), args.end());
  spec.workDir = dir->path();
  spec.env = defaultToolEnv(dir->path());
  spec.env["RTLARENA_CACHE"] = (dir->path() / "cache").string();
  spec.deadline = std::chrono::milliseconds(120000);
  spec.outputCap = 1 << 20;
  auto r = runProcess(spec);
  EXPECT_TRUE(r.ok());
  Outcome o{r.ok() ? *r : ProcessResult{}, {}};
  for (const auto& e : fs::directory_iterator(dir->path())) o.created.push_back(e.path().filename().string());
  return o;
}

void expectRefused(const std::vector<std::string>& args, int code, const std::string& named) {
  std::string shown;
  for (const auto& a : args) shown += a + " ";
  Outcome o = inEmptyFolder(args);
  EXPECT_EQ(o.r.exitCode, code) << shown << "\n" << o.r.err;
  EXPECT_EQ(splitLines(trim(o.r.err)).size(), 1u) << shown << "\n" << o.r.err;
  EXPECT_NE(o.r.err.find(named), std::string::npos) << shown << "\n" << o.r.err;
  EXPECT_TRUE(o.created.empty()) << shown << " created " << (o.created.empty() ? "" : o.created.front());
}

const std::string ref() { return (kFixture / "ref.sv").string(); }

TEST(ExitCodes, Run) {
  expectRefused({"run", "--suite", "nosuch", "--out", "r"}, 3, "nosuch");
  expectRefused({"run", "--sim", "foo", "--out", "r"}, 2, "foo");
  expectRefused({"run", "--suite", kFixture.parent_path().string(), "--task", "nosuch", "--out", "r"}, 3, "nosuch");
  expectRefused({"run", "--model", "replay:none.jsonl", "--suite", kFixture.parent_path().string(), "--out", "r"}, 3,
                "none.jsonl");
}

TEST(ExitCodes, Eval) {
  expectRefused({"eval", "--task", kFixture.string(), "nofile.sv"}, 3, "nofile.sv");
  expectRefused({"eval", "--task", "nosuchtask", ref()}, 3, "nosuchtask");
  expectRefused({"eval", "--task", kFixture.string(), ref(), "--sim", "foo"}, 2, "foo");
}

TEST(ExitCodes, ListAndExport) {
  expectRefused({"list", "tasks", "--suite", "nosuch"}, 3, "nosuch");
  expectRefused({"export", "norun"}, 3, "norun");
}

TEST(ExitCodes, Audit) {
  expectRefused({"audit", "--suite", "nosuch", "--out", "e.json"}, 3, "nosuch");
  expectRefused({"audit", "--out", "e.json"}, 2, "--dataset");
}

TEST(ExitCodes, SynthMissingFileAndUnknownTopAreInputErrors) {
  expectRefused({"synth", "nofile.sv"}, 3, "nofile.sv");
  expectRefused({"synth", ref(), "--top", "Nope"}, 3, "Nope");
}

TEST(ExitCodes, EquivMutateCheck) {
  expectRefused({"equiv", "--task", kFixture.string(), "nofile.sv"}, 3, "nofile.sv");
  expectRefused({"mutate", "--suite", "nosuch"}, 3, "nosuch");
  expectRefused({"check", "--design", "nofile.sv", "--top", "t", "--props", ref()}, 3, "nofile.sv");
}

TEST(ExitCodes, Fuzz) {
  expectRefused({"fuzz", "--core", "nosuchcore", "--tests", "1", "--out", "f"}, 3, "nosuchcore");
  expectRefused({"fuzz", "--core", "mc", "--time", "soon", "--out", "f"}, 2, "soon");
  expectRefused({"fuzz", "inject", "--core", "nosuchcore", "--out", "m"}, 3, "nosuchcore");
  expectRefused({"fuzz", "calibrate", "--core", "nosuchcore", "--out", "c"}, 3, "nosuchcore");
  expectRefused({"fuzz", "replay", "norepro.json"}, 3, "norepro.json");
}

TEST(ExitCodes, FuzzReplayOfAFolderIsASentence) {
  Outcome o = inEmptyFolder({"fuzz", "replay", kFixture.string()});
  EXPECT_EQ(o.r.exitCode, 3);
  EXPECT_NE(o.r.err.find("is a folder, not a reproducer"), std::string::npos) << o.r.err;
  auto dir = TempDir::create("notrepro");
  ASSERT_TRUE(dir.ok());
  ASSERT_TRUE(writeFile(dir->path() / "x.json", "{\"format\": \"something\"}").ok());
  o = inEmptyFolder({"fuzz", "replay", (dir->path() / "x.json").string()});
  EXPECT_EQ(o.r.exitCode, 3);
  EXPECT_NE(o.r.err.find("is not a reproducer"), std::string::npos) << o.r.err;
  EXPECT_EQ(o.r.err.find("parse_error"), std::string::npos) << o.r.err;
}

// An endpoint that is not there: the run ends in seconds, not after minutes of retries, says
// why in the summary, stores the samples as incomplete and exits non-zero.
TEST(ExitCodes, UnreachableEndpointFailsFastAndSaysWhy) {
  auto t0 = std::chrono::steady_clock::now();
  Outcome o = inEmptyFolder({"run", "--suite", kFixture.parent_path().string(), "--model", "openai:x", "--base-url",
                             "http://127.0.0.1:9/v1", "-n", "3", "--no-cache", "--no-sandbox", "--out", "r",
                             "--no-progress"});
  const double took = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  EXPECT_LT(took, 20.0);
  EXPECT_EQ(o.r.exitCode, 6) << o.r.err;
  EXPECT_NE(o.r.out.find("connection failed"), std::string::npos) << o.r.out;
  EXPECT_NE(o.r.err.find("nothing answers at http://127.0.0.1:9/v1"), std::string::npos) << o.r.err;
}

// Samples a replay file does not hold are incomplete (not failures) and the run says so.
TEST(ExitCodes, MissingReplayAnswersAreIncompleteAndSaid) {
  auto dir = TempDir::create("replay");
  ASSERT_TRUE(dir.ok());
  auto code = readFile(kFixture / "ref.sv");
  ASSERT_TRUE(code.ok());
  nlohmann::json line = {{"task_id", "inv8"}, {"sample", 0},
                         {"response", "```verilog\n" + replaceIdentifier(*code, "RefModule", "TopModule") + "```"}};
  ASSERT_TRUE(writeFile(dir->path() / "answers.jsonl", line.dump() + "\n").ok());
  Outcome o = inEmptyFolder({"run", "--suite", kFixture.parent_path().string(), "--model",
                             "replay:" + (dir->path() / "answers.jsonl").string(), "-n", "3", "--no-sandbox",
                             "--out", (dir->path() / "run").string(), "--json", "--no-progress"});
  EXPECT_EQ(o.r.exitCode, 6) << o.r.err;
  auto j = nlohmann::json::parse(o.r.out, nullptr, false);
  ASSERT_TRUE(j.is_object()) << o.r.out;
  EXPECT_EQ(j["incomplete"]["llm_error"], 2);
  EXPECT_EQ(j["complete_samples"], 1);
  EXPECT_EQ(j["pass_at"]["1"], 1.0);
  EXPECT_NE(o.r.err.find("has no response for 2 sample(s)"), std::string::npos) << o.r.err;
}

}  // namespace
}  // namespace rtlarena
