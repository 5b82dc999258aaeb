// rvasm: assembles one RV32IM + Zicsr source file into a $readmemh hex file (one 32-bit
// word per line, the word at byte address base + 4*i on line i+1). Thin tool over
// rtlarena::fuzz::assemble(); errors print as "file:line:column: error: message".
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <string>

#include "rtlarena/fuzz/assembler.h"
#include "rtlarena/fuzz/program.h"

namespace {

int usage() {
  std::cerr << "usage: rvasm [--base ADDR] [-o OUT.hex] [--symbols] INPUT.S\n"
               "  assembles INPUT.S; writes hex words to OUT.hex (default: stdout);\n"
               "  --symbols prints 'name address' lines to stderr\n";
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  std::string input, output;
  bool symbols = false;
  rtlarena::fuzz::AssembleOptions options;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "-o" && i + 1 < argc) {
      output = argv[++i];
    } else if (arg == "--base" && i + 1 < argc) {
      options.base = static_cast<uint32_t>(std::strtoul(argv[++i], nullptr, 0));
    } else if (arg == "--symbols") {
      symbols = true;
    } else if (arg == "-h" || arg == "--help") {
      return usage();
    } else if (!arg.empty() && arg[0] != '-' && input.empty()) {
      input = arg;
    } else {
      return usage();
    }
  }
  if (input.empty()) return usage();

  std::ifstream in(input, std::ios::binary);
  if (!in) {
    std::cerr << "rvasm: cannot read " << input << "\n";
    return 1;
  }
  std::stringstream text;
  text << in.rdbuf();
  const auto result = rtlarena::fuzz::assemble(text.str(), options);
  if (!result.ok()) {
    std::cerr << input << ":" << result.errorLine << ":" << result.errorColumn
              << ": error: " << result.error.substr(result.error.find(": ") + 2) << "\n";
    return 1;
  }

  const std::string hex = rtlarena::fuzz::readmemhText(result.words);
  if (output.empty()) {
    std::cout << hex;
  } else {
    std::ofstream out(output, std::ios::binary);
    out << hex;
    if (!out) {
      std::cerr << "rvasm: cannot write " << output << "\n";
      return 1;
    }
  }
  if (symbols) {
    for (const auto& [name, addr] : result.symbols) {
      char buf[24];
      std::snprintf(buf, sizeof buf, "%08x", addr);
      std::cerr << name << " " << buf << "\n";
    }
  }
  return 0;
}
