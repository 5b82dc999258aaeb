// A run killed with SIGKILL at an arbitrary moment and started again with the same command
// ends with exactly the results of an uninterrupted run: no sample lost, none evaluated twice.
#include <gtest/gtest.h>
#include <signal.h>
#include <sqlite3.h>
#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <thread>

#include "rtlarena/core/files.h"
#include "rtlarena/core/process.h"

namespace rtlarena {
namespace {

namespace fs = std::filesystem;

std::vector<std::string> runArgs(const std::string& out) {
  std::vector<std::string> a = {RTLARENA_BINARY, "run", "--suite", "core", "--model", "bad", "-n", "3",
                                "-j", "2", "--out", out, "--json", "--no-progress"};
  for (const char* t : {"popcount8", "mux4_bus8", "decoder3to8_en", "edge_detect", "sync_fifo8", "uart_tx"}) {
    a.push_back("--task");
    a.push_back(t);
  }
  return a;
}

int countRows(const std::string& db, const char* table) {
  sqlite3* h = nullptr;
  if (sqlite3_open_v2(db.c_str(), &h, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
    sqlite3_close(h);
    return -1;
  }
  sqlite3_busy_timeout(h, 2000);
  sqlite3_stmt* s = nullptr;
  int n = -1;
  if (sqlite3_prepare_v2(h, (std::string("SELECT count(*) FROM ") + table).c_str(), -1, &s, nullptr) == SQLITE_OK &&
      sqlite3_step(s) == SQLITE_ROW)
    n = sqlite3_column_int(s, 0);
  sqlite3_finalize(s);
  sqlite3_close(h);
  return n;
}

std::string dumpEvaluations(const std::string& db) {
  sqlite3* h = nullptr;
  sqlite3_open_v2(db.c_str(), &h, SQLITE_OPEN_READONLY, nullptr);
  sqlite3_stmt* s = nullptr;
  std::string out;
  sqlite3_prepare_v2(h, "SELECT task_id, sample, verdict, cls, mismatches, samples_compared FROM evaluations ORDER BY 1, 2", -1, &s, nullptr);
  while (sqlite3_step(s) == SQLITE_ROW) {
    for (int i = 0; i < 6; ++i) {
      const unsigned char* t = sqlite3_column_text(s, i);
      out += t ? reinterpret_cast<const char*>(t) : "null";
      out += i == 5 ? "\n" : "|";
    }
  }
  sqlite3_finalize(s);
  sqlite3_close(h);
  return out;
}

ProcessResult runToEnd(const std::string& out) {
  ProcessSpec spec;
  spec.argv = runArgs(out);
  spec.workDir = "/tmp";
  spec.env = defaultToolEnv("/tmp");
  spec.deadline = std::chrono::milliseconds(280000);
  auto r = runProcess(spec);
  EXPECT_TRUE(r.ok());
  return r.ok() ? *r : ProcessResult{};
}

TEST(Resume, KilledRunResumesToIdenticalResults) {
  auto dir = TempDir::create("resume");
  ASSERT_TRUE(dir.ok());
  const std::string whole = (dir->path() / "whole").string();
  const std::string killed = (dir->path() / "killed").string();

  ProcessResult reference = runToEnd(whole);
  ASSERT_EQ(reference.exitCode, 0) << reference.err;

  // Start the same run and SIGKILL it once some, but not all, evaluations are stored.
  auto args = runArgs(killed);
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  pid_t pid = fork();
  ASSERT_GE(pid, 0);
  if (pid == 0) {
    int devnull = open("/dev/null", O_WRONLY);
    dup2(devnull, 1);
    dup2(devnull, 2);
    execv(argv[0], argv.data());
    _exit(127);
  }
  const std::string db = killed + "/results.sqlite";
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(120);
  while (std::chrono::steady_clock::now() < deadline) {
    if (fs::exists(db) && countRows(db, "evaluations") >= 4) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  kill(pid, SIGKILL);
  int status = 0;
  waitpid(pid, &status, 0);
  const int before = countRows(db, "evaluations");
  ASSERT_GE(before, 4);
  ASSERT_LT(before, 18) << "the run finished before it could be killed";

  ProcessResult resumed = runToEnd(killed);
  ASSERT_EQ(resumed.exitCode, 0) << resumed.err;
  auto j = nlohmann::json::parse(resumed.out);
  EXPECT_EQ(j["samples"], 18);
  // Only what was missing was evaluated (identical candidates count once).
  EXPECT_LE(j["evaluated_now"].get<int>() + j["reused_now"].get<int>(), 18 - before);
  EXPECT_EQ(dumpEvaluations(db), dumpEvaluations(whole + "/results.sqlite"));
  EXPECT_EQ(countRows(db, "samples"), 18);
}

}  // namespace
}  // namespace rtlarena
