#!/bin/bash
# Stop what .ci/docker-up.sh and the test run started: containers created from the images
# .ci/images.sh builds (rancher/k3s, ...) or labelled by Testcontainers, then dockerd itself
# (only if docker-up.sh started it). Safe to call when nothing runs.
set -uo pipefail

CACHE=${SQUEEZE_CI_CACHE:-/var/cache/squeeze-ci}
RUNDIR=$CACHE/run
DOCKER=/usr/bin/docker
log() { echo "[docker-down] $*"; }

if "$DOCKER" info >/dev/null 2>&1; then
  ids=$( { "$DOCKER" ps -aq --filter label=org.testcontainers=true
           "$DOCKER" ps -aq --filter label=squeeze.ci=true
           "$DOCKER" ps -aq --filter ancestor=rancher/k3s 2>/dev/null
           for img in $("$DOCKER" images --format '{{.Repository}}:{{.Tag}}' 'rancher/k3s' 2>/dev/null); do
             "$DOCKER" ps -aq --filter "ancestor=$img"
           done; } | sort -u)
  if [ -n "$ids" ]; then
    log "removing containers: $(echo $ids)"
    # shellcheck disable=SC2086
    "$DOCKER" rm -f -v $ids >/dev/null 2>&1 || true
  fi
fi

pidfile=$RUNDIR/dockerd.pid
if [ -f "$pidfile" ]; then
  pid=$(cat "$pidfile")
  if kill -0 "$pid" 2>/dev/null; then
    log "stopping dockerd (pid $pid)"
    kill -TERM "$pid"
    for i in $(seq 1 30); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
    kill -0 "$pid" 2>/dev/null && { log "dockerd still running, SIGKILL"; kill -KILL "$pid"; }
  fi
  rm -f "$pidfile" "$RUNDIR/dockerd.launch-pid"
fi
exit 0
