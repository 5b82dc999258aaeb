// The test frame (see program.h for why each part is there) and the text form of programs.
#include "rtlarena/fuzz/program.h"

#include <cstdio>

#include "rtlarena/core/text.h"
#include "rtlarena/fuzz/decode.h"
#include "rtlarena/fuzz/encode.h"

namespace rtlarena::fuzz {

namespace {
constexpr unsigned kScratch = 31;  // the handler's working register, saved in mscratch
}

Result<Layout> layoutFor(const CoreConfig& core) {
  Layout l;
  const IsaOptions& isa = core.isa;
  l.memWords = isa.memBytes / 4;
  l.resetPc = isa.resetPc & (isa.memBytes - 1);
  l.handler = isa.mtvecReset & (isa.memBytes - 1) & ~3u;
  l.zeroRegs = !core.regsReset;
  l.vectorTraps = isa.traps == TrapPolicy::Vector;
  l.handlerUsesMscratch = isa.csrs.count(csr::kMscratch) > 0;
  const uint32_t frameEnd = std::max(l.resetPc + 33 * 4, l.vectorTraps ? l.handler + 8 * 4 : 0u);
  l.bodyBase = (frameEnd + 0xff) & ~0xffu;
  if (l.bodyBase < 0x400) l.bodyBase = 0x400;
  l.dataBase = isa.memBytes / 2;
  if (l.vectorTraps && l.handler >= l.resetPc && l.handler < l.resetPc + 33 * 4)
    return makeError(ErrorCode::BadConfig, core.file.string() + ": mtvec_reset lies inside the reset code (reset_pc + 132 bytes)");
  if (l.bodyBase + 256 >= l.dataBase)
    return makeError(ErrorCode::BadConfig, core.file.string() + ": reset_pc/mtvec_reset leave no room for a test body below mem_bytes/2");
  l.maxBodyWords = (l.dataBase - l.bodyBase) / 4 - 1;
  l.maxDataWords = std::min<uint32_t>(1024, (isa.memBytes - l.dataBase) / 4);
  return l;
}

std::vector<uint32_t> frameImage(const Layout& l) {
  std::vector<uint32_t> img(l.memWords, kEcall);
  uint32_t at = l.resetPc / 4;
  if (l.zeroRegs)
    for (unsigned r = 1; r < 32; ++r) img[at++] = rv::addi(r, 0, 0);
  img[at] = rv::jal(0, static_cast<int32_t>(l.bodyBase - at * 4));
  if (l.vectorTraps) {
    uint32_t h = l.handler / 4;
    if (l.handlerUsesMscratch) img[h++] = rv::csrrw(kScratch, csr::kMscratch, kScratch);
    img[h++] = rv::csrrs(kScratch, csr::kMepc, 0);
    img[h++] = rv::addi(kScratch, kScratch, 4);
    img[h++] = rv::csrrw(0, csr::kMepc, kScratch);
    if (l.handlerUsesMscratch) img[h++] = rv::csrrw(kScratch, csr::kMscratch, kScratch);
    img[h++] = rv::mret();
  }
  return img;
}

void placeProgram(const Layout& l, const Program& p, std::vector<uint32_t>& img) {
  const size_t nb = std::min<size_t>(p.body.size(), l.maxBodyWords);
  for (size_t i = 0; i < nb; ++i) img[l.bodyBase / 4 + i] = p.body[i];
  img[l.bodyBase / 4 + nb] = kEcall;
  const size_t nd = std::min<size_t>(p.data.size(), l.maxDataWords);
  for (size_t i = 0; i < nd; ++i) img[l.dataBase / 4 + i] = p.data[i];
}

std::string programToText(const Program& p, const Layout* l) {
  std::string s = "body\n";
  char buf[96];
  for (size_t i = 0; i < p.body.size(); ++i) {
    uint32_t pc = l ? l->bodyBase + 4 * static_cast<uint32_t>(i) : 0;
    std::snprintf(buf, sizeof buf, "%08x", p.body[i]);
    s += buf;
    s += "  # " + disassemble(p.body[i], pc) + "\n";
  }
  return s + "data\n" + readmemhText(p.data);
}

std::string readmemhText(const std::vector<uint32_t>& words) {
  std::string text;
  char buf[16];
  for (uint32_t w : words) {
    std::snprintf(buf, sizeof buf, "%08x\n", w);
    text += buf;
  }
  return text;
}

Result<Program> programFromText(const std::string& text) {
  Program p;
  std::vector<uint32_t>* section = &p.body;
  int lineNo = 0;
  for (auto raw : splitLines(text)) {
    ++lineNo;
    std::string_view line = raw;
    if (auto hash = line.find('#'); hash != std::string_view::npos) line = line.substr(0, hash);
    line = trim(line);
    if (line.empty()) continue;
    if (line == "body") { section = &p.body; continue; }
    if (line == "data") { section = &p.data; continue; }
    std::string w(line);
    if (startsWith(w, "0x")) w = w.substr(2);
    if (w.empty() || w.size() > 8 || w.find_first_not_of("0123456789abcdefABCDEF") != std::string::npos)
      return makeError(ErrorCode::Parse, "program line " + std::to_string(lineNo) + ": expected a hex word, got '" + std::string(line) + "'");
    section->push_back(static_cast<uint32_t>(std::stoul(w, nullptr, 16)));
  }
  return p;
}

}  // namespace rtlarena::fuzz
