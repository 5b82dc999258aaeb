#!/usr/bin/env bash
# bench_verilogeval2_strength.sh BUILD: testbench strength of a VerilogEval v2 folder, as a new
# user would measure it. (1) `rtlarena mutate --dataset verilogeval2:DIR --mutants N --seed 1
# --out` into a fresh analysis folder: wall time, mutants, kill scores, weakest testbenches;
# (2) `rtlarena run --dataset verilogeval2:DIR --model reference --judge both`: every reference
# judged against itself by the equivalence judge, the verdict counts and each non-`equivalent`
# reference with the judge's reason. VerilogEval is not in the repository:
#   VERILOGEVAL2_DIR=/path/dataset_spec-to-rtl  (skipped when unset)
# VE2_MUTANTS (default 20), VE2_JOBS (default 2).
set -euo pipefail
build=$(cd "${1:-build}" && pwd)
bin="$build/rtlarena"
[ -x "$bin" ] || { echo "bench_verilogeval2_strength: $bin not built"; exit 1; }
dir=${VERILOGEVAL2_DIR:-}
if [ -z "$dir" ]; then
  echo "bench_verilogeval2_strength: VERILOGEVAL2_DIR unset (VerilogEval v2 is not in the repository); skipped"
  exit 0
fi
mutants=${VE2_MUTANTS:-20}
jobs=${VE2_JOBS:-2}
work=$(mktemp -d /tmp/rtlarena-bench-ve2.XXXXXX)
trap 'rm -rf "$work"' EXIT
now() { date +%s.%N; }
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)  ($(nproc) cores, -j $jobs)"

t0=$(now)
"$bin" mutate --dataset "verilogeval2:$dir" --mutants "$mutants" --seed 1 -j "$jobs" \
  --out "$work/mutate" --json > "$work/mutate.json" 2> "$work/mutate.err" || true
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
print(f"mutate: {len(tasks)} problems, {m} mutants in {wall:.1f} s = {m / wall:.2f} mutants/s")
print(f"  killed {k}, survived {s} (unknown {u}), equivalent {e}; overall kill score {k / max(1, k + s):.3f}")
scored = [t["kill_score"] for t in tasks.values() if t["kill_score"] is not None]
print(f"  mean kill score {sum(scored) / max(1, len(scored)):.3f} over {len(scored)} scored problems; "
      f"{sum(1 for x in scored if x < 1)} below 1.0")
for i, t in sorted(tasks.items(), key=lambda kv: (kv[1]["kill_score"] if kv[1]["kill_score"] is not None else -1, kv[0])):
    if t["kill_score"] is None or t["kill_score"] < 1 or t.get("error"):
        sc = "-" if t["kill_score"] is None else f"{t['kill_score']:.3f}"
        print(f"  weak: {i} kill score {sc} ({t['killed']} killed, {t['survived']} survived, "
              f"{t['unknown']} unknown) {t.get('error', '')}")
PY

t2=$(now)
"$bin" run --dataset "verilogeval2:$dir" --model reference --judge both -j "$jobs" --no-progress \
  --out "$work/run" --json > "$work/run.json" 2> /dev/null || true
t3=$(now)
python3 - "$work/run/results.sqlite" "$(echo "$t3 - $t2" | bc -l)" <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
rows = db.execute("SELECT task_id, verdict, cls, message FROM evaluations WHERE mode = 'equiv' ORDER BY task_id").fetchall()
counts = {}
for _, _, cls, _ in rows:
    counts[cls] = counts.get(cls, 0) + 1
print(f"judge on the references: {len(rows)} judged, run wall {float(sys.argv[2]):.1f} s: " +
      ", ".join(f"{k} {v}" for k, v in sorted(counts.items())))
for task, verdict, cls, message in rows:
    if verdict != "pass":
        print(f"  {task}: {cls}: {message}")
PY
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
