#!/usr/bin/env bash
# Stored mutation analysis benchmark: what keeping an analysis in a folder (`mutate --out`) costs,
# and what resuming saves. On a few `core` tasks (BENCH_MUTSTORE_TASKS) at BENCH_MUTSTORE_MUTANTS
# mutants per task (default 20): the wall time of `mutate` without a folder, with a new folder,
# resuming a finished folder (nothing simulated), and resuming a folder cut to half its records
# (as a kill leaves it). Each figure is the median of BENCH_MUTSTORE_REPEATS runs (default 3).
# Usage: tests/bench/bench_mutate_store.sh BUILD_DIR
set -euo pipefail
build=${1:-build}
bin="$build/rtlarena"
[ -x "$bin" ] || { echo "bench_mutate_store: $bin not built"; exit 1; }
mutants=${BENCH_MUTSTORE_MUTANTS:-20}
repeats=${BENCH_MUTSTORE_REPEATS:-3}
jobs=${BENCH_JOBS:-$(nproc)}
work=$(mktemp -d /tmp/rtlarena-bench-mutstore.XXXXXX)
trap 'rm -rf "$work"' EXIT
task_flags=()
for t in ${BENCH_MUTSTORE_TASKS:-popcount8 abs_diff8 gray_counter4}; do task_flags+=(--task "$t"); done
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)  ($(nproc) cores, -j $jobs)"
now() { date +%s.%N; }
run() {  # run LABEL [--out DIR]: seconds of one mutate
  local t0 t1
  t0=$(now)
  "$bin" mutate --suite core "${task_flags[@]}" --mutants "$mutants" -j "$jobs" --json "$@" > /dev/null 2>&1
  t1=$(now)
  echo "$t1 - $t0" | bc -l
}
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

plain=(); fresh=(); full=(); half=()
for i in $(seq 1 "$repeats"); do
  plain+=("$(run)")
  fresh+=("$(run --out "$work/a$i")")
  full+=("$(run --out "$work/a$i")")
  lines=$(wc -l < "$work/a$i/mutants.jsonl")
  head -n $((lines / 2)) "$work/a$i/mutants.jsonl" > "$work/cut" && mv "$work/cut" "$work/a$i/mutants.jsonl"
  half+=("$(run --out "$work/a$i")")
done
records=$(wc -l < "$work/a1/mutants.jsonl")
printf 'mutate_store: %s tasks x %s mutants (%s records kept), median of %s\n' "$(( ${#task_flags[@]} / 2 ))" "$mutants" "$records" "$repeats"
printf '  no folder        %6.2f s\n' "$(median "${plain[@]}")"
printf '  new folder       %6.2f s\n' "$(median "${fresh[@]}")"
printf '  resume, finished %6.2f s  (nothing simulated)\n' "$(median "${full[@]}")"
printf '  resume, half cut %6.2f s\n' "$(median "${half[@]}")"
du -sh "$work/a1" | awk '{print "  folder size " $1}'
