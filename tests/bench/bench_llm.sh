#!/usr/bin/env bash
# LLM endpoint benchmark (`make bench`): the HTTP client's throughput against the local fake
# server at concurrency 64, and a full `core` run against a server that answers after 200 ms,
# compared with generation alone and evaluation alone. Usage: bench_llm.sh BUILD_DIR
set -euo pipefail
build=${1:-build}
cd "$(dirname "$0")/../.."
cmake --build "$build" --target rtlarena fake_llm_server bench_llm_client >/dev/null
work=$(mktemp -d)
server_pid=""
cleanup() {
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT

start_server() { # args for fake_llm_server; sets $port and $server_pid
  "$build/fake_llm_server" --max-seconds 1800 "$@" >"$work/server.out" 2>"$work/server.err" &
  server_pid=$!
  for _ in $(seq 1 100); do
    port=$(sed -n 's/^PORT //p' "$work/server.out")
    [ -n "$port" ] && return 0
    sleep 0.05
  done
  echo "fake_llm_server did not start"; cat "$work/server.err"; exit 1
}
stop_server() { kill "$server_pid"; wait "$server_pid" 2>/dev/null || true; server_pid=""; }
field() { sed -n "s/.*\"$1\":\([0-9.e+-]*\).*/\1/p"; }

requests=${LLM_BENCH_REQUESTS:-5000}
samples=${LLM_BENCH_SAMPLES:-5}
concurrency=${LLM_BENCH_CONCURRENCY:-16}

echo "--- client throughput: $requests one-sample requests, concurrency 64, server answers at once"
start_server
"$build/bench_llm_client" --base-url "http://127.0.0.1:$port/v1" --requests "$requests" --concurrency 64 | tee "$work/throughput.json"
stop_server

echo "--- core suite, -n $samples, server answers after 200 ms, client concurrency $concurrency"
start_server --delay-ms 200 --answers-from datasets/core --unique
base="http://127.0.0.1:$port/v1"
gen=$("$build/bench_llm_client" --base-url "$base" --suite datasets/core -n "$samples" --n-mode repeat \
        --concurrency "$concurrency" --replay-out "$work/replay.jsonl")
gen_s=$(echo "$gen" | field wall_seconds)
eval_json=$("$build/rtlarena" run --suite core --model "replay:$work/replay.jsonl" -n "$samples" \
              --out "$work/eval-only" --json --no-progress)
eval_s=$(echo "$eval_json" | field wall_seconds)
full_json=$("$build/rtlarena" run --suite core --model openai:bench --base-url "$base" -n "$samples" \
              --n-mode repeat --concurrency "$concurrency" --no-cache --out "$work/full" --json --no-progress)
full_s=$(echo "$full_json" | field wall_seconds)
stop_server
awk -v g="$gen_s" -v e="$eval_s" -v f="$full_s" 'BEGIN {
  m = g > e ? g : e
  printf "generation only  %7.1f s\nevaluation only  %7.1f s\nfull run         %7.1f s  (%.2f x the larger, %.2f x the sum)\n", g, e, f, f / m, f / (g + e)
}'
