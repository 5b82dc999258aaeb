#!/usr/bin/env bash
# Engine benchmark: the core suite with the reference model at -j 1 and -j 2. Reports wall time,
# total tool time (sum of per-evaluation wall times) and the overhead ratio
# wall / (tool time / workers): 1.0 means the workers were never idle and the engine cost nothing.
set -euo pipefail
build=${1:-build}
bin="$build/rtlarena"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
printf '| workers | tasks | wall s | tool s | overhead |\n|---|---|---|---|---|\n'
for j in 1 2; do
  json=$("$bin" run --suite core --model reference -j "$j" --out "$work/j$j" --json --no-progress)
  python3 - "$j" "$json" <<'PY'
import json, sys
j = int(sys.argv[1]); r = json.loads(sys.argv[2])
wall, tool = r["wall_seconds"], r["tool_seconds"]
print(f"| {j} | {r['tasks']} | {wall:.1f} | {tool:.1f} | {wall / (tool / j):.3f} |")
PY
done
