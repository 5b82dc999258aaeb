#!/usr/bin/env bash
# Mutation scoring of assertions: for designs of datasets/assertions, `rtlarena check --mutants N`
# on the design with its golden assertions (sandboxed, no traces, no mutant cache, so every
# mutant is made, judged for equivalence and checked): wall time per design, the mutants'
# equivalence verdicts and the golden set's mutation score; then the same design again with the
# mutants cached (the cost every further answer of a task pays in a run). The load average is
# printed (the machine is shared). Then `rtlarena run` on RUN_TASKS with the golden and wrong
# properties as controls and the bad model's answers, without and with --assert-mutants: the
# cost the flag adds to a run.
# Usage: tests/bench/bench_assert_mutants.sh BUILD_DIR
# Environment: MUTANTS (default 20), SEED (1), TASKS (space-separated ids; default: every task),
# RUN_TASKS (default: edge_detect mod10_counter rr_arbiter3 sync_fifo4; empty: no run part).
set -euo pipefail
build=${1:-build}
bin="$build/rtlarena"
[ -x "$bin" ] || { echo "bench_assert_mutants: $bin not built"; exit 1; }
mutants=${MUTANTS:-20}
seed=${SEED:-1}
tasks=${TASKS:-$(ls datasets/assertions)}
work=$(mktemp -d /tmp/rtlarena-bench-assert-mutants.XXXXXX)
trap 'rm -rf "$work"' EXIT
export RTLARENA_CACHE="$work/cache"

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)  ($(nproc) cores)"
echo "mutants per design: $mutants, seed $seed, -j 2"
printf "  %-16s %7s %7s %5s %5s %7s %6s %-8s %8s\n" task wall_s cached_s made equiv unknown faults caught score
: > "$work/rows"
for id in $tasks; do
  dir=datasets/assertions/$id
  top=$(jq -r .top "$dir/task.json")
  flags=(--design "$dir/design.sv" --top "$top" --props "$dir/golden.sv" --no-trace -j 2)
  clock=$(jq -r '.formal.clock // empty' "$dir/task.json")
  reset=$(jq -r '.formal.reset // empty' "$dir/task.json")
  active=$(jq -r '.formal.reset_active // empty' "$dir/task.json")
  [ -n "$clock" ] && flags+=(--clock "$clock")
  if [ "$active" = none ]; then flags+=(--no-reset)
  elif [ -n "$reset" ]; then flags+=(--reset "$reset"); [ -n "$active" ] && flags+=(--reset-active "$active"); fi
  t0=$(date +%s.%N)
  "$bin" check "${flags[@]}" --mutants "$mutants" --seed "$seed" --json > "$work/$id.json" 2> "$work/$id.err" || true
  t1=$(date +%s.%N)
  "$bin" check "${flags[@]}" --mutants "$mutants" --seed "$seed" --json > /dev/null 2>&1 || true
  t2=$(date +%s.%N)
  if ! jq -e .mutation "$work/$id.json" > /dev/null 2>&1; then
    echo "  $id: no score: $(head -c 200 "$work/$id.err")"
    continue
  fi
  jq -r --arg id "$id" --arg wall "$(echo "$t1 - $t0" | bc -l)" --arg cached "$(echo "$t2 - $t1" | bc -l)" \
    '.mutation | [$id, $wall, $cached, .mutants, .equivalent, .unknown, .non_equivalent, .caught,
                  (if .score == null then "-" else (.score * 100 | tostring) end)] | @tsv' "$work/$id.json" >> "$work/rows"
  tail -1 "$work/rows" | awk -F'\t' '{ printf "  %-16s %7.1f %7.1f %5d %5d %7d %6d %-8d %8s\n",
    $1, $2, $3, $4, $5, $6, $7, $8, ($9 == "-" ? "-" : sprintf("%.1f%%", $9)) }'
done
median=$(cut -f2 "$work/rows" | sort -g | awk '{ v[NR] = $1 } END { if (NR) print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }')
awk -F'\t' -v median="$median" '{ n++; wall += $2; cached += $3; made += $4; eq += $5; unk += $6; faults += $7; caught += $8
              if ($9 != "-") { scored++; sum += $9 }
              if ($2 > max) max = $2 }
  END { if (n == 0) exit
        printf "designs %d: wall per design median %.1f s, mean %.1f s, max %.1f s; with the mutants cached: mean %.1f s\n",
               n, median, wall / n, max, cached / n
        printf "mutants %d: %d equivalent, %d unknown (set aside), %d not equivalent, %d caught by the golden sets\n",
               made, eq, unk, faults, caught
        printf "golden sets: mean mutation score %.1f%% over %d designs with a score; caught/faults overall %.1f%%\n",
               scored ? sum / scored : 0, scored, faults ? 100 * caught / faults : 0 }' "$work/rows"
run_tasks=${RUN_TASKS-edge_detect mod10_counter rr_arbiter3 sync_fifo4}
if [ -n "$run_tasks" ]; then
  selection=()
  for id in $run_tasks; do selection+=(--task "$id"); done
  rm -rf "$RTLARENA_CACHE"
  for mode in without with; do
    extra=()
    [ "$mode" = with ] && extra=(--assert-mutants "$mutants" --assert-mutants-seed "$seed")
    t0=$(date +%s.%N)
    "$bin" run --suite assertions "${selection[@]}" --model bad --controls --no-control-cache -j 2 --no-progress \
      --out "$work/run-$mode" --json "${extra[@]}" > "$work/run-$mode.json"
    t1=$(date +%s.%N)
    printf "run of %d task(s) %-28s wall %6.1f s" "$(wc -w <<< "$run_tasks")" "$mode --assert-mutants:" "$(echo "$t1 - $t0" | bc -l)"
    if [ "$mode" = with ]; then
      jq -r '."assert-mutants" | "  model \(.model.score // "-")  golden \(.golden.score // "-")  faults \(.non_equivalent)"' \
        "$work/run-$mode.json"
    else
      echo
    fi
  done
fi
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
