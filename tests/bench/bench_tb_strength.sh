#!/usr/bin/env bash
# Testbench strength of the core tasks whose testbenches were strengthened after mutation
# analysis: `rtlarena mutate` per task at BENCH_MUTANTS mutants (default 60), seed
# BENCH_SEED (default 1), one line per task with killed / survived / equivalent / unknown and
# the kill score. BENCH_TB_TASKS overrides the task list; BENCH_EQUIV_TIMEOUT the judge's
# seconds per survivor (default 30). Not run by the tests.
# Usage: tests/bench/bench_tb_strength.sh BUILD_DIR
set -euo pipefail
build=${1:-build}
bin="$build/rtlarena"
[ -x "$bin" ] || { echo "bench_tb_strength: $bin not built"; exit 1; }
tasks=${BENCH_TB_TASKS:-"prescaled_timer uart_rx pipelined_div_step dp_ram_sync skid_buffer sync_fifo8 float16_compare seq_1011_mealy watchdog spi_slave_shift"}
work=$(mktemp -d /tmp/rtlarena-bench-tb.XXXXXX)
trap 'rm -rf "$work"' EXIT
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)  ($(nproc) cores)"
for t in $tasks; do
  "$bin" mutate --suite core --task "$t" --mutants "${BENCH_MUTANTS:-60}" --seed "${BENCH_SEED:-1}" -j 2 \
    --equiv-timeout "${BENCH_EQUIV_TIMEOUT:-30}" --json > "$work/$t.json" 2> /dev/null || true
  python3 - "$work/$t.json" <<'PY'
import json, sys
for tid, t in json.load(open(sys.argv[1]))["tasks"].items():
    print(f"{tid}: mutants {t['mutants']}, killed {t['killed']}, survived {t['survived']}, "
          f"equivalent {t['equivalent']}, unknown {t['unknown']}, kill score {t['kill_score']}")
PY
done
