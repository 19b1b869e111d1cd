#!/bin/bash
# Removes the swap file .ci/swap-up.sh added (SQUEEZE_SWAP_FILE). Safe to call when there is none. swapoff first
# reads every page still in the file back into memory, so it can take a few seconds after a node that swapped.
set -uo pipefail

FILE=${SQUEEZE_SWAP_FILE:-/var/tmp/squeeze-ci.swap}
log() { echo "[swap-down] $*"; }

if grep -q "^$FILE " /proc/swaps; then
  swapoff "$FILE" && log "swap off: $FILE"
fi
if [ -e "$FILE" ]; then
  rm -f "$FILE" && log "removed $FILE"
fi
exit 0
