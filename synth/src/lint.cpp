// The unsynthesizable-construct scan: a small Verilog tokenizer (comments, strings, escaped
// identifiers skipped) and a walk over `initial` / `always` statements. System tasks come from
// the harness's policy scanner so the two lists of allowed functions cannot drift apart.
#include "rtlarena/synth/lint.h"

#include <cctype>
#include <cstddef>

#include "rtlarena/eval/policy.h"

namespace rtlarena::synth {
namespace {

struct Token {
  std::string text;
  int line = 0;
};

bool identChar(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '$'; }

std::vector<Token> tokenize(const std::string& s) {
  std::vector<Token> out;
  int line = 1;
  std::size_t i = 0, n = s.size();
  while (i < n) {
    char c = s[i];
    if (c == '\n') { ++line; ++i; continue; }
    if (std::isspace(static_cast<unsigned char>(c))) { ++i; continue; }
    if (c == '/' && i + 1 < n && s[i + 1] == '/') {
      while (i < n && s[i] != '\n') ++i;
      continue;
    }
    if (c == '/' && i + 1 < n && s[i + 1] == '*') {
      i += 2;
      while (i + 1 < n && !(s[i] == '*' && s[i + 1] == '/')) line += s[i++] == '\n';
      i += 2;
      continue;
    }
    if (c == '"') {
      ++i;
      while (i < n && s[i] != '"') {
        if (s[i] == '\\') ++i;
        else if (s[i] == '\n') ++line;
        ++i;
      }
      ++i;
      continue;
    }
    if (c == '\\') {  // escaped identifier: up to white space
      std::size_t j = i;
      while (j < n && !std::isspace(static_cast<unsigned char>(s[j]))) ++j;
      out.push_back({s.substr(i, j - i), line});
      i = j;
      continue;
    }
    if (identChar(c) || c == '`') {
      std::size_t j = i + 1;
      while (j < n && identChar(s[j])) ++j;
      out.push_back({s.substr(i, j - i), line});
      i = j;
      continue;
    }
    out.push_back({std::string(1, c), line});
    ++i;
  }
  return out;
}

// One past the last token of the statement starting at `i`: a begin/end or fork/join block,
// or tokens up to the `;` outside parentheses.
std::size_t statementEnd(const std::vector<Token>& t, std::size_t i) {
  // Event or delay controls in front of the statement belong to it.
  if (i < t.size() && (t[i].text == "begin" || t[i].text == "fork")) {
    int depth = 0;
    for (std::size_t j = i; j < t.size(); ++j) {
      const std::string& x = t[j].text;
      if (x == "begin" || x == "fork") ++depth;
      else if (x == "end" || x == "join" || x == "join_any" || x == "join_none") {
        if (--depth == 0) return j + 1;
      }
    }
    return t.size();
  }
  int paren = 0;
  for (std::size_t j = i; j < t.size(); ++j) {
    const std::string& x = t[j].text;
    if (x == "(") ++paren;
    else if (x == ")") --paren;
    else if (x == "begin" || x == "fork") return statementEnd(t, j);
    else if (x == ";" && paren <= 0) return j + 1;
  }
  return t.size();
}

std::string timingIn(const std::vector<Token>& t, std::size_t from, std::size_t to, int& line) {
  for (std::size_t j = from; j < to; ++j) {
    const std::string& x = t[j].text;
    if (x == "#" || x == "@" || x == "wait" || x == "forever") {
      line = t[j].line;
      std::string what = x;
      if ((x == "#" || x == "@") && j + 1 < to) what += t[j + 1].text;
      return what;
    }
  }
  return "";
}

}  // namespace

std::vector<SynthFinding> findUnsynthesizable(const std::string& code) {
  std::vector<SynthFinding> out;
  const std::vector<Token> t = tokenize(code);
  for (std::size_t i = 0; i < t.size(); ++i) {
    if (t[i].text == "initial") {
      std::size_t end = statementEnd(t, i + 1);
      int line = 0;
      std::string what = timingIn(t, i + 1, end, line);
      if (!what.empty()) out.push_back({"initial_timing", what + " in initial", line});
      i = end - 1;
    } else if (t[i].text == "always" && i + 1 < t.size() && t[i + 1].text == "#") {
      out.push_back({"always_timing", "always #" + (i + 2 < t.size() ? t[i + 2].text : std::string()), t[i].line});
    }
  }
  for (const auto& f : scanTokens(code))
    if (!f.construct.empty() && f.construct[0] == '$' && f.construct.find(' ') == std::string::npos)
      out.push_back({"system_task", f.construct, f.line});
  return out;
}

}  // namespace rtlarena::synth
