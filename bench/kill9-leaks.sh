#!/usr/bin/env bash
# Nothing left behind after `kill -9` (issue 10): starts core's ExperimentIT, kill -9s the forked test JVM (the
# surefirebooter java process, not the shell that forks it) once STEADY_STATE begins, counts Squeeze's containers and
# owner-named cgroup directories, runs K3sClusterIT normally (its start reaps what the dead JVM left) and counts again.
#
#   bash bench/kill9-leaks.sh          # about 3 minutes; needs Docker and the CI images (.ci/docker-up.sh, .ci/images.sh)
set -uo pipefail
# the build's JDK (native-eater needs 22+); Debian's default java here is 17
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
export PATH=$JAVA_HOME/bin:$PATH
root=$(cd "$(dirname "$0")/.." && pwd)
out=${BENCH_OUT:-$root/target/bench}
mkdir -p "$out"
export TESTCONTAINERS_RYUK_DISABLED=true TESTCONTAINERS_HOST_OVERRIDE=${TESTCONTAINERS_HOST_OVERRIDE:-localhost}
export TESTCONTAINERS_CHECKS_DISABLE=${TESTCONTAINERS_CHECKS_DISABLE:-true}
it=(mvn -B -ntp -pl core -am verify -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false -Dfailsafe.failIfNoSpecifiedTests=false)
count() {
  echo "[$(date +%T)] $1: $(docker ps -a -q --filter label=dev.squeeze.owner.pid | wc -l) Squeeze k3s containers," \
       "$(ls -d /sys/fs/cgroup/*/squeeze-h* 2>/dev/null | wc -l) owner-named cgroup directories"
}
# the forked JVM itself: Failsafe starts it through `/bin/sh -c ... java ... surefirebooter`, whose command line
# matches too; killing that shell would leave the JVM running and the test passing for the wrong reason
forked_jvm() {
  local p
  for p in $(pgrep -f "surefirebooter.*$root/core/target"); do
    [ "$(cat "/proc/$p/comm" 2>/dev/null)" = java ] && { echo "$p"; return; }
  done
}
count "before"
(cd "$root" && exec "${it[@]}" -Dit.test=ExperimentIT) > "$out/kill9-victim.log" 2>&1 &
mvn_pid=$!
jvm=""
for _ in $(seq 1 300); do
  grep -q "STEADY_STATE begins" "$out/kill9-victim.log" && \
    jvm=$(forked_jvm) && [ -n "$jvm" ] && break
  kill -0 "$mvn_pid" 2>/dev/null || { echo "the victim run ended before STEADY_STATE (log: $out/kill9-victim.log)"; exit 1; }
  sleep 1
done
[ -n "$jvm" ] || { echo "no forked test JVM found"; kill "$mvn_pid"; exit 1; }
kill -9 "$jvm"
echo "[$(date +%T)] kill -9 of the test JVM $jvm"
sleep 3
count "after kill -9"
wait "$mvn_pid"
(cd "$root" && "${it[@]}" -Dit.test=K3sClusterIT) > "$out/kill9-normal.log" 2>&1
echo "[$(date +%T)] normal run exit $?; what its start removed:"
grep -E "removed leftover|removed [0-9]+ leftover" "$out/kill9-normal.log" | cut -c1-200
count "after the normal run"
