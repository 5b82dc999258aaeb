// `rtlarena eval` as a user meets it: bad input is named, messages speak of the user's file.
#include <gtest/gtest.h>

#include <filesystem>
#include <unistd.h>

#include "rtlarena/core/files.h"
#include "rtlarena/core/process.h"
#include "rtlarena/core/text.h"

namespace rtlarena {
namespace {

namespace fs = std::filesystem;
const fs::path kFixture = fs::path(RTLARENA_SOURCE_DIR) / "tests/fixtures/tasks/inv8";

ProcessResult rtlarena(std::vector<std::string> args) {
  ProcessSpec spec;
  spec.argv = {RTLARENA_BINARY};
  spec.argv.insert(spec.argv.end(), args.begin(), args.end());
  spec.workDir = "/tmp";
  spec.env = defaultToolEnv("/tmp");
  spec.deadline = std::chrono::milliseconds(120000);
  auto r = runProcess(spec);
  EXPECT_TRUE(r.ok());
  return r.ok() ? *r : ProcessResult{};
}

TEST(CliEval, AFolderIsNamedAsTheWrongInput) {
  auto r = rtlarena({"eval", "--task", kFixture.string(), kFixture.string()});
  EXPECT_EQ(r.exitCode, 3);
  EXPECT_NE(r.err.find("is a folder"), std::string::npos) << r.err;
  EXPECT_EQ(splitLines(r.err).size(), 1u) << r.err;
}

TEST(CliEval, AnEmptyFileIsNamedAsTheWrongInput) {
  const fs::path empty = fs::temp_directory_path() / ("rtlarena-empty-" + std::to_string(::getpid()) + ".sv");
  ASSERT_TRUE(writeFile(empty, "\n  \n").ok());
  auto r = rtlarena({"eval", "--task", kFixture.string(), empty.string()});
  EXPECT_EQ(r.exitCode, 3);
  EXPECT_NE(r.err.find("is empty"), std::string::npos) << r.err;
  fs::remove(empty);
}

TEST(CliEval, MessagesNameTheUsersFileNotTheJobsCopy) {
  const fs::path file = fs::temp_directory_path() / ("rtlarena-mine-" + std::to_string(::getpid()) + ".sv");
  ASSERT_TRUE(writeFile(file, "module TopModule(input clk, input [7:0] in, output reg [7:0] out);\n"
                              "  always @(posedge clk) out <= ~inn;\nendmodule\n").ok());
  auto r = rtlarena({"eval", "--task", kFixture.string(), file.string()});
  EXPECT_EQ(r.exitCode, 1);
  EXPECT_NE(r.out.find(file.filename().string()), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("candidate.sv"), std::string::npos) << r.out;
  fs::remove(file);
}

TEST(CliEval, TheTasksOwnReferenceIsExplained) {
  auto r = rtlarena({"eval", "--task", kFixture.string(), (kFixture / "ref.sv").string()});
  EXPECT_EQ(r.exitCode, 1);
  EXPECT_NE(r.out.find("must be called 'TopModule'"), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("redeclar"), std::string::npos) << r.out;
}

}  // namespace
}  // namespace rtlarena
