#!/bin/bash
# Start a Docker daemon that can run `docker run --privileged` on this project's CI machines.
# Idempotent: installs missing Debian packages, installs the runtime wrapper, starts dockerd
# once (reuses one that already runs with the wrapper) and waits for `docker info`.
#
#   bash .ci/docker-up.sh
#
# State: /var/cache/squeeze-ci/run/dockerd.pid (only when this script started dockerd),
#        log in /var/cache/squeeze-ci/logs/dockerd.log. Stop with .ci/docker-down.sh.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
CACHE=${SQUEEZE_CI_CACHE:-/var/cache/squeeze-ci}
RUNDIR=$CACHE/run
LOGDIR=$CACHE/logs
WRAPPER=/usr/local/lib/squeeze-ci/runc-nocap-sysresource
RUNTIME=squeeze-runc
DOCKER=/usr/bin/docker
mkdir -p "$RUNDIR" "$LOGDIR"

log() { echo "[docker-up] $*"; }

# --- Debian packages (apt-get update at most once per call) --------------------------------
PKGS=(docker.io runc containerd jq containernetworking-plugins iptables libseccomp-dev
      debootstrap gcc libc6-dev ca-certificates busybox-static socat)
missing=()
for p in "${PKGS[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  log "installing: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  # keep the packages' init scripts from starting a dockerd/containerd of their own
  policy=/usr/sbin/policy-rc.d
  own_policy=0
  if [ ! -e "$policy" ]; then
    printf '#!/bin/sh\nexit 101\n' > "$policy"; chmod +x "$policy"; own_policy=1
  fi
  rc=0
  apt-get update -qq >"$LOGDIR/apt-update.log" 2>&1 || rc=$?
  [ $rc -eq 0 ] && { apt-get install -y -qq --no-install-recommends "${missing[@]}" >"$LOGDIR/apt-install.log" 2>&1 || rc=$?; }
  [ $own_policy = 1 ] && rm -f "$policy"
  if [ $rc -ne 0 ]; then tail -30 "$LOGDIR/apt-update.log" "$LOGDIR/apt-install.log" 2>/dev/null; exit 1; fi
fi

# --- runtime wrapper -------------------------------------------------------------------------
install -D -m 0755 "$HERE/runc-nocap-sysresource" "$WRAPPER"

# --- dockerd -----------------------------------------------------------------------------------
docker_ok() { "$DOCKER" info >/dev/null 2>&1; }

if docker_ok; then
  rt=$("$DOCKER" info --format '{{.DefaultRuntime}}' 2>/dev/null || true)
  if [ "$rt" = "$RUNTIME" ]; then
    log "dockerd already running with default runtime $RUNTIME"
    exit 0
  fi
  if [ -f "$RUNDIR/dockerd.pid" ] && kill -0 "$(cat "$RUNDIR/dockerd.pid")" 2>/dev/null; then
    log "restarting our dockerd (default runtime was '$rt')"
    bash "$HERE/docker-down.sh"
  else
    echo "[docker-up] a dockerd not started by this script is running with default runtime '$rt';" >&2
    echo "[docker-up] privileged containers need '$RUNTIME'. Stop it (e.g. systemctl stop docker) and re-run." >&2
    exit 1
  fi
fi

# A dockerd started by systemd/sysvinit on package install would race with ours.
if command -v systemctl >/dev/null 2>&1 && systemctl is-active --quiet docker 2>/dev/null; then
  systemctl stop docker docker.socket >/dev/null 2>&1 || true
fi

log "starting dockerd (log: $LOGDIR/dockerd.log)"
# setsid: dockerd must not be in the caller's process group (CI ends that group).
setsid /usr/sbin/dockerd \
  --add-runtime "$RUNTIME=$WRAPPER" \
  --default-runtime "$RUNTIME" \
  --pidfile "$RUNDIR/dockerd.pid" \
  >>"$LOGDIR/dockerd.log" 2>&1 < /dev/null &
echo $! > "$RUNDIR/dockerd.launch-pid"

for i in $(seq 1 60); do
  docker_ok && break
  if ! kill -0 "$(cat "$RUNDIR/dockerd.launch-pid")" 2>/dev/null; then
    echo "[docker-up] dockerd exited; last log lines:" >&2
    tail -30 "$LOGDIR/dockerd.log" >&2
    exit 1
  fi
  sleep 1
done
docker_ok || { echo "[docker-up] dockerd not answering after 60s" >&2; tail -30 "$LOGDIR/dockerd.log" >&2; exit 1; }
log "dockerd up: $("$DOCKER" version --format 'server {{.Server.Version}} api {{.Server.APIVersion}}') runtime $("$DOCKER" info --format '{{.DefaultRuntime}}')"
