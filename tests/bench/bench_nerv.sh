#!/usr/bin/env bash
# bench_nerv.sh BUILD: the third-party core NERV (not in this repository) through
# bench_third_party_core.sh (docs/BENCHMARKS.md, "Third-party core: NERV"). Needs nerv.sv from
# YosysHQ/nerv: NERV_SV=/path/to/nerv.sv (skipped without it). Knobs: NERV_BENCH_TESTS (20000),
# NERV_BENCH_SEEDS (1-3), NERV_BENCH_ALGOS (every scheduler), NERV_BENCH_OUT (BUILD/bench-nerv).
set -euo pipefail
if [ -z "${NERV_SV:-}" ] || [ ! -f "$NERV_SV" ]; then
  echo "bench_nerv: skipped (set NERV_SV to nerv.sv of YosysHQ/nerv; it is not in this repository)"
  exit 0
fi
CORE_BENCH_TESTS=${NERV_BENCH_TESTS:-20000} CORE_BENCH_SEEDS=${NERV_BENCH_SEEDS:-1-3} \
CORE_BENCH_ALGOS=${NERV_BENCH_ALGOS:-} CORE_BENCH_OUT=${NERV_BENCH_OUT:-} \
  exec "$(dirname "$0")/bench_third_party_core.sh" "${1:-build}" nerv "$NERV_SV"
