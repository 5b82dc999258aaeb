// VerilogEval v2's answer extraction, reimplemented line by line from its published behaviour
// (scripts/sv-generate of NVlabs/verilog-eval): Python's splitlines/strip semantics, the
// two-pass fence/module logic and the notes it appends. Kept apart from our native extractor
// (extract.cpp), whose behaviour differs on purpose.
#include <string_view>
#include <vector>

#include "rtlarena/core/text.h"
#include "rtlarena/eval/verilogeval_compat.h"

namespace rtlarena {
namespace {

// The answer is UTF-8 and the original works on Python str (code points), so its line breaks
// and whitespace include a few non-ASCII characters: NEL U+0085, LINE/PARAGRAPH SEPARATOR
// U+2028/U+2029 (both), NBSP U+00A0 and the other Unicode spaces (strip only).

// Length of the str.splitlines() boundary starting at s[i], or 0.
std::size_t lineBreakAt(std::string_view s, std::size_t i) {
  const unsigned char c = static_cast<unsigned char>(s[i]);
  if (c == '\r') return i + 1 < s.size() && s[i + 1] == '\n' ? 2 : 1;
  if (c == '\n' || c == '\v' || c == '\f' || c == 0x1c || c == 0x1d || c == 0x1e) return 1;
  if (s.compare(i, 2, "\xC2\x85") == 0) return 2;
  if (s.compare(i, 3, "\xE2\x80\xA8") == 0 || s.compare(i, 3, "\xE2\x80\xA9") == 0) return 3;
  return 0;
}

// Python str.splitlines(): no empty last line for a trailing break.
std::vector<std::string> pySplitLines(const std::string& s) {
  std::vector<std::string> out;
  std::string cur;
  for (std::size_t i = 0; i < s.size();) {
    if (std::size_t n = lineBreakAt(s, i)) {
      out.push_back(cur);
      cur.clear();
      i += n;
    } else {
      cur += s[i++];
    }
  }
  if (!cur.empty()) out.push_back(cur);
  return out;
}

// The UTF-8 encodings of the non-ASCII characters str.isspace() accepts.
bool unicodeSpace(std::string_view ch) {
  static const std::string_view kSpaces[] = {
      "\xC2\x85", "\xC2\xA0", "\xE1\x9A\x80", "\xE2\x80\x80", "\xE2\x80\x81", "\xE2\x80\x82",
      "\xE2\x80\x83", "\xE2\x80\x84", "\xE2\x80\x85", "\xE2\x80\x86", "\xE2\x80\x87", "\xE2\x80\x88",
      "\xE2\x80\x89", "\xE2\x80\x8A", "\xE2\x80\xA8", "\xE2\x80\xA9", "\xE2\x80\xAF", "\xE2\x81\x9F",
      "\xE3\x80\x80"};
  for (auto sp : kSpaces)
    if (ch == sp) return true;
  return false;
}

bool asciiSpace(char c) { return c == ' ' || (c >= '\t' && c <= '\r') || (c >= '\x1c' && c <= '\x1f'); }

std::string_view pyLstrip(std::string_view s) {
  while (!s.empty()) {
    if (asciiSpace(s.front())) s.remove_prefix(1);
    else if (s.size() >= 2 && unicodeSpace(s.substr(0, 2))) s.remove_prefix(2);
    else if (s.size() >= 3 && unicodeSpace(s.substr(0, 3))) s.remove_prefix(3);
    else break;
  }
  return s;
}
std::string_view pyRstrip(std::string_view s) {
  while (!s.empty()) {
    if (asciiSpace(s.back())) s.remove_suffix(1);
    else if (s.size() >= 2 && unicodeSpace(s.substr(s.size() - 2))) s.remove_suffix(2);
    else if (s.size() >= 3 && unicodeSpace(s.substr(s.size() - 3))) s.remove_suffix(3);
    else break;
  }
  return s;
}
std::string_view pyStrip(std::string_view s) { return pyRstrip(pyLstrip(s)); }

struct FirstPass {
  int backticks = 0;
  bool moduleExists = false;
};

FirstPass scanAnswer(const std::vector<std::string>& lines) {
  FirstPass f;
  bool endmoduleFirst = false;
  for (const auto& line : lines) {
    if (startsWith(line, "```")) ++f.backticks;
    else if (startsWith(line, "endmodule")) { if (!f.moduleExists) endmoduleFirst = true; }
    else if (startsWith(line, "module TopModule")) f.moduleExists = true;
  }
  if (endmoduleFirst) f.moduleExists = false;
  return f;
}

struct CopyResult {
  std::string text;
  bool foundModule = false;
  bool foundEndmodule = false;
};

// The line copy: inside the first fence when there are two or more fence lines, else from
// `module TopModule` (when the answer has one) through the first `endmodule`.
CopyResult copyLines(const std::vector<std::string>& lines, const FirstPass& f) {
  CopyResult r;
  bool firstFence = false, secondFence = false;
  for (const auto& line : lines) {
    bool echo = true;
    if (startsWith(pyStrip(line), "module TopModule")) r.foundModule = true;
    if (f.backticks >= 2) {
      if (!firstFence || secondFence) echo = false;
    } else {
      if (r.foundEndmodule) echo = false;
      if (f.moduleExists && !r.foundModule) echo = false;
    }
    if (startsWith(line, "```")) {
      if (!firstFence) firstFence = true;
      else secondFence = true;
      echo = false;
    } else if (startsWith(pyStrip(line), "endmodule")) {
      r.foundEndmodule = true;
    }
    if (echo) r.text += line + "\n";
  }
  return r;
}

}  // namespace

std::string extractVerilogEval(const std::string& answer, TaskKind kind, const std::string& interfaceHeader) {
  const auto lines = pySplitLines(answer);
  const FirstPass f = scanAnswer(lines);
  std::string out = "\n";
  if (kind == TaskKind::CodeComplete) {
    if (!f.moduleExists) out += interfaceHeader + "\n" + "\n";
    CopyResult c = copyLines(lines, f);
    out += c.text + "\n";
    if (f.backticks == 1 || f.backticks > 2) out += "// VERILOG-EVAL: abnormal backticks count\n\n";
    if (c.foundModule) out += "// VERILOG-EVAL: errant inclusion of module definition\n\n";
    if (!c.foundEndmodule) out += "// VERILOG-EVAL: endmodule not found\n\n";
  } else {
    std::vector<std::string> code;
    bool start = false, end = false;
    for (const auto& line : lines) {
      if (!start) {
        if (pyStrip(line) == "[BEGIN]") {
          start = true;
        } else if (startsWith(pyLstrip(line), "[BEGIN]")) {
          code.push_back(replaceAll(pyLstrip(line), "[BEGIN]", ""));
          start = true;
        }
      } else if (!end) {
        if (pyStrip(line) == "[DONE]") {
          end = true;
        } else if (pyRstrip(line).size() >= 6 && pyRstrip(line).substr(pyRstrip(line).size() - 6) == "[DONE]") {
          code.push_back(replaceAll(pyRstrip(line), "[DONE]", ""));
          end = true;
        } else {
          code.push_back(line);
        }
      }
    }
    if (start && end)
      for (const auto& l : code) out += l + "\n";
    if (!start && !end) {
      out += copyLines(lines, f).text + "\n";
      out += "// VERILOG-EVAL: response did not use <CODE></CODE> correctly\n";
    }
  }
  out += "\n";
  return out;
}

}  // namespace rtlarena
