// The sandbox: what a sandboxed tool can and cannot reach.
#include <gtest/gtest.h>

#include <filesystem>

#include "rtlarena/core/files.h"
#include "rtlarena/core/sandbox.h"

namespace rtlarena {
namespace {

Result<ProcessResult> inSandbox(const std::string& script, const std::string& dir) {
  ProcessSpec spec;
  spec.argv = {"/bin/sh", "-c", script};
  spec.workDir = dir;
  spec.env = defaultToolEnv(dir);
  spec.deadline = std::chrono::milliseconds(10000);
  return runSandboxed(spec, SandboxConfig{});
}

class SandboxTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(probeSandbox().ok()) << probeSandbox().error().message;
    auto d = TempDir::create("sandbox");
    ASSERT_TRUE(d.ok());
    dir_.emplace(std::move(*d));
  }
  std::string dir() const { return dir_->path().string(); }
  std::optional<TempDir> dir_;
};

TEST_F(SandboxTest, JobDirIsWritableAndVisibleAsTmpJob) {
  auto r = inSandbox("pwd; echo data > made; cat made", dir());
  ASSERT_TRUE(r.ok());
  EXPECT_TRUE(r->exitedOk()) << r->err;
  EXPECT_EQ(r->out, "/tmp/job\ndata\n");
  EXPECT_TRUE(std::filesystem::exists(dir_->path() / "made"));
}

TEST_F(SandboxTest, HostFilesAreInvisible) {
  auto r = inSandbox(
      "for p in /etc/passwd /etc/shadow /root /home " RTLARENA_SOURCE_DIR "; do "
      "  if [ -e $p ]; then echo visible:$p; fi; done; echo done",
      dir());
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->out, "done\n") << r->out;
}

TEST_F(SandboxTest, HostTmpIsPrivate) {
  auto marker = TempDir::create("sandbox-marker");
  ASSERT_TRUE(marker.ok());
  auto r = inSandbox("ls /tmp", dir());
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->out, "job\n");
}

TEST_F(SandboxTest, UsrIsReadOnly) {
  auto r = inSandbox("touch /usr/evil 2>/dev/null && echo wrote || echo refused", dir());
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->out, "refused\n");
}

TEST_F(SandboxTest, NoNetwork) {
  // Only a loopback device exists in a new network namespace, and it is down.
  auto r = inSandbox("cat /proc/net/dev | tail -n +3 | cut -d: -f1 | tr -d ' '", dir());
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->out, "lo\n");
}

TEST_F(SandboxTest, NewPidNamespace) {
  auto r = inSandbox("ls /proc | grep -c '^[0-9]'", dir());
  ASSERT_TRUE(r.ok());
  EXPECT_LE(std::stoi(r->out), 4);  // bwrap's init, sh, ls, grep at most
}

}  // namespace
}  // namespace rtlarena
