// Renaming of the reference's and the testbench's design units for one evaluation (see
// isolation.h for why), and the small lexical facts about a candidate that isolation needs.
#include "rtlarena/eval/isolation.h"

#include <cctype>
#include <cstdio>
#include <map>
#include <random>
#include <set>

#include "rtlarena/core/text.h"
#include "rtlarena/tasks/verilog_scan.h"

namespace rtlarena {
namespace {

std::string bareName(const std::string& token) {
  return !token.empty() && token[0] == '\\' ? token.substr(1) : token;
}

bool isIdentifier(const std::string& token) {
  if (token.empty()) return false;
  const unsigned char c = static_cast<unsigned char>(token[0]);
  return std::isalpha(c) || c == '_' || (c == '\\' && token.size() > 1);
}

// Directives whose next word is a macro name, never a design unit.
bool namesMacro(const std::string& token) {
  return token == "`define" || token == "`undef" || token == "`ifdef" || token == "`ifndef" ||
         token == "`elsif";
}

std::vector<std::string> unitNames(const std::string& source) {
  std::vector<std::string> names;
  for (const auto& u : declaredDesignUnits(source)) names.push_back(bareName(u.name));
  return names;
}

}  // namespace

std::string isolationSuffix() {
  static thread_local std::mt19937_64 rng{[] {
    std::random_device rd;
    return (static_cast<std::uint64_t>(rd()) << 32) ^ rd();
  }()};
  char buf[24];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(rng()));
  return std::string("__rtlarena_") + buf;
}

std::string renameUnits(const std::string& source, const std::vector<std::string>& names,
                        const std::string& suffix) {
  if (names.empty()) return source;
  const std::set<std::string> wanted(names.begin(), names.end());
  const auto toks = verilogTokens(source);
  std::string out;
  out.reserve(source.size() + 64);
  std::size_t copied = 0;
  for (std::size_t i = 0; i < toks.size(); ++i) {
    const auto& t = toks[i];
    if (!isIdentifier(t.text) || !wanted.count(bareName(t.text))) continue;
    if (i > 0 && (toks[i - 1].text == "." || namesMacro(toks[i - 1].text))) continue;
    out.append(source, copied, t.pos - copied);
    out += bareName(t.text) + suffix;
    copied = t.pos + t.text.size();
  }
  out.append(source, copied, std::string::npos);
  return out;
}

IsolatedSources isolateSources(const Task& task, const std::string& code, const std::string& suffix) {
  IsolatedSources iso;
  iso.suffix = suffix;
  const bool withReference = task.compileReference && !task.reference.empty();
  std::set<std::string> names;
  for (const auto& n : unitNames(task.testbench)) names.insert(n);
  if (withReference)
    for (const auto& n : unitNames(task.reference)) names.insert(n);
  names.erase(task.top);  // the testbench instantiates the candidate's top by its own name
  iso.renamed.assign(names.begin(), names.end());

  iso.sources.push_back({"candidate.sv", code});
  SourceFile reference{"reference.sv", withReference ? renameUnits(task.reference, iso.renamed, suffix) : ""};
  SourceFile testbench{"testbench.sv", renameUnits(task.testbench, iso.renamed, suffix)};
  // VerilogEval compiles `sample test ref`: keep its order for its tasks.
  const bool testbenchFirst = task.compatFamily == CompatFamily::VerilogEval;
  if (withReference && !testbenchFirst) iso.sources.push_back(reference);
  iso.sources.push_back(testbench);
  if (withReference && testbenchFirst) iso.sources.push_back(reference);
  iso.top = names.count(task.tbTop) ? task.tbTop + suffix : task.tbTop;
  return iso;
}

std::vector<std::string> duplicateUnits(const std::string& code) {
  std::map<std::string, int> count;
  std::vector<std::string> dup;
  for (const auto& n : unitNames(code))
    if (++count[n] == 2) dup.push_back(n);
  return dup;
}

bool mentionsAny(const std::string& code, const std::vector<std::string>& names) {
  const std::set<std::string> wanted(names.begin(), names.end());
  for (const auto& t : verilogTokens(code))
    if (isIdentifier(t.text) && wanted.count(bareName(t.text))) return true;
  return false;
}

bool namesTheBench(const Task& task, const std::string& code) {
  return mentionsAny(code, isolateSources(task, "", "").renamed);
}

bool usesDelays(const std::string& code) {
  const auto toks = verilogTokens(code);
  for (std::size_t i = 0; i + 1 < toks.size(); ++i)
    if (toks[i].text == "#" && toks[i + 1].text != "(" && toks[i + 1].text != "#") return true;
  return false;
}

bool usesDirectives(const std::string& code) {
  for (const auto& t : verilogTokens(code))
    if (!t.text.empty() && t.text[0] == '`') return true;
  return false;
}

}  // namespace rtlarena
