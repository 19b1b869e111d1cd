#!/bin/bash
# Start a rootless Docker daemon on its own socket, next to the CI's rootful one, for the rootless phase
# (.ci/rootless.sh). Idempotent; prints nothing but progress. The daemon runs as the user squeeze-rootless with
# subuid/subgid ranges, through rootlesskit + slirp4netns (Debian packages), using dockerd-rootless.sh from
# docker.io's contrib folder.
#
#   bash .ci/rootless-up.sh      then  DOCKER_HOST=unix:///run/user/<uid>/docker.sock docker info
#
# State: $CACHE/run/rootless-dockerd.pid (the rootlesskit process), log in $CACHE/logs/rootless-dockerd.log.
set -euo pipefail
CACHE=${SQUEEZE_CI_CACHE:-/var/cache/squeeze-ci}
RUNDIR=$CACHE/run
LOGDIR=$CACHE/logs
USER_NAME=squeeze-rootless
CONTRIB=/usr/share/docker.io/contrib/dockerd-rootless.sh
mkdir -p "$RUNDIR" "$LOGDIR"
log() { echo "[rootless-up] $*"; }

PKGS=(rootlesskit uidmap slirp4netns)
missing=()
for p in "${PKGS[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  log "installing: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >"$LOGDIR/apt-update-rootless.log" 2>&1
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >"$LOGDIR/apt-install-rootless.log" 2>&1
fi
[ -x "$CONTRIB" ] || { echo "[rootless-up] $CONTRIB missing (Debian's docker.io ships it)" >&2; exit 1; }

if ! id "$USER_NAME" >/dev/null 2>&1; then
  useradd --create-home --shell /bin/bash "$USER_NAME"
fi
UID_N=$(id -u "$USER_NAME")
for f in /etc/subuid /etc/subgid; do
  grep -q "^$USER_NAME:" "$f" 2>/dev/null || echo "$USER_NAME:200000:65536" >> "$f"
done
# slirp4netns opens /dev/net/tun as that user: it is 0600 root on these machines (0666 on a stock kernel), so give
# only this user's group access instead of opening it to everyone
if [ -c /dev/net/tun ] && ! runuser -u "$USER_NAME" -- test -r /dev/net/tun -a -w /dev/net/tun; then
  getent group squeeze-tun >/dev/null || groupadd squeeze-tun
  usermod -aG squeeze-tun "$USER_NAME"
  chgrp squeeze-tun /dev/net/tun && chmod g+rw /dev/net/tun
  log "/dev/net/tun: group squeeze-tun (rw) for $USER_NAME"
fi
XDG=/run/user/$UID_N
mkdir -p "$XDG"; chown "$USER_NAME:" "$XDG"; chmod 700 "$XDG"
SOCK=$XDG/docker.sock
echo "$SOCK" > "$RUNDIR/rootless-dockerd.sock"

pidfile=$RUNDIR/rootless-dockerd.pid
if [ -f "$pidfile" ] && kill -0 "$(cat "$pidfile")" 2>/dev/null \
   && DOCKER_HOST=unix://$SOCK docker info >/dev/null 2>&1; then
  log "rootless dockerd already running (pid $(cat "$pidfile")), socket $SOCK"
  exit 0
fi
log "starting rootless dockerd as $USER_NAME, socket $SOCK"
# setsid: its own process group, so that .ci/rootless-down.sh can stop exactly this tree
setsid runuser -u "$USER_NAME" -- env HOME="/home/$USER_NAME" XDG_RUNTIME_DIR="$XDG" \
  PATH=/usr/sbin:/usr/bin:/sbin:/bin "$CONTRIB" --host "unix://$SOCK" --data-root "/home/$USER_NAME/docker" \
  >"$LOGDIR/rootless-dockerd.log" 2>&1 < /dev/null &
echo $! > "$pidfile"
for _ in $(seq 1 60); do
  if DOCKER_HOST=unix://$SOCK docker info >/dev/null 2>&1; then
    log "rootless dockerd up (pid $(cat "$pidfile"))"
    exit 0
  fi
  kill -0 "$(cat "$pidfile")" 2>/dev/null || break
  sleep 1
done
log "rootless dockerd did not answer on $SOCK; last log lines:"
tail -30 "$LOGDIR/rootless-dockerd.log" >&2
exit 1
