#!/usr/bin/env bash
# bench_picorv32.sh BUILD: PicoRV32 (not in this repository) through bench_third_party_core.sh
# (docs/BENCHMARKS.md, "Third-party core: PicoRV32"). Needs picorv32.v of YosysHQ/picorv32:
# PICORV32_V=/path/to/picorv32.v (skipped without it). Knobs: PICORV32_BENCH_TESTS (20000),
# PICORV32_BENCH_SEEDS (1-3), PICORV32_BENCH_ALGOS (every scheduler), PICORV32_BENCH_OUT.
set -euo pipefail
if [ -z "${PICORV32_V:-}" ] || [ ! -e "$PICORV32_V" ]; then
  echo "bench_picorv32: skipped (set PICORV32_V to picorv32.v of YosysHQ/picorv32; it is not in this repository)"
  exit 0
fi
CORE_BENCH_TESTS=${PICORV32_BENCH_TESTS:-20000} CORE_BENCH_SEEDS=${PICORV32_BENCH_SEEDS:-1-3} \
CORE_BENCH_ALGOS=${PICORV32_BENCH_ALGOS:-} CORE_BENCH_OUT=${PICORV32_BENCH_OUT:-} \
  exec "$(dirname "$0")/bench_third_party_core.sh" "${1:-build}" picorv32 "$PICORV32_V"
