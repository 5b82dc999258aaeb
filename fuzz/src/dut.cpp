// dlopen()/dlsym() glue for the DUT shim. RTLD_LOCAL keeps each object's Verilator runtime
// private, so two cores (or a core with and without a bug) can live in one process.
#include "rtlarena/fuzz/dut.h"

#include <dlfcn.h>

#include "dut_shim.h"

namespace rtlarena::fuzz {

struct Dut::Api {
  int (*abi)();
  RtlarenaDut* (*create)(int, const char**);
  void (*destroy)(RtlarenaDut*);
  void (*reset)(RtlarenaDut*, unsigned);
  int (*step)(RtlarenaDut*, RtlarenaRvfi*);
  unsigned (*stepUntil)(RtlarenaDut*, unsigned, RtlarenaRvfi*);
  unsigned (*memWords)(RtlarenaDut*);
  void (*memLoad)(RtlarenaDut*, const uint32_t*, unsigned);
  uint32_t (*memRead)(RtlarenaDut*, unsigned);
  unsigned (*covCount)(RtlarenaDut*);
  uint32_t* (*covCounters)(RtlarenaDut*);
};

namespace {
template <typename F>
bool bind(void* h, const char* name, F& fn) {
  fn = reinterpret_cast<F>(dlsym(h, name));
  return fn != nullptr;
}
}  // namespace

Result<std::unique_ptr<Dut>> Dut::open(const std::filesystem::path& so, const std::vector<std::string>& plusargs) {
  void* h = dlopen(so.c_str(), RTLD_NOW | RTLD_LOCAL);
  if (!h) return makeError(ErrorCode::Io, "cannot load DUT " + so.string() + ": " + dlerror());
  std::unique_ptr<Dut> d(new Dut);
  d->handle_ = h;
  d->api_ = std::make_unique<Api>();
  Api& a = *d->api_;
  bool ok = bind(h, "rtlarena_shim_abi", a.abi) && bind(h, "rtlarena_dut_create", a.create) &&
            bind(h, "rtlarena_dut_destroy", a.destroy) && bind(h, "rtlarena_dut_reset", a.reset) &&
            bind(h, "rtlarena_dut_step", a.step) &&
            bind(h, "rtlarena_dut_step_until_retire", a.stepUntil) &&
            bind(h, "rtlarena_dut_mem_words", a.memWords) && bind(h, "rtlarena_dut_mem_load", a.memLoad) &&
            bind(h, "rtlarena_dut_mem_read", a.memRead) && bind(h, "rtlarena_dut_cov_count", a.covCount) &&
            bind(h, "rtlarena_dut_cov_counters", a.covCounters);
  if (!ok) return makeError(ErrorCode::Io, so.string() + ": not an rtlarena DUT (missing shim symbols)");
  if (a.abi() != RTLARENA_SHIM_ABI)
    return makeError(ErrorCode::Io, so.string() + ": shim ABI " + std::to_string(a.abi()) + ", expected " +
                                        std::to_string(RTLARENA_SHIM_ABI) + " (clear the DUT cache)");
  d->recreate(plusargs);
  return d;
}

void Dut::recreate(const std::vector<std::string>& plusargs) {
  if (inst_) api_->destroy(static_cast<RtlarenaDut*>(inst_));
  std::vector<const char*> argv;
  for (const auto& p : plusargs) argv.push_back(p.c_str());
  auto* inst = api_->create(static_cast<int>(argv.size()), argv.data());
  inst_ = inst;
  memWords_ = api_->memWords(inst);
  coverCount_ = api_->covCount(inst);
  cover_ = api_->covCounters(inst);
}

Dut::~Dut() {
  if (inst_) api_->destroy(static_cast<RtlarenaDut*>(inst_));
  // The object stays loaded: Verilator's runtime registers thread-local state that must
  // outlive the last model, and unloading buys nothing in a short-lived tool.
}

void Dut::reset(unsigned cycles) { api_->reset(static_cast<RtlarenaDut*>(inst_), cycles); }

bool Dut::step(Rvfi& out) { return api_->step(static_cast<RtlarenaDut*>(inst_), &out) != 0; }

unsigned Dut::stepUntilRetire(unsigned max, Rvfi& out) {
  return api_->stepUntil(static_cast<RtlarenaDut*>(inst_), max, &out);
}

void Dut::memLoad(const std::vector<uint32_t>& words) {
  api_->memLoad(static_cast<RtlarenaDut*>(inst_), words.data(), static_cast<unsigned>(words.size()));
}

uint32_t Dut::memRead(unsigned index) { return api_->memRead(static_cast<RtlarenaDut*>(inst_), index); }

}  // namespace rtlarena::fuzz
