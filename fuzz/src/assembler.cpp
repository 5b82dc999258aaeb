// RV32IM + Zicsr text assembler. Pass 1 splits lines into statements, records labels and
// sizes every statement (li and la have fixed sizes decided here); pass 2 evaluates operands
// against the full symbol table and encodes. The first problem stops assembly and is
// reported with its line and column; nothing here throws.
#include "rtlarena/fuzz/assembler.h"

#include <cctype>
#include <unordered_map>

#include "rtlarena/fuzz/encode.h"

namespace rtlarena::fuzz {

namespace {

using Symbols = std::map<std::string, uint32_t>;

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

bool isIdentStart(char c) {
  return std::isalpha(static_cast<unsigned char>(c)) || c == '_' || c == '.' || c == '$';
}
bool isIdentChar(char c) {
  return isIdentStart(c) || std::isdigit(static_cast<unsigned char>(c));
}
bool isSpace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v'; }

// Integer expressions: numbers (decimal, 0x, 0b), labels, `.` (address of the statement),
// unary - and ~, binary + and -, parentheses, %hi(e) and %lo(e) (the lui/addi split).
class ExprParser {
 public:
  ExprParser(std::string_view text, const Symbols& symbols, uint32_t dot)
      : s_(text), symbols_(symbols), dot_(dot) {}

  std::optional<int64_t> evaluate() {
    auto v = sum();
    skipSpace();
    if (v && pos_ != s_.size()) return fail("unexpected '" + std::string(s_.substr(pos_)) + "'");
    return v;
  }
  const std::string& error() const { return error_; }
  bool undefined() const { return undefined_; }

 private:
  std::optional<int64_t> fail(std::string msg) {
    if (error_.empty()) error_ = std::move(msg);
    return std::nullopt;
  }
  void skipSpace() {
    while (pos_ < s_.size() && isSpace(s_[pos_])) ++pos_;
  }
  bool accept(char c) {
    skipSpace();
    if (pos_ < s_.size() && s_[pos_] == c) {
      ++pos_;
      return true;
    }
    return false;
  }
  std::optional<int64_t> sum() {
    auto v = term();
    while (v) {
      if (accept('+')) {
        auto r = term();
        if (!r) return r;
        *v += *r;
      } else if (accept('-')) {
        auto r = term();
        if (!r) return r;
        *v -= *r;
      } else {
        break;
      }
      if (*v > (int64_t{1} << 40) || *v < -(int64_t{1} << 40)) return fail("value out of range");
    }
    return v;
  }
  std::optional<int64_t> term() {
    skipSpace();
    if (pos_ >= s_.size()) return fail("expected a value");
    if (accept('-')) {
      auto v = term();
      return v ? std::optional<int64_t>(-*v) : v;
    }
    if (accept('~')) {
      auto v = term();
      return v ? std::optional<int64_t>(~*v) : v;
    }
    if (accept('(')) {
      auto v = sum();
      if (v && !accept(')')) return fail("expected ')'");
      return v;
    }
    if (s_[pos_] == '%') return relocation();
    if (std::isdigit(static_cast<unsigned char>(s_[pos_]))) return number();
    if (isIdentStart(s_[pos_])) return symbol();
    return fail("unexpected '" + std::string(1, s_[pos_]) + "'");
  }
  std::optional<int64_t> relocation() {
    size_t start = ++pos_;
    while (pos_ < s_.size() && isIdentChar(s_[pos_])) ++pos_;
    const std::string name = lower(s_.substr(start, pos_ - start));
    if (name != "hi" && name != "lo") return fail("unknown relocation '%" + name + "'");
    if (!accept('(')) return fail("expected '(' after %" + name);
    auto v = sum();
    if (!v) return v;
    if (!accept(')')) return fail("expected ')'");
    const uint32_t u = static_cast<uint32_t>(*v);
    const uint32_t hi = ((u + 0x800u) >> 12) & 0xfffffu;
    if (name == "hi") return int64_t{hi};
    return int64_t{static_cast<int32_t>(u - (hi << 12))};
  }
  std::optional<int64_t> number() {
    int radix = 10;
    if (s_[pos_] == '0' && pos_ + 1 < s_.size() && (s_[pos_ + 1] == 'x' || s_[pos_ + 1] == 'X')) {
      radix = 16;
      pos_ += 2;
    } else if (s_[pos_] == '0' && pos_ + 1 < s_.size() &&
               (s_[pos_ + 1] == 'b' || s_[pos_ + 1] == 'B')) {
      radix = 2;
      pos_ += 2;
    }
    int64_t v = 0;
    size_t digits = 0;
    while (pos_ < s_.size() && std::isxdigit(static_cast<unsigned char>(s_[pos_]))) {
      const char c = static_cast<char>(std::tolower(static_cast<unsigned char>(s_[pos_])));
      const int d = std::isdigit(static_cast<unsigned char>(c)) ? c - '0' : c - 'a' + 10;
      if (d >= radix) return fail("bad digit '" + std::string(1, s_[pos_]) + "' in number");
      v = v * radix + d;
      if (v > (int64_t{1} << 40)) return fail("number too large");
      ++pos_;
      ++digits;
    }
    if (digits == 0) return fail("number has no digits");
    if (pos_ < s_.size() && isIdentChar(s_[pos_])) return fail("bad character in number");
    return v;
  }
  std::optional<int64_t> symbol() {
    const size_t start = pos_;
    while (pos_ < s_.size() && isIdentChar(s_[pos_])) ++pos_;
    const std::string name(s_.substr(start, pos_ - start));
    if (name == ".") return int64_t{dot_};
    auto it = symbols_.find(name);
    if (it == symbols_.end()) {
      undefined_ = true;
      return fail("undefined symbol '" + name + "'");
    }
    return int64_t{it->second};
  }

  std::string_view s_;
  const Symbols& symbols_;
  uint32_t dot_;
  size_t pos_ = 0;
  std::string error_;
  bool undefined_ = false;
};

// How an instruction's operands map onto fields. `bits` holds opcode/funct3/funct7 (and any
// fixed fields) of the real instruction the mnemonic becomes.
enum class Kind {
  R, I, Shift, Load, Store, Branch, BranchSwap, BranchZero, Upper, Jal, Jalr,
  Csr, CsrImm, CsrRead, CsrWrite, CsrWriteImm, Fixed, Fence,
  Li, La, Unary, J, Jr, Call,
};

struct Def {
  Kind kind;
  uint32_t bits;
  bool flag = false;  // BranchZero: rs is rs2 (x0 is rs1); Unary: rs goes in rs2
};

uint32_t f3(uint32_t opcode, uint32_t funct3) { return opcode | (funct3 << 12); }
uint32_t f7(uint32_t opcode, uint32_t funct3, uint32_t funct7) {
  return opcode | (funct3 << 12) | (funct7 << 25);
}

const std::unordered_map<std::string, Def>& table() {
  constexpr uint32_t OP = 0x33, IMM = 0x13, LD = 0x03, ST = 0x23, BR = 0x63, SYS = 0x73;
  static const std::unordered_map<std::string, Def> t = {
      {"add", {Kind::R, f7(OP, 0, 0)}},       {"sub", {Kind::R, f7(OP, 0, 0x20)}},
      {"sll", {Kind::R, f7(OP, 1, 0)}},       {"slt", {Kind::R, f7(OP, 2, 0)}},
      {"sltu", {Kind::R, f7(OP, 3, 0)}},      {"xor", {Kind::R, f7(OP, 4, 0)}},
      {"srl", {Kind::R, f7(OP, 5, 0)}},       {"sra", {Kind::R, f7(OP, 5, 0x20)}},
      {"or", {Kind::R, f7(OP, 6, 0)}},        {"and", {Kind::R, f7(OP, 7, 0)}},
      {"mul", {Kind::R, f7(OP, 0, 1)}},       {"mulh", {Kind::R, f7(OP, 1, 1)}},
      {"mulhsu", {Kind::R, f7(OP, 2, 1)}},    {"mulhu", {Kind::R, f7(OP, 3, 1)}},
      {"div", {Kind::R, f7(OP, 4, 1)}},       {"divu", {Kind::R, f7(OP, 5, 1)}},
      {"rem", {Kind::R, f7(OP, 6, 1)}},       {"remu", {Kind::R, f7(OP, 7, 1)}},
      {"addi", {Kind::I, f3(IMM, 0)}},        {"slti", {Kind::I, f3(IMM, 2)}},
      {"sltiu", {Kind::I, f3(IMM, 3)}},       {"xori", {Kind::I, f3(IMM, 4)}},
      {"ori", {Kind::I, f3(IMM, 6)}},         {"andi", {Kind::I, f3(IMM, 7)}},
      {"slli", {Kind::Shift, f7(IMM, 1, 0)}}, {"srli", {Kind::Shift, f7(IMM, 5, 0)}},
      {"srai", {Kind::Shift, f7(IMM, 5, 0x20)}},
      {"lb", {Kind::Load, f3(LD, 0)}},        {"lh", {Kind::Load, f3(LD, 1)}},
      {"lw", {Kind::Load, f3(LD, 2)}},        {"lbu", {Kind::Load, f3(LD, 4)}},
      {"lhu", {Kind::Load, f3(LD, 5)}},       {"sb", {Kind::Store, f3(ST, 0)}},
      {"sh", {Kind::Store, f3(ST, 1)}},       {"sw", {Kind::Store, f3(ST, 2)}},
      {"beq", {Kind::Branch, f3(BR, 0)}},     {"bne", {Kind::Branch, f3(BR, 1)}},
      {"blt", {Kind::Branch, f3(BR, 4)}},     {"bge", {Kind::Branch, f3(BR, 5)}},
      {"bltu", {Kind::Branch, f3(BR, 6)}},    {"bgeu", {Kind::Branch, f3(BR, 7)}},
      {"bgt", {Kind::BranchSwap, f3(BR, 4)}}, {"ble", {Kind::BranchSwap, f3(BR, 5)}},
      {"bgtu", {Kind::BranchSwap, f3(BR, 6)}}, {"bleu", {Kind::BranchSwap, f3(BR, 7)}},
      {"beqz", {Kind::BranchZero, f3(BR, 0)}}, {"bnez", {Kind::BranchZero, f3(BR, 1)}},
      {"bltz", {Kind::BranchZero, f3(BR, 4)}}, {"bgez", {Kind::BranchZero, f3(BR, 5)}},
      {"bgtz", {Kind::BranchZero, f3(BR, 4), true}},
      {"blez", {Kind::BranchZero, f3(BR, 5), true}},
      {"lui", {Kind::Upper, 0x37}},           {"auipc", {Kind::Upper, 0x17}},
      {"jal", {Kind::Jal, 0x6f}},             {"jalr", {Kind::Jalr, 0x67}},
      {"csrrw", {Kind::Csr, f3(SYS, 1)}},     {"csrrs", {Kind::Csr, f3(SYS, 2)}},
      {"csrrc", {Kind::Csr, f3(SYS, 3)}},     {"csrrwi", {Kind::CsrImm, f3(SYS, 5)}},
      {"csrrsi", {Kind::CsrImm, f3(SYS, 6)}}, {"csrrci", {Kind::CsrImm, f3(SYS, 7)}},
      {"csrr", {Kind::CsrRead, f3(SYS, 2)}},  {"csrw", {Kind::CsrWrite, f3(SYS, 1)}},
      {"csrs", {Kind::CsrWrite, f3(SYS, 2)}}, {"csrc", {Kind::CsrWrite, f3(SYS, 3)}},
      {"csrwi", {Kind::CsrWriteImm, f3(SYS, 5)}}, {"csrsi", {Kind::CsrWriteImm, f3(SYS, 6)}},
      {"csrci", {Kind::CsrWriteImm, f3(SYS, 7)}},
      {"ecall", {Kind::Fixed, rv::ecall()}},  {"ebreak", {Kind::Fixed, rv::ebreak()}},
      {"mret", {Kind::Fixed, rv::mret()}},    {"wfi", {Kind::Fixed, rv::wfi()}},
      {"nop", {Kind::Fixed, rv::nop()}},      {"ret", {Kind::Fixed, rv::jalr(0, 1, 0)}},
      {"fence", {Kind::Fence, 0x0f}},
      {"li", {Kind::Li, 0}},                  {"la", {Kind::La, 0}},
      {"mv", {Kind::Unary, rv::addi(0, 0, 0)}}, {"not", {Kind::Unary, rv::xori(0, 0, -1)}},
      {"seqz", {Kind::Unary, rv::sltiu(0, 0, 1)}}, {"sltz", {Kind::Unary, rv::slt(0, 0, 0)}},
      {"neg", {Kind::Unary, rv::sub(0, 0, 0), true}},
      {"snez", {Kind::Unary, rv::sltu(0, 0, 0), true}},
      {"sgtz", {Kind::Unary, rv::slt(0, 0, 0), true}},
      {"j", {Kind::J, 0x6f}},                 {"jr", {Kind::Jr, 0x67}},
      {"call", {Kind::Call, 0x6f}},
  };
  return t;
}

struct Operand {
  std::string text;
  int column;
};

struct Label {
  std::string name;
  int line;
  int column;
};

struct Statement {
  std::vector<Label> labels;  // labels that name this statement's address
  int line = 0;
  int column = 0;
  std::string mnemonic;  // lower case; directives keep their dot
  std::vector<Operand> operands;
  uint32_t address = 0;
  uint32_t words = 0;
};

// Fields-only encodings: the Def's bits supply opcode/funct3/funct7.
constexpr Opcode kNoOpcode = static_cast<Opcode>(0);

uint32_t liWords(uint32_t value) {
  const int32_t s = static_cast<int32_t>(value);
  if (s >= -2048 && s <= 2047) return 1;
  return (value & 0xfffu) == 0 ? 1 : 2;
}

class Assembler {
 public:
  explicit Assembler(const AssembleOptions& options) : base_(options.base) {}

  AssembleResult run(std::string_view source) {
    AssembleResult result;
    if (splitSource(source) && layout()) {
      for (const Statement& st : statements_) {
        if (!emit(st)) break;
      }
    }
    if (failed_) {
      result.errorLine = failLine_;
      result.errorColumn = failColumn_;
      result.error = "line " + std::to_string(failLine_) + ", column " +
                     std::to_string(failColumn_) + ": " + failMessage_;
      return result;
    }
    result.words = std::move(words_);
    result.lines = std::move(lines_);
    result.symbols = std::move(symbols_);
    return result;
  }

 private:
  bool fail(int line, int column, std::string message) {
    if (!failed_) {
      failed_ = true;
      failLine_ = line;
      failColumn_ = column;
      failMessage_ = std::move(message);
    }
    return false;
  }
  bool fail(const Statement& st, size_t op, std::string message) {
    const int col = op < st.operands.size() ? st.operands[op].column : st.column;
    return fail(st.line, col, std::move(message));
  }

  // ---- pass 1a: text -> statements (labels stay attached as pending names) -------------
  bool splitSource(std::string_view source) {
    int lineNo = 0;
    size_t start = 0;
    while (start <= source.size()) {
      size_t end = source.find('\n', start);
      if (end == std::string_view::npos) end = source.size();
      if (!splitLine(source.substr(start, end - start), ++lineNo)) return false;
      start = end + 1;
    }
    return true;
  }

  bool splitLine(std::string_view text, int lineNo) {
    size_t cut = text.find('#');
    cut = std::min(cut, text.find("//"));
    if (cut != std::string_view::npos) text = text.substr(0, cut);
    size_t pos = 0;
    auto skip = [&] {
      while (pos < text.size() && isSpace(text[pos])) ++pos;
    };
    while (true) {
      skip();
      if (pos >= text.size()) return true;
      if (!isIdentStart(text[pos]))
        return fail(lineNo, int(pos) + 1, "expected a label or an instruction");
      const size_t wordStart = pos;
      while (pos < text.size() && isIdentChar(text[pos])) ++pos;
      const std::string_view word = text.substr(wordStart, pos - wordStart);
      skip();
      if (pos < text.size() && text[pos] == ':') {
        ++pos;
        pendingLabels_.push_back({std::string(word), lineNo, int(wordStart) + 1});
        continue;
      }
      Statement st;
      st.line = lineNo;
      st.column = int(wordStart) + 1;
      st.mnemonic = lower(word);
      if (!splitOperands(text, pos, st)) return false;
      st.labels = std::move(pendingLabels_);
      pendingLabels_.clear();
      statements_.push_back(std::move(st));
      return true;
    }
  }

  bool splitOperands(std::string_view text, size_t pos, Statement& st) {
    if (pos >= text.size()) return true;
    int depth = 0;
    size_t start = pos;
    for (size_t i = pos; i <= text.size(); ++i) {
      const char c = i < text.size() ? text[i] : ',';
      if (c == '(') ++depth;
      if (c == ')') --depth;
      if (depth < 0) return fail(st.line, int(i) + 1, "unbalanced ')'");
      if (c != ',' || depth != 0) continue;
      size_t b = start, e = i;
      while (b < e && isSpace(text[b])) ++b;
      while (e > b && isSpace(text[e - 1])) --e;
      if (b == e) return fail(st.line, int(b) + 1, "empty operand");
      st.operands.push_back({std::string(text.substr(b, e - b)), int(b) + 1});
      start = i + 1;
    }
    if (depth != 0) return fail(st.line, int(text.size()), "unbalanced '('");
    return true;
  }

  // ---- pass 1b: addresses, labels and sizes ---------------------------------------------
  bool define(const Label& label, uint32_t address) {
    if (parseRegister(label.name))
      return fail(label.line, label.column, "label '" + label.name + "' is a register name");
    if (!symbols_.emplace(label.name, address).second)
      return fail(label.line, label.column, "label '" + label.name + "' defined twice");
    return true;
  }

  bool layout() {
    uint64_t address = base_;
    for (Statement& st : statements_) {
      st.address = static_cast<uint32_t>(address);
      for (const Label& label : st.labels) {
        if (!define(label, st.address)) return false;
      }
      if (!size(st)) return false;
      address += uint64_t{st.words} * 4;
      if (address - base_ > kMaxBytes) return fail(st.line, st.column, "program larger than 16 MiB");
    }
    for (const Label& label : pendingLabels_) {
      if (!define(label, static_cast<uint32_t>(address))) return false;
    }
    return true;
  }

  bool size(Statement& st) {
    const std::string& m = st.mnemonic;
    if (m == ".text" || m == ".globl" || m == ".global") return true;
    if (m == ".word") {
      if (st.operands.empty()) return fail(st, 0, ".word needs at least one value");
      st.words = static_cast<uint32_t>(st.operands.size());
      return true;
    }
    if (m == ".org" || m == ".align" || m == ".space" || m == ".zero") return padding(st);
    auto it = table().find(m);
    if (it == table().end()) {
      return fail(st.line, st.column,
                  (m[0] == '.' ? "unknown directive '" : "unknown instruction '") + m + "'");
    }
    st.words = 1;
    if (it->second.kind == Kind::La) st.words = 2;
    if (it->second.kind == Kind::Li) {
      if (!count(st, 2)) return false;
      auto v = value32(st, 1, "li needs a constant known here (use la for later labels)");
      if (!v) return false;
      st.words = liWords(*v);
    }
    return true;
  }

  bool padding(Statement& st) {
    if (!count(st, 1)) return false;
    auto v = value(st, 0, "a constant known here");
    if (!v) return false;
    const int64_t here = st.address;
    int64_t target = here;
    if (st.mnemonic == ".org") {
      if (*v < here) return fail(st, 0, ".org moves backwards");
      target = *v;
    } else if (st.mnemonic == ".align") {
      if (*v < 0 || *v > 16) return fail(st, 0, ".align takes 0..16 (a power of two)");
      const int64_t align = std::max<int64_t>(4, int64_t{1} << *v);
      target = (here + align - 1) / align * align;
    } else {
      if (*v < 0) return fail(st, 0, "negative size");
      target = here + *v;
    }
    if (target % 4 != 0) return fail(st, 0, "padding must end on a word boundary");
    if (target - here > kMaxBytes) return fail(st, 0, "padding larger than 16 MiB");
    st.words = static_cast<uint32_t>((target - here) / 4);
    return true;
  }

  // ---- operands --------------------------------------------------------------------------
  bool count(const Statement& st, size_t n) {
    if (st.operands.size() == n) return true;
    return fail(st.line, st.column, "'" + st.mnemonic + "' takes " + std::to_string(n) +
                                        " operand" + (n == 1 ? "" : "s") + ", got " +
                                        std::to_string(st.operands.size()));
  }

  std::optional<unsigned> reg(const Statement& st, size_t i) {
    auto r = parseRegister(st.operands[i].text);
    if (!r) fail(st, i, "expected a register, got '" + st.operands[i].text + "'");
    return r;
  }

  std::optional<int64_t> evalText(const Statement& st, size_t i, std::string_view text,
                                  const char* context) {
    if (parseRegister(text)) {
      fail(st, i, "expected a value, got register '" + std::string(text) + "'");
      return std::nullopt;
    }
    ExprParser parser(text, symbols_, st.address);
    auto v = parser.evaluate();
    if (!v) {
      std::string msg = parser.error();
      if (parser.undefined() && context) msg += " (" + std::string(context) + ")";
      fail(st, i, msg);
    }
    return v;
  }

  std::optional<int64_t> value(const Statement& st, size_t i, const char* context = nullptr) {
    return evalText(st, i, st.operands[i].text, context);
  }

  std::optional<int64_t> ranged(const Statement& st, size_t i, int64_t lo, int64_t hi) {
    auto v = value(st, i);
    if (v && (*v < lo || *v > hi)) {
      fail(st, i, "value " + std::to_string(*v) + " out of range " + std::to_string(lo) + ".." +
                      std::to_string(hi));
      return std::nullopt;
    }
    return v;
  }

  std::optional<uint32_t> value32(const Statement& st, size_t i, const char* context = nullptr) {
    auto v = value(st, i, context);
    if (!v) return std::nullopt;
    if (*v < -(int64_t{1} << 31) || *v > 0xffffffffLL) {
      fail(st, i, "value " + std::to_string(*v) + " does not fit in 32 bits");
      return std::nullopt;
    }
    return static_cast<uint32_t>(*v);
  }

  // "imm(reg)" or "(reg)": the offset may be any expression, including %lo(sym).
  bool memory(const Statement& st, size_t i, unsigned& base, int32_t& offset) {
    const std::string& t = st.operands[i].text;
    if (t.empty() || t.back() != ')') return fail(st, i, "expected offset(register)");
    int depth = 0;
    size_t open = std::string::npos;
    for (size_t k = t.size(); k-- > 0;) {
      if (t[k] == ')') ++depth;
      if (t[k] == '(' && --depth == 0) {
        open = k;
        break;
      }
    }
    if (open == std::string::npos) return fail(st, i, "expected offset(register)");
    std::string inner = t.substr(open + 1, t.size() - open - 2);
    while (!inner.empty() && isSpace(inner.back())) inner.pop_back();
    while (!inner.empty() && isSpace(inner.front())) inner.erase(inner.begin());
    auto r = parseRegister(inner);
    if (!r) return fail(st, i, "expected a register inside (), got '" + inner + "'");
    base = *r;
    std::string prefix = t.substr(0, open);
    while (!prefix.empty() && isSpace(prefix.back())) prefix.pop_back();
    if (prefix.empty()) {
      offset = 0;
      return true;
    }
    auto v = evalText(st, i, prefix, nullptr);
    if (!v) return false;
    if (*v < -2048 || *v > 2047) return fail(st, i, "offset " + std::to_string(*v) + " out of range -2048..2047");
    offset = static_cast<int32_t>(*v);
    return true;
  }

  // Branch/jump target (an address expression) as an offset from this instruction.
  std::optional<int32_t> target(const Statement& st, size_t i, int bits) {
    auto v = value(st, i);
    if (!v) return std::nullopt;
    const int64_t off = *v - int64_t{st.address};
    const int64_t lim = int64_t{1} << (bits - 1);
    if (off % 2 != 0) {
      fail(st, i, "target is not 2-byte aligned");
      return std::nullopt;
    }
    if (off < -lim || off >= lim) {
      fail(st, i, "target out of range (offset " + std::to_string(off) + ")");
      return std::nullopt;
    }
    return static_cast<int32_t>(off);
  }

  std::optional<unsigned> csr(const Statement& st, size_t i) {
    if (auto a = csrAddress(lower(st.operands[i].text))) return a;
    auto v = ranged(st, i, 0, 0xfff);
    if (!v) return std::nullopt;
    return static_cast<unsigned>(*v);
  }

  std::optional<unsigned> fenceSet(const Statement& st, size_t i) {
    unsigned set = 0;
    for (char c : lower(st.operands[i].text)) {
      const size_t at = std::string_view("wroi").find(c);
      if (at == std::string_view::npos) {
        fail(st, i, "fence set must be letters from 'iorw'");
        return std::nullopt;
      }
      set |= 1u << at;
    }
    return set;
  }

  void put(uint32_t word, int line) {
    words_.push_back(word);
    lines_.push_back(line);
  }

  // ---- pass 2: encoding --------------------------------------------------------------------
  bool emit(const Statement& st) {
    if (st.mnemonic[0] == '.') {
      if (st.mnemonic == ".word") {
        for (size_t i = 0; i < st.operands.size(); ++i) {
          auto v = value32(st, i);
          if (!v) return false;
          put(*v, st.line);
        }
      } else {
        for (uint32_t k = 0; k < st.words; ++k) put(0, 0);
      }
      return true;
    }
    const Def& def = table().at(st.mnemonic);
    if (def.kind == Kind::Li) return emitLi(st);
    if (def.kind == Kind::La) return emitLa(st);
    auto w = encode(st, def);
    if (!w) return false;
    put(*w, st.line);
    return true;
  }

  // The one word of a single-word statement; nullopt after recording an error.
  std::optional<uint32_t> encode(const Statement& st, const Def& def);
  std::optional<uint32_t> encodeArith(const Statement& st, const Def& def);
  std::optional<uint32_t> encodeBranch(const Statement& st, const Def& def);
  std::optional<uint32_t> encodeJump(const Statement& st, const Def& def);
  std::optional<uint32_t> encodeCsr(const Statement& st, const Def& def);
  bool emitLi(const Statement& st);
  bool emitLa(const Statement& st);

  static constexpr int64_t kMaxBytes = int64_t{16} << 20;

  std::vector<Statement> statements_;
  std::vector<Label> pendingLabels_;
  Symbols symbols_;
  std::vector<uint32_t> words_;
  std::vector<int> lines_;
  uint32_t base_;
  bool failed_ = false;
  int failLine_ = 0;
  int failColumn_ = 0;
  std::string failMessage_;
};

bool Assembler::emitLi(const Statement& st) {
  auto rd = reg(st, 0);
  auto v = value32(st, 1);
  if (!rd || !v) return false;
  if (liWords(*v) != st.words) return fail(st, 1, "li value changed between passes");
  const int32_t s = static_cast<int32_t>(*v);
  if (s >= -2048 && s <= 2047) {
    put(rv::addi(*rd, 0, s), st.line);
    return true;
  }
  const uint32_t hi = ((*v + 0x800u) >> 12) & 0xfffffu;
  const int32_t lo = static_cast<int32_t>(*v - (hi << 12));
  put(rv::lui(*rd, hi), st.line);
  if (lo != 0) put(rv::addi(*rd, *rd, lo), st.line);
  return true;
}

bool Assembler::emitLa(const Statement& st) {
  if (!count(st, 2)) return false;
  auto rd = reg(st, 0);
  auto v = value32(st, 1);
  if (!rd || !v) return false;
  const uint32_t delta = *v - st.address;
  const uint32_t hi = ((delta + 0x800u) >> 12) & 0xfffffu;
  put(rv::auipc(*rd, hi), st.line);
  put(rv::addi(*rd, *rd, static_cast<int32_t>(delta - (hi << 12))), st.line);
  return true;
}

// Dispatch on the operand shape; each helper checks operand count and ranges.
std::optional<uint32_t> Assembler::encode(const Statement& st, const Def& def) {
  switch (def.kind) {
    case Kind::R:
    case Kind::I:
    case Kind::Shift:
    case Kind::Upper:
    case Kind::Unary:
      return encodeArith(st, def);
    case Kind::Load:
    case Kind::Store: {
      if (!count(st, 2)) return std::nullopt;
      auto r = reg(st, 0);
      unsigned base = 0;
      int32_t off = 0;
      if (!r || !memory(st, 1, base, off)) return std::nullopt;
      if (def.kind == Kind::Load) return def.bits | encodeI(kNoOpcode, *r, 0, base, off);
      return def.bits | encodeS(kNoOpcode, 0, base, *r, off);
    }
    case Kind::Branch:
    case Kind::BranchSwap:
    case Kind::BranchZero:
      return encodeBranch(st, def);
    case Kind::Jal:
    case Kind::J:
    case Kind::Call:
    case Kind::Jalr:
    case Kind::Jr:
      return encodeJump(st, def);
    case Kind::Csr:
    case Kind::CsrImm:
    case Kind::CsrRead:
    case Kind::CsrWrite:
    case Kind::CsrWriteImm:
      return encodeCsr(st, def);
    case Kind::Fixed:
      if (!count(st, 0)) return std::nullopt;
      return def.bits;
    case Kind::Fence: {
      if (st.operands.empty()) return rv::fence(0xf, 0xf);
      if (!count(st, 2)) return std::nullopt;
      auto pred = fenceSet(st, 0), succ = fenceSet(st, 1);
      if (!pred || !succ) return std::nullopt;
      return rv::fence(*pred, *succ);
    }
    case Kind::Li:
    case Kind::La:
      break;  // multi-word: emitLi / emitLa
  }
  fail(st.line, st.column, "internal: unhandled instruction kind");
  return std::nullopt;
}

// R, I, shift-immediate, lui/auipc and the two-register pseudo forms (mv, not, neg, ...).
std::optional<uint32_t> Assembler::encodeArith(const Statement& st, const Def& def) {
  const uint32_t b = def.bits;
  if (def.kind == Kind::Upper || def.kind == Kind::Unary) {
    if (!count(st, 2)) return std::nullopt;
    auto rd = reg(st, 0);
    if (!rd) return std::nullopt;
    if (def.kind == Kind::Unary) {
      auto rs = reg(st, 1);
      if (!rs) return std::nullopt;
      return b | (*rd << 7) | (def.flag ? (*rs << 20) : (*rs << 15));
    }
    auto imm = ranged(st, 1, 0, 0xfffff);
    if (!imm) return std::nullopt;
    return b | encodeU(kNoOpcode, *rd, static_cast<uint32_t>(*imm));
  }
  if (!count(st, 3)) return std::nullopt;
  auto rd = reg(st, 0), rs1 = reg(st, 1);
  if (!rd || !rs1) return std::nullopt;
  if (def.kind == Kind::R) {
    auto rs2 = reg(st, 2);
    if (!rs2) return std::nullopt;
    return b | encodeR(kNoOpcode, *rd, 0, *rs1, *rs2, 0);
  }
  auto imm = def.kind == Kind::I ? ranged(st, 2, -2048, 2047) : ranged(st, 2, 0, 31);
  if (!imm) return std::nullopt;
  return b | encodeI(kNoOpcode, *rd, 0, *rs1, static_cast<int32_t>(*imm));
}

// beq..bgeu, the swapped forms (bgt, ble, ...) and the compare-with-zero forms (beqz, ...).
std::optional<uint32_t> Assembler::encodeBranch(const Statement& st, const Def& def) {
  if (def.kind == Kind::BranchZero) {
    if (!count(st, 2)) return std::nullopt;
    auto r = reg(st, 0);
    auto off = r ? target(st, 1, 13) : std::nullopt;
    if (!off) return std::nullopt;
    return def.bits | (def.flag ? encodeB(kNoOpcode, 0, 0, *r, *off)
                                : encodeB(kNoOpcode, 0, *r, 0, *off));
  }
  if (!count(st, 3)) return std::nullopt;
  auto a = reg(st, 0), c = reg(st, 1);
  auto off = a && c ? target(st, 2, 13) : std::nullopt;
  if (!off) return std::nullopt;
  if (def.kind == Kind::BranchSwap) std::swap(a, c);
  return def.bits | encodeB(kNoOpcode, 0, *a, *c, *off);
}

// jal [rd,] target; j; call; jalr rs | rd, rs | rd, off(rs) | rd, rs, off; jr rs | off(rs).
std::optional<uint32_t> Assembler::encodeJump(const Statement& st, const Def& def) {
  const size_t n = st.operands.size();
  if (def.kind == Kind::Jal || def.kind == Kind::J || def.kind == Kind::Call) {
    const bool explicitRd = def.kind == Kind::Jal && n == 2;
    if (!explicitRd && !count(st, 1)) return std::nullopt;
    auto rd = explicitRd ? reg(st, 0) : std::optional<unsigned>(def.kind == Kind::J ? 0 : 1);
    auto off = rd ? target(st, explicitRd ? 1 : 0, 21) : std::nullopt;
    if (!off) return std::nullopt;
    return def.bits | encodeJ(kNoOpcode, *rd, *off);
  }
  if (def.kind == Kind::Jr && !count(st, 1)) return std::nullopt;
  if (n < 1 || n > 3) {
    fail(st.line, st.column, "'jalr' takes 1 to 3 operands, got " + std::to_string(n));
    return std::nullopt;
  }
  unsigned rd = def.kind == Kind::Jr ? 0 : 1, rs1 = 0;
  int32_t off = 0;
  if (n >= 2) {
    auto r = reg(st, 0);
    if (!r) return std::nullopt;
    rd = *r;
  }
  const size_t src = n == 1 ? 0 : 1;  // the operand holding rs1 or off(rs1)
  if (n == 3) {
    auto r = reg(st, 1);
    auto imm = r ? ranged(st, 2, -2048, 2047) : std::nullopt;
    if (!imm) return std::nullopt;
    rs1 = *r;
    off = static_cast<int32_t>(*imm);
  } else if (st.operands[src].text.find('(') != std::string::npos) {
    if (!memory(st, src, rs1, off)) return std::nullopt;
  } else {
    auto r = reg(st, src);
    if (!r) return std::nullopt;
    rs1 = *r;
  }
  return def.bits | encodeI(kNoOpcode, rd, 0, rs1, off);
}

// csrrw/s/c (rd, csr, rs1), the immediate forms, and csrr/csrw/csrs/csrc[i] pseudo forms.
std::optional<uint32_t> Assembler::encodeCsr(const Statement& st, const Def& def) {
  const bool pseudo = def.kind == Kind::CsrRead || def.kind == Kind::CsrWrite ||
                      def.kind == Kind::CsrWriteImm;
  if (!count(st, pseudo ? 2 : 3)) return std::nullopt;
  unsigned rd = 0;
  size_t at = 0;  // operand index of the CSR
  if (def.kind != Kind::CsrWrite && def.kind != Kind::CsrWriteImm) {
    auto r = reg(st, 0);
    if (!r) return std::nullopt;
    rd = *r;
    at = 1;
  }
  auto c = csr(st, at);
  if (!c) return std::nullopt;
  std::optional<int64_t> src = 0;
  if (def.kind == Kind::Csr || def.kind == Kind::CsrWrite) src = reg(st, at + 1);
  if (def.kind == Kind::CsrImm || def.kind == Kind::CsrWriteImm) src = ranged(st, at + 1, 0, 31);
  if (!src) return std::nullopt;
  return def.bits |
         encodeI(kNoOpcode, rd, 0, static_cast<unsigned>(*src), static_cast<int32_t>(*c));
}

}  // namespace

std::optional<unsigned> parseRegister(std::string_view name) {
  static const std::unordered_map<std::string, unsigned> abi = {
      {"zero", 0}, {"ra", 1},  {"sp", 2},   {"gp", 3},   {"tp", 4},  {"t0", 5},  {"t1", 6},
      {"t2", 7},   {"s0", 8},  {"fp", 8},   {"s1", 9},   {"a0", 10}, {"a1", 11}, {"a2", 12},
      {"a3", 13},  {"a4", 14}, {"a5", 15},  {"a6", 16},  {"a7", 17}, {"s2", 18}, {"s3", 19},
      {"s4", 20},  {"s5", 21}, {"s6", 22},  {"s7", 23},  {"s8", 24}, {"s9", 25}, {"s10", 26},
      {"s11", 27}, {"t3", 28}, {"t4", 29},  {"t5", 30},  {"t6", 31}};
  const std::string n = lower(name);
  if (auto it = abi.find(n); it != abi.end()) return it->second;
  if (n.size() < 2 || n.size() > 3 || n[0] != 'x') return std::nullopt;
  unsigned v = 0;
  for (size_t i = 1; i < n.size(); ++i) {
    if (!std::isdigit(static_cast<unsigned char>(n[i]))) return std::nullopt;
    v = v * 10 + unsigned(n[i] - '0');
  }
  if (n.size() == 3 && n[1] == '0') return std::nullopt;  // no "x05"
  if (v > 31) return std::nullopt;
  return v;
}

std::optional<unsigned> csrAddress(std::string_view name) {
  static const std::unordered_map<std::string, unsigned> csrs = {
      {"mstatus", 0x300},   {"misa", 0x301},      {"medeleg", 0x302},  {"mideleg", 0x303},
      {"mie", 0x304},       {"mtvec", 0x305},     {"mcounteren", 0x306}, {"mstatush", 0x310},
      {"mcountinhibit", 0x320}, {"mscratch", 0x340}, {"mepc", 0x341},  {"mcause", 0x342},
      {"mtval", 0x343},     {"mip", 0x344},       {"mcycle", 0xb00},   {"minstret", 0xb02},
      {"mcycleh", 0xb80},   {"minstreth", 0xb82}, {"cycle", 0xc00},    {"time", 0xc01},
      {"instret", 0xc02},   {"cycleh", 0xc80},    {"timeh", 0xc81},    {"instreth", 0xc82},
      {"mvendorid", 0xf11}, {"marchid", 0xf12},   {"mimpid", 0xf13},   {"mhartid", 0xf14},
      {"mconfigptr", 0xf15}};
  auto it = csrs.find(lower(name));
  if (it == csrs.end()) return std::nullopt;
  return it->second;
}

AssembleResult assemble(std::string_view source, const AssembleOptions& options) {
  return Assembler(options).run(source);
}

}  // namespace rtlarena::fuzz
