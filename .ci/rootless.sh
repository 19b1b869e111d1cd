#!/bin/bash
# CI phase: rootless Docker, for real. Starts a rootless daemon on its own socket (.ci/rootless-up.sh), then, against
# it: the doctor must say "will fail" naming rootless, and a node start must be refused by name before any container
# is created (.ci/RootlessRefusal.java). Stops that daemon by the PID it recorded, whatever happened.
#
#   bash .ci/rootless.sh      (after squeeze-core is compiled: core/target/classes)
set -euo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/.." && pwd)
CACHE=${SQUEEZE_CI_CACHE:-/var/cache/squeeze-ci}
trap 'bash "$HERE/rootless-down.sh"' EXIT

bash "$HERE/rootless-up.sh"
SOCK=$(cat "$CACHE/run/rootless-dockerd.sock")
CPFILE=$(mktemp)
(cd "$ROOT" && mvn -B -ntp -q -pl core dependency:build-classpath -Dmdep.includeScope=runtime \
  -Dmdep.outputFile="$CPFILE" >/dev/null)
CP="$ROOT/core/target/classes:$(cat "$CPFILE")"
rm -f "$CPFILE"

echo "[rootless] doctor against unix://$SOCK"
set +e
DOCKER_HOST=unix://$SOCK java -cp "$CP" dev.squeeze.doctor.Doctor 2>/dev/null | tee "$CACHE/logs/rootless-doctor.txt"
rc=${PIPESTATUS[0]}
set -e
[ "$rc" = 1 ] || { echo "[rootless] the doctor exited $rc, expected 1 (a line that will fail)" >&2; exit 1; }
grep -q "docker     will fail: .*it runs rootless" "$CACHE/logs/rootless-doctor.txt" \
  || { echo "[rootless] the doctor did not name rootless" >&2; exit 1; }

echo "[rootless] a node start against unix://$SOCK"
DOCKER_HOST=unix://$SOCK java -cp "$CP" "$HERE/RootlessRefusal.java" 2>&1 | grep -v "^SLF4J"
