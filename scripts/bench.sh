#!/usr/bin/env bash
# `make bench`: runs every benchmark script tests/bench/bench_*.sh in name order with the build
# directory as argument. Each prints its own figures; docs/BENCHMARKS.md records them.
set -euo pipefail
build=${1:-build}
cd "$(dirname "$0")/.."
status=0
for b in tests/bench/bench_*.sh; do
  [ -e "$b" ] || continue
  echo "=== $(basename "$b" .sh)"
  bash "$b" "$build" || { echo "benchmark $b failed"; status=1; }
done
exit $status
