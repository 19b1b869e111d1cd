#!/bin/bash
# Gives this machine a swap file for the k3s nodes with swap (SeedOutageIT: 2 GiB + 1 GiB swap): these CI machines
# have none, and a node pages only into its host's swap. Always a file of its own (another run's swap may be removed
# under it), named by SQUEEZE_SWAP_FILE; .ci/swap-down.sh removes it, and .ci/run calls that from its EXIT trap.
#
#   SQUEEZE_SWAP_FILE=/var/tmp/squeeze-ci.swap SQUEEZE_SWAP_SIZE=2G bash .ci/swap-up.sh
set -euo pipefail

FILE=${SQUEEZE_SWAP_FILE:-/var/tmp/squeeze-ci.swap}
SIZE=${SQUEEZE_SWAP_SIZE:-2G}
log() { echo "[swap-up] $*"; }

if grep -q "^$FILE " /proc/swaps; then
  log "$FILE is already in use as swap"
  exit 0
fi
rm -f "$FILE"
# swapon refuses files with holes; fallocate gives none on ext4/xfs, dd where fallocate is not supported
fallocate -l "$SIZE" "$FILE" 2>/dev/null || dd if=/dev/zero of="$FILE" bs=1M count=$(( $(numfmt --from=iec "$SIZE") / 1048576 )) status=none
chmod 600 "$FILE"
mkswap "$FILE" >/dev/null
swapon "$FILE"
log "swap on: $FILE ($SIZE); the host now has $(awk '/^SwapTotal:/ {print $2 / 1024 " MiB"}' /proc/meminfo) of swap"
