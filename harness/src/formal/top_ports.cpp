// Reading the top module's inputs and guessing its clock and reset (see
// top_ports.h).
#include "rtlarena/formal/top_ports.h"

#include <algorithm>
#include <cctype>
#include <set>

#include "rtlarena/formal/sv_lexer.h"
#include "rtlarena/tasks/verilog_scan.h"

namespace rtlarena::formal {
namespace {

std::string lower(std::string s) {
  for (auto &c : s)
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

bool endsWith(const std::string &s, const std::string &suffix) {
  return s.size() >= suffix.size() &&
         s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// Among the candidates, the one with an exact conventional name, else the only
// one.
std::string pick(const std::vector<std::string> &candidates,
                 const std::set<std::string> &preferred) {
  if (candidates.size() == 1)
    return candidates[0];
  std::vector<std::string> exact;
  for (const auto &c : candidates)
    if (preferred.count(lower(c)))
      exact.push_back(c);
  return exact.size() == 1 ? exact[0] : "";
}

} // namespace

std::vector<InputPort> topInputs(const std::string &source,
                                 const std::string &top) {
  std::vector<InputPort> inputs;
  const std::string header = moduleHeader(source, top);
  if (header.empty())
    return inputs;
  auto tokens = lexSystemVerilog(header).tokens;
  static const std::set<std::string> typeWords = {
      "wire", "logic", "reg", "bit", "var", "signed", "unsigned", "tri"};
  std::string direction;
  bool wide = false;
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    const Token &t = tokens[i];
    if (t.kind == TokenKind::Ident &&
        (t.text == "input" || t.text == "output" || t.text == "inout")) {
      direction = t.text;
      wide = false;
      continue;
    }
    if (t.kind == TokenKind::Op && (t.text == ";" || t.text == "(")) {
      if (t.text == ";")
        direction.clear();
      continue;
    }
    if (direction != "input")
      continue;
    if (t.kind == TokenKind::Op && t.text == "[") {
      // A packed range: `[0:0]` is still one bit.
      std::size_t j = i;
      std::string range;
      while (j < tokens.size() && tokens[j].text != "]")
        range += tokens[j++].text;
      wide = range != "[0:0" && range != "[0";
      i = j;
      continue;
    }
    if (t.kind == TokenKind::Ident && !typeWords.count(t.text)) {
      inputs.push_back({t.text, !wide});
      // An unpacked dimension after the name: not a scalar.
      if (i + 1 < tokens.size() && tokens[i + 1].text == "[")
        inputs.back().singleBit = false;
    }
  }
  return inputs;
}

std::string inferClock(const std::vector<InputPort> &inputs) {
  std::vector<std::string> c;
  for (const auto &p : inputs) {
    std::string n = lower(p.name);
    if (p.singleBit && (n.find("clk") != std::string::npos ||
                        n.find("clock") != std::string::npos))
      c.push_back(p.name);
  }
  return pick(c, {"clk", "clock", "clk_i", "i_clk", "aclk", "clk_in"});
}

std::string inferReset(const std::vector<InputPort> &inputs,
                       const std::string &clock) {
  std::vector<std::string> c;
  for (const auto &p : inputs) {
    std::string n = lower(p.name);
    if (p.name != clock && p.singleBit &&
        (n.find("rst") != std::string::npos ||
         n.find("reset") != std::string::npos))
      c.push_back(p.name);
  }
  return pick(c, {"rst", "reset", "rst_n", "resetn", "reset_n", "rstn",
                  "rst_ni", "aresetn", "areset", "arst_n"});
}

bool resetNameIsActiveLow(const std::string &name) {
  std::string n = lower(name);
  if (endsWith(n, "_ni") || endsWith(n, "_nb"))
    return true;
  for (const char *suffix : {"_in", "_i"})
    if (endsWith(n, suffix))
      n.resize(n.size() - std::string(suffix).size());
  if (n.empty())
    return false;
  if (endsWith(n, "_b") || endsWith(n, "_l") || n.back() == 'n')
    return true;
  return n[0] == 'n' && (n.find("rst") == 1 || n.find("reset") == 1 ||
                         n.find("_rst") == 1 || n.find("_reset") == 1);
}

} // namespace rtlarena::formal
