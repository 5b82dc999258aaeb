#!/usr/bin/env bash
# Sets up NERV (a third-party core, not in this repository) for `rtlarena fuzz`:
#   scripts/fetch_nerv.sh NERV_SV DEST
# NERV_SV is nerv.sv from the YosysHQ/nerv repository (ISC license), or a checkout folder
# holding it. DEST receives nerv.sv plus our adapter (rtlarena_dut.sv, core.json from
# testbenches/riscv/adapters/nerv/). The adapter's tolerances were measured on NERV commit
# 0adc454; another revision may differ, so the first command on DEST is always calibration,
# which checks every tolerance against the core you fetched:
#   rtlarena fuzz calibrate --core DEST --apply
#   rtlarena fuzz --core DEST --algo ucb1 --time 1m
# Exit 3 when NERV_SV is missing, is not NERV (no `module nerv`) or has no RVFI port.
set -euo pipefail
src=${1:?usage: $0 NERV_SV DEST}
dest=${2:?usage: $0 NERV_SV DEST}
[ -d "$src" ] && src="$src/nerv.sv"
[ -f "$src" ] || { echo "fetch_nerv: $src not found" >&2; exit 3; }
grep -q "^module nerv\b" "$src" || { echo "fetch_nerv: $src is not NERV (no 'module nerv')" >&2; exit 3; }
grep -q "ifdef NERV_RVFI" "$src" && grep -q "rvfi_valid" "$src" ||
  { echo "fetch_nerv: $src has no NERV_RVFI port (rvfi_valid under \`ifdef NERV_RVFI)" >&2; exit 3; }
here=$(cd "$(dirname "$0")/.." && pwd)
mkdir -p "$dest"
cp "$src" "$dest/nerv.sv"
cp "$here/testbenches/riscv/adapters/nerv/rtlarena_dut.sv" "$here/testbenches/riscv/adapters/nerv/core.json" "$dest/"
echo "NERV adapter ready in $dest. First calibrate it against this revision:"
echo "  rtlarena fuzz calibrate --core $dest --apply"
echo "then fuzz it: rtlarena fuzz --core $dest --algo ucb1 --time 1m"
