// Lexical scans of Verilog used by the dataset loaders (see verilog_scan.h).
#include "rtlarena/tasks/verilog_scan.h"

#include <cctype>
#include <set>

#include "rtlarena/core/text.h"

namespace rtlarena {
namespace {

bool identStart(char c) { return std::isalpha(static_cast<unsigned char>(c)) || c == '_'; }
bool identChar(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '$'; }

using Token = VerilogToken;

// Identifiers and punctuation of comment-free source; strings become one "\"" token.
std::vector<Token> tokenize(const std::string& s) {
  std::vector<Token> out;
  int line = 1;
  for (std::size_t i = 0; i < s.size();) {
    char c = s[i];
    if (c == '\n') { ++line; ++i; continue; }
    if (std::isspace(static_cast<unsigned char>(c))) { ++i; continue; }
    if (c == '"') {
      std::size_t start = i++;
      while (i < s.size() && s[i] != '"' && s[i] != '\n') i += s[i] == '\\' ? 2 : 1;
      ++i;
      out.push_back({"\"", line, start});
      continue;
    }
    if (identStart(c) || c == '\\' || c == '`' || c == '$') {
      std::size_t start = i++;
      if (c == '\\') while (i < s.size() && !std::isspace(static_cast<unsigned char>(s[i]))) ++i;
      else while (i < s.size() && identChar(s[i])) ++i;
      out.push_back({s.substr(start, i - start), line, start});
      continue;
    }
    if (std::isdigit(static_cast<unsigned char>(c)) || c == '\'') {
      std::size_t start = i++;
      while (i < s.size() && (identChar(s[i]) || s[i] == '\'' || s[i] == '.')) ++i;
      out.push_back({"0", line, start});
      continue;
    }
    out.push_back({std::string(1, c), line, i});
    ++i;
  }
  return out;
}

const std::set<std::string>& keywords() {
  static const std::set<std::string> k = {
      "module", "endmodule", "input", "output", "inout", "wire", "reg", "logic", "bit", "int",
      "integer", "always", "always_ff", "always_comb", "always_latch", "initial", "final",
      "assign", "begin", "end", "if", "else", "case", "casez", "casex", "endcase", "for",
      "while", "repeat", "forever", "function", "endfunction", "task", "endtask", "generate",
      "endgenerate", "genvar", "parameter", "localparam", "typedef", "struct", "enum", "packed",
      "signed", "unsigned", "posedge", "negedge", "or", "and", "not", "xor", "nand", "nor",
      "xnor", "buf", "default", "return", "wait", "fork", "join", "join_any", "join_none",
      "disable", "automatic", "static", "const", "var", "real", "time", "string", "byte",
      "shortint", "longint", "event", "supply0", "supply1", "tri", "assert", "property",
      "import", "export", "package", "endpackage", "interface", "endinterface", "class"};
  return k;
}

}  // namespace

std::string stripComments(const std::string& s) {
  std::string out = s;
  for (std::size_t i = 0; i < out.size();) {
    if (out[i] == '"') {
      ++i;
      while (i < out.size() && out[i] != '"' && out[i] != '\n') i += out[i] == '\\' ? 2 : 1;
      ++i;
    } else if (out.compare(i, 2, "//") == 0) {
      while (i < out.size() && out[i] != '\n') out[i++] = ' ';
    } else if (out.compare(i, 2, "/*") == 0) {
      std::size_t end = out.find("*/", i + 2);
      end = end == std::string::npos ? out.size() : end + 2;
      for (; i < end; ++i)
        if (out[i] != '\n') out[i] = ' ';
    } else {
      ++i;
    }
  }
  return out;
}

std::vector<VerilogToken> verilogTokens(const std::string& source) { return tokenize(stripComments(source)); }

std::vector<ModuleDecl> declaredDesignUnits(const std::string& source) {
  static const std::set<std::string> unitKeywords = {"module", "macromodule", "primitive", "interface",
                                                     "program", "package", "class", "checker", "config"};
  std::vector<ModuleDecl> out;
  auto toks = tokenize(stripComments(source));
  for (std::size_t i = 0; i + 1 < toks.size(); ++i) {
    if (!unitKeywords.count(toks[i].text)) continue;
    // `interface class`, `virtual interface x` and `pure virtual` are not units of their own.
    if (i > 0 && toks[i - 1].text == "typedef") continue;
    if (i > 0 && toks[i - 1].text == "virtual" && toks[i].text == "interface") continue;
    std::size_t j = i + 1;
    if (toks[i].text == "interface" && toks[j].text == "class") continue;
    if (toks[j].text == "automatic" || toks[j].text == "static") ++j;
    if (j < toks.size() && (identStart(toks[j].text[0]) || toks[j].text[0] == '\\'))
      out.push_back({toks[j].text, toks[i].line});
  }
  return out;
}

std::vector<ModuleDecl> declaredModules(const std::string& source) {
  std::vector<ModuleDecl> out;
  auto toks = tokenize(stripComments(source));
  for (std::size_t i = 0; i + 1 < toks.size(); ++i) {
    if (toks[i].text != "module" && toks[i].text != "macromodule") continue;
    std::size_t j = i + 1;
    if (toks[j].text == "automatic" || toks[j].text == "static") ++j;
    if (j < toks.size() && (identStart(toks[j].text[0]) || toks[j].text[0] == '\\'))
      out.push_back({toks[j].text, toks[i].line});
  }
  return out;
}

namespace {

bool isDirection(const std::string& t) { return t == "input" || t == "output" || t == "inout"; }

// A non-ANSI header (`module m(a, b);`) names its ports without declaring them: whether the
// port list, past any `#(...)` parameter list, holds no direction keyword.
bool namesPortsOnly(const std::vector<Token>& toks, std::size_t nameAt, std::size_t headerEnd) {
  std::size_t j = nameAt + 1;
  if (j < headerEnd && toks[j].text == "#") {
    int depth = 0;
    for (++j; j < headerEnd; ++j) {
      if (toks[j].text == "(") ++depth;
      else if (toks[j].text == ")" && --depth == 0) break;
    }
    ++j;
  }
  if (j >= headerEnd || toks[j].text != "(") return false;  // no port list at all
  bool anyPort = false;
  for (++j; j < headerEnd; ++j) {
    if (isDirection(toks[j].text)) return false;
    anyPort |= toks[j].text != ")";
  }
  return anyPort;
}

}  // namespace

std::string moduleHeader(const std::string& source, const std::string& name) {
  const std::string clean = stripComments(source);
  auto toks = tokenize(clean);
  for (std::size_t i = 0; i + 1 < toks.size(); ++i) {
    if (toks[i].text != "module" || toks[i + 1].text != name) continue;
    int depth = 0;
    std::size_t end = 0;
    for (std::size_t j = i + 2; j < toks.size() && end == 0; ++j) {
      if (toks[j].text == "(") ++depth;
      else if (toks[j].text == ")") --depth;
      else if (toks[j].text == ";" && depth == 0) end = j;
    }
    if (end == 0) return {};
    std::string header = source.substr(toks[i].pos, toks[end].pos + 1 - toks[i].pos);
    if (!namesPortsOnly(toks, i + 1, end)) return header;
    // Verilog-1995 style: the ports are declared in the body, so the interface is the header
    // plus those `input`/`output`/`inout` statements (a model, or the empty negative control,
    // needs them to compile).
    bool atItemStart = true;  // a port declaration is a module item of its own
    for (std::size_t j = end + 1; j < toks.size() && toks[j].text != "endmodule"; ++j) {
      const std::string& t = toks[j].text;
      if (t == "function" || t == "task") {  // their inputs are not ports
        const std::string close = "end" + t;
        while (j + 1 < toks.size() && toks[j + 1].text != close && toks[j + 1].text != "endmodule") ++j;
        continue;
      }
      if (isDirection(t) && atItemStart) {
        std::size_t k = j;
        while (k < toks.size() && toks[k].text != ";" && toks[k].text != "endmodule") ++k;
        if (k >= toks.size() || toks[k].text != ";") break;
        header += "\n  " + source.substr(toks[j].pos, toks[k].pos + 1 - toks[j].pos);
        j = k;
      }
      atItemStart = toks[j].text == ";" || startsWith(toks[j].text, "end");
    }
    return header;
  }
  return {};
}

std::vector<std::string> instantiatedModules(const std::string& source) {
  auto toks = tokenize(stripComments(source));
  std::set<std::string> declared;
  for (const auto& m : declaredModules(source)) declared.insert(m.name);
  std::vector<std::string> out;
  std::set<std::string> seen;
  auto isIdent = [](const Token& t) { return identStart(t.text[0]) || t.text[0] == '\\'; };
  for (std::size_t i = 0; i + 2 < toks.size(); ++i) {
    const Token& t = toks[i];
    if (!isIdent(t) || keywords().count(t.text)) continue;
    if (i > 0 && (toks[i - 1].text == "." || toks[i - 1].text == "module" || toks[i - 1].text == "`"))
      continue;
    std::size_t j = i + 1;
    if (toks[j].text == "#") {  // parameter list
      if (j + 1 >= toks.size() || toks[j + 1].text != "(") continue;
      int depth = 0;
      for (j = j + 1; j < toks.size(); ++j) {
        if (toks[j].text == "(") ++depth;
        else if (toks[j].text == ")" && --depth == 0) break;
      }
      ++j;
    }
    if (j + 1 >= toks.size() || !isIdent(toks[j]) || keywords().count(toks[j].text)) continue;
    std::size_t k = j + 1;
    if (toks[k].text == "[") {  // instance array
      while (k < toks.size() && toks[k].text != "]") ++k;
      ++k;
    }
    if (k >= toks.size() || toks[k].text != "(") continue;
    if (declared.count(t.text) || !seen.insert(t.text).second) continue;
    out.push_back(t.text);
  }
  return out;
}

std::string emptyModuleFromHeader(const std::string& header) {
  if (header.empty()) return {};
  return header + "\n  // intentionally empty: the negative control\nendmodule\n";
}

}  // namespace rtlarena
