"""Aggregates bench_fuzz.sh runs into the markdown of docs/BENCHMARKS.md "## Fuzzer".
Arguments: OUT SEEDS TESTS BUG_TESTS "ALGOS" "CORE:BUG ..." ["MUTANT_CORES" [BUG_SEEDS [MUTANT_SEEDS]]]."""
import csv, json, math, os, random, statistics, sys

out, seeds, tests, bugtests = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
algos, bugs = sys.argv[5].split(), sys.argv[6].split()
mutcores = sys.argv[7].split() if len(sys.argv) > 7 else []
bugseeds = int(sys.argv[8]) if len(sys.argv) > 8 else seeds
mutseeds = int(sys.argv[9]) if len(sys.argv) > 9 else seeds


def load(path):
    try:
        with open(path) as f:
            return json.loads(f.read().strip().splitlines()[-1])
    except Exception:
        return None


def med(xs):
    return statistics.median(xs) if xs else None


def fmt(x, unit=""):
    if x is None:
        return "-"
    if isinstance(x, float) and x.is_integer() and not unit:
        x = int(x)
    if isinstance(x, float) and x < 10:
        return f"{x:.2f}{unit}"
    return f"{x:,.0f}{unit}"


class Cell:
    """The stop-on-mismatch runs of one bug x scheduler, seeds 1..SEEDS: finds (tests to the
    first mismatch), their seconds, and costs per run (a miss costs the whole budget)."""

    def __init__(self, pattern, n=None):
        self.runs, self.finds, self.secs, self.costs = 0, [], [], []
        for s_ in range(1, (n or seeds) + 1):
            j = load(pattern.format(seed=s_))
            if j is None:
                continue
            self.runs += 1
            if j.get("bugs_found"):
                self.finds.append(j["first_mismatch_test"])
                self.secs.append(j["first_mismatch_seconds"])
                self.costs.append(j["first_mismatch_test"])
            else:
                self.costs.append(bugtests)

    def text(self):
        return f"{len(self.finds)}/{self.runs} {fmt(med(self.finds))}" if self.runs else "-"


print("Figures from `make bench` (tests/bench/bench_fuzz.sh); each run is one process; the DUT"
      " build is cached and not counted. Tests are 6 register loads + 20 random instructions.\n")
print("### Throughput (20,000 tests, `uniform`, seed 1)\n")
print("| core | setting | tests/s | retired insn/s | coverage points hit |")
print("|---|---|---:|---:|---:|")
for core in ("mc", "p5"):
    for key, name in (("full", "line coverage + lockstep"), ("lockstep", "lockstep, no coverage"),
                      ("bare", "no coverage, no lockstep")):
        j = load(f"{out}/tp-{core}-{key}.json")
        if j:
            print(f"| {core} | {name} | {fmt(j['tests_per_second'])} | {fmt(j['instructions_per_second'])} | "
                  f"{j['coverage']}/{j['coverage_points']} |")

print(f"\n### Coverage on mc ({seeds} seeds x {tests:,} tests, line + model points)\n")
curves, finals = {}, {}
for a in algos:
    for s in range(1, seeds + 1):
        p = f"{out}/cov/mc-{a}-{s}/coverage.csv"
        if not os.path.exists(p):
            continue
        rows = [(int(r["tests"]), int(r["coverage"])) for r in csv.DictReader(open(p))]
        curves.setdefault(a, []).append(rows)
        finals.setdefault(a, []).append(rows[-1][1])


def coverage_table(base):
    if base not in finals:
        return
    target = med(finals.get(base, []))
    print(f"Target: {base}'s median final coverage = {fmt(target)} points.\n")
    print(f"| scheduler | median final coverage | runs reaching the target | median tests to reach it | vs {base} |")
    print("|---|---:|---:|---:|---:|")
    rows_out, ref = [], None
    for a in algos:
        reach = []
        for rows in curves.get(a, []):
            hit = next((t for t, c in rows if target is not None and c >= target), None)
            if hit is not None:
                reach.append(hit)
        m = med(reach)
        if a == base:
            ref = m
        rows_out.append((a, med(finals.get(a, [])), len(reach), len(curves.get(a, [])), m))
    for a, fin, n, total, m in rows_out:
        ratio = f"{ref / m:.2f}x" if ref and m else "-"
        print(f"| {a} | {fmt(fin)} | {n}/{total} | {fmt(m)} | {ratio} |")
    print()


coverage_table("uniform")
coverage_table("thehuzz")
print(f"\n### Catalogue bugs ({bugseeds} seeds per scheduler, at most {bugtests:,} tests, stop at the first mismatch)\n")
print("Each cell: runs that found the bug / runs, and the median tests to the first mismatch over the runs"
      " that found it.\n")
print("| bug | " + " | ".join(algos) + " |")
print("|---|" + "---:|" * len(algos))
cells = {}  # (bug, algo) -> Cell
secs = {a: [] for a in algos}
for cb in bugs:
    bug = cb.split(":", 1)[1]
    for a in algos:
        cells[bug, a] = Cell(f"{out}/bugs/{bug}-{a}-{{seed}}.json", bugseeds)
        secs[a] += cells[bug, a].secs
    print(f"| {bug} | " + " | ".join(cells[bug, a].text() for a in algos) + " |")


def spend_ratio(a, names, base):
    """The baseline's total tests over the scheduler's on these bugs, and a 90% interval from
    1,000 bootstrap resamples of the seeds (each bug x scheduler resampled on its own)."""
    def total(alg, pick):
        return sum(sum(pick(cells[b, alg].costs)) for b in names)
    point = total(base, list) / max(1, total(a, list))
    rnd = random.Random(1)
    def resample(xs):
        return [rnd.choice(xs) for _ in xs] if xs else []
    boots = sorted(total(base, resample) / max(1, total(a, resample)) for _ in range(1000))
    return point, boots[50], boots[949]


def geo_ratio(a, names, base):
    """Geometric mean over bugs of the baseline's median tests over the scheduler's (a miss
    counts the budget)."""
    logs = [math.log(med(cells[b, base].costs) / med(cells[b, a].costs)) for b in names
            if cells[b, base].costs and cells[b, a].costs]
    return math.exp(statistics.mean(logs)) if logs else None


def summary(names, title, base="uniform"):
    if base not in algos:
        return
    print(f"\n{title}\n")
    print(f"| scheduler | bugs x seeds found | total tests spent (a miss counts the budget) | vs {base} |"
          f" 90% interval | per-bug median, geometric mean vs {base} | bugs faster / slower than {base} |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for a in algos:
        found = sum(len(cells[b, a].finds) for b in names)
        runs = sum(cells[b, a].runs for b in names)
        spent = sum(sum(cells[b, a].costs) for b in names)
        if a == base:
            print(f"| {a} | {found}/{runs} | {spent:,} | 1.00x | - | 1.00x | - |")
            continue
        point, lo, hi = spend_ratio(a, names, base)
        geo = geo_ratio(a, names, base)
        faster = sum(med(cells[b, a].costs) < med(cells[b, base].costs) for b in names if cells[b, a].costs)
        slower = sum(med(cells[b, a].costs) > med(cells[b, base].costs) for b in names if cells[b, a].costs)
        print(f"| {a} | {found}/{runs} | {spent:,} | {point:.2f}x | {lo:.2f}-{hi:.2f}x | "
              f"{'-' if geo is None else f'{geo:.2f}x'} | {faster} / {slower} |")


names = [cb.split(":", 1)[1] for cb in bugs]
summary(names, f"All {len(names)} catalogue bugs:")
summary(names, f"All {len(names)} catalogue bugs, against TheHuzz's static schedule:", "thehuzz")
for core in sorted({cb.split(":", 1)[0] for cb in bugs}):
    mine = [cb.split(":", 1)[1] for cb in bugs if cb.split(":", 1)[0] == core]
    summary(mine, f"{core} only ({len(mine)} bugs):")
# The first pulls run the arms' initial seeds whatever the scheduler, so a bug found within
# them says nothing about scheduling. Chosen on the median of all schedulers' runs pooled,
# so that no scheduler's luck picks the set.
opening = 10 * 10
late = [b for b in names if med([c for a in algos for c in cells[b, a].costs] or [0]) > opening]
summary(late, f"The {len(late)} bugs whose median over all runs pooled is above {opening} tests (past the arms' initial seeds):")
summary(late, f"The same {len(late)} bugs, against TheHuzz's static schedule:", "thehuzz")
# Arm statistics of the bug runs: how often a scheduler starts a fresh family (resets per
# 1,000 tests) and how much of its budget its busiest arm took, which is what separates a
# scheduler that concentrates on a family from one that keeps sampling fresh programs.
print("\n| scheduler | fresh families (resets) per 1,000 tests, median | busiest arm's share of the tests, median |")
print("|---|---:|---:|")
for a in algos:
    rates, shares = [], []
    for cb in bugs:
        bug = cb.split(":", 1)[1]
        for s_ in range(1, bugseeds + 1):
            j = load(f"{out}/bugs/{bug}-{a}-{s_}.json")
            if not j or "arm_tests" not in j or not j.get("tests"):
                continue
            rates.append(1000.0 * j["arm_resets"] / j["tests"])
            tot = sum(j["arm_tests"])
            if tot:
                shares.append(max(j["arm_tests"]) / tot)
    print(f"| {a} | {fmt(med(rates))} | {'-' if not shares else f'{med(shares):.2f}'} |")
print("\n| scheduler | median time to a found bug |")
print("|---|---:|")
for a in algos:
    m = med(secs[a])
    print(f"| {a} | {'-' if m is None else f'{m * 1000:.1f} ms'} |")


def ratio_interval(cells_list, a, base):
    """The baseline's total tests over the scheduler's on these cells ({algo: Cell} each), and
    a 90% interval from 1,000 bootstrap resamples of the seeds (each cell resampled on its own)."""
    def total(alg, pick):
        return sum(sum(pick(c[alg].costs)) for c in cells_list)
    point = total(base, list) / max(1, total(a, list))
    rnd = random.Random(1)
    def resample(xs):
        return [rnd.choice(xs) for _ in xs] if xs else []
    boots = sorted(total(base, resample) / max(1, total(a, resample)) for _ in range(1000))
    return f"{point:.2f}x ({boots[50]:.2f}-{boots[949]:.2f})"


def geo_cells(cells_list, a, base):
    logs = [math.log(med(c[base].costs) / med(c[a].costs)) for c in cells_list
            if c[base].costs and c[a].costs and med(c[a].costs) > 0]
    return f"{math.exp(statistics.mean(logs)):.2f}x" if logs else "-"


def injected_section():
    corpora = []
    for core in mutcores:
        try:
            with open(f"{out}/mutants-{core}/mutants.json") as f:
                corpora.append((core, json.load(f)))
        except Exception:
            continue
    if not corpora:
        return
    print(f"\n### Injected bugs (`fuzz inject`, {mutseeds} seeds per scheduler, at most {bugtests:,} tests,"
          " stop at the first mismatch)\n")
    print("| core | mutations tried | architecturally visible | exposed by a self-check program | only by random tests |")
    print("|---|---:|---:|---:|---:|")
    for core, c in corpora:
        vis = [m for m in c["mutants"] if m["visible"]]
        sc = sum(1 for m in vis if m["found_by"].startswith("selfcheck:"))
        print(f"| {core} | {c['tried']} | {len(vis)} | {sc} | {len(vis) - sc} |")
    print()
    # Per core (and all cores together) and scheduler: runs found, tests spent (a miss counts
    # the budget), each baseline's spend over the scheduler's with a 90% bootstrap interval, the
    # geometric mean over mutants of the baseline's median tests over the scheduler's, and the
    # median tests and seconds of the finds.
    bases = [b for b in ("uniform", "thehuzz") if b in algos]
    per_mutant = []  # (name, {algo: Cell})
    groups = []
    for core, c in corpora:
        vis = [m for m in c["mutants"] if m["visible"]]
        cells = [{a: Cell(f"{out}/mutant-runs/{core}-{m['id']}-{a}-{{seed}}.json", mutseeds) for a in algos}
                 for m in vis]
        per_mutant += [(f"{core}#{m['id']} {m['mode']}", cl) for m, cl in zip(vis, cells)]
        groups.append((core, cells))
    if len(groups) > 1:
        groups.append(("all", [cl for _, cl in per_mutant]))
    print("| core | scheduler | mutants x seeds found | tests spent (a miss counts the budget) | "
          + " | ".join(f"vs {b} (90% interval) | per-mutant median vs {b}, geometric mean" for b in bases)
          + " | median tests / seconds of the finds |")
    print("|---|---|---:|---:|" + "---:|---:|" * len(bases) + "---:|")
    for core, cells in groups:
        for a in algos:
            found = sum(len(cl[a].finds) for cl in cells)
            runs = sum(cl[a].runs for cl in cells)
            spent = sum(sum(cl[a].costs) for cl in cells)
            cols = []
            for b in bases:
                cols += ["1.00x", "1.00x"] if a == b else [ratio_interval(cells, a, b), geo_cells(cells, a, b)]
            sec = med([t for cl in cells for t in cl[a].secs])
            sec = "-" if sec is None else f"{sec:.3f} s"
            finds = [t for cl in cells for t in cl[a].finds]
            print(f"| {core} | {a} | {found}/{runs} | {spent:,} | " + " | ".join(cols) + f" | {fmt(med(finds))} / {sec} |")
    hard = [(name, cells) for name, cells in per_mutant
            if any(len(c.finds) < c.runs or (med(c.finds) or 0) > 100 for c in cells.values())]
    if hard:
        print("\nMutants that some scheduler missed or needed more than 100 tests for (found/runs, median tests):\n")
        print("| mutant | " + " | ".join(algos) + " |")
        print("|---|" + "---:|" * len(algos))
        for name, cells in hard:
            print(f"| {name} | " + " | ".join(cells[a].text() for a in algos) + " |")


injected_section()
