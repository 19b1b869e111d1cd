#!/bin/bash
# Removes what .ci/cluster-up.sh started: its containers and network (label squeeze.ci.cluster=multinode), the
# cgroup v1 directories /squeeze-mn-* their kubelets and Docker left in every hierarchy, and its output directory.
# Safe to call when nothing runs.
set -uo pipefail

DOCKER=/usr/bin/docker
OUT=${SQUEEZE_CLUSTER_DIR:-/tmp/squeeze-multinode}
LABEL=squeeze.ci.cluster=multinode

if "$DOCKER" info >/dev/null 2>&1; then
  ids=$("$DOCKER" ps -aq --filter "label=$LABEL")
  if [ -n "$ids" ]; then
    echo "[cluster-down] removing $(echo $("$DOCKER" ps -a --filter "label=$LABEL" --format '{{.Names}}'))"
    # shellcheck disable=SC2086
    "$DOCKER" rm -f -v $ids >/dev/null 2>&1 || true
  fi
  nets=$("$DOCKER" network ls -q --filter "label=$LABEL")
  # shellcheck disable=SC2086
  [ -z "$nets" ] || "$DOCKER" network rm $nets >/dev/null 2>&1 || true
fi
# empty cgroups, deepest first (a cgroup directory is removed with rmdir)
for d in /sys/fs/cgroup/*/squeeze-mn-*; do
  [ -d "$d" ] && find "$d" -depth -type d -exec rmdir {} + 2>/dev/null
done
rm -rf "$OUT"
exit 0
