// The control cache: a control's verdict comes back for the same task, mode, input and settings,
// and for nothing else.
#include <gtest/gtest.h>

#include <filesystem>

#include "rtlarena/core/files.h"
#include "rtlarena/run/control_cache.h"

namespace rtlarena {
namespace {

namespace fs = std::filesystem;

Task task() {
  Task t;
  t.id = "t";
  t.reference = "module RefModule; endmodule\n";
  t.testbench = "module tb; endmodule\n";
  return t;
}

ModeResult mismatch() {
  ModeResult r;
  r.eval.verdict = Verdict::Mismatch;
  r.eval.cls = "functional";
  r.eval.mismatches = 3;
  r.eval.samples = 40;
  r.eval.simulator = "icarus";
  r.input = "module TopModule; endmodule\n";
  return r;
}

TEST(ControlCache, AVerdictComesBackForTheSameTaskModeInputAndSettings) {
  auto dir = TempDir::create("ctlcache");
  ASSERT_TRUE(dir.ok());
  ControlCache cache(dir->path().string(), "icarus");
  ModeJob job;
  job.input = mismatch().input;
  EXPECT_FALSE(cache.get(task(), "native", job));
  cache.put(task(), "native", job, mismatch());
  auto back = cache.get(task(), "native", job);
  ASSERT_TRUE(back);
  EXPECT_EQ(back->eval.verdict, Verdict::Mismatch);
  EXPECT_EQ(back->eval.mismatches, 3);
  EXPECT_EQ(back->eval.samples, 40);
  EXPECT_EQ(back->eval.simulator, "icarus");
}

TEST(ControlCache, AnythingElseIsAMiss) {
  auto dir = TempDir::create("ctlcache");
  ASSERT_TRUE(dir.ok());
  ControlCache cache(dir->path().string(), "icarus");
  ModeJob job;
  job.input = mismatch().input;
  cache.put(task(), "native", job, mismatch());

  EXPECT_FALSE(cache.get(task(), "verilogeval", job));               // another mode
  ModeJob other = job;
  other.input += "// changed\n";
  EXPECT_FALSE(cache.get(task(), "native", other));                  // another input
  ModeJob trusted = job;
  trusted.trusted = true;
  EXPECT_FALSE(cache.get(task(), "native", trusted));                // judged without the policy
  Task edited = task();
  edited.testbench += "// a changed bench\n";
  EXPECT_FALSE(cache.get(edited, "native", job));                    // another bench
  EXPECT_FALSE(ControlCache(dir->path().string(), "verilator").get(task(), "native", job));  // settings
  EXPECT_FALSE(ControlCache("", "icarus").get(task(), "native", job));                       // disabled
}

TEST(ControlCache, ADamagedEntryIsAMiss) {
  auto dir = TempDir::create("ctlcache");
  ASSERT_TRUE(dir.ok());
  ControlCache cache(dir->path().string(), "icarus");
  ModeJob job;
  job.input = mismatch().input;
  cache.put(task(), "native", job, mismatch());
  for (const auto& e : fs::directory_iterator(dir->path())) ASSERT_TRUE(writeFile(e.path(), "{not json").ok());
  EXPECT_FALSE(cache.get(task(), "native", job));
}

}  // namespace
}  // namespace rtlarena
