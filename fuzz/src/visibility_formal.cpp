// Formal visibility, in order: (1) rewrite the wrapper twice (names, memory cut to W words, a
// load port for the solver's words, the core instance renamed to a shell around the mutated
// netlist); (2) write the miter; (3) one Yosys run re-applies the mutations, flattens, maps
// memories and bit-blasts to AIGER with a map of the inputs; (4) per mutation, ABC extracts
// its property's cone and runs bmc3; (5) a counterexample's frame-0 inputs give the program
// and the retirement index.
#include "rtlarena/fuzz/visibility_formal.h"

#include <mutex>
#include <regex>
#include <thread>

#include "rtlarena/core/files.h"
#include "rtlarena/core/process.h"
#include "rtlarena/core/text.h"
#include "rtlarena/core/tools.h"
#include "rtlarena/core/worker_pool.h"
#include "rtlarena/fuzz/mutant_shell.h"

namespace rtlarena::fuzz {

namespace fs = std::filesystem;

namespace {

constexpr const char* kMutselWire = "rtlarena_vis_mutsel";

struct RewrittenWrapper {
  std::string text;
  std::string coreInstance;
};

std::string escapeRegex(const std::string& s) { return std::regex_replace(s, std::regex(R"([.^$|()\[\]{}*+?\\])"), R"(\$&)"); }

Result<RewrittenWrapper> rewriteWrapper(const std::string& text, const FormalVisibilityInput& in, char tag, unsigned words) {
  const std::string file = in.wrapperFile.string();
  auto unsupported = [&](const std::string& why) {
    return makeError(ErrorCode::BadConfig, file + ": " + why + "; the formal visibility check needs the adapter contract of docs/CORE_ADAPTER.md");
  };
  RewrittenWrapper out;
  std::string t = text;
  std::regex header("\\bmodule\\s+" + escapeRegex(in.wrapperModule) + "\\s*\\(\\s*(?=(input|output|inout)\\b)");
  if (!std::regex_search(t, header)) return unsupported("module " + in.wrapperModule + " has no ANSI port list");
  t = std::regex_replace(t, header,
                         std::string("module rtlarena_vis_dut_") + tag + " (\n    input rtlarena_vis_load,\n    input [" +
                             std::to_string(words * 32 - 1) + ":0] rtlarena_vis_init,\n    ",
                         std::regex_constants::format_first_only);
  std::regex mem(R"(\breg\s*\[\s*31\s*:\s*0\s*\]\s*mem\s*\[\s*0\s*:\s*16383\s*\])");
  if (!std::regex_search(t, mem)) return unsupported("no `reg [31:0] mem[0:16383]`");
  t = std::regex_replace(t, mem, "reg [31:0] mem[0:" + std::to_string(words - 1) + "]", std::regex_constants::format_first_only);
  std::regex inst("\\b" + escapeRegex(in.coreModule) + R"((\s*#\s*\([^;]*?\))?(\s+)([A-Za-z_][A-Za-z0-9_$]*)(\s*\())");
  std::smatch m;
  if (!std::regex_search(t, m, inst)) return unsupported("no instance of " + in.coreModule);
  out.coreInstance = m[3];
  const std::string suffix = m.suffix();
  if (std::regex_search(suffix, inst)) return unsupported("more than one instance of " + in.coreModule);
  t = m.prefix().str() + "rtlarena_vis_core_" + tag + m[1].str() + m[2].str() + m[3].str() + m[4].str() + suffix;
  const auto end = t.rfind("endmodule");
  if (end == std::string::npos) return unsupported("no endmodule");
  const std::string w = std::to_string(words);
  t.insert(end,
           "  // The formal check's load: the solver's words in cycle 0, the same in both copies.\n"
           "  integer rtlarena_vis_i;\n"
           "  always @(posedge clk) if (rtlarena_vis_load)\n"
           "    for (rtlarena_vis_i = 0; rtlarena_vis_i < " + w + "; rtlarena_vis_i = rtlarena_vis_i + 1)\n"
           "      mem[rtlarena_vis_i] <= rtlarena_vis_init[rtlarena_vis_i*32 +: 32];\n");
  out.text = std::move(t);
  return out;
}

// Copy a holds the select at 0; copy b leaves it to a wire the Yosys script connects to the
// miter's held choice.
Result<std::string> shellModule(const fs::path& portsJson, char tag, const InstanceParameters& params) {
  const bool mutated = tag == 'b';
  return mutantShell(portsJson, {std::string("rtlarena_vis_core_") + tag, params,
                                 mutated ? std::string("  (* keep *) wire [15:0] ") + kMutselWire + ";\n" : "",
                                 mutated ? kMutselWire : "16'd0"});
}

struct RvfiField {
  const char* name;
  unsigned width;
};
constexpr RvfiField kRvfi[] = {{"valid", 1},     {"order", 64},     {"insn", 32},      {"trap", 1},
                               {"halt", 1},      {"intr", 1},       {"mode", 2},       {"ixl", 2},
                               {"rs1_addr", 5},  {"rs2_addr", 5},   {"rs1_rdata", 32}, {"rs2_rdata", 32},
                               {"rd_addr", 5},   {"rd_wdata", 32},  {"pc_rdata", 32},  {"pc_wdata", 32},
                               {"mem_addr", 32}, {"mem_rmask", 4},  {"mem_wmask", 4},  {"mem_rdata", 32},
                               {"mem_wdata", 32}};

std::string vec(unsigned width) { return width > 1 ? "[" + std::to_string(width - 1) + ":0] " : ""; }

// The miter: load in cycle 0, reset for resetCycles more, then compare the chosen retirement.
std::string miterSource(const FormalVisibilityInput& in, unsigned words) {
  const std::string n = std::to_string(in.mutations);
  std::string v = "// Generated by `rtlarena fuzz inject`: the formal visibility miter.\n"
                  "module rtlarena_vis_miter (\n    input clk,\n    input [" + std::to_string(words * 32 - 1) +
                  ":0] init_words,\n    input [7:0] pick_in,\n    input [15:0] mutsel_in,\n    output [" +
                  std::to_string(in.mutations) + ":0] bad\n);\n";
  v += "  reg [4:0] age = 5'd0;\n  always @(posedge clk) if (age != 5'd31) age <= age + 5'd1;\n";
  v += "  wire load = age == 5'd0;\n  wire rst = age <= 5'd" + std::to_string(std::min(in.resetCycles, 30u)) + ";\n";
  v += "  reg [7:0] pick = 8'd0;\n  reg [15:0] mutsel = 16'd0;\n";
  v += "  always @(posedge clk) if (load) begin\n    pick <= pick_in;\n    mutsel <= mutsel_in;\n  end\n";
  std::vector<std::string> counters = {"B00", "B80", "C00", "C80", "C01", "C81"};
  if (in.maskMinstret) counters.insert(counters.end(), {"B02", "B82", "C02", "C82"});
  for (const char t : {'a', 'b'}) {
    const std::string p(1, t);
    for (const auto& f : kRvfi) v += "  wire " + vec(f.width) + p + "_" + f.name + ";\n";
    v += "  rtlarena_vis_dut_" + p + " " + p + " (\n      .clk(clk), .rst(rst), .rtlarena_vis_load(load), .rtlarena_vis_init(init_words)";
    for (const auto& f : kRvfi) v += std::string(",\n      .rvfi_") + f.name + "(" + p + "_" + f.name + ")";
    v += "\n  );\n";
    std::string isCounter;
    for (const auto& c : counters) isCounter += std::string(isCounter.empty() ? "" : " || ") + p + "_insn[31:20] == 12'h" + c;
    v += "  wire " + p + "_counter_read = " + p + "_insn[6:0] == 7'h73 && " + p + "_insn[13:12] != 2'd0 &&\n      (" +
         isCounter + ");\n";
    // What the lockstep compares (lockstep.cpp), with copy a standing for the ISA model: pc,
    // instruction, trap and the rd_addr 0 rule always; register write, memory write and next
    // pc exactly unless a traps; operands only where both copies name the same register; a
    // read's bytes of a within b's.
    v += "  wire [31:0] " + p + "_wbytes = {{8{" + p + "_mem_wmask[3]}}, {8{" + p + "_mem_wmask[2]}}, {8{" + p +
         "_mem_wmask[1]}}, {8{" + p + "_mem_wmask[0]}}};\n";
    v += "  wire [31:0] " + p + "_insn_cmp = " + p + "_insn[1:0] == 2'b11 ? " + p + "_insn : {16'd0, " + p + "_insn[15:0]};\n";
    v += "  wire [31:0] " + p + "_rd = (" + p + "_rd_addr == 5'd0 || " + p + "_counter_read) ? 32'd0 : " + p + "_rd_wdata;\n";
    v += "  wire [31:0] " + p + "_waddr = " + p + "_mem_wmask != 4'd0 ? " + p + "_mem_addr : 32'd0;\n";
    v += "  wire [255:0] " + p + "_done = {" + p + "_rd_addr, " + p + "_rd, " + p + "_waddr, " + p + "_mem_wmask, " + p +
         "_mem_wdata & " + p + "_wbytes, " + p + "_pc_wdata};\n";
    v += "  wire [383:0] " + p + "_packet = {" + p + "_pc_rdata, " + p + "_insn_cmp, " + p + "_trap, " + p + "_rd_addr == 5'd0 && " +
         p + "_rd_wdata != 32'd0, " + p + "_trap ? 256'd0 : " + p + "_done};\n";
    v += "  wire [141:0] " + p + "_ops = {" + p + "_rs1_addr, " + p + "_rs1_rdata, " + p + "_rs2_addr, " + p + "_rs2_rdata, " + p +
         "_mem_addr, " + p + "_mem_rmask, " + p + "_mem_rdata};\n";
    v += "  reg " + p + "_seen = 1'b0;\n  reg " + p + "_k_trap = 1'b0;\n  reg [383:0] " + p + "_kept = 384'd0;\n  reg [141:0] " + p +
         "_k_ops = 142'd0;\n";
    v += "  always @(posedge clk) if (!rst && " + p + "_valid && " + p + "_order[7:0] == pick && !" + p + "_seen) begin\n"
         "    " + p + "_seen <= 1'b1;\n    " + p + "_kept <= " + p + "_packet;\n    " + p + "_k_ops <= " + p + "_ops;\n    " + p +
         "_k_trap <= " + p + "_trap;\n  end\n";
    v += "  wire [4:0] " + p + "_k_rs1a = " + p + "_k_ops[141:137];\n  wire [31:0] " + p + "_k_rs1 = " + p + "_k_ops[136:105];\n";
    v += "  wire [4:0] " + p + "_k_rs2a = " + p + "_k_ops[104:100];\n  wire [31:0] " + p + "_k_rs2 = " + p + "_k_ops[99:68];\n";
    v += "  wire [31:0] " + p + "_k_maddr = " + p + "_k_ops[67:36];\n  wire [3:0] " + p + "_k_rmask = " + p + "_k_ops[35:32];\n";
    v += "  wire [31:0] " + p + "_k_rdata = " + p + "_k_ops[31:0];\n";
  }
  v += "  wire [31:0] a_k_rbytes = {{8{a_k_rmask[3]}}, {8{a_k_rmask[2]}}, {8{a_k_rmask[1]}}, {8{a_k_rmask[0]}}};\n";
  v += "  wire ops_differ = !a_k_trap && (\n"
       "      (a_k_rs1a != 5'd0 && a_k_rs1a == b_k_rs1a && a_k_rs1 != b_k_rs1) ||\n"
       "      (a_k_rs2a != 5'd0 && a_k_rs2a == b_k_rs2a && a_k_rs2 != b_k_rs2) ||\n"
       "      ((a_k_rmask != 4'd0) != (b_k_rmask != 4'd0)) ||\n"
       "      (a_k_rmask != 4'd0 && (a_k_maddr != b_k_maddr || (a_k_rmask & ~b_k_rmask) != 4'd0 ||\n"
       "                             ((a_k_rdata ^ b_k_rdata) & a_k_rbytes) != 32'd0)));\n";
  v += "  wire differ = a_seen && b_seen && (a_kept != b_kept || ops_differ);\n";
  // bad[0]: select 0 in both copies; any difference there is nondeterminism in the miter
  v += "  genvar k;\n  generate\n    for (k = 0; k <= " + n + "; k = k + 1) begin : per_select\n"
       "      assign bad[k] = differ && mutsel == k;\n    end\n  endgenerate\nendmodule\n";
  return v;
}

// The arithmetic cells the stand-in miter replaces, each by a cell with the same ports.
const char* const kStandIns[][2] = {{"$mul", "$add"}, {"$div", "$sub"}, {"$mod", "$xor"},
                                    {"$divfloor", "$sub"}, {"$modfloor", "$xor"}};

std::string yosysScript(const FormalVisibilityInput& in, const std::string& coreInstance, bool standIns,
                        const std::string& base) {
  std::string s = elaborateCoreScript(in.coreSources, in.defines, in.includeDirs, in.coreModule, in.parameters);
  s += "script " + in.mutationsScript.string() + "\n";
  // after the mutations, which stay on the cells' outputs
  if (standIns)
    for (const auto& [from, to] : kStandIns) s += std::string("chtype -map ") + from + " " + to + " t:" + from + "\n";
  s += "opt_clean\n";
  s += "read_verilog -sv" + readVerilogFlags(in.defines, in.includeDirs) + " shell_a.v shell_b.v dut_a.sv dut_b.sv miter.sv\n";
  s += "hierarchy -top rtlarena_vis_miter\nproc\nflatten\n";
  s += "connect -nounset -set \\b." + coreInstance + "." + kMutselWire + " mutsel\n";
  // memory_collect + memory_map, not `memory`: the load's many write ports make the priority
  // and sharing passes quadratic, and they change nothing a solver needs. FFs start at 0 in
  // both copies (as Verilator starts them), so only the load's words are free.
  s += "opt_mem\nmemory_collect\nmemory_map\nopt -fast\nsetundef -zero -init\ntechmap\ndffunmap\naigmap\n";
  s += "write_aiger -zinit -map " + base + ".aim " + base + ".aig\n";
  return s;
}

// Whether the flattened core (the ports.json inject wrote) has a cell a stand-in replaces.
bool hasArithmetic(const fs::path& portsJson) {
  auto text = readFile(portsJson);
  if (!text) return false;
  for (const auto& [from, to] : kStandIns)
    if (text->find(std::string("\"type\": \"") + from + "\"") != std::string::npos) return true;
  return false;
}

struct InputBits {
  std::vector<std::pair<unsigned, unsigned>> init;  ///< (pi index, bit of init_words)
  std::vector<std::pair<unsigned, unsigned>> pick;
};

Result<InputBits> readInputMap(const fs::path& aim) {
  auto text = readFile(aim);
  if (!text) return text.error();
  InputBits bits;
  for (auto line : splitLines(*text)) {
    unsigned index = 0, bit = 0;
    char name[64] = {0};
    if (std::sscanf(std::string(line).c_str(), "input %u %u %63s", &index, &bit, name) != 3) continue;
    const std::string n = name;
    if (n == "init_words") bits.init.push_back({index, bit});
    if (n == "pick_in") bits.pick.push_back({index, bit});
  }
  if (bits.init.empty()) return makeError(ErrorCode::Parse, aim.string() + ": no init_words inputs");
  return bits;
}

// ABC's `write_cex -n` lines "pi0042@0=1": the frame-0 value of each primary input.
std::map<unsigned, bool> frameZeroInputs(const std::string& cex) {
  std::map<unsigned, bool> v;
  for (auto line : splitLines(cex)) {
    if (!startsWith(line, "pi")) continue;
    unsigned index = 0, frame = 0, value = 0;
    if (std::sscanf(std::string(line).c_str(), "pi%u@%u=%u", &index, &frame, &value) == 3 && frame == 0) v[index] = value != 0;
  }
  return v;
}

std::pair<size_t, size_t> aigerSize(const fs::path& aig) {
  auto text = readFile(aig);
  if (!text) return {0, 0};
  unsigned long m = 0, i = 0, l = 0, o = 0, a = 0;
  if (std::sscanf(text->substr(0, 128).c_str(), "aig %lu %lu %lu %lu %lu", &m, &i, &l, &o, &a) != 5) return {0, 0};
  return {a, l};
}

FormalMutantResult solveOne(unsigned id, const fs::path& work, const std::string& base, const InputBits& bits,
                            const FormalVisibilityOptions& o, unsigned words) {
  FormalMutantResult r;
  r.id = id;
  const std::string cexFile = base + "-cex-" + std::to_string(id) + ".txt";
  std::error_code ec;
  fs::remove(work / cexFile, ec);
  ProcessSpec ps;
  ps.argv = {"yosys-abc", "-c",
             "read_aiger " + base + ".aig; &get; &cone -a -O " + std::to_string(id) + "; &put; bmc3 -F " + std::to_string(o.depth) +
                 " -T " + std::to_string(o.perMutant.count()) + "; write_cex -n " + cexFile};
  ps.workDir = work.string();
  ps.env = defaultToolEnv(work.string());
  ps.deadline = o.perMutant + std::chrono::seconds(30);
  auto pr = runProcess(ps);
  if (!pr) {
    r.detail = pr.error().describe();
    return r;
  }
  r.seconds = pr->wallSeconds;
  const std::string out = pr->combined();
  static const std::regex asserted(R"(was asserted in frame (\d+))");
  std::smatch m;
  if (pr->timedOut) {
    r.verdict = FormalVerdict::Timeout;
  } else if (std::regex_search(out, m, asserted)) {
    auto cex = readFile(work / cexFile);
    if (!cex) {
      r.detail = "no counterexample file: " + cex.error().describe();
      return r;
    }
    const auto values = frameZeroInputs(*cex);
    r.verdict = FormalVerdict::Differs;
    r.frame = static_cast<unsigned>(std::stoul(m[1]));
    r.image.assign(words, 0);
    for (const auto& [pi, bit] : bits.init)
      if (auto it = values.find(pi); it != values.end() && it->second) r.image[bit / 32] |= 1u << (bit % 32);
    for (const auto& [pi, bit] : bits.pick)
      if (auto it = values.find(pi); it != values.end() && it->second) r.retirement |= 1u << bit;
    while (!r.image.empty() && r.image.back() == 0) r.image.pop_back();
  } else if (std::regex_search(out, m, std::regex(R"(No output asserted in (\d+) frames)"))) {
    r.frame = static_cast<unsigned>(std::stoul(m[1]));
    r.verdict = out.find("Resource limit reached") != std::string::npos || r.frame < o.depth
                    ? FormalVerdict::Timeout
                    : FormalVerdict::NoDifferenceWithinBound;
  } else {
    r.detail = "unexpected ABC output:\n" + tailLines(out, 8);
  }
  return r;
}

struct BuiltMiter {
  InputBits bits;
  double seconds = 0;
  size_t andGates = 0, latches = 0;
};

// Writes BASE.ys and runs Yosys on it: BASE.aig and its input map BASE.aim.
Result<BuiltMiter> buildMiter(const FormalVisibilityInput& in, const std::string& instance, bool standIns,
                              const std::string& base, const fs::path& workDir, const FormalVisibilityOptions& o) {
  if (auto s = writeFile(workDir / (base + ".ys"), yosysScript(in, instance, standIns, base)); !s) return s.error();
  if (o.log) o.log("formal visibility: building the miter" + std::string(standIns ? " with arithmetic stand-ins" : "") + " (" +
                   std::to_string(in.mutations) + " mutations, " + std::to_string(o.memoryWords) + " words of memory)");
  ProcessSpec ps;
  ps.argv = {"yosys", "-q", "-l", base + ".log", base + ".ys"};
  ps.workDir = workDir.string();
  ps.env = defaultToolEnv(workDir.string());
  ps.deadline = o.build;
  auto yr = runProcess(ps);
  if (!yr) return yr.error();
  if (!yr->exitedOk())
    return makeError(ErrorCode::Internal, "formal visibility: yosys failed building the miter" +
                                              std::string(yr->timedOut ? " (timed out)" : "") + ":\n" +
                                              tailLines(yr->combined(), 20));
  BuiltMiter b;
  b.seconds = yr->wallSeconds;
  std::tie(b.andGates, b.latches) = aigerSize(workDir / (base + ".aig"));
  auto bits = readInputMap(workDir / (base + ".aim"));
  if (!bits) return bits.error();
  b.bits = std::move(*bits);
  return b;
}

// One solver per mutation of `ids`, `o.jobs` at once; results into out[id - 1].
void solveAll(const std::vector<unsigned>& ids, const fs::path& workDir, const std::string& base, const InputBits& bits,
              const FormalVisibilityOptions& o, std::vector<FormalMutantResult>& out, bool standIns) {
  std::mutex logMutex;
  WorkerPool pool(o.jobs ? o.jobs : std::max(1u, std::thread::hardware_concurrency()));
  for (unsigned id : ids)
    pool.submit([&, id] {
      FormalMutantResult r = solveOne(id, workDir, base, bits, o, o.memoryWords);
      r.standIns = standIns;
      if (o.log) {
        std::lock_guard<std::mutex> lock(logMutex);
        o.log("formal visibility" + std::string(standIns ? " (stand-ins)" : "") + ": mutation " + std::to_string(id) + ": " +
              std::string(formalVerdictName(r.verdict)) +
              (r.verdict == FormalVerdict::Differs
                   ? " at cycle " + std::to_string(r.frame) + ", retirement " + std::to_string(r.retirement)
                   : " (" + std::to_string(r.frame) + " cycles checked)") +
              (r.detail.empty() ? "" : " (" + r.detail + ")"));
      }
      out[id - 1] = std::move(r);
    });
  pool.wait();
}

}  // namespace

std::string_view formalVerdictName(FormalVerdict v) {
  switch (v) {
    case FormalVerdict::Differs: return "differs";
    case FormalVerdict::NoDifferenceWithinBound: return "no_difference_within_bound";
    case FormalVerdict::Timeout: return "timeout";
    case FormalVerdict::Failed: return "failed";
  }
  return "failed";
}

Result<FormalVisibility> checkVisibilityFormally(const FormalVisibilityInput& in, const fs::path& workDir,
                                                 const FormalVisibilityOptions& o) {
  if (in.mutations == 0) return FormalVisibility{};
  if (o.memoryWords == 0 || o.memoryWords > 16384 || o.depth == 0)
    return makeError(ErrorCode::BadArgument, "formal visibility: memory words must be 1..16384 and the depth at least 1");
  for (const char* tool : {"yosys", "yosys-abc"})
    if (auto t = findTool(tool); !t) return t.error();
  auto wrapperText = readFile(in.wrapperFile);
  if (!wrapperText) return wrapperText.error();
  std::error_code ec;
  fs::create_directories(workDir, ec);
  std::string instance;
  for (const char tag : {'a', 'b'}) {
    auto w = rewriteWrapper(*wrapperText, in, tag, o.memoryWords);
    if (!w) return w.error();
    instance = w->coreInstance;
    auto shell = shellModule(in.portsJson, tag, in.parameters);
    if (!shell) return shell.error();
    if (auto s = writeFile(workDir / (std::string("dut_") + tag + ".sv"), w->text); !s) return s.error();
    if (auto s = writeFile(workDir / (std::string("shell_") + tag + ".v"), *shell); !s) return s.error();
  }
  if (auto s = writeFile(workDir / "miter.sv", miterSource(in, o.memoryWords)); !s) return s.error();

  auto exact = buildMiter(in, instance, false, "miter", workDir, o);
  if (!exact) return exact.error();
  FormalVisibility res;
  res.buildSeconds = exact->seconds;
  res.andGates = exact->andGates;
  res.latches = exact->latches;
  // Select 0 first: the two copies are then the same netlist, so a difference means the miter
  // is not deterministic (state the load and reset leave free) and no witness could be trusted.
  FormalMutantResult identity = solveOne(0, workDir, "miter", exact->bits, o, o.memoryWords);
  if (identity.verdict == FormalVerdict::Differs || identity.verdict == FormalVerdict::Failed)
    return makeError(ErrorCode::Internal, "formal visibility: the miter's two unmutated copies " +
                                              std::string(identity.verdict == FormalVerdict::Differs
                                                              ? "differ at cycle " + std::to_string(identity.frame)
                                                              : "could not be checked: " + identity.detail) +
                                              "; nothing can be judged");
  res.identitySeconds = identity.seconds;
  res.identity = identity.verdict;
  res.identityCycles = identity.frame;
  if (o.log)
    o.log("formal visibility: the unmutated copies agree for " + std::to_string(identity.frame) + " cycles (" +
          std::string(formalVerdictName(identity.verdict)) + ")");
  res.mutants.resize(in.mutations);
  std::vector<unsigned> all;
  for (unsigned id = 1; id <= in.mutations; ++id) all.push_back(id);
  solveAll(all, workDir, "miter", exact->bits, o, res.mutants, false);

  // Second pass: the mutations that ran out of time, on the miter with arithmetic stand-ins.
  std::vector<unsigned> retry;
  for (const auto& r : res.mutants)
    if (r.verdict == FormalVerdict::Timeout) retry.push_back(r.id);
  if (!o.arithmeticStandIns) {
    res.standInNote = "off";
  } else if (retry.empty()) {
    res.standInNote = "not needed (no time-out)";
  } else if (!hasArithmetic(in.portsJson)) {
    res.standInNote = "not needed (the core has no multiplier, divider or remainder cell)";
  } else {
    auto alt = buildMiter(in, instance, true, "miter_standins", workDir, o);
    if (!alt) return alt.error();
    res.standInBuildSeconds = alt->seconds;
    res.standInAndGates = alt->andGates;
    FormalMutantResult altIdentity = solveOne(0, workDir, "miter_standins", alt->bits, o, o.memoryWords);
    if (altIdentity.verdict == FormalVerdict::Differs || altIdentity.verdict == FormalVerdict::Failed) {
      res.standInNote = "skipped: its two unmutated copies do not agree";
    } else {
      res.standInRetried = static_cast<unsigned>(retry.size());
      std::vector<FormalMutantResult> second(in.mutations);
      solveAll(retry, workDir, "miter_standins", alt->bits, o, second, true);
      for (unsigned id : retry)
        if (second[id - 1].verdict == FormalVerdict::Differs) res.mutants[id - 1] = std::move(second[id - 1]);
      res.standInNote = std::to_string(retry.size()) + " time-outs retried";
    }
  }
  return res;
}

}  // namespace rtlarena::fuzz
