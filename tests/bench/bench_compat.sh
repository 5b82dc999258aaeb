#!/usr/bin/env bash
# bench_compat.sh BUILD: `rtlarena run --compat verilogeval` against VerilogEval v2's own
# per-sample commands on the same problems, reference answers, same parallelism. The
# original's commands (docs/DATASETS.md): iverilog -Wall -Winfloop -Wno-timescale -g2012 -s tb
# over sample, testbench and reference, then the vvp image under `timeout 30`, one log per
# sample; `Mismatches: 0` without TIMEOUT is a pass. Ours adds extraction, the sandbox, the
# verdict rules and the store. Both are timed from start to all verdicts.
# Needs a VerilogEval v2 task folder, which is not in the repository:
#   VERILOGEVAL2_DIRS="/path/dataset_spec-to-rtl /path/dataset_code-complete-iccad2023"
# (skipped when unset). COMPAT_BENCH_JOBS: parallel jobs for both (default: nproc);
# COMPAT_BENCH_SAMPLES: samples per problem, a list (default "1 20"; the original runs its
# samples of a problem one after another, problems in parallel).
set -euo pipefail
build=$(cd "${1:-build}" && pwd)
cd "$(dirname "$0")/../.."
dirs=${VERILOGEVAL2_DIRS:-}
if [ -z "$dirs" ]; then
  echo "bench_compat: VERILOGEVAL2_DIRS unset (VerilogEval v2 is not in the repository); skipped"
  exit 0
fi
jobs=${COMPAT_BENCH_JOBS:-$(nproc)}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export RTLARENA_HOME=$PWD

original_one() {  # PROBLEM: the original harness's two commands per sample, reference answers
  local p=$1 d="$work/orig/$1" i
  mkdir -p "$d"
  for i in $(seq -w 1 "$samples"); do
    sed 's/\bRefModule\b/TopModule/g' "$ds/${p}_ref.sv" > "$d/sample$i.sv"
    (
      cd "$d"
      {
        iverilog -Wall -Winfloop -Wno-timescale -g2012 -s tb -o bin$i sample$i.sv "$ds/${p}_test.sv" "$ds/${p}_ref.sv" &&
          { timeout 30 ./bin$i || [ $? -ne 124 ] || echo TIMEOUT; }
      } > log$i 2>&1 || true
    )
  done
}
export -f original_one
export work samples

now() { date +%s.%N; }
printf "%-34s %3s %9s %6s %9s %6s %7s\n" dataset n orig_s pass ours_s pass speedup
for samples in ${COMPAT_BENCH_SAMPLES:-1 20}; do
for ds in $dirs; do
  export ds
  name=$(basename "$ds")
  n=$(grep -c . "$ds/problems.txt")
  rm -rf "$work/orig" "$work/ours"
  t0=$(now)
  grep . "$ds/problems.txt" | xargs -P "$jobs" -I{} bash -c 'original_one {}'
  t1=$(now)
  orig_pass=$(for l in "$work"/orig/*/log*; do grep -q TIMEOUT "$l" || grep -l "Mismatches: 0 in" "$l"; done | wc -l)
  t2=$(now)
  json=$("$build/rtlarena" run --dataset "verilogeval2:$ds" --model reference -n "$samples" --compat verilogeval \
    --no-controls --no-progress -j "$jobs" --json --out "$work/ours")
  t3=$(now)
  ours_pass=$(echo "$json" | python3 -c "import json, sys; print(json.load(sys.stdin)['verilogeval_codes'].get('.', 0))")
  python3 -c "
o, r = $t1 - $t0, $t3 - $t2
print(f'%-34s %3s %9.1f %6s %9.1f %6s %6.2fx' % ('$name ($n)', '$samples', o, '$orig_pass', r, '$ours_pass', o / r))"
done
done
