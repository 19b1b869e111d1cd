#!/bin/bash
# A multi-node cluster that exists before the tests, as a team's staging cluster does: one k3s server and two
# `k3s agent` workers on a Docker network, each node with its own memory wall and eviction settings, and a
# ServiceAccount bound to exactly the ClusterRole README.md documents. Writes a kubeconfig with that
# ServiceAccount's token (least privilege, not cluster-admin) and the names of the nodes.
#
#   bash .ci/cluster-up.sh          start (replaces a cluster left over by a previous run)
#   bash .ci/cluster-down.sh        remove it
#
# Output in $SQUEEZE_CLUSTER_DIR (default /tmp/squeeze-multinode):
#   kubeconfig        the ServiceAccount's kubeconfig (what the tests use)
#   admin.kubeconfig  cluster-admin, for debugging only
#   env               SQUEEZE_TUNED_NODE=..., SQUEEZE_OVERCOMMITTED_NODE=..., SQUEEZE_KUBECONFIG=...
#
# Nodes (N = wall on the node's cgroup parent; K = kube-reserved; e = memory.available eviction threshold):
#   squeeze-mn-server            control plane, tainted NoSchedule (CoreDNS tolerates it)
#   squeeze-mn-tuned             N 2Gi + 1Gi swap, K 384Mi, e 256Mi: allocatable 1408Mi, evicts before the wall
#   squeeze-mn-overcommitted     N 2Gi + 1Gi swap (memsw), K 64Mi, no memory eviction (stock k3s): the seed's machine
# Every kubelet: eviction-pressure-transition-period=10s (the default is 5m), as Squeeze's own ITs set it: tests
# wait for MemoryPressure to clear, and a shorter period only shortens that wait.
# Like Squeeze's own k3s nodes on cgroup v1 (K3sMemoryWall): each container gets the Docker cgroup parent
# /squeeze-mn-<node> and its kubelet the same cgroup-root, so k3s and its pods share one limit N and nodes never
# share /kubepods; system-reserved = MemTotal - N turns the host's MemTotal (the kubelet's capacity) into N.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/.." && pwd)
# shellcheck source=versions.env
. "$HERE/versions.env"
DOCKER=/usr/bin/docker
OUT=${SQUEEZE_CLUSTER_DIR:-/tmp/squeeze-multinode}
NET=squeeze-mn
SERVER=squeeze-mn-server
TUNED=squeeze-mn-tuned
OVER=squeeze-mn-overcommitted
LABEL=squeeze.ci.cluster=multinode
log() { echo "[cluster-up] $(date -u +%H:%M:%S) $*"; }
die() { echo "[cluster-up] ERROR: $*" >&2; exit 1; }

T0=$SECONDS
bash "$HERE/cluster-down.sh" >/dev/null
mkdir -p "$OUT"
$DOCKER image inspect "$K3S_IMAGE" >/dev/null 2>&1 || die "image $K3S_IMAGE is not loaded: run .ci/images.sh"
$DOCKER network create --label "$LABEL" "$NET" >/dev/null

# On a user-defined Docker network /etc/resolv.conf names Docker's loopback resolver, which CoreDNS cannot forward
# to from a pod: give the nodes the host's own resolvers.
awk '$1 == "nameserver" && $2 !~ /^127\./ && $2 != "::1"' /etc/resolv.conf > "$OUT/resolv.conf"
[ -s "$OUT/resolv.conf" ] || $DOCKER network inspect -f '{{range .IPAM.Config}}nameserver {{.Gateway}}{{end}}' "$NET" \
  > "$OUT/resolv.conf"
HOST_KB=$(awk '/^MemTotal:/ {print $2}' /proc/meminfo)
mi() { echo "$(( $1 * 1024 * 1024 ))"; }
# node NAME WALL_MI KUBE_RESERVED_MI EVICTION_MI|0 ROLE [k3s args...]
node() {
  local name=$1 wall=$2 kube=$3 evict=$4 role=$5; shift 5
  local sysres=$(( HOST_KB * 1024 - $(mi "$wall") ))
  local hard="nodefs.available<5%,imagefs.available<5%"
  [ "$evict" != 0 ] && hard="memory.available<${evict}Mi,$hard"
  $DOCKER run -d --name "$name" --hostname "$name" --network "$NET" --label "$LABEL" \
    --privileged --cgroupns=host -v /sys/fs/cgroup:/sys/fs/cgroup:rw --tmpfs /run --tmpfs /var/run \
    -v "$OUT/resolv.conf:/etc/resolv.conf:ro" \
    --cgroup-parent "/$name" "$K3S_IMAGE" "$role" --node-name "$name" \
    --kubelet-arg "cgroup-root=/$name" \
    --kubelet-arg "kubelet-cgroups=/$name/k3s" --kubelet-arg "runtime-cgroups=/$name/k3s" \
    --kubelet-arg "system-reserved=memory=$sysres" \
    --kubelet-arg "kube-reserved=memory=${kube}Mi" \
    --kubelet-arg "eviction-hard=$hard" \
    --kubelet-arg "eviction-pressure-transition-period=10s" \
    "$@" >/dev/null
  # the wall: N on the shared parent, written from inside the privileged container (/sys/fs/cgroup is the host's);
  # NODE_SWAP_MI (default 0) of swap on top: memory + swap = N + swap, as Squeeze's @ChaosNode(swap) does
  $DOCKER exec "$name" sh -c "cd /sys/fs/cgroup/memory/$name && echo $(mi "$wall") > memory.limit_in_bytes \
    && { [ ! -e memory.memsw.limit_in_bytes ] || echo $(mi $((wall + ${NODE_SWAP_MI:-0}))) > memory.memsw.limit_in_bytes; }"
}

log "server $SERVER ($K3S_IMAGE)"
node "$SERVER" 2048 1024 0 server --node-taint node-role.kubernetes.io/control-plane=true:NoSchedule
SERVER_IP=$($DOCKER inspect -f "{{(index .NetworkSettings.Networks \"$NET\").IPAddress}}" "$SERVER")
for _ in $(seq 1 240); do
  $DOCKER exec "$SERVER" test -s /var/lib/rancher/k3s/server/node-token 2>/dev/null \
    && $DOCKER exec "$SERVER" test -s /etc/rancher/k3s/k3s.yaml 2>/dev/null && break
  sleep 0.5
done
TOKEN=$($DOCKER exec "$SERVER" cat /var/lib/rancher/k3s/server/node-token) || die "server wrote no node-token"
log "agents join https://$SERVER_IP:6443"
# the tuned worker is the same machine fixed (SeedOutageFixedOnAWorkerIT): 2 GiB + 1 GiB swap too
NODE_SWAP_MI=1024 node "$TUNED" 2048 384 256 agent --server "https://$SERVER_IP:6443" --token "$TOKEN" \
  --node-label squeeze.dev/profile=tuned
# the overcommitted worker is the seed's machine: 2 GiB + 1 GiB swap (SeedOutageOnAWorkerIT; swap only where the host has it)
NODE_SWAP_MI=1024 node "$OVER" 2048 64 0 agent --server "https://$SERVER_IP:6443" --token "$TOKEN" \
  --node-label squeeze.dev/profile=overcommitted

kubectl() { $DOCKER exec -i "$SERVER" kubectl "$@"; }
log "waiting for 3 Ready nodes"
for i in $(seq 1 240); do
  ready=$(kubectl get nodes --no-headers 2>/dev/null | awk '$2 == "Ready"' | wc -l)
  [ "$ready" = 3 ] && break
  # two agents approving their CSRs at once can lose an update race and exit (409 Conflict): start it again
  for c in $TUNED $OVER; do
    if [ "$($DOCKER inspect -f '{{.State.Running}}' "$c" 2>/dev/null)" = false ]; then
      log "agent $c exited ($($DOCKER logs --tail 1 "$c" 2>&1 | cut -c1-160)); starting it again"
      $DOCKER start "$c" >/dev/null
    fi
  done
  [ "$i" = 240 ] && { kubectl get nodes -o wide || true; for c in $SERVER $TUNED $OVER; do $DOCKER logs --tail 30 "$c"; done; die "not 3 Ready nodes after 120 s"; }
  sleep 0.5
done
log "3 nodes Ready after $((SECONDS - T0)) s"
# k3s's cloud controller (cloud-provider=external) must initialise every node, agents included, or no pod schedules
for i in $(seq 1 120); do
  kubectl get nodes -o jsonpath='{range .items[*]}{.spec.taints[*].key}{"\n"}{end}' 2>/dev/null \
    | grep -q node.cloudprovider.kubernetes.io/uninitialized || break
  [ "$i" = 120 ] && { kubectl get nodes -o custom-columns=NAME:.metadata.name,TAINTS:.spec.taints[*].key || true; \
    die "nodes still carry node.cloudprovider.kubernetes.io/uninitialized after 60 s (the server's cloud controller did not initialise them)"; }
  sleep 0.5
done
kubectl -n kube-system rollout status deployment/coredns --timeout=120s >/dev/null

# The identity the tests use: exactly README.md's ClusterRole (the docs are what is tested), bound to a ServiceAccount.
awk '/^## Running against a real cluster/ {s=1} s && /^```yaml/ {y=1; next} y && /^```/ {exit} y' "$ROOT/README.md" \
  > "$OUT/clusterrole.yaml"
grep -q '^kind: ClusterRole' "$OUT/clusterrole.yaml" || die "no ClusterRole YAML in README.md's 'Running against a real cluster'"
ROLE=$(awk '/^  name:/ {print $2; exit}' "$OUT/clusterrole.yaml")
kubectl apply -f - < "$OUT/clusterrole.yaml" >/dev/null
kubectl create namespace squeeze-ci >/dev/null
kubectl -n squeeze-ci create serviceaccount squeeze >/dev/null
kubectl create clusterrolebinding squeeze-ci --clusterrole="$ROLE" --serviceaccount=squeeze-ci:squeeze >/dev/null
SA_TOKEN=$(kubectl -n squeeze-ci create token squeeze --duration=4h)
CA=$($DOCKER exec "$SERVER" base64 -w0 /var/lib/rancher/k3s/server/tls/server-ca.crt)
cat > "$OUT/kubeconfig" <<EOF
apiVersion: v1
kind: Config
clusters:
- name: squeeze-multinode
  cluster:
    server: https://$SERVER_IP:6443
    certificate-authority-data: $CA
users:
- name: squeeze-ci
  user:
    token: $SA_TOKEN
contexts:
- name: squeeze-ci
  context: {cluster: squeeze-multinode, user: squeeze-ci}
current-context: squeeze-ci
EOF
$DOCKER exec "$SERVER" cat /etc/rancher/k3s/k3s.yaml | sed "s#https://127.0.0.1:6443#https://$SERVER_IP:6443#" > "$OUT/admin.kubeconfig"
chmod 600 "$OUT/kubeconfig" "$OUT/admin.kubeconfig"
cat > "$OUT/env" <<EOF
SQUEEZE_KUBECONFIG=$OUT/kubeconfig
SQUEEZE_TUNED_NODE=$TUNED
SQUEEZE_OVERCOMMITTED_NODE=$OVER
EOF
# what the ServiceAccount may and may not do: README's verbs, and nothing like an admin's
$DOCKER cp "$OUT/kubeconfig" "$SERVER:/tmp/squeeze-sa.kubeconfig"
sa() { $DOCKER exec "$SERVER" kubectl --kubeconfig /tmp/squeeze-sa.kubeconfig "$@"; }
[ "$(sa auth can-i get nodes/proxy 2>/dev/null)" = yes ] || die "ServiceAccount squeeze-ci/squeeze cannot get nodes/proxy"
if [ "$(sa auth can-i delete nodes 2>/dev/null)" = yes ] || [ "$(sa auth can-i get secrets -A 2>/dev/null)" = yes ]; then
  die "ServiceAccount squeeze-ci/squeeze may delete nodes or read secrets: its binding is broader than README.md's ClusterRole"
fi
kubectl get nodes -o wide
log "cluster up in $((SECONDS - T0)) s; kubeconfig (ServiceAccount squeeze-ci/squeeze, ClusterRole $ROLE from README.md): $OUT/kubeconfig"
$DOCKER stats --no-stream --format 'table {{.Name}}\t{{.MemUsage}}' "$SERVER" "$TUNED" "$OVER"
