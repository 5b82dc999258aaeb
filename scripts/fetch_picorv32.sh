#!/usr/bin/env bash
# Sets up PicoRV32 (a third-party core, not in this repository) for `rtlarena fuzz`:
#   scripts/fetch_picorv32.sh PICORV32_V DEST
# PICORV32_V is picorv32.v from the YosysHQ/picorv32 repository (ISC license), or a checkout
# folder holding it. DEST receives picorv32.v plus our adapter (rtlarena_dut.v, core.json from
# testbenches/riscv/adapters/picorv32/). The adapter's tolerances describe PicoRV32 master;
# revisions differ (d046cbf traps on fence, master executes it), so the first command on DEST
# is always calibration, which checks every tolerance against the core you fetched:
#   rtlarena fuzz calibrate --core DEST --apply
#   rtlarena fuzz --core DEST --algo ucb1 --time 1m
set -euo pipefail
src=${1:?usage: $0 PICORV32_V DEST}
dest=${2:?usage: $0 PICORV32_V DEST}
[ -d "$src" ] && src="$src/picorv32.v"
[ -f "$src" ] || { echo "fetch_picorv32: $src not found" >&2; exit 3; }
grep -q "ifdef RISCV_FORMAL" "$src" || { echo "fetch_picorv32: $src has no RISCV_FORMAL port (too old a PicoRV32)" >&2; exit 3; }
here=$(cd "$(dirname "$0")/.." && pwd)
mkdir -p "$dest"
cp "$src" "$dest/picorv32.v"
cp "$here/testbenches/riscv/adapters/picorv32/rtlarena_dut.v" "$here/testbenches/riscv/adapters/picorv32/core.json" "$dest/"
echo "PicoRV32 adapter ready in $dest. First calibrate it against this revision:"
echo "  rtlarena fuzz calibrate --core $dest --apply"
echo "then fuzz it: rtlarena fuzz --core $dest --algo ucb1 --time 1m"
