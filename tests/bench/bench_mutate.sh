#!/usr/bin/env bash
# Mutation-analysis benchmark: wall time of `rtlarena mutate` over the `core` suite (or the
# tasks named in BENCH_MUTATE_TASKS) at BENCH_MUTANTS mutants per task (default 200), mutants
# per second, and equivalence checks per second (the reference of each task against itself,
# `rtlarena equiv --self-check`, which also judges the bad variants). Not run by the tests.
# Usage: tests/bench/bench_mutate.sh BUILD_DIR
set -euo pipefail
build=${1:-build}
bin="$build/rtlarena"
[ -x "$bin" ] || { echo "bench_mutate: $bin not built"; exit 1; }
mutants=${BENCH_MUTANTS:-200}
jobs=${BENCH_JOBS:-$(nproc)}
work=$(mktemp -d /tmp/rtlarena-bench-mutate.XXXXXX)
trap 'rm -rf "$work"' EXIT
now() { date +%s.%N; }

task_flags=()
for t in ${BENCH_MUTATE_TASKS:-}; do task_flags+=(--task "$t"); done
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)  ($(nproc) cores, -j $jobs)"

t0=$(now)
"$bin" mutate --suite core "${task_flags[@]}" --mutants "$mutants" -j "$jobs" --json > "$work/mutate.json" 2> /dev/null || true
t1=$(now)
python3 - "$work/mutate.json" "$(echo "$t1 - $t0" | bc -l)" <<'PY'
import json, sys
tasks = json.load(open(sys.argv[1]))["tasks"]
wall = float(sys.argv[2])
m = sum(t["mutants"] for t in tasks.values())
k = sum(t["killed"] for t in tasks.values())
s = sum(t["survived"] for t in tasks.values())
e = sum(t["equivalent"] for t in tasks.values())
u = sum(t["unknown"] for t in tasks.values())
print(f"mutate: {len(tasks)} tasks, {m} mutants in {wall:.1f} s = {m / wall:.2f} mutants/s")
print(f"  killed {k}, survived {s} (unknown {u}), equivalent {e}; overall kill score {k / max(1, k + s):.3f}")
weak = sorted((t["kill_score"] if t["kill_score"] is not None else -1, i) for i, t in tasks.items())
print("  weakest: " + ", ".join(f"{i} {sc:.3f}" for sc, i in weak[:8]))
PY

checks=0; t2=$(now)
for dir in datasets/core/*/; do
  task=$(basename "$dir")
  [ -z "${BENCH_MUTATE_TASKS:-}" ] || [[ " $BENCH_MUTATE_TASKS " == *" $task "* ]] || continue
  n=$(( 1 + $(ls "$dir/bad" 2> /dev/null | wc -l) ))
  "$bin" equiv --task "$task" --self-check --json --timeout 60 > "$work/self_$task.json" 2> /dev/null || true
  checks=$((checks + n))
done
t3=$(now)
python3 - "$work" "$checks" "$(echo "$t3 - $t2" | bc -l)" <<'PY'
import glob, json, sys
ok = bad = 0; verdicts = {}
for f in glob.glob(sys.argv[1] + "/self_*.json"):
    j = json.load(open(f))
    ok += j["ok"]; bad += not j["ok"]
    for r in [j["self"]] + list(j["bad"].values()):
        verdicts[r["verdict"]] = verdicts.get(r["verdict"], 0) + 1
checks, wall = int(sys.argv[2]), float(sys.argv[3])
print(f"equiv: {checks} checks in {wall:.1f} s = {checks / wall:.2f} checks/s (sequential); self-check ok {ok}, failed {bad}; {verdicts}")
PY
