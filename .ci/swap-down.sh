#!/bin/bash
# Removes the swap .ci/swap-up.sh added (SQUEEZE_SWAP_FILE: its disk, file system and swap device). Safe to call when
# there is none. The throttle goes first: swapoff reads every page still in swap back into memory, at the throttled
# rate otherwise.
set -uo pipefail

FILE=${SQUEEZE_SWAP_FILE:-/var/tmp/squeeze-ci.swap}
MNT=$FILE.mnt
BLKIO=/sys/fs/cgroup/blkio
log() { echo "[swap-down] $*"; }

for DISK in $(losetup -j "$FILE" | cut -d: -f1); do
  DEV=$(cat "/sys/block/$(basename "$DISK")/dev")
  if [ -w "$BLKIO/blkio.throttle.read_iops_device" ]; then
    for f in read_iops write_iops read_bps write_bps; do echo "$DEV 0" > "$BLKIO/blkio.throttle.${f}_device" 2>/dev/null; done
  fi
done
if [ -e "$MNT/swap.img" ]; then
  for SWAPDEV in $(losetup -j "$MNT/swap.img" | cut -d: -f1); do
    if grep -q "^$SWAPDEV " /proc/swaps; then
      swapoff "$SWAPDEV" && log "swap off: $SWAPDEV"
    fi
    losetup -d "$SWAPDEV" && log "detached $SWAPDEV"
  done
fi
if mountpoint -q "$MNT"; then
  umount "$MNT" && log "unmounted $MNT"
fi
[ ! -d "$MNT" ] || rmdir "$MNT"
for DISK in $(losetup -j "$FILE" | cut -d: -f1); do
  losetup -d "$DISK" && log "detached $DISK"
done
# a plain swap file (from before the loop devices, or swapped on by hand)
if grep -q "^$FILE " /proc/swaps; then
  swapoff "$FILE" && log "swap off: $FILE"
fi
if [ -e "$FILE" ]; then
  rm -f "$FILE" && log "removed $FILE"
fi
exit 0
