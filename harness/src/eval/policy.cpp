// The candidate policy. Two independent checks, both on the candidate alone:
//  1. a Verilog token scan (comments, strings and escaped identifiers skipped): every system
//     task or function that is not a pure function of its arguments, file-reading directives,
//     `bind`, DPI imports and $root;
//  2. Verilator's parse of the candidate (`--xml-only`): system-task nodes in the elaborated
//     tree, and hierarchical names that do not resolve inside the candidate's own hierarchy
//     (an upward reference to the testbench fails to resolve when the candidate stands alone).
#include "rtlarena/eval/policy.h"

#include <algorithm>
#include <cctype>
#include <chrono>
#include <filesystem>
#include <set>

#include "rtlarena/core/files.h"
#include "rtlarena/core/text.h"
#include "rtlarena/core/tools.h"

namespace rtlarena {
namespace {

const std::set<std::string>& allowedSystemCalls() {
  static const std::set<std::string> allowed = {
      "$signed", "$unsigned", "$clog2",  "$bits",     "$size",      "$left",      "$right",
      "$low",    "$high",     "$increment", "$dimensions", "$unpacked_dimensions",
      "$countones", "$onehot", "$onehot0", "$isunknown", "$countbits", "$pow", "$floor",
      "$ceil",   "$sqrt",     "$exp",    "$ln",       "$log10",     "$rtoi",      "$itor",
      "$realtobits", "$bitstoreal", "$shortrealtobits", "$bitstoshortreal", "$abs"};
  return allowed;
}

// Verilator XML elements that stand for impure system tasks and functions.
const std::set<std::string>& forbiddenXmlNodes() {
  static const std::set<std::string> nodes = {
      "display",  "finish",   "stop",       "fopen",      "fclose",    "fflush",   "fgetc",
      "fgets",    "fscanf",   "fread",      "frewind",    "fseek",     "ftell",    "feof",
      "ferror",   "readmem",  "writemem",   "system",     "testplusargs", "valueplusargs",
      "dumpctl",  "time",     "timeformat", "printtimescale", "rand",  "sformat",  "sformatf",
      "cstmt",    "cmath",    "monitor",    "strobe",     "ungetc",    "sscanf"};
  return nodes;
}

bool identStart(char c) { return std::isalpha(static_cast<unsigned char>(c)) || c == '_'; }
bool identChar(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '$'; }

}  // namespace

bool isAllowedSystemCall(const std::string& name) { return allowedSystemCalls().count(name) > 0; }

std::string PolicyReport::summary() const {
  std::string s;
  for (const auto& f : findings) {
    if (!s.empty()) s += ", ";
    s += f.construct;
    if (f.line > 0) s += " (line " + std::to_string(f.line) + ")";
  }
  return s;
}

std::vector<PolicyFinding> scanTokens(const std::string& code) {
  std::vector<PolicyFinding> out;
  int line = 1;
  const std::size_t n = code.size();
  std::string prevIdent;
  for (std::size_t i = 0; i < n;) {
    char c = code[i];
    if (c == '\n') { ++line; ++i; continue; }
    if (c == '/' && i + 1 < n && code[i + 1] == '/') {
      while (i < n && code[i] != '\n') ++i;
      continue;
    }
    if (c == '/' && i + 1 < n && code[i + 1] == '*') {
      i += 2;
      while (i + 1 < n && !(code[i] == '*' && code[i + 1] == '/')) { if (code[i] == '\n') ++line; ++i; }
      i += 2;
      continue;
    }
    if (c == '"') {
      ++i;
      while (i < n && code[i] != '"') {
        if (code[i] == '\\') ++i;
        else if (code[i] == '\n') ++line;
        ++i;
      }
      ++i;
      continue;
    }
    if (c == '\\') {  // escaped identifier: up to white space
      while (i < n && !std::isspace(static_cast<unsigned char>(code[i]))) ++i;
      prevIdent.clear();
      continue;
    }
    if (c == '$') {
      std::size_t j = i + 1;
      while (j < n && identChar(code[j])) ++j;
      std::string name = code.substr(i, j - i);
      if (name == "$root" || name == "$unit") out.push_back({name + " reference", line});
      else if (name.size() > 1 && !isAllowedSystemCall(name)) out.push_back({name, line});
      i = j;
      continue;
    }
    if (c == '`') {
      std::size_t j = i + 1;
      while (j < n && identChar(code[j])) ++j;
      std::string directive = code.substr(i, j - i);
      if (directive == "`include") out.push_back({"`include", line});
      i = j;
      continue;
    }
    if (identStart(c)) {
      std::size_t j = i + 1;
      while (j < n && identChar(code[j])) ++j;
      std::string word = code.substr(i, j - i);
      if (word == "bind") out.push_back({"bind", line});
      if (word == "config") out.push_back({"config", line});  // could map instances to other modules
      if (word == "import") {
        std::size_t k = j;
        while (k < n && std::isspace(static_cast<unsigned char>(code[k]))) ++k;
        if (code.compare(k, 5, "\"DPI") == 0) out.push_back({"DPI import", line});
      }
      prevIdent = word;
      i = j;
      continue;
    }
    ++i;
  }
  return out;
}

Result<PolicyReport> checkPolicy(const std::string& code, const std::string& top,
                                 const std::string& jobDir, const SandboxConfig& sandbox) {
  namespace fs = std::filesystem;
  const auto start = std::chrono::steady_clock::now();
  PolicyReport report;
  report.findings = scanTokens(code);

  const fs::path dir = fs::path(jobDir) / "policy";
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (auto s = writeFile(dir / "candidate.sv", code); !s) return s.error();

  ProcessSpec spec;
  const VerilatorBinary& direct = verilatorBinary();
  spec.argv = {direct.bin.empty() ? "verilator" : direct.bin,
               "--xml-only",  "-Wno-fatal", "-Wno-lint", "-Wno-style",
               "--top-module", top, "--xml-output", "parsed.xml", "--Mdir", "obj",
               "candidate.sv"};
  spec.workDir = dir.string();
  spec.env = defaultToolEnv(spec.workDir);
  if (!direct.bin.empty()) spec.env["VERILATOR_ROOT"] = direct.root;
  spec.deadline = std::chrono::milliseconds(15000);
  spec.limits.addressSpace = 2ull << 30;
  spec.limits.fileSize = 64ull << 20;
  auto r = runSandboxed(spec, sandbox);
  if (!r) return r.error();

  auto addUnique = [&](PolicyFinding f) {
    for (const auto& g : report.findings)
      if (g.construct == f.construct && g.line == f.line) return;
    report.findings.push_back(std::move(f));
  };

  const std::string log = r->combined();
  for (auto lineText : splitLines(log)) {
    if (!startsWith(lineText, "%Error")) continue;
    int lineNo = 0;
    std::size_t p = lineText.find("candidate.sv:");
    if (p != std::string_view::npos) lineNo = std::atoi(std::string(lineText.substr(p + 13)).c_str());
    std::size_t q = lineText.rfind(": ");
    std::string what = q == std::string_view::npos ? "" : std::string(lineText.substr(q + 2));
    const std::string text(trim(lineText));
    // "%Error: candidate.sv:5:17: Can't find definition of scope/variable: 'tb'"
    if (contains(lineText, "Can't find definition") && (contains(lineText, "scope") || contains(lineText, "dotted"))) {
      addUnique({"hierarchical reference " + what + " outside the candidate", lineNo});
    } else if (contains(lineText, "In defparam, instance")) {
      // "%Error: candidate.sv:2:23: In defparam, instance tb never declared"
      std::size_t a = lineText.find("instance ") + 9, b = lineText.find(" never");
      addUnique({"defparam of '" + std::string(lineText.substr(a, b - a)) + "' outside the candidate", lineNo});
    } else if (contains(lineText, "Define or directive not defined")) {
      report.standaloneErrors.push_back({"undefined_macro", text});
    } else if (contains(lineText, "Can't find definition")) {
      report.standaloneErrors.push_back({"undeclared_identifier", text});
    } else if (contains(lineText, "Cannot find file containing module") || contains(lineText, "Can't resolve module reference")) {
      report.standaloneErrors.push_back({"unknown_module", text});
    }
  }

  if (r->exitedOk()) {
    report.parsed = true;
    auto xml = readFile(dir / "parsed.xml");
    if (xml) {
      const std::string& x = *xml;
      for (std::size_t i = x.find('<'); i != std::string::npos; i = x.find('<', i + 1)) {
        std::size_t j = i + 1;
        while (j < x.size() && (std::isalnum(static_cast<unsigned char>(x[j])) || x[j] == '_')) ++j;
        std::string node = x.substr(i + 1, j - i - 1);
        if (!forbiddenXmlNodes().count(node)) continue;
        int lineNo = 0;
        std::size_t loc = x.find("loc=\"", j);
        std::size_t close = x.find('>', j);
        if (loc != std::string::npos && loc < close) {
          std::size_t comma = x.find(',', loc);
          if (comma != std::string::npos) lineNo = std::atoi(x.c_str() + comma + 1);
        }
        std::string name = "$" + node;
        std::size_t dt = x.find("displaytype=\"", j);
        if (dt != std::string::npos && dt < close) {
          std::size_t e = x.find('"', dt + 13);
          name = x.substr(dt + 13, e - dt - 13);
        }
        bool seen = false;  // the token scan already named a system call on this line
        for (const auto& f : report.findings)
          if (f.line == lineNo && !f.construct.empty() && f.construct[0] == '$') seen = true;
        if (!seen) addUnique({name, lineNo});
      }
    }
  } else {
    report.parserLog = tailLines(log, 20);
  }
  // The token scan and the parse may report one construct twice with different names; keep
  // the list sorted by line for a stable message.
  std::stable_sort(report.findings.begin(), report.findings.end(),
                   [](const PolicyFinding& a, const PolicyFinding& b) { return a.line < b.line; });
  report.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return report;
}

}  // namespace rtlarena
