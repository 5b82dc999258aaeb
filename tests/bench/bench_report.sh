#!/usr/bin/env bash
# `rtlarena report` at leaderboard scale: 20 models x 200 tasks x 10 samples (synthetic stores
# written with the store library by report_synthetic_runs). Measures the generation time of the page, of the Markdown and of the CSV
# (best of REPEAT), the page's size, and its load time in headless Chromium (navigation to the
# load event, and to every chart drawn; best of REPEAT) through tests/report/browser_check.py.
set -euo pipefail
build=$(realpath "${1:-build}")
bin="$build/rtlarena"
root=$(cd "$(dirname "$0")/../.." && pwd)
repeat=${REPEAT:-3}
models=${MODELS:-20}; tasks=${TASKS:-200}; samples=${SAMPLES:-10}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

python3 - "$build" "$root" "$work" "$repeat" "$models" "$tasks" "$samples" <<'PY'
import glob, json, os, subprocess, sys, time
build, root, work, repeat, models, tasks, samples = sys.argv[1:3] + [sys.argv[3]] + [int(x) for x in sys.argv[4:]]
bin = os.path.join(build, "rtlarena")

def timed(cmd):
    s = time.monotonic()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
    return time.monotonic() - s

made = timed([os.path.join(build, "report_synthetic_runs"), work + "/runs", str(models), str(tasks), str(samples)])
print(f"stores: {models} models x {tasks} tasks x {samples} samples written in {made:.1f} s")
runs = sorted(glob.glob(work + "/runs/*"))
gen = {}
for fmt in ("html", "md", "csv"):
    gen[fmt] = min(timed([bin, "report", *runs, "-o", f"{work}/{fmt}", "--format", fmt]) for _ in range(repeat))
size = os.path.getsize(f"{work}/html/index.html") / 1048576
print(f"generation: html {gen['html']:.2f} s, md {gen['md']:.2f} s, csv {gen['csv']:.2f} s (best of {repeat}); page {size:.1f} MiB")
loads, readies = [], []
for _ in range(repeat):
    out = subprocess.run(["python3", root + "/tests/report/browser_check.py", f"{work}/html/index.html", "--timeout", "120"],
                         check=True, capture_output=True, text=True).stdout
    j = json.loads(out.strip().splitlines()[-1])
    assert j["ready"] == "1" and not j["console_errors"] and not j["other_requests"], j
    loads.append(j["load_seconds"]); readies.append(j["ready_seconds"])
print(f"page load in headless chromium: load event {min(loads):.2f} s, every chart drawn {min(readies):.2f} s (best of {repeat})")
PY
