#!/usr/bin/env bash
# riscv_selfcheck.sh: builds rvasm with g++, assembles designs/riscv/programs/*.S, runs every
# program on every core (designs/riscv/*/core.json) with Icarus and testbenches/riscv/
# tb_selfcheck.sv, and lints each wrapper with `verilator --lint-only -Wall`.
#   --bugs        also check that every bug in designs/riscv/bugs.json is exposed: its core,
#                 built with -DRTLARENA_BUG_<ID>, must end a program with a wrong a0 (or time
#                 out), or retire a different RVFI trace than the bug-free core on that program.
#                 The bug's directed program (programs/bugs/<ID>.S) is tried first.
#   --core NAME   only this core (mc or p5)
#   --keep        keep the work directory (printed) for inspecting traces
# Ends with one "N passed, N failed" line; exits non-zero if anything failed.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
riscv="$root/designs/riscv"
bugs=0
keep=0
only_core=""
while [ $# -gt 0 ]; do
  case "$1" in
    --bugs) bugs=1 ;;
    --keep) keep=1 ;;
    --core) only_core="$2"; shift ;;
    *) echo "usage: $0 [--bugs] [--core mc|p5] [--keep]" >&2; exit 2 ;;
  esac
  shift
done

for tool in g++ iverilog vvp verilator python3; do
  command -v "$tool" >/dev/null || { echo "riscv_selfcheck: missing tool: $tool" >&2; exit 1; }
done

work="$(mktemp -d "${TMPDIR:-/tmp}/rtlarena-selfcheck.XXXXXX")"
if [ "$keep" = 1 ]; then echo "work dir: $work"; else trap 'rm -rf "$work"' EXIT; fi

max_cycles=50000  # the longest program (sort on mc) needs ~13k cycles; a looping bug ends here
passed=0
failed=0
ok() { passed=$((passed + 1)); printf '  %-44s %s\n' "$1" "$2"; }
bad() { failed=$((failed + 1)); printf '  %-44s %s\n' "$1" "$2"; }

# --- the assembler ----------------------------------------------------------------------
echo "== build rvasm"
g++ -std=c++20 -O2 -Wall -Wextra -I "$root/fuzz/include" \
  "$root/fuzz/src/rvasm_main.cpp" "$root/fuzz/src/assembler.cpp" "$root/fuzz/src/encode.cpp" \
  -o "$work/rvasm"

assemble() {  # $1 = source, $2 = hex out
  "$work/rvasm" "$1" -o "$2"
}

# --- cores ------------------------------------------------------------------------------
cores=()
for json in "$riscv"/*/core.json; do
  name="$(basename "$(dirname "$json")")"
  if [ -n "$only_core" ] && [ "$name" != "$only_core" ]; then continue; fi
  cores+=("$name")
done

sources() {  # $1 = core: absolute source paths from core.json
  python3 - "$riscv/$1/core.json" <<'EOF'
import json, os, sys
path = sys.argv[1]
cfg = json.load(open(path))
for s in cfg["sources"]:
    print(os.path.join(os.path.dirname(path), s))
EOF
}

build() {  # $1 = core, $2 = output .vvp, $3... = extra iverilog flags
  local core="$1" out="$2"
  shift 2
  local srcs
  mapfile -t srcs < <(sources "$core")
  iverilog -g2012 "$@" -o "$out" "$root/testbenches/riscv/tb_selfcheck.sv" "${srcs[@]}" \
    > "$out.log" 2>&1
}

run() {  # $1 = vvp, $2 = hex, $3 = optional trace file: prints the result line
  local line
  if [ -n "${3:-}" ]; then
    vvp -n "$1" "+hex=$2" +max_cycles=$max_cycles +trace > "$3" 2>&1 || true
    line="$(grep -E '^(PASS|FAIL|TIMEOUT)' "$3" | tail -1)"
  else
    line="$(vvp -n "$1" "+hex=$2" +max_cycles=$max_cycles 2>&1 | grep -E '^(PASS|FAIL|TIMEOUT)' | tail -1)" || true
  fi
  echo "${line:-NO-RESULT}"
}

# --- programs on bug-free cores -----------------------------------------------------------
# programs/*.S, then the directed bug programs (which must pass on bug-free cores too)
programs=()
for src in "$riscv"/programs/*.S; do programs+=("$(basename "$src" .S)"); done
for src in "$riscv"/programs/bugs/*.S; do programs+=("bugs/$(basename "$src" .S)"); done
mkdir -p "$work/hex/bugs"
echo "== assemble ${#programs[@]} programs"
for p in "${programs[@]}"; do assemble "$riscv/programs/$p.S" "$work/hex/$p.hex"; done

for core in "${cores[@]}"; do
  echo "== lint $core (verilator --lint-only -Wall)"
  mapfile -t srcs < <(sources "$core")
  if verilator --lint-only -Wall --top-module rtlarena_dut "${srcs[@]}" > "$work/lint-$core.log" 2>&1; then
    ok "lint $core" "clean"
  else
    bad "lint $core" "FAIL (see below)"
    head -20 "$work/lint-$core.log"
  fi

  echo "== run programs on $core"
  if ! build "$core" "$work/$core.vvp"; then
    bad "build $core" "FAIL"
    cat "$work/$core.vvp.log"
    continue
  fi
  for p in "${programs[@]}"; do
    result="$(run "$work/$core.vvp" "$work/hex/$p.hex")"
    case "$result" in
      PASS*) ok "$core $p" "$result" ;;
      *) bad "$core $p" "$result" ;;
    esac
  done
done

# --- bug catalogue --------------------------------------------------------------------------
if [ "$bugs" = 1 ]; then
  echo "== bug catalogue (designs/riscv/bugs.json)"
  mapfile -t entries < <(python3 - "$riscv/bugs.json" <<'EOF'
import json, sys
for b in json.load(open(sys.argv[1]))["bugs"]:
    print(b["id"], b["core"])
EOF
  )
  mkdir -p "$work/trace"
  for entry in "${entries[@]}"; do
    id="${entry% *}"
    core="${entry#* }"
    if [ -n "$only_core" ] && [ "$core" != "$only_core" ]; then continue; fi
    if ! grep -rq "RTLARENA_BUG_$id\b" "$riscv/$core"; then
      bad "bug $id" "NOT FOUND in designs/riscv/$core sources"
      continue
    fi
    if ! build "$core" "$work/bug-$id.vvp" "-DRTLARENA_BUG_$id"; then
      bad "bug $id" "BUILD FAIL"
      cat "$work/bug-$id.vvp.log"
      continue
    fi
    candidates=()
    if [ -f "$riscv/programs/bugs/$id.S" ]; then candidates+=("bugs/$id"); fi
    for p in "${programs[@]}"; do
      if [ "$p" != "bugs/$id" ]; then candidates+=("$p"); fi
    done
    exposed=""
    for prog in "${candidates[@]}"; do
      hex="$work/hex/$prog.hex"
      result="$(run "$work/bug-$id.vvp" "$hex" "$work/trace/bug-$id.txt")"
      case "$result" in
        PASS*) ;;
        *) exposed="by $prog: $result"; break ;;
      esac
      # Same a0: compare the RVFI traces against the bug-free core on this program.
      clean="$work/trace/clean-$core-${prog//\//_}.txt"
      [ -f "$clean" ] || run "$work/$core.vvp" "$hex" "$clean" > /dev/null
      if ! cmp -s <(grep '^RVFI' "$clean") <(grep '^RVFI' "$work/trace/bug-$id.txt"); then
        exposed="by $prog: RVFI trace differs"
        break
      fi
    done
    if [ -n "$exposed" ]; then ok "bug $id ($core)" "exposed $exposed"; else bad "bug $id ($core)" "NOT EXPOSED"; fi
  done
fi

echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
