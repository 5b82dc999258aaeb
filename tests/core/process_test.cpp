// The process runner: exit status, deadlines that kill whole groups, capped output, rlimits.
#include <gtest/gtest.h>
#include <signal.h>

#include <chrono>
#include <filesystem>

#include "rtlarena/core/files.h"
#include "rtlarena/core/process.h"

namespace rtlarena {
namespace {

ProcessSpec shell(const std::string& script, const std::string& dir = "/tmp") {
  ProcessSpec spec;
  spec.argv = {"/bin/sh", "-c", script};
  spec.workDir = dir;
  spec.env = defaultToolEnv(dir);
  return spec;
}

TEST(Process, ReportsExitCodeAndOutput) {
  auto r = runProcess(shell("echo out; echo err >&2; exit 3"));
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->exitCode, 3);
  EXPECT_EQ(r->out, "out\n");
  EXPECT_EQ(r->err, "err\n");
  EXPECT_FALSE(r->timedOut);
  EXPECT_FALSE(r->exitedOk());
}

TEST(Process, MissingProgramIsAHarnessError) {
  ProcessSpec spec;
  spec.argv = {"/nonexistent/tool"};
  spec.workDir = "/tmp";
  auto r = runProcess(spec);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::Spawn);
  EXPECT_NE(r.error().message.find("/nonexistent/tool"), std::string::npos);
}

TEST(Process, TimeoutKillsWholeProcessGroup) {
  auto dir = TempDir::create("proc");
  ASSERT_TRUE(dir.ok());
  // A grandchild that would touch a file after the deadline if it survived.
  auto spec = shell("(sleep 2; touch survived) & sleep 30", dir->path().string());
  spec.deadline = std::chrono::milliseconds(300);
  auto r = runProcess(spec);
  ASSERT_TRUE(r.ok());
  EXPECT_TRUE(r->timedOut);  // and it returned: the 30 s sleep did not hold it up
  std::this_thread::sleep_for(std::chrono::milliseconds(2500));
  EXPECT_FALSE(std::filesystem::exists(dir->path() / "survived"));
}

TEST(Process, IgnoredSigtermStillEndsAfterGrace) {
  auto spec = shell("trap '' TERM; while :; do :; done");
  spec.deadline = std::chrono::milliseconds(200);
  spec.killGrace = std::chrono::milliseconds(100);
  auto r = runProcess(spec);
  ASSERT_TRUE(r.ok());
  EXPECT_TRUE(r->timedOut);
  EXPECT_EQ(r->signal, SIGKILL);
}

TEST(Process, OutputIsCappedAndFlaggedTruncated) {
  auto spec = shell("head -c 1000000 /dev/zero | tr '\\0' x");
  spec.outputCap = 1000;
  auto r = runProcess(spec);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->out.size(), 1000u);
  EXPECT_TRUE(r->truncated);
  EXPECT_EQ(r->outputBytes, 1000000u);
}

TEST(Process, FloodingOutputIsKilled) {
  auto spec = shell("yes flood");
  spec.killAfterOutput = 1 << 20;
  spec.deadline = std::chrono::milliseconds(20000);
  auto r = runProcess(spec);
  ASSERT_TRUE(r.ok());
  EXPECT_TRUE(r->outputLimitHit);
  EXPECT_FALSE(r->timedOut);
}

TEST(Process, FileSizeLimitStopsWriters) {
  auto dir = TempDir::create("proc");
  ASSERT_TRUE(dir.ok());
  auto spec = shell("head -c 10000000 /dev/zero > big", dir->path().string());
  spec.limits.fileSize = 1 << 20;
  auto r = runProcess(spec);
  ASSERT_TRUE(r.ok());
  EXPECT_FALSE(r->exitedOk());
  EXPECT_LE(std::filesystem::file_size(dir->path() / "big"), 1u << 20);
}

TEST(Process, CpuLimitEndsBusyLoops) {
  auto spec = shell("while :; do :; done");
  spec.limits.cpuSeconds = 1;
  spec.deadline = std::chrono::milliseconds(20000);
  auto r = runProcess(spec);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->signal, SIGXCPU);
  EXPECT_GT(r->cpuSeconds, 0.5);
}

TEST(Process, RunsInItsWorkDirWithGivenEnvironmentOnly) {
  auto dir = TempDir::create("proc");
  ASSERT_TRUE(dir.ok());
  auto spec = shell("pwd; echo ${SECRET:-unset}", dir->path().string());
  setenv("SECRET", "leaked", 1);
  auto r = runProcess(spec);
  unsetenv("SECRET");
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->out, dir->path().string() + "\nunset\n");
}

TEST(Process, StdinDataIsDelivered) {
  auto spec = shell("cat");
  spec.stdinData = "hello";
  auto r = runProcess(spec);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->out, "hello");
}

}  // namespace
}  // namespace rtlarena
