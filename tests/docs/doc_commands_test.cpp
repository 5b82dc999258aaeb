// The examples are the test: every `rtlarena ...` line of a ```sh block in README.md and
// docs/*.md runs as written (docs/CLI.md, "Runnable examples"). Lines run in order, one
// scratch folder per file, with the repository's datasets/, designs/ and tests/ linked in, so that
// an example may use what an earlier one wrote (`export runs/mine` after `run --out runs/mine`).
// A line marked `# needs: network|dataset|long|files` is not run; its command must still exist
// and know every flag the line uses (hidden older spellings do not count: docs use the new).
#include <gtest/gtest-spi.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <regex>
#include <set>

#include "rtlarena/core/files.h"
#include "rtlarena/core/process.h"
#include "rtlarena/core/text.h"

#include "../support/rtlarena_cli.h"

namespace rtlarena {
namespace {

namespace fs = std::filesystem;
const fs::path kSource = RTLARENA_SOURCE_DIR;

struct Example {
  std::string file;
  int line = 0;
  std::string command;        ///< without the comment
  std::vector<std::string> argv;
  std::string needs;          ///< the `# needs:` marker, empty when runnable
  std::set<int> allowed = {0};
};

// Shell-like words: blanks separate, '...' and "..." quote.
std::vector<std::string> words(const std::string& s) {
  std::vector<std::string> out;
  std::string cur;
  bool any = false;
  char quote = 0;
  for (char c : s) {
    if (quote) {
      if (c == quote) quote = 0;
      else cur += c;
    } else if (c == '\'' || c == '"') {
      quote = c, any = true;
    } else if (c == ' ' || c == '\t') {
      if (any || !cur.empty()) out.push_back(cur);
      cur.clear(), any = false;
    } else {
      cur += c;
    }
  }
  if (any || !cur.empty()) out.push_back(cur);
  return out;
}

std::vector<Example> examplesOf(const fs::path& file) {
  std::vector<Example> out;
  auto text = readFile(file);
  EXPECT_TRUE(text.ok()) << file;
  if (!text) return out;
  auto lines = splitLines(*text);
  bool inSh = false;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    std::string line(lines[i]);
    if (startsWith(line, "```")) {
      inSh = !inSh && line == "```sh";
      continue;
    }
    if (!inSh || !startsWith(line, "rtlarena ")) continue;
    Example e;
    e.file = file.filename().string();
    e.line = static_cast<int>(i + 1);
    std::string full = line;
    while (!full.empty() && full.back() == '\\' && i + 1 < lines.size()) full.pop_back(), full += std::string(lines[++i]);
    std::string comment;
    if (auto hash = full.find(" #"); hash != std::string::npos) comment = full.substr(hash), full = full.substr(0, hash);
    e.command = std::string(trim(full));
    std::smatch m;
    if (std::regex_search(comment, m, std::regex(R"(# needs: ([a-z]+))"))) e.needs = m[1];
    if (std::regex_search(comment, m, std::regex(R"(# exit: ([0-9]+))"))) e.allowed = {std::stoi(m[1])};
    e.argv = words(e.command);
    out.push_back(e);
  }
  return out;
}

ProcessResult rtlarena(const std::vector<std::string>& args, const fs::path& cwd) {
  return ::rtlarena::test_support::runRtlarena(args, {cwd, {{"RTLARENA_CACHE", (cwd / ".cache").string()}}});
}

// The command words before the first flag or argument: "run", "fuzz replay", "list".
std::vector<std::string> commandOf(const Example& e) {
  std::vector<std::string> c = {e.argv.at(1)};
  if (c[0] == "fuzz" && e.argv.size() > 2 && (e.argv[2] == "replay" || e.argv[2] == "inject" || e.argv[2] == "calibrate"))
    c.push_back(e.argv[2]);
  if (c[0] == "slurm" && e.argv.size() > 2) c.push_back(e.argv[2]);
  return c;
}

void expectFlagsKnown(const Example& e, const fs::path& cwd) {
  auto help = commandOf(e);
  help.push_back("--help");
  ProcessResult h = rtlarena(help, cwd);
  ASSERT_EQ(h.exitCode, 0) << e.file << ":" << e.line << ": " << e.command << "\n" << h.err;
  // `slurm run|fuzz|mutate` passes the command's flags on
  if (help[0] == "slurm" && help.size() == 3) h.out += rtlarena({help[1], "--help"}, cwd).out;
  for (std::size_t i = 2; i < e.argv.size(); ++i) {
    std::string flag = e.argv[i];
    if (flag.size() < 2 || flag[0] != '-') continue;
    flag = flag.substr(0, flag.find('='));
    const std::regex known("(^|[\\s,])" + std::regex_replace(flag, std::regex(R"([-])"), R"(\-)") + "([\\s,=]|$)");
    EXPECT_TRUE(std::regex_search(h.out, known)) << e.file << ":" << e.line << ": " << flag << " is not in --help of "
                                                 << help[0] << ": " << e.command;
  }
}

void checkFile(const fs::path& doc) {
  auto examples = examplesOf(doc);
  if (examples.empty()) return;
  auto scratch = TempDir::create("docs");
  ASSERT_TRUE(scratch.ok());
  for (const char* dir : {"datasets", "designs", "tests"}) fs::create_directory_symlink(kSource / dir, scratch->path() / dir);
  for (const auto& e : examples) {
    ASSERT_GE(e.argv.size(), 2u) << e.file << ":" << e.line;
    if (!e.needs.empty()) {
      EXPECT_TRUE(std::set<std::string>({"network", "dataset", "long", "files"}).count(e.needs))
          << e.file << ":" << e.line << ": unknown marker '" << e.needs << "'";
      expectFlagsKnown(e, scratch->path());
      continue;
    }
    std::vector<std::string> args(e.argv.begin() + 1, e.argv.end());
    ProcessResult r = rtlarena(args, scratch->path());
    EXPECT_TRUE(e.allowed.count(r.exitCode)) << e.file << ":" << e.line << ": `" << e.command << "` exited "
                                             << r.exitCode << "\n" << r.err.substr(0, 2000);
  }
}

TEST(DocCommands, ReadmeExamplesRunAsWritten) { checkFile(kSource / "README.md"); }

TEST(DocCommands, DocsExamplesRunAsWritten) {
  for (const auto& e : fs::directory_iterator(kSource / "docs"))
    if (e.path().extension() == ".md") checkFile(e.path());
}

// The checker itself: an example that fails, or a skipped one with a flag its command does not
// know, is caught.
TEST(DocCommands, AFailingOrMisspeltExampleIsCaught) {
  auto dir = TempDir::create("docs-neg");
  ASSERT_TRUE(dir.ok());
  ASSERT_TRUE(writeFile(dir->path() / "bad.md", "```sh\nrtlarena list tasks --suite nosuch\n```\n").ok());
  EXPECT_NONFATAL_FAILURE(checkFile(dir->path() / "bad.md"), "exited 3");
  ASSERT_TRUE(writeFile(dir->path() / "flag.md", "```sh\nrtlarena run --no-such-flag  # needs: long\n```\n").ok());
  EXPECT_NONFATAL_FAILURE(checkFile(dir->path() / "flag.md"), "--no-such-flag is not in --help");
  ASSERT_TRUE(writeFile(dir->path() / "old.md", "```sh\nrtlarena audit --suite core --errata-out e.json  # needs: long\n```\n").ok());
  EXPECT_NONFATAL_FAILURE(checkFile(dir->path() / "old.md"), "--errata-out is not in --help");
}

}  // namespace
}  // namespace rtlarena
