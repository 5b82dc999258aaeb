#!/usr/bin/env bash
# Assertion suite benchmark: the controls of datasets/assertions through `rtlarena run`, i.e. the
# whole judging path (extraction, the assertion mode, the checker in the sandbox, the store):
# `--model reference` answers every task with its golden assertions, `--model bad` with its first
# wrong ones. Prints the wall time per task (the run's wall over its tasks, with -j 1 so tasks do
# not overlap), the proven share of the golden set and the cex share of the wrong set, and the
# load average (the machine is shared).
# The same for datasets/nl2sva (reference answers: equivalent; bad: the first changed ones).
# Usage: tests/bench/bench_assertion_suite.sh BUILD_DIR
set -euo pipefail
build=${1:-build}
bin="$build/rtlarena"
[ -x "$bin" ] || { echo "bench_assertion_suite: $bin not built"; exit 1; }
work=$(mktemp -d /tmp/rtlarena-bench-assert.XXXXXX)
trap 'rm -rf "$work"' EXIT
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)  ($(nproc) cores)"
tasks=$(ls -d datasets/assertions/*/ | wc -l)
for model in reference bad; do
  t0=$(date +%s.%N)
  "$bin" run --suite assertions --model "$model" -j 1 --no-progress --no-control-cache \
    --out "$work/$model" --json > "$work/$model.json"
  t1=$(date +%s.%N)
  python3 - "$work/$model.json" "$model" "$tasks" "$(echo "$t1 - $t0" | bc -l)" <<'PY'
import json, sys
s = json.load(open(sys.argv[1])); model = sys.argv[2]; tasks = int(sys.argv[3]); wall = float(sys.argv[4])
f = s["formal"]["native"]
counts = f["assertion_verdicts"]; total = sum(counts.values())
print(f"{model:9s} tasks {tasks}  wall {wall:6.1f} s  per task {wall / tasks:5.2f} s  "
      f"assertions {total}  share proven {f['assertion_score'] * 100:5.1f}%  verdicts {counts}")
PY
done
# nl2sva: each answer costs two checks (each side assumed while the other is proven).
ntasks=$(ls -d datasets/nl2sva/*/ | wc -l)
for model in reference bad; do
  t0=$(date +%s.%N)
  "$bin" run --suite nl2sva --model "$model" -j 1 --no-progress --no-control-cache \
    --out "$work/nl-$model" --json > "$work/nl-$model.json"
  t1=$(date +%s.%N)
  python3 - "$work/nl-$model.json" "$model" "$ntasks" "$(echo "$t1 - $t0" | bc -l)" <<'PY'
import json, sys
s = json.load(open(sys.argv[1])); model = sys.argv[2]; tasks = int(sys.argv[3]); wall = float(sys.argv[4])
f = s["formal"]["native"]
print(f"nl2sva {model:9s} tasks {tasks}  wall {wall:6.1f} s  per task {wall / tasks:5.2f} s  "
      f"syntax {f['nl2sva_syntax'] * 100:5.1f}%  functional {f['nl2sva_functional'] * 100:5.1f}%  relations {f['nl2sva_relations']}")
PY
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
