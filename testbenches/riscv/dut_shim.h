/* dut_shim.h: the C ABI between rtlarena's fuzzer and one Verilated rtlarena_dut.
 * The fuzzer verilates a core's wrapper together with dut_shim.cpp into a shared object
 * and dlopen()s it; these functions are all it looks up. Everything Verilator-version
 * specific (where the coverage counters live) stays inside dut_shim.cpp.
 * Bump RTLARENA_SHIM_ABI whenever a signature or RtlarenaRvfi changes. */
#ifndef RTLARENA_DUT_SHIM_H
#define RTLARENA_DUT_SHIM_H

#include <stdint.h>

#include "rtlarena/fuzz/rvfi.h"

#define RTLARENA_SHIM_ABI 1

#ifdef __cplusplus
extern "C" {
#endif

typedef struct RtlarenaDut RtlarenaDut;

/* Each function below is looked up by this name with dlsym. */
int rtlarena_shim_abi(void);
/* argv are Verilator plusargs (e.g. "+rtlarena_mutsel=3"); read by the design at time 0. */
RtlarenaDut* rtlarena_dut_create(int argc, const char** argv);
void rtlarena_dut_destroy(RtlarenaDut* dut);
/* Holds rst high for `cycles` rising edges, then low. RVFI during reset is ignored. */
void rtlarena_dut_reset(RtlarenaDut* dut, unsigned cycles);
/* One full clock cycle (falling then rising edge); fills *out; returns rvfi_valid. */
int rtlarena_dut_step(RtlarenaDut* dut, RtlarenaRvfi* out);
/* Runs up to `max` cycles, stopping after the first one with rvfi_valid; returns the
 * number of cycles run (the retirement, if any, is in *out with out->valid set). */
unsigned rtlarena_dut_step_until_retire(RtlarenaDut* dut, unsigned max, RtlarenaRvfi* out);
/* The wrapper's `mem` array, in 32-bit words (index = byte address / 4). */
unsigned rtlarena_dut_mem_words(RtlarenaDut* dut);
void rtlarena_dut_mem_load(RtlarenaDut* dut, const uint32_t* words, unsigned count);
uint32_t rtlarena_dut_mem_read(RtlarenaDut* dut, unsigned index);
/* Coverage counters (0 when built without coverage). With the hit-flag rewrite the
 * counters hold 0 or 1; the caller reads and zeroes them between tests. */
unsigned rtlarena_dut_cov_count(RtlarenaDut* dut);
uint32_t* rtlarena_dut_cov_counters(RtlarenaDut* dut);

#ifdef __cplusplus
}
#endif

#endif
