#!/usr/bin/env bash
# bench_nerv.sh BUILD: the third-party core NERV (not in this repository), end to end: fetch
# (scripts/fetch_nerv.sh), calibrate (`fuzz calibrate --apply`), then one campaign per
# scheduler and seed (`fuzz --seeds`), and a table per scheduler: tests/s, instructions/s, final
# coverage, mismatching tests and their signatures (docs/BENCHMARKS.md, "Third-party core:
# NERV"); then every unique mismatch (minimized reproducer) is matched against the deviations
# documented in the adapter's core.json, and any that none explains is listed. Needs nerv.sv from YosysHQ/nerv: NERV_SV=/path/to/nerv.sv (skipped without it).
# Knobs (environment): NERV_BENCH_TESTS (20000), NERV_BENCH_SEEDS (1-3), NERV_BENCH_ALGOS (every
# scheduler, thehuzz and uniform included), NERV_BENCH_OUT (BUILD/bench-nerv).
set -euo pipefail
build=$(cd "${1:-build}" && pwd)
cd "$(dirname "$0")/../.."
rt="$build/rtlarena"
if [ -z "${NERV_SV:-}" ] || [ ! -f "$NERV_SV" ]; then
  echo "bench_nerv: skipped (set NERV_SV to nerv.sv of YosysHQ/nerv; it is not in this repository)"
  exit 0
fi
out=${NERV_BENCH_OUT:-$build/bench-nerv}
tests=${NERV_BENCH_TESTS:-20000}
seeds=${NERV_BENCH_SEEDS:-1-3}
algos=${NERV_BENCH_ALGOS:-$("$rt" fuzz --list-algos | paste -sd, -)}
cache="$build/fuzz-dut-cache"
rm -rf "$out"
mkdir -p "$out"
scripts/fetch_nerv.sh "$NERV_SV" "$out/core" >/dev/null
echo "NERV sha256 $(sha256sum "$NERV_SV" | cut -d' ' -f1)"
# exit 1 = suspected bugs remain (the real deviations core.json documents)
set +e
"$rt" fuzz calibrate --core "$out/core" --apply --no-progress --cache-dir "$cache" >"$out/calibration.txt" 2>&1
cal=$?
set -e
[ "$cal" -le 1 ] || { cat "$out/calibration.txt" >&2; exit "$cal"; }
head -1 "$out/calibration.txt"
python3 - "$out/core/calibration.json" <<'PY'
import json, sys
j = json.load(open(sys.argv[1]))
print(f"calibration: {j['probes']} probes, clean={j['clean']}, proposed changes: {len(j['proposed'])}")
for b in j["suspected_bugs"]:
    print(f"  suspected {b['signature']}: {', '.join(b['probes'])}")
PY
# exit 1 = mismatches (each is listed with its signature below)
set +e
"$rt" fuzz --core "$out/core" --algo "$algos" --seeds "$seeds" --tests "$tests" --out "$out/sweep" \
  --no-progress --cache-dir "$cache" >"$out/sweep.txt" 2>&1
rc=$?
set -e
[ "$rc" -le 1 ] || { cat "$out/sweep.txt" >&2; exit "$rc"; }
sed -n '/distinct mismatch signature/,$p' "$out/sweep.txt"
python3 - "$out/sweep/campaigns" "$algos" <<'PY'
import json, os, statistics, sys
root, algos = sys.argv[1], sys.argv[2].split(",")
print("| scheduler | runs | tests/s (median) | insn/s (median) | coverage (median, min-max) | mismatching tests (sum) | signatures |")
print("|---|---:|---:|---:|---:|---:|---|")
for a in algos:
    runs = [json.load(open(os.path.join(root, d, "summary.json"))) for d in sorted(os.listdir(root)) if d.startswith(a + "-s")]
    if not runs:
        continue
    sigs = set()
    for d in sorted(os.listdir(root)):
        if d.startswith(a + "-s"):
            mm = os.path.join(root, d, "mismatches.json")
            if os.path.exists(mm):
                m = json.load(open(mm))
                for e in (m if isinstance(m, list) else m.get("mismatches", [])):
                    sigs.add(e.get("signature", "?"))
    cov = [r["coverage"] for r in runs]
    print(f"| {a} | {len(runs)} | {statistics.median(r['tests_per_second'] for r in runs):,.0f} | "
          f"{statistics.median(r['instructions_per_second'] for r in runs):,.0f} | "
          f"{statistics.median(cov):.0f}/{runs[0]['coverage_points']} ({min(cov)}-{max(cov)}) | "
          f"{sum(r['mismatches'] for r in runs)} | {', '.join(sorted(sigs))} |")
PY
# Which documented NERV deviation explains each mismatch (docs/CORE_ADAPTER.md, section 7).
python3 - "$out/sweep/campaigns" <<'PY'
import collections, glob, json, os, sys
RO_IDS = set(range(0xF11, 0xF16)) | set(range(0xB03, 0xB20)) | set(range(0xB83, 0xBA0)) | set(range(0x323, 0x340))
def word(x): return int(x, 16)
def classify(r):
    d, body = r["divergence"], [word(w) for w in r["program"]["body"]]
    exp, act, sig = d["expected"], d["actual"], r["signature"]
    insn = word(exp["insn"])
    csr, f3, rs1 = insn >> 20, (insn >> 12) & 7, (insn >> 15) & 31
    is_load = lambda w: (w & 0x7F) == 0x03
    is_csr = lambda w: (w & 0x7F) == 0x73 and ((w >> 12) & 7) not in (0, 4)
    if sig == "trap@illegal:trap" and (insn & 0x707F) == 0x73 and (insn >> 20) in (0x000, 0x001, 0x302, 0x105):
        return "system decode ignores rd/rs1"
    if sig in ("trap@csrrs:trap", "trap@csrrc:trap") and csr in RO_IDS and rs1 and word(act["rs1_rdata"]) == 0:
        return "zero register written to a read-only CSR"
    if d["field"] == "rd" and (insn & 0x7F) == 0x73:
        if csr == 0x300 and word(exp["rd_wdata"]) ^ word(act["rd_wdata"]) == 0x80 and 0x30200073 in body:
            return "mret leaves MPIE"
        if csr == 0x342 and word(act["rd_wdata"]) == 0 and 0x30200073 in body:
            return "mret clears mcause"
        if any(is_load(body[i]) and is_csr(body[i + 1]) for i in range(len(body) - 1)):
            return "CSR write repeated after a load"
    return "UNEXPLAINED"
counts, unexplained = collections.Counter(), []
for f in sorted(glob.glob(os.path.join(sys.argv[1], "*", "mismatches", "*", "repro.json"))):
    c = classify(json.load(open(f)))
    counts[c] += 1
    if c == "UNEXPLAINED":
        unexplained.append(f)
print("unique mismatches (per campaign) by documented deviation:")
for k, v in counts.most_common():
    print(f"  {v:4d}  {k}")
for f in unexplained:
    print("  unexplained:", f)
PY
