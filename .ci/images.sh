#!/bin/bash
# Build (or reuse from cache) and `docker load` the images the k3s integration tests need,
# under their public names, on a machine that cannot pull any image:
#
#   rancher/mirrored-pause:3.6          pod sandbox image (static pause built from .ci/images/pause.c)
#   eclipse-temurin:25-jre              jlinked JRE from the local Temurin 25, FROM scratch
#   rancher/mirrored-coredns-coredns    CoreDNS built from its Go module
#   rancher/k3s:<tag>                   single-node k3s stand-in (upstream Kubernetes, .ci/k3s-standin),
#                                       with the three images above preloaded in
#                                       /var/lib/rancher/k3s/agent/images/
#
#   bash .ci/images.sh            build what is missing, load what is not loaded; CoreDNS, the k3s binary,
#                                 crictl and the root filesystem are built at the same time
#   SQUEEZE_CI_REBUILD=1 bash .ci/images.sh   ignore the cache
#   bash .ci/images.sh jre k3s-image          only these phases (pause jre coredns k3s-binary
#                                             crictl rootfs k3s-image)
#
# Cache: /var/cache/squeeze-ci/<name>-<version>-<inputs hash>/ (outside the repo); Go's caches in go/mod, go/build.
# Wipe:  rm -rf /var/cache/squeeze-ci/*-*/   (logs stay in /var/cache/squeeze-ci/logs)
# Needs dockerd running (.ci/docker-up.sh) and Go at /usr/local/go (or on PATH).
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=versions.env
. "$HERE/versions.env"
CACHE=${SQUEEZE_CI_CACHE:-/var/cache/squeeze-ci}
LOGDIR=$CACHE/logs
TIMINGS=$LOGDIR/images-timings.tsv
DOCKER=/usr/bin/docker
export DOCKER_BUILDKIT=0
export PATH=/usr/local/go/bin:$PATH
export GOTOOLCHAIN=local GOFLAGS=-mod=mod CGO_ENABLED=0
# Go's module and build caches live in the CI cache too, so a runner that keeps (or restores) $CACHE keeps them:
# a cold image build then skips the module downloads and reuses compiled packages. Overridable as usual.
export GOMODCACHE=${GOMODCACHE:-$CACHE/go/mod} GOCACHE=${GOCACHE:-$CACHE/go/build}
NICE="nice -n 10"
mkdir -p "$CACHE" "$LOGDIR"
: > "$TIMINGS"

log() { echo "[images] $*"; }
die() { echo "[images] ERROR: $*" >&2; exit 1; }

# phase NAME FUNCTION: runs FUNCTION, prints and records its duration.
# `bash .ci/images.sh pause jre` runs only the named phases (their inputs must be cached).
ONLY=" $* "
phase() {
  local name=$1; shift
  if [ "$ONLY" != "  " ] && [[ "$ONLY" != *" $name "* ]]; then return 0; fi
  local t0=$SECONDS
  "$@"
  local dt=$((SECONDS - t0))
  printf '%s\t%s\n' "$name" "$dt" >> "$TIMINGS"
  log "phase $name: ${dt}s"
}

# bg NAME FUNCTION...: runs `phase NAME FUNCTION...` in the background (independent pieces overlap: the Go builds
# with each other's downloads, debootstrap's network and dpkg with the compiles); wait_bg waits for all of them and
# fails if one failed. Their logs stay in $LOGDIR/build-*.log; only the [images] lines interleave.
BG_PIDS=()
BG_NAMES=()
bg() {
  phase "$@" &
  BG_PIDS+=("$!"); BG_NAMES+=("$1")
}
wait_bg() {
  local i failed=""
  for i in "${!BG_PIDS[@]}"; do
    wait "${BG_PIDS[$i]}" || failed="$failed ${BG_NAMES[$i]}"
  done
  BG_PIDS=(); BG_NAMES=()
  [ -z "$failed" ] || die "phase(s)$failed failed (logs in $LOGDIR)"
}

# key TEXT FILE...: short hash of a version string plus the content of input files.
key() {
  local text=$1; shift
  { echo "$text"; if [ $# -gt 0 ]; then cat "$@"; fi; } | sha256sum | cut -c1-12
}

fresh() { [ "${SQUEEZE_CI_REBUILD:-0}" = 1 ]; }

# prune KEEP_DIR: remove cache entries of the same kind built from other inputs.
prune() {
  local keep=$1 prefix d
  prefix=${keep%-*}
  for d in "$prefix"-*; do
    [ -d "$d" ] && [ "$d" != "$keep" ] && [ "${d%-*}" = "$prefix" ] && { log "pruning stale cache $d"; rm -rf "$d"; }
  done
  return 0
}

# loaded IMAGE KEY: is IMAGE present in dockerd and built from these inputs?
loaded() {
  [ "$($DOCKER image inspect --format '{{index .Config.Labels "squeeze.ci.key"}}' "$1" 2>/dev/null || true)" = "$2" ]
}

# ensure_image IMAGE KEY DIR BUILDFN: load DIR/image.tar if cached, else BUILDFN DIR and save.
ensure_image() {
  local image=$1 k=$2 dir=$3 build=$4
  if ! fresh && loaded "$image" "$k"; then
    log "$image: already loaded (key $k)"
    [ -f "$dir/image.tar" ] || { mkdir -p "$dir"; $DOCKER save -o "$dir/image.tar" "$image"; }
    return 0
  fi
  if ! fresh && [ -f "$dir/image.tar" ]; then
    log "$image: cache hit $dir"
    $DOCKER load -q -i "$dir/image.tar" >/dev/null
    loaded "$image" "$k" || die "$dir/image.tar does not hold $image with key $k"
    return 0
  fi
  log "$image: building in $dir"
  rm -rf "$dir"; mkdir -p "$dir"
  "$build" "$dir"
  loaded "$image" "$k" || die "build of $image did not produce key $k"
  $DOCKER save -o "$dir/image.tar.part" "$image" && mv "$dir/image.tar.part" "$dir/image.tar"
  log "$image: $(du -h "$dir/image.tar" | cut -f1) saved"
}

# ---------------------------------------------------------------- pause -----------------
PAUSE_KEY=$(key "$PAUSE_IMAGE" "$HERE/images/pause.c")
PAUSE_DIR=$CACHE/pause-${PAUSE_IMAGE##*:}-$PAUSE_KEY
build_pause() {
  local d=$1
  mkdir -p "$d/ctx"
  gcc -Os -static -o "$d/ctx/pause" "$HERE/images/pause.c"
  strip "$d/ctx/pause"
  cat > "$d/ctx/Dockerfile" <<EOF
FROM scratch
COPY pause /pause
USER 65535:65535
ENTRYPOINT ["/pause"]
LABEL squeeze.ci.key=$PAUSE_KEY
EOF
  $DOCKER build -q -t "$PAUSE_IMAGE" "$d/ctx" > "$LOGDIR/build-pause.log"
}
phase pause ensure_image "$PAUSE_IMAGE" "$PAUSE_KEY" "$PAUSE_DIR" build_pause
prune "$PAUSE_DIR"

# ---------------------------------------------------------------- JRE -------------------
JAVA_VER=$(sed -n 's/^JAVA_RUNTIME_VERSION="\(.*\)"/\1/p' "$JDK_HOME/release")
[ -n "$JAVA_VER" ] || die "no JDK at $JDK_HOME"
# keyed by the JRE's own inputs only, so editing another line of versions.env does not rebuild it
JRE_KEY=$(key "$JRE_IMAGE $JAVA_VER $JRE_MODULES busybox")
JRE_DIR=$CACHE/jre-$JAVA_VER-$JRE_KEY
build_jre() {
  local d=$1 root=$1/ctx/rootfs
  mkdir -p "$root/opt/java" "$root/tmp" "$root/etc" "$root/home/app"
  "$JDK_HOME/bin/jlink" --add-modules "$JRE_MODULES" --strip-debug --no-man-pages \
    --no-header-files --compress=zip-6 --output "$root/opt/java/openjdk" > "$LOGDIR/build-jre.log" 2>&1
  # glibc and friends, as ldd sees them for the launcher, libjvm and every bundled library
  local libs
  libs=$(find "$root/opt/java/openjdk" -type f \( -name '*.so' -o -path '*/bin/*' \) -print0 \
         | xargs -0 ldd 2>/dev/null | grep -o '/[^ ]*\.so[^ ]*' | sort -u)
  for l in $libs; do
    case "$l" in "$root"/*) continue ;; esac
    cp -L --parents "$l" "$root/"
  done
  mkdir -p "$root/lib64"
  [ -e "$root/lib64/ld-linux-x86-64.so.2" ] || cp -L /lib64/ld-linux-x86-64.so.2 "$root/lib64/"
  chmod 1777 "$root/tmp"
  # a POSIX shell and the usual tools for `sh -c` in pod specs (the real image has them too)
  mkdir -p "$root/bin"
  cp /bin/busybox "$root/bin/busybox"
  for t in sh ls cat echo env sleep id ps free top df du mkdir rm cp mv grep sed awk head tail \
           wget nc nslookup date uname hostname tr wc sort xargs find chmod kill true false test; do
    ln -sf busybox "$root/bin/$t"
  done
  cat > "$root/etc/passwd" <<'EOF'
root:x:0:0:root:/root:/sbin/nologin
app:x:1000:1000:app:/home/app:/sbin/nologin
nonroot:x:65532:65532:nonroot:/home/nonroot:/sbin/nologin
nobody:x:65534:65534:nobody:/nonexistent:/sbin/nologin
EOF
  cat > "$root/etc/group" <<'EOF'
root:x:0:
app:x:1000:
nonroot:x:65532:
nogroup:x:65534:
EOF
  echo 'hosts: files dns' > "$root/etc/nsswitch.conf"
  mkdir -p "$root/home/nonroot"; chown 1000:1000 "$root/home/app"; chown 65532:65532 "$root/home/nonroot"
  cat > "$d/ctx/Dockerfile" <<EOF
FROM scratch
COPY rootfs/ /
ENV JAVA_HOME=/opt/java/openjdk \\
    PATH=/opt/java/openjdk/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \\
    LANG=C.UTF-8 LC_ALL=C.UTF-8 JAVA_VERSION=jdk-$JAVA_VER
LABEL squeeze.ci.key=$JRE_KEY org.opencontainers.image.description="jlinked Temurin $JAVA_VER (Squeeze offline CI)"
CMD ["jshell"]
EOF
  # jshell is not in the module list: the real image's CMD; `java ...` is what pods run
  sed -i 's/^CMD .*/CMD ["java", "-version"]/' "$d/ctx/Dockerfile"
  $DOCKER build -q -t "$JRE_IMAGE" "$d/ctx" >> "$LOGDIR/build-jre.log"
  rm -rf "$d/ctx"
}
phase jre ensure_image "$JRE_IMAGE" "$JRE_KEY" "$JRE_DIR" build_jre
prune "$JRE_DIR"

# ---------------------------------------------------------------- CoreDNS ---------------
COREDNS_KEY=$(key "$COREDNS_IMAGE $COREDNS_VERSION $(go env GOVERSION)")
COREDNS_DIR=$CACHE/coredns-$COREDNS_VERSION-$COREDNS_KEY
build_coredns() {
  local d=$1
  mkdir -p "$d/mod" "$d/ctx"
  ( cd "$d/mod"
    cat > go.mod <<EOF
module squeeze.dev/ci/coredns-build

go 1.24.0

require github.com/coredns/coredns $COREDNS_VERSION
EOF
    printf 'package main\n\nimport _ "github.com/coredns/coredns/core/dnsserver"\n' > tools.go
    go mod tidy > "$LOGDIR/build-coredns.log" 2>&1 || true
    go get "github.com/coredns/coredns@$COREDNS_VERSION" >> "$LOGDIR/build-coredns.log" 2>&1
    $NICE go build -trimpath -ldflags "-s -w" -o "$d/ctx/coredns" github.com/coredns/coredns \
      >> "$LOGDIR/build-coredns.log" 2>&1 ) || { tail -20 "$LOGDIR/build-coredns.log"; die "coredns build failed"; }
  cat > "$d/ctx/Dockerfile" <<EOF
FROM scratch
COPY coredns /coredns
EXPOSE 53 53/udp
ENTRYPOINT ["/coredns"]
LABEL squeeze.ci.key=$COREDNS_KEY
EOF
  $DOCKER build -q -t "$COREDNS_IMAGE" "$d/ctx" >> "$LOGDIR/build-coredns.log"
  rm -rf "$d/ctx" "$d/mod"
}
bg coredns ensure_image "$COREDNS_IMAGE" "$COREDNS_KEY" "$COREDNS_DIR" build_coredns

# ---------------------------------------------------------------- binaries --------------
# k3s stand-in multicall binary (upstream Kubernetes $K8S_VERSION, .ci/k3s-standin)
K3S_TAG=${K3S_IMAGE##*:}
K3S_VERSION=${K3S_TAG%-k3s*}+k3s${K3S_TAG##*-k3s}
mapfile -t STANDIN_SRC < <(find "$HERE/k3s-standin" -type f | LC_ALL=C sort)
BIN_KEY=$(key "$K8S_VERSION $K3S_VERSION $(go env GOVERSION)" "${STANDIN_SRC[@]}")
BIN_DIR=$CACHE/k3s-bin-$K8S_VERSION-$BIN_KEY
build_k3s_bin() {
  if ! fresh && [ -x "$BIN_DIR/k3s" ]; then log "k3s binary: cache hit $BIN_DIR"; return; fi
  rm -rf "$BIN_DIR"; mkdir -p "$BIN_DIR"
  local ld="-s -w -X main.k3sVersion=$K3S_VERSION -X main.k3sCommit=standin-$BIN_KEY"
  local date; date=$(date -u +%Y-%m-%dT%H:%M:%SZ)
  local minor=${K8S_VERSION#v1.}; minor=${minor%%.*}
  for p in k8s.io/client-go/pkg/version k8s.io/component-base/version; do
    ld="$ld -X $p.gitVersion=$K3S_VERSION -X $p.gitMajor=1 -X $p.gitMinor=$minor"
    ld="$ld -X $p.gitTreeState=clean -X $p.buildDate=$date -X $p.gitCommit=standin-$BIN_KEY"
  done
  log "k3s binary: go build (upstream Kubernetes $K8S_VERSION), log $LOGDIR/build-k3s.log"
  ( cd "$HERE/k3s-standin" && GOFLAGS=-mod=readonly $NICE go build -trimpath -tags providerless,notest \
      -ldflags "$ld" -o "$BIN_DIR/k3s.part" . ) > "$LOGDIR/build-k3s.log" 2>&1 \
    || { tail -30 "$LOGDIR/build-k3s.log"; die "k3s build failed"; }
  mv "$BIN_DIR/k3s.part" "$BIN_DIR/k3s"
  "$BIN_DIR/k3s" --version
}
bg k3s-binary build_k3s_bin

CRICTL_DIR=$CACHE/crictl-$CRICTL_VERSION
build_crictl() {
  if ! fresh && [ -x "$CRICTL_DIR/crictl" ]; then log "crictl: cache hit $CRICTL_DIR"; return; fi
  rm -rf "$CRICTL_DIR"; mkdir -p "$CRICTL_DIR/mod"
  ( cd "$CRICTL_DIR/mod"
    printf 'module squeeze.dev/ci/crictl-build\n\ngo 1.24.0\n' > go.mod
    go get "sigs.k8s.io/cri-tools@$CRICTL_VERSION" > "$LOGDIR/build-crictl.log" 2>&1
    $NICE go build -trimpath -ldflags "-s -w -X sigs.k8s.io/cri-tools/pkg/version.Version=$CRICTL_VERSION" \
      -o "$CRICTL_DIR/crictl" sigs.k8s.io/cri-tools/cmd/crictl >> "$LOGDIR/build-crictl.log" 2>&1 ) \
    || { tail -20 "$LOGDIR/build-crictl.log"; die "crictl build failed"; }
  rm -rf "$CRICTL_DIR/mod"
}
bg crictl build_crictl

# ---------------------------------------------------------------- root filesystem -------
# debian_mirror: DEBIAN_MIRROR if set, else the URI of this machine's own apt source for
# $DEBIAN_SUITE (deb822 /etc/apt/sources.list.d/*.sources, then one-line /etc/apt/sources.list);
# .ci/ names no download host itself.
debian_mirror() {
  if [ -n "${DEBIAN_MIRROR:-}" ]; then echo "$DEBIAN_MIRROR"; return; fi
  local uri
  uri=$(awk -v suite="$DEBIAN_SUITE" '
      function flush() { if (types ~ /(^| )deb( |$)/ && (" " suites " ") ~ (" " suite " ") && uris != "" && !found) { split(uris, u, " "); print u[1]; found = 1 } types = suites = uris = "" }
      FNR == 1 { flush() }
      /^[ \t]*#/ { next }
      /^[ \t]*$/ { flush(); next }
      tolower($1) == "types:"  { $1 = ""; types = $0 }
      tolower($1) == "suites:" { $1 = ""; suites = $0 }
      tolower($1) == "uris:"   { $1 = ""; sub(/^ +/, ""); uris = $0 }
      END { flush() }' /etc/apt/sources.list.d/*.sources 2>/dev/null | head -1)
  if [ -z "$uri" ] && [ -f /etc/apt/sources.list ]; then
    # deb [options] URI SUITE COMPONENTS...
    uri=$(sed -e 's/#.*//' -e 's/\[[^]]*\]//' /etc/apt/sources.list \
          | awk -v suite="$DEBIAN_SUITE" '$1 == "deb" && $3 == suite { print $2; exit }')
  fi
  [ -n "$uri" ] || die "no Debian mirror for debootstrap: this machine's apt sources (/etc/apt/sources.list.d/*.sources, /etc/apt/sources.list) have no \`deb\` entry for suite $DEBIAN_SUITE; add one, or set DEBIAN_MIRROR=<mirror URL> for this run"
  echo "$uri"
}
ROOTFS_KEY=$(key "$DEBIAN_SUITE $ROOTFS_PACKAGES")
ROOTFS_DIR=$CACHE/k3s-rootfs-$DEBIAN_SUITE-$ROOTFS_KEY
build_rootfs() {
  if ! fresh && [ -f "$ROOTFS_DIR/rootfs.tar" ]; then log "rootfs: cache hit $ROOTFS_DIR"; return; fi
  rm -rf "$ROOTFS_DIR"; mkdir -p "$ROOTFS_DIR"
  local r=$ROOTFS_DIR/root mirror
  mirror=$(debian_mirror)
  log "rootfs: debootstrap $DEBIAN_SUITE from $mirror (log $LOGDIR/build-rootfs.log)"
  $NICE debootstrap --variant=minbase --include="$ROOTFS_PACKAGES" "$DEBIAN_SUITE" "$r" "$mirror" \
    > "$LOGDIR/build-rootfs.log" 2>&1 || { tail -30 "$LOGDIR/build-rootfs.log"; die "debootstrap failed"; }
  # slim down; keep dpkg's database so the image stays inspectable
  rm -rf "$r"/var/cache/apt/archives/*.deb "$r"/var/lib/apt/lists/* "$r"/usr/share/doc/* \
         "$r"/usr/share/man/* "$r"/usr/share/locale/* "$r"/usr/share/info/* "$r"/var/log/*
  # k3s's multicall names: kubectl, crictl and ctr resolve to /bin/k3s (which execs the
  # real ctr/crictl from /usr/local/libexec/k3s with k3s's socket as default)
  mkdir -p "$r/usr/local/libexec/k3s"
  mv "$r/usr/bin/ctr" "$r/usr/local/libexec/k3s/ctr"
  for l in kubectl crictl ctr; do ln -sf k3s "$r/usr/bin/$l"; done
  # docker provides these at run time
  : > "$r/etc/hostname"; rm -f "$r/etc/resolv.conf"; : > "$r/etc/resolv.conf"
  mkdir -p "$r/etc/rancher/k3s" "$r/etc/cni/net.d" "$r/var/lib/rancher/k3s/agent/images" \
           "$r/var/lib/rancher/k3s/server/manifests" "$r/var/lib/kubelet" "$r/var/lib/cni" "$r/var/log"
  tar -C "$r" --numeric-owner -cf "$ROOTFS_DIR/rootfs.tar.part" .
  mv "$ROOTFS_DIR/rootfs.tar.part" "$ROOTFS_DIR/rootfs.tar"
  rm -rf "$r"
  log "rootfs: $(du -h "$ROOTFS_DIR/rootfs.tar" | cut -f1)"
}
bg rootfs build_rootfs
wait_bg
prune "$COREDNS_DIR"
prune "$BIN_DIR"
prune "$ROOTFS_DIR"

# ---------------------------------------------------------------- k3s image -------------
K3S_KEY=$(key "$K3S_IMAGE $BIN_KEY $ROOTFS_KEY $CRICTL_VERSION $PAUSE_KEY $JRE_KEY $COREDNS_KEY")
K3S_DIR=$CACHE/k3s-image-$K3S_TAG-$K3S_KEY
build_k3s_image() {
  local d=$1 c=$1/ctx
  mkdir -p "$c/images"
  ln "$ROOTFS_DIR/rootfs.tar" "$c/rootfs.tar" 2>/dev/null || cp "$ROOTFS_DIR/rootfs.tar" "$c/rootfs.tar"
  cp "$BIN_DIR/k3s" "$c/k3s"
  cp "$CRICTL_DIR/crictl" "$c/crictl"
  # preloaded images: the stand-in (like k3s) imports every tarball in agent/images at start
  cp "$PAUSE_DIR/image.tar" "$c/images/pause.tar"
  cp "$COREDNS_DIR/image.tar" "$c/images/coredns.tar"
  cp "$JRE_DIR/image.tar" "$c/images/eclipse-temurin-jre.tar"
  cat > "$c/Dockerfile" <<EOF
FROM scratch
ADD rootfs.tar /
COPY k3s /usr/bin/k3s
COPY crictl /usr/local/libexec/k3s/crictl
COPY images/ /var/lib/rancher/k3s/agent/images/
VOLUME /var/lib/kubelet /var/lib/rancher/k3s /var/lib/cni /var/log
ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin:/usr/lib/cni \\
    CRI_CONFIG_FILE=/var/lib/rancher/k3s/agent/etc/crictl.yaml \\
    SQUEEZE_COREDNS_IMAGE=$COREDNS_IMAGE
LABEL squeeze.ci.key=$K3S_KEY \\
      org.opencontainers.image.description="k3s-compatible single-node stand-in: upstream Kubernetes $K8S_VERSION (Squeeze offline CI)"
ENTRYPOINT ["/bin/k3s"]
CMD ["agent"]
EOF
  $DOCKER build -q -t "$K3S_IMAGE" "$c" > "$LOGDIR/build-k3s-image.log"
  rm -rf "$c"
}
phase k3s-image ensure_image "$K3S_IMAGE" "$K3S_KEY" "$K3S_DIR" build_k3s_image
prune "$K3S_DIR"

log "images:"
$DOCKER images --format '  {{.Repository}}:{{.Tag}}\t{{.Size}}' \
  | grep -E "$(printf '%s|' "${K3S_IMAGE%%:*}" "${PAUSE_IMAGE%%:*}" "${JRE_IMAGE%%:*}" "${COREDNS_IMAGE%%:*}" | sed 's/|$//')" || true
