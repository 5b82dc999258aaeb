#!/usr/bin/env bash
# PPA benchmark: wall time of `rtlarena synth` (Yosys + OpenSTA + power, sandboxed) on every
# datasets/core reference with an empty cache, then again with the cache warm; the CPU time
# (user + system, rtlarena and its tools) of the same flow without the sandbox, which does not
# depend on how loaded the machine is; and one `rtlarena run --ppa` of the reference model over
# the suite (activity from simulation).
# Usage: tests/bench/bench_ppa.sh BUILD_DIR
set -euo pipefail
build=${1:-build}
bin="$build/rtlarena"
[ -x "$bin" ] || { echo "bench_ppa: $bin not built"; exit 1; }
work=$(mktemp -d /tmp/rtlarena-bench-ppa.XXXXXX)
trap 'rm -rf "$work"' EXIT
export RTLARENA_CACHE="$work/cache"

now() { date +%s.%N; }

# Prints "median p90 max" of the numbers on stdin.
stats() {
  sort -g | awk '{ v[NR] = $1 } END {
    if (NR == 0) { print "0 0 0"; exit }
    m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
    p = v[int(0.9 * NR + 0.999)]
    printf "%.3f %.3f %.3f\n", m, p, v[NR] }'
}

: > "$work/cold" ; : > "$work/warm" ; : > "$work/cpu" ; : > "$work/flow" ; : > "$work/rows"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)  ($(nproc) cores)"
n=0; failed=0
for ref in datasets/core/*/ref.sv; do
  task=$(basename "$(dirname "$ref")")
  t0=$(now)
  if ! out=$("$bin" synth "$ref" --top RefModule --json 2>&1); then failed=$((failed + 1)); fi
  t1=$(now)
  "$bin" synth "$ref" --top RefModule --json > /dev/null 2>&1 || true
  t2=$(now)
  /usr/bin/time -f "%U %S" -o "$work/t" "$bin" synth "$ref" --top RefModule --no-cache --no-sandbox > /dev/null 2>&1 || true
  awk '{ print $1 + $2 }' "$work/t" >> "$work/cpu"
  echo "$t1 - $t0" | bc -l >> "$work/cold"
  echo "$t2 - $t1" | bc -l >> "$work/warm"
  area=$(echo "$out" | sed -n 's/.*"area_um2":\([0-9.e+-]*\).*/\1/p')
  # The flow's own timers (Yosys and OpenSTA runs, sandbox included; no CLI start-up).
  ys=$(echo "$out" | sed -n 's/.*"synth_seconds":\([0-9.e+-]*\).*/\1/p')
  ss=$(echo "$out" | sed -n 's/.*"sta_seconds":\([0-9.e+-]*\).*/\1/p')
  echo "${ys:-0} + ${ss:-0}" | bc -l >> "$work/flow"
  status=$(echo "$out" | sed -n 's/.*"status":"\([a-z_]*\)".*/\1/p')
  printf "%-24s %-16s %10s um2  wall %7.3f s  cpu %6.3f s\n" "$task" "${status:-error}" "${area:--}" \
    "$(echo "$t1 - $t0" | bc -l)" "$(tail -1 "$work/cpu")" >> "$work/rows"
  n=$((n + 1))
done
cat "$work/rows"
read -r cm cp cx < <(stats < "$work/cold")
read -r wm wp wx < <(stats < "$work/warm")
read -r um up ux < <(stats < "$work/cpu")
read -r fm fp fx < <(stats < "$work/flow")
echo "designs: $n  (not ok: $failed)"
echo "flow (synth + STA + power) (s):  median $fm  p90 $fp  max $fx"
echo "rtlarena synth, cold cache (s):  median $cm  p90 $cp  max $cx"
echo "rtlarena synth, cache hit (s):   median $wm  p90 $wp  max $wx"
echo "CPU time per design (s):         median $um  p90 $up  max $ux"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"

# A whole --ppa run of the reference model (candidate and reference PPA with simulated activity).
rm -rf "$RTLARENA_CACHE"
t0=$(now)
"$bin" run --suite core --model reference --ppa --json --no-progress --out "$work/run" > "$work/run.json"
t1=$(now)
t2=$(now)
"$bin" run --suite core --model reference --no-progress --json --out "$work/run-noppa" > /dev/null
t3=$(now)
echo "run --suite core --model reference --ppa: $(echo "$t1 - $t0" | bc -l | xargs printf '%.1f') s" \
     "(same run without --ppa: $(echo "$t3 - $t2" | bc -l | xargs printf '%.1f') s)"
sed -n 's/.*"ppa":{\([^[]*\)"tasks".*/ppa summary: \1/p' "$work/run.json"
