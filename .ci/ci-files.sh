#!/bin/bash
# CI phase: the CI files users copy from the README, checked. actionlint (a Go module, built once with this machine's
# Go and its module proxy settings, cached by version) lints Squeeze's own workflow and the users' one; every README
# block marked `<!-- from FILE -->` must equal FILE, so the README cannot drift from what is linted.
#
#   bash .ci/ci-files.sh
set -euo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/.." && pwd)
CACHE=${SQUEEZE_CI_CACHE:-/var/cache/squeeze-ci}
ACTIONLINT_VERSION=${ACTIONLINT_VERSION:-v1.7.7}
BIN=$CACHE/bin/actionlint-$ACTIONLINT_VERSION
export PATH=/usr/local/go/bin:$PATH

if [ ! -x "$BIN/actionlint" ]; then
  echo "[ci-files] building actionlint $ACTIONLINT_VERSION"
  mkdir -p "$BIN"
  GOBIN=$BIN go install "github.com/rhysd/actionlint/cmd/actionlint@$ACTIONLINT_VERSION"
fi
cd "$ROOT"
"$BIN/actionlint" .github/workflows/*.yml docs/ci/github-actions.yml
echo "[ci-files] actionlint $ACTIONLINT_VERSION: .github/workflows/*.yml docs/ci/github-actions.yml clean"

# README blocks: the fenced block right after `<!-- from FILE -->`
files=$(grep -o '<!-- from [^ ]* -->' README.md | sed 's/<!-- from \(.*\) -->/\1/')
[ -n "$files" ] || { echo "[ci-files] README.md has no <!-- from FILE --> blocks" >&2; exit 1; }
for f in $files; do
  block=$(awk -v marker="<!-- from $f -->" '
    $0 == marker { armed = 1; next }
    armed && /^```/ { if (inside) exit; inside = 1; next }
    inside { print }' README.md)
  if ! diff <(printf '%s\n' "$block") "$f" >/dev/null; then
    echo "[ci-files] README.md's block from $f differs from the file:" >&2
    diff <(printf '%s\n' "$block") "$f" >&2 || true
    exit 1
  fi
  echo "[ci-files] README.md block = $f"
done
