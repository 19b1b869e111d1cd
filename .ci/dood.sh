#!/bin/bash
# Docker-outside-of-Docker: a user's project (the junit6-java17 consumer, as the `test` phase's invoker run left it in
# consumer-tests/target/it) runs `mvn verify` inside CI-job containers that see only the Docker daemon, the way GitLab's
# Docker executor or a Jenkins agent runs Maven: --network host, the JDK, Maven and the Maven repositories mounted,
# no host /proc or /sys/fs/cgroup. The job image is the k3s stand-in (bash and glibc). Two rounds, each with two jobs
# on the one daemon at the same time:
#
#   1. same host name: one job with the Docker socket mounted, one with only a TCP DOCKER_HOST (a socat proxy on
#      loopback: the remote-daemon shape). Both green, neither removes a node.
#   2. different host names (--hostname other-job): once both nodes are Ready, the other-job JVM is killed with
#      SIGKILL. Its node's owner watchdog stops the node; the live job stays green and removes the killed node (only
#      that one) when it closes, cgroup parent included.
#   Then: no job's node and no squeeze-* cgroup directory is left on the host.
#
#   bash .ci/dood.sh        (after `mvn verify` built consumer-tests; dockerd and the images up)
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/.." && pwd)
# shellcheck source=versions.env
. "$HERE/versions.env"
IMAGE=${SQUEEZE_DOOD_IMAGE:-$K3S_IMAGE}
JDK=${SQUEEZE_DOOD_JDK:-/usr/lib/jvm/temurin-25-jdk-amd64}
PORT=${SQUEEZE_DOOD_PORT:-23751}
SOCKET=/var/run/docker.sock
IT=$ROOT/consumer-tests/target/it
PROJECT=$IT/junit6-java17
LOCAL_REPO=$ROOT/consumer-tests/target/local-repo
HOST=$(hostname)
WAIT=${SQUEEZE_DOOD_WAIT:-600}

log() { echo "[dood] $*"; }
die() { echo "[dood] FAILED: $*" >&2; exit 1; }
check() { echo "[dood] ok: $*"; }

[ -f "$PROJECT/pom.xml" ] || die "no consumer project at $PROJECT: run \`mvn verify\` (consumer-tests) first"
SETTINGS=$(ls "$IT"/interpolated-settings.xml 2>/dev/null || true)
[ -n "$SETTINGS" ] || die "no interpolated-settings.xml in $IT (maven-invoker-plugin writes it)"
# the outer build's local repository, which the consumer settings name as a release repository
CENTRAL=$(sed -n 's#.*<url>file://\(/[^<]*\)</url>.*#\1#p' "$SETTINGS" | head -1)
[ -d "$CENTRAL" ] || die "the repository $CENTRAL named in $SETTINGS does not exist"
docker image inspect "$IMAGE" >/dev/null 2>&1 || die "image $IMAGE is not loaded (.ci/images.sh)"

WORK=$(mktemp -d /tmp/squeeze-dood.XXXXXX)
JOBS=()
PROXY_PID=""
cleanup() {
  local rc=$?
  set +e
  if [ $rc -ne 0 ]; then
    for j in "${JOBS[@]}"; do echo "--- last lines of job $j"; docker logs --tail 40 "$j" 2>&1; done
  fi
  [ -n "$PROXY_PID" ] && kill "$PROXY_PID" 2>/dev/null
  for j in "${JOBS[@]}"; do docker rm -f "$j" >/dev/null 2>&1; done
  rm -rf "$WORK"
  exit $rc
}
trap cleanup EXIT

squeeze_nodes() { docker ps -aq --no-trunc --filter label=dev.squeeze.owner.host-tag | sort; }
squeeze_cgroups() { find /sys/fs/cgroup -mindepth 2 -maxdepth 2 -type d -name 'squeeze-*' 2>/dev/null | sort; }
CGROUPS_BEFORE=$(squeeze_cgroups)
before=$(squeeze_nodes)
[ -z "$before" ] || log "nodes present before this phase (not this phase's; left alone): $before"

# job NAME HOSTNAME(empty: the host's) socket|tcp: starts a CI-job container running `mvn verify` on a copy
job() {
  local name=$1 host=$2 docker=$3 c=squeeze-dood-$1
  cp -r "$PROJECT" "$WORK/$name"
  rm -rf "$WORK/$name/target" "$WORK/$name/build.log"
  local args=(-d --name "$c" --network host --entrypoint bash -w "$WORK/$name"
    -v "$JDK:$JDK:ro" -v /usr/share/maven:/usr/share/maven:ro -v /usr/share/java:/usr/share/java:ro
    -v /etc/maven:/etc/maven:ro -v "$CENTRAL:$CENTRAL:ro" -v "$LOCAL_REPO:$LOCAL_REPO" -v "$SETTINGS:$SETTINGS:ro"
    -v "$WORK/$name:$WORK/$name"
    -e JAVA_HOME="$JDK" -e TESTCONTAINERS_RYUK_DISABLED=true -e TESTCONTAINERS_HOST_OVERRIDE=localhost
    -e TESTCONTAINERS_CHECKS_DISABLE=true)
  [ -z "$host" ] || args+=(--hostname "$host")
  if [ "$docker" = socket ]; then
    args+=(-v "$SOCKET:$SOCKET" -e DOCKER_HOST=unix://$SOCKET)
  else
    args+=(-e DOCKER_HOST=tcp://127.0.0.1:$PORT)
  fi
  JOBS+=("$c")
  docker run "${args[@]}" "$IMAGE" -c "export PATH=$JDK/bin:/usr/share/maven/bin:\$PATH
    exec mvn -B -ntp -o -s $SETTINGS -Dmaven.repo.local=$LOCAL_REPO verify" >/dev/null
  local shown=${host:-$HOST}
  [ -n "$host" ] || shown="$shown (the host's)"
  log "job $c: $docker DOCKER_HOST, host name $shown"
}

# await_log CONTAINER REGEX: waits until the job's output matches (or the job ended)
await_log() {
  local c=$1 re=$2 t0=$SECONDS
  until docker logs "$c" 2>&1 | grep -Eq "$re"; do
    [ "$(docker inspect -f '{{.State.Running}}' "$c")" = true ] || die "job $c ended before its log showed /$re/"
    [ $((SECONDS - t0)) -lt "$WAIT" ] || die "job $c: no /$re/ in its log after ${WAIT}s"
    sleep 2
  done
}

finish_job() {
  local c=$1
  docker wait "$c"
}

# what each job's Squeeze said about other runs' nodes and cgroup directories
evidence() {
  local c
  for c in "$@"; do
    { docker logs "$c" 2>&1 | grep -E 'removed leftover|left k3s container|cgroup directories' || true; } \
      | cut -c1-240 | sed "s/^/[dood]   $c: /"
  done
}

removed_by() { docker logs "$1" 2>&1 | sed -n 's/.*removed leftover k3s container \([0-9a-f]\{12\}\).*/\1/p'; }

log "checks: (1) a socket job and a TCP-DOCKER_HOST job, same host name, at the same time: both green, no node removed;"
log "        (2) jobs with different host names at the same time, one JVM killed with SIGKILL once both nodes are"
log "        Ready: its node is stopped by its watchdog, the live job stays green and removes only the killed node;"
log "        then none of this phase's nodes and no squeeze-* cgroup directory is left under /sys/fs/cgroup/*/"

# ------------------------------------------------------------------ round 1 ----------------------------------------
# its "Broken pipe" lines (a client gone mid-answer) are noise: to a log
socat TCP-LISTEN:"$PORT",bind=127.0.0.1,reuseaddr,fork UNIX-CONNECT:"$SOCKET" 2>"$WORK/socat.log" &
PROXY_PID=$!
for _ in $(seq 1 50); do docker -H tcp://127.0.0.1:$PORT version >/dev/null 2>&1 && break; sleep 0.2; done
docker -H tcp://127.0.0.1:$PORT version >/dev/null || die "the socat proxy on 127.0.0.1:$PORT does not answer"
t0=$SECONDS
job socket "" socket
job tcp "" tcp
rc_socket=$(finish_job squeeze-dood-socket)
rc_tcp=$(finish_job squeeze-dood-tcp)
log "round 1 took $((SECONDS - t0))s"
[ "$rc_socket" = 0 ] || die "the socket job failed (exit $rc_socket)"
check "Maven in a container with the Docker socket: green"
[ "$rc_tcp" = 0 ] || die "the TCP DOCKER_HOST job failed (exit $rc_tcp)"
check "Maven in a container with only DOCKER_HOST=tcp://127.0.0.1:$PORT: green"
for j in socket tcp; do
  grep -rqs --include='*.json' 'read with docker exec' "$WORK/$j/target/squeeze-reports" \
    || die "the $j job's report does not say its wall readings came through docker exec"
done
check "both jobs read the node's wall through docker exec (the host's cgroup files are not visible to them)"
for c in squeeze-dood-socket squeeze-dood-tcp; do
  r=$(removed_by $c)
  [ -z "$r" ] || die "job $c removed node(s) $r of the other, live job"
done
check "same host name: neither job removed the other's node"
evidence squeeze-dood-socket squeeze-dood-tcp

# ------------------------------------------------------------------ round 2 ----------------------------------------
t0=$SECONDS
job live "" socket
job killed other-job socket
await_log squeeze-dood-live 'node .* Ready after'
await_log squeeze-dood-killed 'node .* Ready after'
killed_node=$(docker ps -q --no-trunc --filter label=dev.squeeze.owner.host=other-job)
live_node=$(docker ps -q --no-trunc --filter label=dev.squeeze.owner.host="$HOST" --filter label=dev.squeeze.watchdog)
[ "$(echo "$killed_node" | wc -w)" = 1 ] || die "expected one running node of other-job, found '$killed_node'"
[ "$(echo "$live_node" | wc -w)" = 1 ] || die "expected one running node of the live job, found '$live_node'"
# the owner JVM's pid as it sees it (its own pid namespace), from its node's label: Surefire's fork is a `sh -c` whose
# child is the JVM, so a pgrep for the booter would find the shell first
jvm=$(docker inspect -f '{{index .Config.Labels "dev.squeeze.owner.pid"}}' "$killed_node")
[ "$(docker exec squeeze-dood-killed cat /proc/"$jvm"/comm 2>/dev/null)" = java ] \
  || die "pid $jvm (the owner label of node ${killed_node:0:12}) is not a java process in job squeeze-dood-killed"
docker exec squeeze-dood-killed kill -KILL "$jvm"
log "killed the other-job test JVM (pid $jvm in its container) with SIGKILL; its node ${killed_node:0:12}"
t1=$SECONDS
# the proof: the marker the watchdog writes when the owner's connection closes (or the node is already removed)
until docker cp "$killed_node:/squeeze-owner-gone" - >/dev/null 2>&1 || ! docker inspect "$killed_node" >/dev/null 2>&1
do
  [ $((SECONDS - t1)) -lt 60 ] || die "no watchdog marker in the killed run's node ${killed_node:0:12} 60s after the kill"
  sleep 1
done
check "the killed run's watchdog marked its node $((SECONDS - t1))s after the kill"
[ "$(docker inspect -f '{{.State.Running}}' squeeze-dood-live)" = true ] \
  || die "the live job ended before the kill was proven: this round proves nothing (a slower live test is needed)"
[ "$(docker inspect -f '{{.State.Status}}' "$live_node")" = running ] \
  || die "the live job's node ${live_node:0:12} is no longer running"
check "the live job and its node ${live_node:0:12} still run"
rc_live=$(finish_job squeeze-dood-live)
rc_killed=$(finish_job squeeze-dood-killed)
log "round 2 took $((SECONDS - t0))s (the killed job's Maven exited $rc_killed, as a killed test JVM makes it)"
[ "$rc_live" = 0 ] || die "the live job failed (exit $rc_live)"
check "different host names, the other job killed: the live job is green"
! docker inspect "$killed_node" >/dev/null 2>&1 || die "the killed run's node ${killed_node:0:12} was not removed"
[ "$(removed_by squeeze-dood-live)" = "${killed_node:0:12}" ] \
  || die "the live job removed '$(removed_by squeeze-dood-live)', expected exactly the killed node ${killed_node:0:12}"
check "the live job removed exactly the killed run's node ${killed_node:0:12}: $(docker logs squeeze-dood-live 2>&1 \
  | grep -o 'removed leftover k3s container.*' | head -1)"
for c in squeeze-dood-socket squeeze-dood-tcp squeeze-dood-killed; do
  [ -z "$(removed_by $c)" ] || die "job $c removed node(s) $(removed_by $c)"
done
check "0 live nodes removed"
evidence squeeze-dood-live squeeze-dood-killed

# ------------------------------------------------------------------ nothing left -----------------------------------
# this phase's nodes, as Testcontainers logged them in the four jobs
ours=$(for j in "${JOBS[@]}"; do docker logs "$j" 2>&1; done | grep -oE 'is starting: [0-9a-f]{64}' | cut -d' ' -f3 | sort -u)
[ "$(echo "$ours" | wc -w)" = 4 ] || die "expected 4 nodes in the jobs' logs, found: $ours"
for n in $ours; do
  ! docker inspect "$n" >/dev/null 2>&1 || die "node ${n:0:12} of this phase is left: $(docker ps -a --filter id="$n")"
done
check "none of this phase's 4 nodes is left (docker ps -a)"
# new squeeze-* directories, less those a node that still exists names (another run's, on a shared machine)
named=$(for n in $(squeeze_nodes); do
  docker inspect -f '{{index .Config.Labels "dev.squeeze.cgroup-parent"}}' "$n" 2>/dev/null; done | sed 's#^/##')
left=$(comm -13 <(echo "$CGROUPS_BEFORE") <(squeeze_cgroups) | while read -r d; do
  echo "$named" | grep -qxF "${d##*/}" || echo "$d"; done)
[ -z "$left" ] || die "cgroup directories left on the host: $left"
check "no squeeze-* cgroup directory left under /sys/fs/cgroup/*/ (every JVM ran in a container)"
