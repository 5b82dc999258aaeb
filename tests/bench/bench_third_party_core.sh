#!/usr/bin/env bash
# bench_third_party_core.sh BUILD CORE SOURCE: a third-party core that is not in this repository,
# end to end as a user runs it: fetch (scripts/fetch_CORE.sh SOURCE), calibrate (`fuzz calibrate
# --apply`), then one campaign per scheduler and seed (`fuzz --seeds`); prints a table per
# scheduler (tests/s, instructions/s, final coverage, mismatching tests and their signatures)
# and matches every unique mismatch (minimized reproducer) to a deviation the adapter documents
# (tests/bench/core_sweep_report.py); exit 1 lists any mismatch none explains.
# CORE: nerv (SOURCE = nerv.sv of YosysHQ/nerv) or picorv32 (SOURCE = picorv32.v).
# Knobs (environment): CORE_BENCH_TESTS (20000), CORE_BENCH_SEEDS (1-3), CORE_BENCH_ALGOS (every
# scheduler, thehuzz and uniform included), CORE_BENCH_OUT (BUILD/bench-CORE).
set -euo pipefail
build=$(cd "${1:?usage: $0 BUILD CORE SOURCE}" && pwd)
core=${2:?usage: $0 BUILD CORE SOURCE}
src=${3:?usage: $0 BUILD CORE SOURCE}
cd "$(dirname "$0")/../.."
rt="$build/rtlarena"
[ -x "scripts/fetch_$core.sh" ] || { echo "bench_third_party_core: no scripts/fetch_$core.sh" >&2; exit 2; }
out=${CORE_BENCH_OUT:-$build/bench-$core}
tests=${CORE_BENCH_TESTS:-20000}
seeds=${CORE_BENCH_SEEDS:-1-3}
algos=${CORE_BENCH_ALGOS:-$("$rt" fuzz --list-algos | paste -sd, -)}
cache="$build/fuzz-dut-cache"
rm -rf "$out"
mkdir -p "$out"
"scripts/fetch_$core.sh" "$src" "$out/core" >/dev/null
[ -d "$src" ] || echo "$core source sha256 $(sha256sum "$src" | cut -d' ' -f1)"
# exit 1 = suspected bugs remain (real deviations the adapter documents)
set +e
"$rt" fuzz calibrate --core "$out/core" --apply --no-progress --cache-dir "$cache" >"$out/calibration.txt" 2>&1
cal=$?
set -e
[ "$cal" -le 1 ] || { cat "$out/calibration.txt" >&2; exit "$cal"; }
head -1 "$out/calibration.txt"
python3 - "$out/core/calibration.json" <<'PY'
import json, sys
j = json.load(open(sys.argv[1]))
print(f"calibration: {j['probes']} probes, clean={j['clean']}, proposed changes: {len(j['proposed'])}")
for p in j["proposed"]:
    print(f"  proposed {p.get('change', p)}")
for b in j["suspected_bugs"]:
    print(f"  suspected {b['signature']}: {', '.join(b['probes'])}")
PY
# exit 1 = mismatches (each is listed with its signature below)
set +e
"$rt" fuzz --core "$out/core" --algo "$algos" --seeds "$seeds" --tests "$tests" --out "$out/sweep" \
  --no-progress --cache-dir "$cache" >"$out/sweep.txt" 2>&1
rc=$?
set -e
[ "$rc" -le 1 ] || { cat "$out/sweep.txt" >&2; exit "$rc"; }
sed -n '/distinct mismatch signature/,$p' "$out/sweep.txt"
python3 tests/bench/core_sweep_report.py "$core" "$out/sweep/campaigns" "$algos"
