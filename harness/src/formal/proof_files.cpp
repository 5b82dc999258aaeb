// Building the files of a proof run (see proof_files.h).
//
// The order of the Yosys passes matters: `prep` elaborates and checks (strict:
// -noautowire makes an undeclared name an error); `flatten` so bound checkers
// see the design's signals; `async2sync` and `dffunmap` turn every flip-flop
// into the plain kind the AIGER writer knows; `setundef -anyseq` makes undriven
// wires and X constants free inputs, as a formal tool treats them; `delete
// -output` leaves the assertions as the model's only outputs; the design is
// saved once, then reloaded per assertion with the other assertions deleted.
#include "rtlarena/formal/proof_files.h"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <sstream>

#include "rtlarena/formal/sv_lexer.h"

namespace rtlarena::formal {
namespace {

std::string safeName(const std::string &path) {
  std::string base = std::filesystem::path(path).filename().string();
  std::string out;
  for (char c : base)
    out += std::isalnum(static_cast<unsigned char>(c)) || c == '.' ||
                   c == '_' || c == '-'
               ? c
               : '_';
  return out.empty() ? "file.sv" : out;
}

std::string oneLine(std::string s) {
  for (auto &c : s)
    if (c == '\n' || c == '\r')
      c = ' ';
  return s;
}

// Byte offset of the `endmodule` that closes `module name`, or npos.
std::size_t endmoduleOf(const std::string &text, const std::string &name) {
  auto tokens = lexSystemVerilog(text).tokens;
  for (std::size_t i = 0; i + 1 < tokens.size(); ++i) {
    if ((tokens[i].text != "module" && tokens[i].text != "macromodule") ||
        tokens[i + 1].text != name)
      continue;
    for (std::size_t j = i + 2; j < tokens.size(); ++j)
      if (tokens[j].kind == TokenKind::Ident && tokens[j].text == "endmodule")
        return tokens[j].begin;
    return std::string::npos;
  }
  return std::string::npos;
}

int lineOf(const std::string &text, std::size_t offset) {
  int line = 1;
  for (std::size_t i = 0; i < offset && i < text.size(); ++i)
    line += text[i] == '\n';
  return line;
}

std::string includeName(const std::string &module) {
  return "rtlarena_in_" + safeName(module) + ".vh";
}

} // namespace

LineOrigin ProofFiles::locate(const std::string &file, int line) const {
  if (auto it = includeLines.find(file); it != includeLines.end()) {
    if (line >= 1 && line <= static_cast<int>(it->second.size()))
      return it->second[line - 1];
    return {};
  }
  if (auto it = designIndex.find(file); it != designIndex.end()) {
    int original = line;
    if (auto ins = designInsertions.find(file);
        ins != designInsertions.end() && line > ins->second.afterLine)
      original = std::max(ins->second.afterLine, line - ins->second.added);
    return {LineOrigin::Kind::Design, it->second, original};
  }
  if (auto it = propsIndex.find(file); it != propsIndex.end() && props) {
    const int f = it->second;
    for (std::size_t a = 0; a < props->assertions.size(); ++a) {
      const auto &x = props->assertions[a];
      if (x.file == f && x.scope.size() && line >= x.line && line <= x.endLine)
        return {LineOrigin::Kind::Assertion, static_cast<int>(a), line};
    }
    for (std::size_t m = 0; m < props->modules.size(); ++m) {
      const auto &x = props->modules[m];
      if (x.file == f && line >= x.line && line <= x.endLine)
        return {LineOrigin::Kind::Module, static_cast<int>(m), line};
    }
    return {LineOrigin::Kind::PropsFile, f, line};
  }
  return {};
}

ProofFiles buildProofFiles(const ProofInputs &in, std::set<int> &badBinds) {
  ProofFiles out;
  out.props = in.props;
  const PropsSet &props = *in.props;

  // What goes into each module of the design: bound checker instances,
  // top-scope monitors.
  std::map<std::string, std::vector<std::pair<std::string, LineOrigin>>>
      inserts;
  std::set<std::string> liveModules;
  for (std::size_t m = 0; m < props.modules.size(); ++m)
    if (!in.deadModules.count(static_cast<int>(m)))
      liveModules.insert(props.modules[m].name);
  for (std::size_t b = 0; b < props.binds.size(); ++b) {
    const BindItem &bind = props.binds[b];
    if (bind.issue || in.deadBinds.count(static_cast<int>(b)) ||
        !liveModules.count(bind.module))
      continue;
    inserts[bind.target].push_back(
        {oneLine(bind.instanceText),
         {LineOrigin::Kind::Bind, static_cast<int>(b), bind.line}});
  }
  if (!in.reset.empty()) {
    const std::string active = in.resetActiveHigh ? "1'b1" : "1'b0";
    const std::string idle = in.resetActiveHigh ? "1'b0" : "1'b1";
    inserts[in.top].push_back({"always @* if ($initstate) assume (" + in.reset +
                                   " == " + active + "); else assume (" +
                                   in.reset + " == " + idle + ");",
                               {LineOrigin::Kind::Reset, 0, 0}});
  }
  for (const auto &[index, code] : in.monitors) {
    const PropsAssertion &a = props.assertions[index];
    if (a.scope.empty())
      inserts[in.top].push_back(
          {code, {LineOrigin::Kind::Assertion, index, a.line}});
  }

  std::set<std::string> placed;
  for (std::size_t d = 0; d < in.design->size(); ++d) {
    const SourceFile &src = (*in.design)[d];
    std::string name = "design" + std::to_string(d) + "_" + safeName(src.name);
    std::string text = src.text;
    int insertedAfter = 0, added = 0;
    // Insert from the back so earlier offsets stay valid.
    std::vector<std::pair<std::size_t, std::string>> points;
    for (const auto &[module, lines] : inserts) {
      if (placed.count(module))
        continue;
      std::size_t at = endmoduleOf(text, module);
      if (at == std::string::npos)
        continue;
      placed.insert(module);
      points.push_back({at, module});
    }
    std::sort(points.begin(), points.end(),
              [](const auto &a, const auto &b) { return a.first > b.first; });
    for (const auto &[at, module] : points) {
      text.insert(at, "\n`include \"" + includeName(module) + "\"\n");
      if (!insertedAfter || lineOf(text, at) < insertedAfter)
        insertedAfter = lineOf(text, at);
      added += 2;
    }
    out.designIndex[name] = static_cast<int>(d);
    if (added)
      out.designInsertions[name] = {insertedAfter, added};
    out.files.push_back({name, text});
    out.sources.push_back(name);
  }
  for (const auto &[module, lines] : inserts) {
    if (!placed.count(module)) {
      for (const auto &[code, origin] : lines)
        if (origin.kind == LineOrigin::Kind::Bind)
          badBinds.insert(origin.index);
      continue;
    }
    std::string text;
    std::vector<LineOrigin> origins;
    for (const auto &[code, origin] : lines) {
      text += code + "\n";
      origins.push_back(origin);
    }
    out.files.push_back({includeName(module), text});
    out.includeLines[includeName(module)] = origins;
  }

  // The property files: cut items become blank lines, live assertions become
  // their monitors.
  std::map<std::pair<int, std::size_t>, int> assertionAt;
  for (std::size_t a = 0; a < props.assertions.size(); ++a)
    assertionAt[{props.assertions[a].file, props.assertions[a].begin}] =
        static_cast<int>(a);
  for (std::size_t f = 0; f < props.files.size(); ++f) {
    const PropsFileText &pf = props.files[f];
    std::string text = pf.text;
    auto ranges = pf.cutRanges;
    std::sort(ranges.begin(), ranges.end());
    std::string result;
    std::size_t pos = 0;
    for (const auto &[b, e] : ranges) {
      if (b < pos)
        continue;
      result += text.substr(pos, b - pos);
      auto it = assertionAt.find({static_cast<int>(f), b});
      if (it != assertionAt.end() && in.monitors.count(it->second) &&
          !props.assertions[it->second].scope.empty())
        result += in.monitors.at(it->second);
      for (std::size_t k = b; k < e; ++k)
        if (text[k] == '\n')
          result += '\n';
      pos = e;
    }
    result += text.substr(std::min(pos, text.size()));
    // Checker modules dropped after an error disappear, line count kept.
    for (int m : in.deadModules) {
      const CheckerModule &mod = props.modules[m];
      if (mod.file != static_cast<int>(f))
        continue;
      int line = 1;
      for (auto &c : result) {
        if (c == '\n')
          ++line;
        else if (line >= mod.line && line <= mod.endLine)
          c = ' ';
      }
    }
    if (in.deadFiles.count(static_cast<int>(f)))
      for (auto &c : result)
        if (c != '\n')
          c = ' ';
    std::string name = "props" + std::to_string(f) + "_" + safeName(pf.name);
    out.propsIndex[name] = static_cast<int>(f);
    out.files.push_back({name, result});
    out.sources.push_back(name);
  }
  return out;
}

namespace {

void readAndElaborate(std::ostringstream &s, const ProofFiles &files,
                      const std::string &top) {
  s << "read_verilog -sv -formal -noautowire -I .";
  for (const auto &f : files.sources)
    s << " " << f;
  s << "\n"
    << "prep -top " << top << "\n"
    << "flatten\n"
    << "async2sync\n"
    << "dffunmap\n"
    << "setundef -undriven -anyseq\n"
    << "setundef -anyseq\n"
    << "delete t:$cover\n";
}

} // namespace

std::string aigerScript(const ProofFiles &files, const std::string &top) {
  std::ostringstream s;
  readAndElaborate(s, files, top);
  // The failure flags become the only outputs; assertion cells go (their flags
  // say the same), assumptions stay and become AIGER constraints.
  s << "delete -output\n"
    << "expose w:*rtlarena_a*_fail\n"
    << "tee -q -o flags.txt select -list w:*rtlarena_a*_fail\n"
    << "delete t:$assert\n"
    << "memory_map\n"
    << "opt_clean\n"
    << "techmap\n"
    << "opt -fast -nosdff -nodffe\n"
    << "dffunmap\n"
    << "aigmap\n"
    << "opt_clean\n"
    << "write_aiger -zinit -map model.map model.aig\n";
  return s.str();
}

std::map<std::string, std::vector<int>>
aigerOutputsByLabel(const std::string &mapText) {
  std::map<std::string, std::vector<int>> out;
  std::istringstream in(mapText);
  std::string kind, name;
  int index = 0, bit = 0;
  while (in >> kind) {
    if (kind.find('/') !=
        std::string::npos) { // a `select -list` line: module/wire
      name = kind;
      index = -1;
    } else if (kind != "output") {
      std::getline(in, name);
      continue;
    } else {
      in >> index >> bit >> name;
    }
    auto dot = name.find_last_of("./");
    std::string wire = dot == std::string::npos ? name : name.substr(dot + 1);
    const std::string suffix = "_fail";
    if (wire.size() <= suffix.size() ||
        wire.compare(wire.size() - suffix.size(), suffix.size(), suffix) != 0)
      continue;
    auto &indices = out[wire.substr(0, wire.size() - suffix.size())];
    if (index >= 0)
      indices.push_back(index);
  }
  return out;
}

std::string smt2Script(const ProofFiles &files, const std::string &top,
                       const std::string &label) {
  std::ostringstream s;
  readAndElaborate(s, files, top);
  s << "delete t:$assert */c:*" << label << " %d\n"
    << "opt_clean\n"
    << "write_smt2 -wires model.smt2\n";
  return s.str();
}

} // namespace rtlarena::formal
