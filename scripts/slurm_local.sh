#!/usr/bin/env bash
# A single-node Slurm cluster on loopback, in a scratch folder of its own: its own munge key and
# socket, a minimal slurm.conf with non-default ports, slurmctld and slurmd. For tests and for
# trying `rtlarena slurm` on one machine. Needs root (slurmd starts jobs as their user) and
# Debian's slurm-wlm and munge (scripts/setup.sh).
#
#   scripts/slurm_local.sh start DIR   # prints "export SLURM_CONF=DIR/slurm.conf" once sinfo
#                                      # shows the node idle; exits 4 if it never does
#   scripts/slurm_local.sh stop DIR    # stops the daemons by their pids, removes DIR
#
# DIR must not exist before `start` (or be empty): everything the cluster writes goes there.
set -euo pipefail
export PATH="$PATH:/usr/sbin:/sbin"  # the daemons live there; not every PATH has it

usage() { echo "usage: $0 start|stop DIR" >&2; exit 2; }
[ $# -eq 2 ] || usage
action=$1
dir=$2

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

stop_pid_file() {
  local file=$1 pid
  [ -f "$file" ] || return 0
  pid=$(cat "$file" 2>/dev/null || true)
  [ -n "$pid" ] || return 0
  kill -TERM "$pid" 2>/dev/null || return 0
  for _ in $(seq 1 50); do
    kill -0 "$pid" 2>/dev/null || return 0
    sleep 0.1
  done
  kill -KILL "$pid" 2>/dev/null || true
}

stop_cluster() {
  # slurmd first (it may still report to slurmctld), munged last (both authenticate with it).
  stop_pid_file "$dir/run/slurmd.pid"
  stop_pid_file "$dir/run/slurmctld.pid"
  stop_pid_file "$dir/run/munged.pid"
  rm -rf "$dir"
}

start_cluster() {
  if [ -e "$dir" ] && [ -n "$(ls -A "$dir" 2>/dev/null)" ]; then
    echo "slurm_local: $dir is not empty; give a new folder (or stop the cluster in it first)" >&2
    exit 3
  fi
  for tool in munged slurmctld slurmd sinfo; do
    command -v "$tool" >/dev/null || { echo "slurm_local: $tool not found; run scripts/setup.sh" >&2; exit 4; }
  done
  mkdir -p "$dir"
  dir=$(cd "$dir" && pwd)
  chmod 700 "$dir"
  mkdir -p "$dir/run" "$dir/log" "$dir/state" "$dir/spool"
  chmod 700 "$dir/run" "$dir/log"

  # munge: a key of our own and a socket in the folder, so the system's munge is left alone.
  head -c 1024 /dev/urandom > "$dir/munge.key"
  chmod 400 "$dir/munge.key"
  setsid munged --force --key-file="$dir/munge.key" --socket="$dir/run/munge.socket" \
    --pid-file="$dir/run/munged.pid" --log-file="$dir/log/munged.log" --seed-file="$dir/run/munged.seed"

  local host cpus mem ctld_port slurmd_port
  host=$(hostname -s)
  cpus=$(nproc)
  mem=$(awk '/MemTotal/ { printf "%d", $2 / 1024 * 0.9 }' /proc/meminfo)
  ctld_port=$(free_port)
  slurmd_port=$(free_port)
  while [ "$slurmd_port" = "$ctld_port" ]; do slurmd_port=$(free_port); done
  cat > "$dir/slurm.conf" <<CONF
# Written by scripts/slurm_local.sh: one node on loopback, state in $dir.
ClusterName=rtlarena-local
SlurmctldHost=$host(127.0.0.1)
SlurmctldPort=$ctld_port
SlurmdPort=$slurmd_port
AuthType=auth/munge
AuthInfo=socket=$dir/run/munge.socket
CredType=cred/munge
SlurmUser=root
SlurmdUser=root
StateSaveLocation=$dir/state
SlurmdSpoolDir=$dir/spool
SlurmctldPidFile=$dir/run/slurmctld.pid
SlurmdPidFile=$dir/run/slurmd.pid
SlurmctldLogFile=$dir/log/slurmctld.log
SlurmdLogFile=$dir/log/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
MpiDefault=none
ReturnToService=2
MinJobAge=600
SchedulerType=sched/backfill
NodeName=$host NodeAddr=127.0.0.1 CPUs=$cpus RealMemory=$mem State=UNKNOWN
PartitionName=local Nodes=$host Default=YES MaxTime=INFINITE State=UP
CONF
  export SLURM_CONF="$dir/slurm.conf"
  setsid slurmctld -f "$SLURM_CONF"
  setsid slurmd -f "$SLURM_CONF"
  for _ in $(seq 1 60); do
    if sinfo -h -o '%T' 2>/dev/null | grep -qx idle; then
      echo "export SLURM_CONF=$SLURM_CONF"
      return 0
    fi
    sleep 0.5
  done
  echo "slurm_local: the node did not become idle in 30 s; logs in $dir/log" >&2
  tail -5 "$dir/log/slurmctld.log" "$dir/log/slurmd.log" >&2 || true
  stop_cluster
  exit 4
}

case "$action" in
  start) start_cluster ;;
  stop) stop_cluster ;;
  *) usage ;;
esac
