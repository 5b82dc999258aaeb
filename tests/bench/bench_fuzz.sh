#!/usr/bin/env bash
# bench_fuzz.sh BUILD: the fuzzer's figures, written into the "## Fuzzer" section of
# docs/BENCHMARKS.md (and printed). Three parts:
#  (1) throughput: tests/s and retired instructions/s on mc and p5, with line coverage and
#      lockstep on, lockstep only, and neither;
#  (2) coverage: every scheduler against `uniform`, SEEDS seeds, TESTS tests each: tests needed
#      to reach each baseline's (uniform's, thehuzz's) median final coverage;
#  (3) bugs: every catalogue bug x scheduler x BUG_SEEDS seeds, up to BUG_TESTS tests with
#      --stop-on-mismatch: runs that found it, median tests and seconds to the first mismatch,
#      total tests against each baseline's (uniform, thehuzz) with a bootstrap interval;
#  (4) injected bugs: `fuzz inject -n MUTANTS` on mc and p5, then every visible mutant x
#      scheduler x MUTANT_SEEDS seeds as in (3), against both baselines.
# Knobs (environment): FUZZ_BENCH_SEEDS (10), FUZZ_BENCH_BUG_SEEDS (30), FUZZ_BENCH_TESTS (10000),
# FUZZ_BENCH_BUG_TESTS (20000), FUZZ_BENCH_BUGS (all, deep, or a space-separated CORE:ID list),
# FUZZ_BENCH_ALGOS (all, the two baselines `thehuzz` and `uniform` included),
# FUZZ_BENCH_MUTANTS (24 mutations tried per core), FUZZ_BENCH_MUTANT_CORES (mc p5; a core
# outside designs/ as NAME=DIR/core.json, e.g. picorv32=/tmp/pico/core.json),
# FUZZ_BENCH_MUTANT_SEEDS (30),
# FUZZ_BENCH_PARTS (1 2 3 4; the parts to run, finished runs are kept and reused),
# FUZZ_BENCH_OUT (BUILD/bench-fuzz), FUZZ_BENCH_NO_DOC=1 to leave docs/BENCHMARKS.md alone,
# FUZZ_BENCH_FLAGS (extra `rtlarena fuzz` flags for every campaign, e.g. "--gamma 3").
set -euo pipefail
build=$(cd "${1:-build}" && pwd)
cd "$(dirname "$0")/../.."
root=$(pwd)
rt="$build/rtlarena"
cache="$build/fuzz-dut-cache"
out=${FUZZ_BENCH_OUT:-$build/bench-fuzz}
seeds=${FUZZ_BENCH_SEEDS:-10}
bugseeds=${FUZZ_BENCH_BUG_SEEDS:-30}
tests=${FUZZ_BENCH_TESTS:-10000}
bugtests=${FUZZ_BENCH_BUG_TESTS:-20000}
mutants=${FUZZ_BENCH_MUTANTS:-24}
mutcores=${FUZZ_BENCH_MUTANT_CORES:-mc p5}
mutseeds=${FUZZ_BENCH_MUTANT_SEEDS:-30}
algos=${FUZZ_BENCH_ALGOS:-$("$rt" fuzz --list-algos | tr '\n' ' ')}
# FUZZ_BENCH_BUGS: all (default), deep (the bugs whose depth is "deep"), or CORE:ID ...
bugsel=${FUZZ_BENCH_BUGS:-all}
case "$bugsel" in
  all|deep) bugs=$(python3 -c "import json,sys;print(' '.join(b['core']+':'+b['id'] for b in json.load(open('designs/riscv/bugs.json'))['bugs'] if sys.argv[1]=='all' or b.get('depth')=='deep'))" "$bugsel") ;;
  *) bugs=$bugsel ;;
esac
parts=" ${FUZZ_BENCH_PARTS:-1 2 3 4} "
part() { [[ "$parts" == *" $1 "* ]]; }
mkdir -p "$out"
export RTLARENA_HOME="$root"
read -r -a extra <<< "${FUZZ_BENCH_FLAGS:-}"
fz() { "$rt" fuzz --cache-dir "$cache" --no-progress "${extra[@]}" "$@" || [ $? -eq 1 ]; }

part 1 && echo "== (1) throughput"
part 1 && for core in mc p5; do
  fz --core $core --algo uniform --tests 20000 --seed 1 --json > "$out/tp-$core-full.json"
  fz --core $core --algo uniform --tests 20000 --seed 1 --json --coverage none > "$out/tp-$core-lockstep.json"
  fz --core $core --algo uniform --tests 20000 --seed 1 --json --coverage none --no-lockstep > "$out/tp-$core-bare.json"
done

part 2 && echo "== (2) coverage: $seeds seeds x $tests tests: $algos"
part 2 && for algo in $algos; do
  for s in $(seq 1 "$seeds"); do
    d="$out/cov/mc-$algo-$s"
    [ -f "$d/summary.json" ] || fz --core mc --algo "$algo" --tests "$tests" --seed "$s" --no-minimize --out "$d" > /dev/null
  done
done

part 3 && echo "== (3) bugs: $bugseeds seeds x $bugtests tests per run: $bugs"
part 3 && for cb in $bugs; do
  core=${cb%%:*}; bug=${cb#*:}
  for algo in $algos; do
    for s in $(seq 1 "$bugseeds"); do
      f="$out/bugs/$bug-$algo-$s.json"
      mkdir -p "$out/bugs"
      [ -s "$f" ] || fz --core "$core" --bug "$bug" --algo "$algo" --tests "$bugtests" --seed "$s" \
        --stop-on-mismatch --no-minimize --json > "$f"
    done
  done
done

part 4 && echo "== (4) injected bugs: $mutants mutations per core on $mutcores"
part 4 && for spec in $mutcores; do
  core=${spec%%=*}; corearg=${spec#*=}
  mdir="$out/mutants-$core"
  [ -f "$mdir/mutants.json" ] || "$rt" fuzz inject --core "$corearg" -n "$mutants" --seed 1 --out "$mdir" \
    --cache-dir "$cache" --json --no-progress > "$out/inject-$core.json"
  ids=$(python3 -c "import json,sys;print(' '.join(str(m['id']) for m in json.load(open(sys.argv[1]))['mutants'] if m['visible']))" "$mdir/mutants.json")
  mkdir -p "$out/mutant-runs"
  for id in $ids; do
    for algo in $algos; do
      for s in $(seq 1 "$mutseeds"); do
        f="$out/mutant-runs/$core-$id-$algo-$s.json"
        [ -s "$f" ] || fz --mutant "$mdir:$id" --algo "$algo" --tests "$bugtests" --seed "$s" \
          --stop-on-mismatch --no-minimize --json > "$f"
      done
    done
  done
done

mutnames=$(for spec in $mutcores; do printf '%s ' "${spec%%=*}"; done)
python3 tests/bench/fuzz_report.py "$out" "$seeds" "$tests" "$bugtests" "$algos" "$bugs" "$mutnames" "$bugseeds" "$mutseeds" > "$out/report.md"
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
