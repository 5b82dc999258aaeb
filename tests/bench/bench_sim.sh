#!/usr/bin/env bash
# Datasets and simulators: the core suite with the reference model per backend (icarus,
# verilator, auto): wall time and overhead ratio (wall / summed tool time); then the per-task
# Verilator build time with the reused runtime against Verilator's stock --binary flow.
# Usage: bench_sim.sh BUILD_DIR  (run by scripts/bench.sh)
set -euo pipefail
build=${1:-build}
bin="$build/rtlarena"
[ -x "$bin" ] || { echo "no $bin: build first"; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

field() { python3 -c "import json,sys; d=json.load(sys.stdin); print(d.get('$1', ''))"; }

echo "core suite, reference model, $(nproc) cores"
printf "%-10s %8s %8s %8s %8s\n" backend wall_s tool_s ratio pass@1
for sim in icarus verilator auto; do
  # First a warm-up so the Verilator runtime cache exists; the measured run starts cold otherwise.
  [ "$sim" = verilator ] && "$bin" run --suite core --model reference --sim verilator --task popcount8 \
      --no-progress --out "$work/warm" --json >/dev/null
  out=$("$bin" run --suite core --model reference --sim "$sim" --no-progress --no-controls --json --out "$work/$sim")
  wall=$(echo "$out" | field wall_seconds)
  tool=$(echo "$out" | field tool_seconds)
  pass=$(echo "$out" | python3 -c "import json,sys; print(json.load(sys.stdin)['pass_at']['1'])")
  ratio=$(python3 -c "print(f'{$wall/$tool:.2f}' if '$tool' and float('$tool')>0 else '-')")
  printf "%-10s %8.1f %8.1f %8s %8s\n" "$sim" "$wall" "${tool:-0}" "$ratio" "$pass"
done

echo
echo "per-task Verilator build (compile step of one evaluation), seconds"
printf "%-22s %10s %10s\n" task reused stock
for task in popcount8 fifo_fwft mult8x8; do
  dir=datasets/core/$task
  [ -d "$dir" ] || continue
  sed 's/\bRefModule\b/TopModule/g' "$dir/ref.sv" > "$work/$task.sv"
  t1=$("$bin" eval --task "core/$task" --sim verilator --json "$work/$task.sv" | python3 -c "import json,sys; d=json.load(sys.stdin); print(f\"{d.get('compile_seconds', d['seconds']):.2f}\")")
  t2=$("$bin" eval --task "core/$task" --sim verilator-stock --json "$work/$task.sv" | python3 -c "import json,sys; d=json.load(sys.stdin); print(f\"{d.get('compile_seconds', d['seconds']):.2f}\")")
  printf "%-22s %10s %10s\n" "$task" "$t1" "$t2"
done
