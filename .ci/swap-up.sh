#!/bin/bash
# Gives this machine swap for the k3s nodes with swap (SeedOutageIT: 2 GiB + 1 GiB swap): these CI machines have
# none, and a node pages only into its host's swap. The swap sits on a slow disk, like the seed's machine:
#
#   SQUEEZE_SWAP_FILE (a file of its own: another run's swap may be removed under it)
#     -> loop device "the disk", direct I/O, throttled in the host's root blkio cgroup to SQUEEZE_SWAP_IOPS operations
#        and SQUEEZE_SWAP_BPS bytes a second, each way; an ext4 file system on it, mounted at SQUEEZE_SWAP_FILE.mnt
#     -> swap.img on that file system -> loop device "the swap partition", direct I/O -> swapon
#
# Why slow: the seed's node thrashed (TLS handshake timeouts, system containers restarting) because its swap could not
# keep up with the pages the eater pushed out and the control plane faulted back in. This machine's disk keeps up: with
# a plain swap file the kernel pages out at disk speed, fills the swap and OOM-kills the eater cleanly, and none of the
# seed's symptoms appears (measured, issue 22). 400 IOPS and 40 MiB/s each way is a small cloud volume's baseline or
# a laptop's disk. Measured with SeedOutageIT (one run each, issue 22): at 100 and 150 IOPS the node livelocks (the
# eater stops at ~1.2 GiB, the API server answers nothing for minutes, the hog cannot even be deleted); at 400 IOPS it
# thrashes for ~3 minutes (TLS handshake timeouts, "no endpoints" 503s, pods NotReady) until the kernel OOM-kills the
# eater at memory + swap; unthrottled, the kernel OOM-kills it within seconds and nothing else happens.
#
# Why two loop devices: the kernel does not throttle swap I/O itself (bios marked REQ_SWAP pass a v1 blkio limit; seen
# here: 266 MB of swap-out in under a second through a device limited to 4 MiB/s). The loop device under the swap
# turns each swap bio into ordinary direct I/O on the disk below, and that is throttled. Only this swap uses the disk
# below, so nothing else on the host is slowed. SQUEEZE_SWAP_IOPS=0 leaves it unthrottled.
#
# .ci/swap-down.sh removes it all; .ci/run calls that from its EXIT trap.
#
#   SQUEEZE_SWAP_FILE=/var/tmp/squeeze-ci.swap SQUEEZE_SWAP_SIZE=2G SQUEEZE_SWAP_IOPS=400 bash .ci/swap-up.sh
set -euo pipefail

FILE=${SQUEEZE_SWAP_FILE:-/var/tmp/squeeze-ci.swap}
SIZE=${SQUEEZE_SWAP_SIZE:-2G}
IOPS=${SQUEEZE_SWAP_IOPS:-400}
BPS=${SQUEEZE_SWAP_BPS:-$((40 * 1024 * 1024))}
MNT=$FILE.mnt
BLKIO=/sys/fs/cgroup/blkio
log() { echo "[swap-up] $*"; }
mib() { echo $(( $(numfmt --from=iec "$1") / 1048576 )); }

SWAPDEV=$(losetup -j "$MNT/swap.img" 2>/dev/null | cut -d: -f1 | head -n1)
if [ -n "$SWAPDEV" ] && grep -q "^$SWAPDEV " /proc/swaps; then
  log "$FILE is already in use as swap ($SWAPDEV)"
  exit 0
fi
bash "$(dirname "${BASH_SOURCE[0]}")/swap-down.sh" >/dev/null
if [ "$IOPS" -gt 0 ] && [ ! -w "$BLKIO/blkio.throttle.read_iops_device" ]; then
  log "no v1 blkio controller here ($BLKIO): the swap cannot be made slow, and a node with swap will not thrash"
  exit 1
fi

# the disk: the swap image plus room for the file system's own blocks
dd if=/dev/zero of="$FILE" bs=1M count=$(( $(mib "$SIZE") + 128 )) status=none
chmod 600 "$FILE"
DISK=$(losetup --direct-io=on -f --show "$FILE")
mkfs.ext4 -q -F -m 0 -O ^has_journal -E nodiscard "$DISK"
mkdir -p "$MNT"
mount -o noatime "$DISK" "$MNT"
# written in full (no holes, no unwritten extents to convert while the kernel swaps)
dd if=/dev/zero of="$MNT/swap.img" bs=1M count="$(mib "$SIZE")" conv=fsync status=none
chmod 600 "$MNT/swap.img"
SWAPDEV=$(losetup --direct-io=on -f --show "$MNT/swap.img")
mkswap "$SWAPDEV" >/dev/null
swapon "$SWAPDEV"

DEV=$(cat "/sys/block/$(basename "$DISK")/dev")
throttle="unthrottled"
if [ "$IOPS" -gt 0 ]; then
  for f in read_iops write_iops; do echo "$DEV $IOPS" > "$BLKIO/blkio.throttle.${f}_device"; done
  for f in read_bps write_bps; do echo "$DEV $BPS" > "$BLKIO/blkio.throttle.${f}_device"; done
  throttle="throttled to $IOPS IOPS and $((BPS / 1024)) KiB/s each way"
fi
log "swap on: $SWAPDEV ($SIZE) on $DISK ($DEV, $throttle), file $FILE; the host now has $(awk '/^SwapTotal:/ {print $2 / 1024 " MiB"}' /proc/meminfo) of swap"
