#!/usr/bin/env bash
# Reward server benchmark (`make bench`): `rtlarena serve` on the inv8 fixture suite under our
# load generator (bench_serve_load) at 16 and 64 concurrent keep-alive clients with a mixed
# stream (passing, failing, non-compiling, hostile and simulation-hanging answers, every one new
# code), then the cached path (one answer repeated). Reports rewards/s, p50/p99 latency, the
# ratio to the tool-bound limit (workers / mean evaluation time on a worker, read from /metrics:
# the tools' own CPU time is not visible through the sandbox's process tree), and the server's
# RSS sampled every 2 s.
# Then the rates of the other function judges ([function] judge = differential, equiv) under the
# same mixed stream at 16 clients.
# Usage: bench_serve.sh BUILD_DIR   (SERVE_BENCH_SECONDS, default 60; SERVE_BENCH_WORKERS, default 2;
#   SERVE_BENCH_JUDGES, default "differential equiv"; SERVE_BENCH_JUDGES_ONLY=1 runs only those)
# Soak (instead of the above): SERVE_SOAK_SECONDS=N runs one server for N seconds under the soak
# mix (unique answers that fill a small cache and make it evict, plus repeats), with
# SERVE_BENCH_WORKERS (default 1 here) workers and SERVE_SOAK_CLIENTS (default 4) clients, and
# prints the server's RSS every SERVE_SOAK_EVERY seconds (default 60); SERVE_SOAK_CACHE is the
# cache size (default 1000 entries).
set -euo pipefail
build=${1:-build}
cd "$(dirname "$0")/../.."
cmake --build "$build" --target rtlarena bench_serve_load >/dev/null
seconds=${SERVE_BENCH_SECONDS:-60}
soak=${SERVE_SOAK_SECONDS:-0}
if [ "$soak" -gt 0 ]; then workers=${SERVE_BENCH_WORKERS:-1}; else workers=${SERVE_BENCH_WORKERS:-2}; fi
work=$(mktemp -d)
server_pid=""
cleanup() {
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT

start_server() { # config text
  printf "$1" >"$work/reward.toml"
  "$build/rtlarena" serve --suite tests/fixtures/tasks --port 0 --workers "$workers" --config "$work/reward.toml" \
    >"$work/server.out" 2>"$work/server.err" &
  server_pid=$!
  port=""
  for _ in $(seq 1 100); do
    port=$(sed -n 's/.*listening on http:\/\/127.0.0.1:\([0-9]*\).*/\1/p' "$work/server.out")
    [ -n "$port" ] && break
    sleep 0.1
  done
  [ -n "$port" ] || { echo "rtlarena serve did not start"; cat "$work/server.err"; exit 1; }
}
stop_server() {
  kill -TERM "$server_pid"
  wait "$server_pid" && echo "--- SIGTERM: exit 0"
  server_pid=""
}

metric() { curl -s "http://127.0.0.1:$port/metrics" | awk -v m="$1" '$1 == m { print $2 }'; }
rss_kb() { awk '/VmRSS/ { print $2 }' "/proc/$server_pid/status"; }

if [ "$soak" -gt 0 ]; then
  every=${SERVE_SOAK_EVERY:-60}
  start_server "[server]\nqueue = 512\ncache_entries = ${SERVE_SOAK_CACHE:-1000}\n"
  echo "--- soak: rtlarena serve, $workers worker(s), ${SERVE_SOAK_CLIENTS:-4} clients, ${soak}s, cache ${SERVE_SOAK_CACHE:-1000} entries"
  echo "seconds rss_mib evaluations cache_hits"
  "$build/bench_serve_load" "$port" "${SERVE_SOAK_CLIENTS:-4}" "$soak" soak >"$work/load.json" &
  load_pid=$!
  t0=$(date +%s)
  while kill -0 "$load_pid" 2>/dev/null; do
    echo "$(( $(date +%s) - t0 )) $(( $(rss_kb) / 1024 )) $(metric rtlarena_evaluations_total) $(metric rtlarena_cache_hits_total)"
    for _ in $(seq 1 "$every"); do kill -0 "$load_pid" 2>/dev/null || break; sleep 1; done
  done
  wait "$load_pid"
  echo "$(( $(date +%s) - t0 )) $(( $(rss_kb) / 1024 )) $(metric rtlarena_evaluations_total) $(metric rtlarena_cache_hits_total)"
  python3 - "$work/load.json" <<'PY'
import json, sys
l = json.load(open(sys.argv[1]))
print(f"  {l['rewards_per_second']:.1f} rewards/s, p50 {l['p50_seconds']*1000:.0f} ms, "
      f"p99 {l['p99_seconds']*1000:.0f} ms, statuses {json.dumps(l['statuses'])}")
PY
  stop_server
  exit 0
fi

run() { # clients mix
  local cpu0 ev0 cpu1 ev1
  cpu0=$(metric rtlarena_evaluation_seconds_total); ev0=$(metric rtlarena_evaluations_total)
  "$build/bench_serve_load" "$port" "$1" "$seconds" "$2" >"$work/load.json"
  cpu1=$(metric rtlarena_evaluation_seconds_total); ev1=$(metric rtlarena_evaluations_total)
  python3 - "$work/load.json" "$cpu0" "$cpu1" "$ev0" "$ev1" "$workers" "$(rss_kb)" <<'PY'
import json, sys
load = json.load(open(sys.argv[1]))
cpu = float(sys.argv[3]) - float(sys.argv[2])
evals = float(sys.argv[5]) - float(sys.argv[4])
workers = int(sys.argv[6])
line = (f"{load['mix']:6} clients {load['clients']:3}: {load['rewards_per_second']:8.1f} rewards/s, "
        f"p50 {load['p50_seconds']*1000:7.1f} ms, p99 {load['p99_seconds']*1000:7.1f} ms")
if evals > 0 and cpu > 0:
    mean = cpu / evals
    limit = workers / mean
    line += (f", {evals:.0f} evaluations, mean evaluation {mean*1000:.0f} ms, "
             f"tool-bound limit {limit:.1f}/s, ratio {evals / load['seconds'] / limit:.2f}")
line += f", RSS {int(sys.argv[7]) // 1024} MiB"
print(line)
print("  statuses", json.dumps(load["statuses"]), "verdicts", json.dumps(load["verdicts"]))
PY
}

if [ -z "${SERVE_BENCH_JUDGES_ONLY:-}" ]; then
start_server '[server]\nqueue = 512\n'
rss_log="$work/rss.txt"
( while kill -0 "$server_pid" 2>/dev/null; do echo "$(date +%s) $(rss_kb)" >>"$rss_log"; sleep 2; done ) &
sampler=$!
echo "--- rtlarena serve, $workers workers, ${seconds}s per step, inv8 fixture suite"
run 16 mixed
run 64 mixed
run 64 cached
kill "$sampler" 2>/dev/null || true
echo "--- RSS over the run (KiB, every 2 s): first $(head -1 "$rss_log" | cut -d' ' -f2), max $(sort -k2 -n "$rss_log" | tail -1 | cut -d' ' -f2), last $(tail -1 "$rss_log" | cut -d' ' -f2), samples $(wc -l <"$rss_log")"
stop_server
fi

# The other function judges: the same mixed stream, their rewards per second.
for judge in ${SERVE_BENCH_JUDGES:-differential equiv}; do
  start_server "[server]\nqueue = 512\n[function]\njudge = \"$judge\"\n"
  echo "--- [function] judge = \"$judge\""
  run 16 mixed
  stop_server
done
