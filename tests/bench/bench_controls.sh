#!/usr/bin/env bash
# Controls and `--sim auto` on a VerilogEval-layout golden set (made from our core suite by
# make_golden_set.py, two problems with long simulations; or the published set when
# VERILOGEVAL2_DIRS names its spec-to-rtl folder). Measured side by side, alternating, REPEAT times:
#   loop       VerilogEval's own per-sample commands (iverilog with its flags, then the image),
#              2 at a time: the floor users know
#   cached     a second model's run, --sim auto, golden ceiling and negative control cached
#   no-ctrl    the same run with --no-controls
# Targets: cached / no-ctrl <= 1.15 and cached / loop <= 0.75. The first run (a first model's,
# which fills the control cache and the simulation cost memory) is reported apart.
set -euo pipefail
build=$(realpath "${1:-build}")
bin="$build/rtlarena"
root=$(cd "$(dirname "$0")/../.." && pwd)
repeat=${REPEAT:-3}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export RTLARENA_CACHE="$work/cache"   # a cold control cache and cost memory

python3 "$root/tests/bench/make_golden_set.py" "$root/datasets/core" "$work/gs" >/dev/null
data=${VERILOGEVAL2_DIRS:-$work/gs/dataset_spec-to-rtl}
data=${data%% *}
# Answers of two "models": the golden designs, each with its own comment, so no sample is
# matched to a control or to the other model's answer.
python3 - "$data" "$work" <<'PY'
import json, pathlib, re, sys
data, work = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
names = [l.strip() for l in (data / "problems.txt").read_text().splitlines() if l.strip()]
for model in ("a", "b"):
    with open(work / f"answers_{model}.jsonl", "w") as f:
        for n in names:
            ref = (data / f"{n}_ref.sv").read_text()
            code = re.sub(r"\bRefModule\b", "TopModule", ref)
            f.write(json.dumps({"task_id": n, "sample": 0,
                                "response": f"```verilog\n// model {model}\n{code}```\n"}) + "\n")
PY

one_sample() {  # VerilogEval's commands for one problem, in a private folder
  local p=$1 d=$2 w
  w=$(mktemp -d)
  sed 's/\bRefModule\b/TopModule/' "$d/${p}_ref.sv" > "$w/sample.sv"
  (cd "$w" && iverilog -Wall -Winfloop -Wno-timescale -g2012 -s tb -o bin sample.sv "$d/${p}_test.sv" "$d/${p}_ref.sv" >log 2>&1 &&
     timeout 30 ./bin >>log 2>&1) || true
  rm -rf "$w"
}
export -f one_sample

seconds() { local t0 t1; t0=$(date +%s.%N); "$@" >/dev/null 2>&1; t1=$(date +%s.%N); python3 -c "print($t1 - $t0)"; }
ratio() { python3 -c "print(f'{$1 / $2:.3f}')"; }
loop() { xargs -P 2 -I{} bash -c 'one_sample "$1" "$2"' _ {} "$data" < "$data/problems.txt"; }
rtl() { "$bin" run --dataset "verilogeval2:$data" --sim auto -j 2 --no-progress "$@"; }

# The Verilator runtime is built once per cache; that build is not part of any run here.
"$bin" eval --sim verilator --task "$root/tests/fixtures/tasks/inv8" "$root/tests/fixtures/tasks/inv8/ref.sv" >/dev/null 2>&1 || true

first=$(seconds rtl --model "replay:$work/answers_a.jsonl" --out "$work/first")
echo "first model's run (cold control cache and cost memory): ${first} s"
printf '| round | loop s | cached s | no-ctrl s | cached/no-ctrl | cached/loop |\n|---|---|---|---|---|---|\n'
for r in $(seq 1 "$repeat"); do
  l=$(seconds loop)
  c=$(seconds rtl --model "replay:$work/answers_b.jsonl" --out "$work/cached$r")
  n=$(seconds rtl --model "replay:$work/answers_b.jsonl" --out "$work/noctrl$r" --no-controls)
  printf '| %d | %.2f | %.2f | %.2f | %s | %s |\n' "$r" "$l" "$c" "$n" "$(ratio "$c" "$n")" "$(ratio "$c" "$l")"
done
"$bin" run --dataset "verilogeval2:$data" --model "replay:$work/answers_b.jsonl" --sim auto --out "$work/cached1" --no-progress | tail -n 12
