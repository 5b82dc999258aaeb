#!/usr/bin/env bash
# Checks one task folder with both simulators: the reference passes, every bad variant fails,
# and both simulators print the same result line (the same stimulus).
# Usage: scripts/check_task.sh DIR [--icarus-only]
set -uo pipefail
dir=${1:?usage: check_task.sh DIR [--icarus-only]}
icarus_only=${2:-}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
status=0

result_line() { grep -E '^Mismatches: [0-9]+ in [0-9]+ samples' "$1" | tail -n 1; }

run_icarus() { # candidate-file label
  local out="$work/$2.icarus.log"
  if ! iverilog -g2012 -Wall -Wno-timescale -s tb -o "$work/$2.vvp" "$1" "$dir/ref.sv" "$dir/tb.sv" >"$out" 2>&1; then
    echo "compile_error"; return
  fi
  timeout 20 vvp -n "$work/$2.vvp" >>"$out" 2>&1
  result_line "$out"
}

run_verilator() {
  local out="$work/$2.verilator.log" obj="$work/obj_$2"
  if ! verilator --binary --timing -Wno-fatal -Wno-lint -Wno-style --top-module tb -Mdir "$obj" -o sim \
       "$1" "$dir/ref.sv" "$dir/tb.sv" >"$out" 2>&1; then
    echo "compile_error"; return
  fi
  timeout 20 "$obj/sim" >>"$out" 2>&1
  result_line "$out"
}

check() { # file label expect(pass|fail)
  local sims=(icarus) lines=()
  [ "$icarus_only" = "--icarus-only" ] || sims+=(verilator)
  for sim in "${sims[@]}"; do
    local line
    line=$(run_$sim "$1" "$2")
    local n
    n=$(sed -nE 's/^Mismatches: ([0-9]+) in ([0-9]+) samples.*/\1/p' <<<"$line")
    local m
    m=$(sed -nE 's/^Mismatches: ([0-9]+) in ([0-9]+) samples.*/\2/p' <<<"$line")
    local ok=0
    if [ "$3" = pass ]; then [ "$n" = 0 ] && [ -n "$m" ] && [ "$m" -gt 0 ] && ok=1
    else { [ -n "$n" ] && [ "$n" != 0 ]; } || [ "$line" = compile_error ] && ok=1; fi
    if [ $ok = 1 ]; then echo "ok   $sim $2: ${line:-no result line}"
    else echo "FAIL $sim $2 (expected $3): ${line:-no result line}"; status=1
      tail -n 15 "$work/$2.$sim.log" 2>/dev/null | sed 's/^/     /'; fi
    lines+=("$line")
  done
  # Same stimulus in both simulators: the result lines must be identical.
  if [ ${#lines[@]} = 2 ] && [ "${lines[0]}" != "${lines[1]}" ]; then
    echo "FAIL $2: icarus and verilator differ ('${lines[0]}' vs '${lines[1]}')"; status=1
  fi
}

sed -E 's/\bRefModule\b/TopModule/g' "$dir/ref.sv" >"$work/reference.sv"
check "$work/reference.sv" reference pass
for bad in "$dir"/bad/*.sv; do
  [ -e "$bad" ] || { echo "FAIL no bad/*.sv"; status=1; break; }
  check "$bad" "bad_$(basename "$bad" .sv)" fail
done
python3 - "$dir" <<'PY' || status=1
import json, sys, os
d = sys.argv[1]
t = json.load(open(os.path.join(d, "task.json")))
need = {"id", "kind", "top", "interface", "tags", "difficulty"}
missing = need - t.keys()
assert not missing, f"task.json misses {missing}"
assert t["id"] == os.path.basename(os.path.normpath(d)), "id must equal folder name"
assert t["kind"] in ("spec-to-rtl", "code-complete")
assert t["difficulty"] in ("easy", "medium", "hard")
assert t["top"] == "TopModule"
assert os.path.exists(os.path.join(d, "spec.md"))
PY
exit $status
