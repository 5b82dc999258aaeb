#!/usr/bin/env bash
# Sharded vs single-machine wall time for the core suite (--model reference) on a local
# single-node Slurm cluster (scripts/slurm_local.sh): one `run -j 2`, then `slurm run` with 2
# and 4 array tasks (1 CPU each). Prints one line per configuration and whether the merged
# summary equals the single run's. Needs root and slurm-wlm/munge (scripts/setup.sh).
set -euo pipefail
build=${1:-build}
root=$(cd "$(dirname "$0")/../.." && pwd)
bin=$(cd "$build" && pwd)/rtlarena
work=$(mktemp -d /tmp/rtlarena-bench-slurm.XXXXXX)
cluster=$work/cluster
trap '"$root/scripts/slurm_local.sh" stop "$cluster" >/dev/null 2>&1 || true; rm -rf "$work"' EXIT
eval "$("$root/scripts/slurm_local.sh" start "$cluster")"
cd "$work"
echo "cores: $(nproc); load average before: $(cut -d' ' -f1-3 /proc/loadavg)"

stable() {  # summary JSON without what differs between invocations
  python3 -c 'import json,sys; j=json.load(open(sys.argv[1]))
for k in ["run_id","out","wall_seconds","tool_seconds"]: j.pop(k,None)
print(json.dumps({k:v for k,v in j.items() if not k.endswith("_now")}, sort_keys=True))' "$1"
}

t0=$(date +%s%N)
"$bin" run --suite core --model reference -j 2 --out single --json --no-progress > single.json
t1=$(date +%s%N)
printf 'single machine, run -j 2:            %6d.%d s\n' $(( (t1 - t0) / 1000000000 )) $(( (t1 - t0) / 100000000 % 10 ))
for n in 2 4; do
  t0=$(date +%s%N)
  "$bin" slurm run --array "$n" --out "sharded$n" --poll 0.5 --json --suite core --model reference > "sharded$n.json" 2>/dev/null
  t1=$(date +%s%N)
  same=no
  [ "$(stable single.json)" = "$(stable "sharded$n.json")" ] && same=yes
  printf 'slurm run --array %d (1 CPU each):    %6d.%d s   merged summary equals single: %s\n' "$n" $(( (t1 - t0) / 1000000000 )) $(( (t1 - t0) / 100000000 % 10 )) "$same"
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
