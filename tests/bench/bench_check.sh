#!/usr/bin/env bash
# Formal checker benchmark: time per assertion of `rtlarena check` (sandboxed Yosys, ABC, no
# traces). (1) every assertion of our counter and handshake property files checked alone (one
# whole `rtlarena check` each: Yosys, ABC and start-up included); (2) a 100-assertion file on the
# counter checked in one run: wall and CPU per assertion, and the median and p90 of the prover
# time per assertion (ABC process, from --json). Wall times are sandboxed runs; CPU (user +
# system of rtlarena and its tools, which does not depend on how loaded the machine is) comes
# from a second run without the sandbox, whose pid namespace hides the tools' CPU time.
# Usage: tests/bench/bench_check.sh BUILD_DIR
set -euo pipefail
build=${1:-build}
bin="$build/rtlarena"
[ -x "$bin" ] || { echo "bench_check: $bin not built"; exit 1; }
designs=tests/formal/designs
work=$(mktemp -d /tmp/rtlarena-bench-check.XXXXXX)
trap 'rm -rf "$work"' EXIT

now() { date +%s.%N; }
# Prints "median p90 max" of the numbers on stdin.
stats() {
  sort -g | awk '{ v[NR] = $1 } END {
    if (NR == 0) { print "0 0 0"; exit }
    m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
    p = v[int(0.9 * NR + 0.999)]
    printf "%.3f %.3f %.3f\n", m, p, v[NR] }'
}

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)  ($(nproc) cores)"
: > "$work/wall1"; : > "$work/cpu1"
n=0
for spec in "counter.sv counter counter_props.sv" "handshake.sv handshake handshake_props.sv"; do
  read -r design top props <<< "$spec"
  grep -E '^[A-Za-z_0-9]+: assert property' "$designs/$props" | grep -v 'eventually\|== )' | while IFS= read -r line; do
    n=$((n + 1))
    printf '%s\n' "$line" > "$work/one.sv"
    t0=$(now)
    "$bin" check --design "$designs/$design" --top "$top" --props "$work/one.sv" --no-trace > "$work/out" 2>&1 || true
    t1=$(now)
    echo "$t1 - $t0" | bc -l >> "$work/wall1"
    /usr/bin/time -f "%U %S" -o "$work/t" "$bin" check --design "$designs/$design" --top "$top" \
      --props "$work/one.sv" --no-trace --no-sandbox > /dev/null 2>&1 || true
    tail -1 "$work/t" | awk '{ print $1 + $2 }' >> "$work/cpu1"
    printf "  %-16s %-10s wall %6.3f s  cpu %6.3f s\n" "$top" "$(head -1 "$work/out" | cut -d' ' -f1)" \
      "$(tail -1 "$work/wall1")" "$(tail -1 "$work/cpu1")"
  done
done
read -r wm wp wx < <(stats < "$work/wall1")
read -r cm cp cx < <(stats < "$work/cpu1")
echo "single assertions: $(wc -l < "$work/wall1") runs"
echo "  wall per assertion (s): median $wm  p90 $wp  max $wx"
echo "  cpu per assertion (s):  median $cm  p90 $cp  max $cx"

# 100 assertions on the counter: eight shapes with varying constants, some true, some false.
shapes=(
  "disable iff (rst) !en |=> \$stable(count)"
  "disable iff (rst) en && count != 4'd15 |=> count == \$past(count) + 4'd1"
  "wrap |-> count == 4'd15"
  "disable iff (rst) en |=> count != \$past(count)"
  "disable iff (rst) count == 4'dN && en |=> count == 4'dM"
  "disable iff (rst) en ##1 en |=> count != 4'dN"
  "\$rose(wrap) |=> count == 4'd0"
  "disable iff (rst) !en [*2] |-> \$stable(count)"
)
: > "$work/hundred.sv"
for i in $(seq 0 99); do
  c=$(( (i * 7) % 15 ))
  s=${shapes[$((i % 8))]}
  s=${s//N/$c}
  s=${s//M/$((c + 1))}
  echo "p$i: assert property (@(posedge clk) $s);" >> "$work/hundred.sv"
done
t0=$(now)
"$bin" check --design "$designs/counter.sv" --top counter --props "$work/hundred.sv" --no-trace --json \
  > "$work/hundred.json" || true
t1=$(now)
wall=$(echo "$t1 - $t0" | bc -l)
/usr/bin/time -f "%U %S" -o "$work/t" "$bin" check --design "$designs/counter.sv" --top counter \
  --props "$work/hundred.sv" --no-trace --no-sandbox > /dev/null 2>&1 || true
cpu=$(tail -1 "$work/t" | awk '{ print $1 + $2 }')
python3 - "$work/hundred.json" > "$work/prover" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
print(" ".join(str(a["seconds"]) for a in d["assertions"]))
print(d["summary"], file=sys.stderr)
PY
read -r pm pp px < <(tr ' ' '\n' < "$work/prover" | stats)
printf "100-assertion file: wall %.2f s (%.3f s per assertion), cpu %.2f s (%.3f s per assertion)\n" \
  "$wall" "$(echo "$wall / 100" | bc -l)" "$cpu" "$(echo "$cpu / 100" | bc -l)"
echo "  prover (ABC process) per assertion (s): median $pm  p90 $pp  max $px"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
