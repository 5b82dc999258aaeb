#!/usr/bin/env bash
# Sharded vs single-machine wall time of a fuzz sweep on a local single-node Slurm cluster
# (scripts/slurm_local.sh): `fuzz --algo uniform,egreedy --seeds 1-SEEDS --tests TESTS` on mc on
# the machine, then `slurm fuzz` with 2 and 4 array tasks (1 CPU each). Prints one line per
# configuration and whether the merged sweep summary (without the campaigns' seconds) equals the
# single-machine one. The DUT is built once into BUILD/fuzz-cache (shared with the tests).
# Knobs: SLURM_FUZZ_SEEDS (4), SLURM_FUZZ_TESTS (20000), SLURM_FUZZ_CORE (mc).
# Needs root and slurm-wlm/munge (scripts/setup.sh).
set -euo pipefail
build=${1:-build}
root=$(cd "$(dirname "$0")/../.." && pwd)
bin=$(cd "$build" && pwd)/rtlarena
cache=$(cd "$build" && pwd)/fuzz-cache
seeds=${SLURM_FUZZ_SEEDS:-4}
tests=${SLURM_FUZZ_TESTS:-20000}
core=${SLURM_FUZZ_CORE:-mc}
work=$(mktemp -d /tmp/rtlarena-bench-slurm-fuzz.XXXXXX)
cluster=$work/cluster
trap '"$root/scripts/slurm_local.sh" stop "$cluster" >/dev/null 2>&1 || true; rm -rf "$work"' EXIT
eval "$("$root/scripts/slurm_local.sh" start "$cluster")"
cd "$work"
export RTLARENA_HOME="$root"
flags=(--core "$core" --algo uniform,egreedy --seeds "1-$seeds" --tests "$tests" --no-minimize --cache-dir "$cache")
# The DUT build is not part of the figure: one tiny campaign builds or finds it first.
"$bin" fuzz --core "$core" --tests 10 --no-minimize --cache-dir "$cache" --no-progress > /dev/null || [ $? -eq 1 ]
echo "cores: $(nproc); load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "sweep: $core, uniform,egreedy x seeds 1-$seeds = $((2 * seeds)) campaigns of $tests tests"

stable() {  # sweep summary without the time the campaigns took
  python3 -c 'import json,sys; j=json.load(open(sys.argv[1]))
for c in j["campaigns"]: c.pop("seconds",None)
for r in j["by_algo"]+[j["overall"]]: r.pop("campaign_seconds",None)
print(json.dumps(j, sort_keys=True))' "$1"
}
secs() { printf '%d.%d' $(( $1 / 1000000000 )) $(( $1 / 100000000 % 10 )); }

t0=$(date +%s%N)
"$bin" fuzz "${flags[@]}" --out single --json --no-progress > single.json || [ $? -eq 1 ]
t1=$(date +%s%N)
printf 'single machine, one process:          %7s s\n' "$(secs $((t1 - t0)))"
for n in 2 4; do
  t0=$(date +%s%N)
  "$bin" slurm fuzz --array "$n" --out "sharded$n" --poll 0.5 --json "${flags[@]}" > "sharded$n.json" 2>/dev/null || [ $? -eq 1 ]
  t1=$(date +%s%N)
  same=no
  [ "$(stable single.json)" = "$(stable "sharded$n.json")" ] && same=yes
  printf 'slurm fuzz --array %d (1 CPU each):     %7s s   merged summary equals single: %s\n' "$n" "$(secs $((t1 - t0)))" "$same"
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
