#!/usr/bin/env bash
# Reward-server replicas behind nginx, on loopback, in a folder of their own.
#
#   scripts/reward_replicas.sh config DIR LISTEN_PORT UPSTREAM_PORT...
#       writes DIR/nginx.conf from docs/nginx/reward-replicas.conf.in (nothing is started)
#   scripts/reward_replicas.sh start DIR LISTEN_PORT REPLICAS -- SERVE_FLAGS...
#       starts REPLICAS x `rtlarena serve SERVE_FLAGS --port P` on free ports and nginx on
#       LISTEN_PORT; returns once /healthz answers through nginx (exit 4 if it never does)
#   scripts/reward_replicas.sh stop DIR
#       stops nginx and the replicas by their pids and removes DIR
#
# The binary is $RTLARENA (default: rtlarena on PATH). Needs Debian's nginx (scripts/setup.sh).
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
template="$here/../docs/nginx/reward-replicas.conf.in"
usage() { sed -n '4,12p' "$0" >&2; exit 2; }
[ $# -ge 2 ] || usage
action=$1
dir=$2
shift 2

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

healthy() {  # URL
  python3 - "$1" <<'PY' >/dev/null 2>&1
import sys, urllib.request
urllib.request.urlopen(sys.argv[1], timeout=2).read()
PY
}

write_config() {  # LISTEN_PORT UPSTREAM_PORT...
  local listen=$1 servers="" port
  shift
  [ $# -ge 1 ] || { echo "reward_replicas: no upstream ports" >&2; exit 2; }
  for port in "$@"; do
    servers+="    server 127.0.0.1:$port max_fails=1 fail_timeout=5s;"$'\n'
  done
  mkdir -p "$dir/tmp"
  dir=$(cd "$dir" && pwd)
  python3 - "$template" "$dir/nginx.conf" "$dir" "127.0.0.1:$listen" "$servers" <<'PY'
import sys
src, dst, d, listen, servers = sys.argv[1:]
text = open(src).read().replace("@DIR@", d).replace("@LISTEN@", listen).replace("@SERVERS@", servers.rstrip("\n"))
open(dst, "w").write(text)
PY
}

stop_pid() {
  local pid
  pid=$(cat "$1" 2>/dev/null || true)
  [ -n "$pid" ] || return 0
  kill -TERM "$pid" 2>/dev/null || return 0
  for _ in $(seq 1 50); do
    kill -0 "$pid" 2>/dev/null || return 0
    sleep 0.1
  done
  kill -KILL "$pid" 2>/dev/null || true
}

case "$action" in
  config)
    [ $# -ge 2 ] || usage
    write_config "$@"
    ;;
  start)
    [ $# -ge 3 ] && [ "$3" = "--" ] || usage
    listen=$1 replicas=$2
    shift 3
    rtlarena=${RTLARENA:-rtlarena}
    command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || { echo "reward_replicas: nginx not found; run scripts/setup.sh" >&2; exit 4; }
    mkdir -p "$dir"
    ports=()
    for i in $(seq 1 "$replicas"); do
      port=$(free_port)
      ports+=("$port")
      setsid "$rtlarena" serve "$@" --port "$port" >"$dir/replica$i.log" 2>&1 &
      echo $! >"$dir/replica$i.pid"
    done
    write_config "$listen" "${ports[@]}"
    for port in "${ports[@]}"; do
      for _ in $(seq 1 120); do healthy "http://127.0.0.1:$port/healthz" && break; sleep 0.25; done
    done
    PATH=$PATH:/usr/sbin nginx -p "$dir" -c "$dir/nginx.conf" -e "$dir/error.log"
    for _ in $(seq 1 40); do
      if healthy "http://127.0.0.1:$listen/healthz"; then echo "http://127.0.0.1:$listen"; exit 0; fi
      sleep 0.25
    done
    echo "reward_replicas: no answer on port $listen; logs in $dir" >&2
    exit 4
    ;;
  stop)
    stop_pid "$dir/nginx.pid"
    for f in "$dir"/replica*.pid; do [ -e "$f" ] && stop_pid "$f"; done
    rm -rf "$dir"
    ;;
  *) usage ;;
esac
