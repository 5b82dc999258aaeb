#!/usr/bin/env python3
"""Writes a VerilogEval-v2-layout golden set from our core suite, for the controls and --sim auto
benchmark: ProbNNN_<task>_{prompt.txt,ref.sv,test.sv} and problems.txt, plus a replay file whose
answers are the golden designs (each with a distinct comment, so every sample is evaluated for
real rather than matched to a control). A few problems get long simulations (one random loop's
bound raised), as in the published set, where a handful of long testbenches dominate the time.

usage: make_golden_set.py CORE_DIR OUT_DIR [--long TASK,TASK] [--iterations N] [--samples S]
"""
import argparse
import json
import pathlib
import re

ap = argparse.ArgumentParser()
ap.add_argument("core")
ap.add_argument("out")
ap.add_argument("--long", default="abs_diff8,popcount8", help="tasks whose first short loop gets a long bound")
ap.add_argument("--iterations", type=int, default=400000, help="the bound their random loop gets")
ap.add_argument("--samples", type=int, default=1)
a = ap.parse_args()

core, out = pathlib.Path(a.core), pathlib.Path(a.out)
data = out / "dataset_spec-to-rtl"
data.mkdir(parents=True, exist_ok=True)
loop = re.compile(r"for \(i = 0; i < (\d+); i = i \+ 1\)")
names, answers = [], []
tasks = sorted(p for p in core.iterdir() if (p / "task.json").exists())
for n, task in enumerate(tasks, start=1):
    tb = (task / "tb.sv").read_text()
    short = [m for m in loop.finditer(tb) if int(m.group(1)) < 5000]
    if task.name in a.long.split(",") and short:
        m = short[0]
        tb = tb[:m.start()] + f"for (i = 0; i < {a.iterations}; i = i + 1)" + tb[m.end():]
    name = f"Prob{n:03d}_{task.name}"
    names.append(name)
    ref = (task / "ref.sv").read_text()
    (data / f"{name}_prompt.txt").write_text((task / "spec.md").read_text())
    (data / f"{name}_ref.sv").write_text(ref)
    (data / f"{name}_test.sv").write_text(tb)
    golden = re.sub(r"\bRefModule\b", "TopModule", ref)
    for s in range(a.samples):
        answers.append({"task_id": name, "sample": s,
                        "response": f"```verilog\n// sample {s}\n{golden}```\n"})
(data / "problems.txt").write_text("".join(n + "\n" for n in names))
with open(out / "golden_answers.jsonl", "w") as f:
    for r in answers:
        f.write(json.dumps(r) + "\n")
print(data)
