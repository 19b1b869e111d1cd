#!/bin/bash
# Stop the rootless Docker daemon .ci/rootless-up.sh started, by the PID it recorded (its process group). Safe to
# call when nothing runs.
set -uo pipefail
CACHE=${SQUEEZE_CI_CACHE:-/var/cache/squeeze-ci}
pidfile=$CACHE/run/rootless-dockerd.pid
[ -f "$pidfile" ] || exit 0
pid=$(cat "$pidfile")
if kill -0 "$pid" 2>/dev/null; then
  echo "[rootless-down] stopping rootless dockerd (process group $pid)"
  kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid"
  for _ in $(seq 1 30); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
  kill -0 "$pid" 2>/dev/null && kill -KILL -- "-$pid" 2>/dev/null
fi
rm -f "$pidfile"
