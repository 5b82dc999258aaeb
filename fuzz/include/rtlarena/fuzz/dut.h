// A loaded DUT: one instance of a Verilated rtlarena_dut inside a shared object built by
// dut_build.h, driven through the C ABI of testbenches/riscv/dut_shim.h. Costs a function
// call per clock cycle; memory and coverage are accessed in place.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "rtlarena/core/result.h"
#include "rtlarena/fuzz/rvfi.h"

namespace rtlarena::fuzz {

class Dut {
 public:
  /// dlopen()s the object and creates one model instance; plusargs reach $value$plusargs.
  static Result<std::unique_ptr<Dut>> open(const std::filesystem::path& sharedObject,
                                           const std::vector<std::string>& plusargs = {});
  ~Dut();
  Dut(const Dut&) = delete;
  Dut& operator=(const Dut&) = delete;

  /// Destroys the model and creates a fresh one (new plusargs are read at time 0).
  void recreate(const std::vector<std::string>& plusargs);
  void reset(unsigned cycles);
  /// One clock cycle; true when a retirement was reported.
  bool step(Rvfi& out);
  /// Up to `max` cycles until one retires; returns the cycles run.
  unsigned stepUntilRetire(unsigned max, Rvfi& out);
  unsigned memWords() const { return memWords_; }
  void memLoad(const std::vector<uint32_t>& words);
  uint32_t memRead(unsigned index);
  /// Coverage counters (hit flags), or nullptr/0 without coverage.
  uint32_t* coverCounters() { return cover_; }
  unsigned coverCount() const { return coverCount_; }

 private:
  struct Api;
  Dut() = default;
  void* handle_ = nullptr;
  std::unique_ptr<Api> api_;
  void* inst_ = nullptr;
  unsigned memWords_ = 0;
  uint32_t* cover_ = nullptr;
  unsigned coverCount_ = 0;
};

}  // namespace rtlarena::fuzz
