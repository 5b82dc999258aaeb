#!/usr/bin/env bash
# bench_fuzz.sh BUILD: the fuzzer's figures, written into the "## Fuzzer" section of
# docs/BENCHMARKS.md (and printed). Three parts:
#  (1) throughput: tests/s and retired instructions/s on mc and p5, with line coverage and
#      lockstep on, lockstep only, and neither;
#  (2) coverage: every scheduler against `uniform`, SEEDS seeds, TESTS tests each: tests needed
#      to reach uniform's median final coverage;
#  (3) bugs: every catalogue bug x scheduler x seed, up to BUG_TESTS tests with
#      --stop-on-mismatch: runs that found it, median tests and seconds to the first mismatch.
# Knobs (environment): FUZZ_BENCH_SEEDS (10), FUZZ_BENCH_TESTS (10000), FUZZ_BENCH_BUG_TESTS
# (20000), FUZZ_BENCH_BUGS (all; a space-separated subset), FUZZ_BENCH_ALGOS (all),
# FUZZ_BENCH_OUT (BUILD/bench-fuzz), FUZZ_BENCH_NO_DOC=1 to leave docs/BENCHMARKS.md alone.
set -euo pipefail
build=$(cd "${1:-build}" && pwd)
cd "$(dirname "$0")/../.."
root=$(pwd)
rt="$build/rtlarena"
cache="$build/fuzz-dut-cache"
out=${FUZZ_BENCH_OUT:-$build/bench-fuzz}
seeds=${FUZZ_BENCH_SEEDS:-10}
tests=${FUZZ_BENCH_TESTS:-10000}
bugtests=${FUZZ_BENCH_BUG_TESTS:-20000}
algos=${FUZZ_BENCH_ALGOS:-$("$rt" fuzz --list-algos | tr '\n' ' ')}
bugs=${FUZZ_BENCH_BUGS:-$(python3 -c "import json;print(' '.join(b['core']+':'+b['id'] for b in json.load(open('designs/riscv/bugs.json'))['bugs']))")}
mkdir -p "$out"
export RTLARENA_HOME="$root"
fz() { "$rt" fuzz --cache-dir "$cache" --quiet "$@" || [ $? -eq 1 ]; }

echo "== (1) throughput"
for core in mc p5; do
  fz --core $core --algo uniform --tests 20000 --seed 1 --json > "$out/tp-$core-full.json"
  fz --core $core --algo uniform --tests 20000 --seed 1 --json --coverage none > "$out/tp-$core-lockstep.json"
  fz --core $core --algo uniform --tests 20000 --seed 1 --json --coverage none --no-lockstep > "$out/tp-$core-bare.json"
done

echo "== (2) coverage: $seeds seeds x $tests tests: $algos"
for algo in $algos; do
  for s in $(seq 1 "$seeds"); do
    d="$out/cov/mc-$algo-$s"
    [ -f "$d/summary.json" ] || fz --core mc --algo "$algo" --tests "$tests" --seed "$s" --no-minimize --out "$d" > /dev/null
  done
done

echo "== (3) bugs: $bugtests tests per run: $bugs"
for cb in $bugs; do
  core=${cb%%:*}; bug=${cb#*:}
  for algo in $algos; do
    for s in $(seq 1 "$seeds"); do
      f="$out/bugs/$bug-$algo-$s.json"
      mkdir -p "$out/bugs"
      [ -s "$f" ] || fz --core "$core" --bug "$bug" --algo "$algo" --tests "$bugtests" --seed "$s" \
        --stop-on-mismatch --no-minimize --json > "$f"
    done
  done
done

python3 tests/bench/fuzz_report.py "$out" "$seeds" "$tests" "$bugtests" "$algos" "$bugs" > "$out/report.md"
cat "$out/report.md"
if [ "${FUZZ_BENCH_NO_DOC:-0}" != 1 ]; then
  python3 - "$out/report.md" docs/BENCHMARKS.md <<'PY'
import sys, re
report = open(sys.argv[1]).read().rstrip() + "\n"
doc = open(sys.argv[2]).read()
head = "## Fuzzer (`bench_fuzz.sh`)"
i = doc.index(head)
j = doc.find("\n## ", i + len(head))
doc = doc[:i] + head + "\n\n" + report + ("\n" + doc[j + 1:] if j != -1 else "")
open(sys.argv[2], "w").write(doc)
PY
fi
