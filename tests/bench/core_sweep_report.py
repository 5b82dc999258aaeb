"""Reads a third-party core's fuzz sweep (bench_third_party_core.sh) and prints two things:
the per-scheduler table of docs/BENCHMARKS.md and every unique mismatch (one minimized
reproducer per signature and campaign) matched to a deviation the core's adapter documents.
Arguments: CORE CAMPAIGNS_DIR "ALGOS,...". Exit 1 when a mismatch matches no documented deviation."""
import collections, glob, json, os, statistics, sys


def word(x):
    return int(x, 16)


def nerv_deviation(r):
    """NERV (docs/CORE_ADAPTER.md, section 7, and the deviations of its core.json)."""
    ro_ids = set(range(0xF11, 0xF16)) | set(range(0xB03, 0xB20)) | set(range(0xB83, 0xBA0)) | set(range(0x323, 0x340))
    d, body = r["divergence"], [word(w) for w in r["program"]["body"]]
    exp, act, sig = d["expected"], d["actual"], r["signature"]
    insn = word(exp["insn"])
    csr, rs1 = insn >> 20, (insn >> 15) & 31
    is_load = lambda w: (w & 0x7F) == 0x03
    is_csr = lambda w: (w & 0x7F) == 0x73 and ((w >> 12) & 7) not in (0, 4)
    if sig == "trap@illegal:trap" and (insn & 0x707F) == 0x73 and (insn >> 20) in (0x000, 0x001, 0x302, 0x105):
        return "system decode ignores rd/rs1"
    if sig in ("trap@csrrs:trap", "trap@csrrc:trap") and csr in ro_ids and rs1 and word(act["rs1_rdata"]) == 0:
        return "zero register written to a read-only CSR"
    if d["field"] == "rd" and (insn & 0x7F) == 0x73:
        if csr == 0x300 and word(exp["rd_wdata"]) ^ word(act["rd_wdata"]) == 0x80 and 0x30200073 in body:
            return "mret leaves MPIE"
        if csr == 0x342 and word(act["rd_wdata"]) == 0 and 0x30200073 in body:
            return "mret clears mcause"
        if any(is_load(body[i]) and is_csr(body[i + 1]) for i in range(len(body) - 1)):
            return "CSR write repeated after a load"
    return None


def picorv32_deviation(r):
    """PicoRV32 with fence decoded (the deviations of its core.json)."""
    d = r["divergence"]
    exp, act = d["expected"], d["actual"]
    insn = word(exp["insn"])
    is_fence = (insn & 0x707F) == 0x000F
    rd = (insn >> 7) & 31
    if is_fence and rd and d["field"] == "rd" and act["rd_addr"] == rd:
        return "fence with a non-zero rd field writes rd"
    return None


CLASSIFIERS = {"nerv": nerv_deviation, "picorv32": picorv32_deviation}


def runs_of(root, algo):
    return sorted(d for d in os.listdir(root) if d.startswith(algo + "-s"))


def table(root, algos):
    print("| scheduler | runs | tests/s (median) | insn/s (median) | coverage (median, min-max) | mismatching tests (sum) | signatures |")
    print("|---|---:|---:|---:|---:|---:|---|")
    for a in algos:
        dirs = runs_of(root, a)
        runs = [json.load(open(os.path.join(root, d, "summary.json"))) for d in dirs]
        if not runs:
            continue
        sigs = set()
        for d in dirs:
            mm = os.path.join(root, d, "mismatches.json")
            if os.path.exists(mm):
                m = json.load(open(mm))
                for e in (m if isinstance(m, list) else m.get("mismatches", [])):
                    sigs.add(e.get("signature", "?"))
        cov = [r["coverage"] for r in runs]
        print(f"| {a} | {len(runs)} | {statistics.median(r['tests_per_second'] for r in runs):,.0f} | "
              f"{statistics.median(r['instructions_per_second'] for r in runs):,.0f} | "
              f"{statistics.median(cov):.0f}/{runs[0]['coverage_points']} ({min(cov)}-{max(cov)}) | "
              f"{sum(r['mismatches'] for r in runs)} | {', '.join(sorted(sigs)) or '-'} |")


def deviations(core, root):
    classify = CLASSIFIERS[core]
    counts, unexplained = collections.Counter(), []
    for f in sorted(glob.glob(os.path.join(root, "*", "mismatches", "*", "repro.json"))):
        c = classify(json.load(open(f)))
        counts[c or "UNEXPLAINED"] += 1
        if c is None:
            unexplained.append(f)
    print("unique mismatches (per campaign) by documented deviation:")
    if not counts:
        print("  none")
    for k, v in counts.most_common():
        print(f"  {v:4d}  {k}")
    for f in unexplained:
        print("  unexplained:", f)
    return not unexplained


if __name__ == "__main__":
    core, root, algos = sys.argv[1], sys.argv[2], sys.argv[3].split(",")
    if core not in CLASSIFIERS:
        sys.exit(f"core_sweep_report: no documented deviations for core '{core}' (known: {', '.join(CLASSIFIERS)})")
    table(root, algos)
    sys.exit(0 if deviations(core, root) else 1)
