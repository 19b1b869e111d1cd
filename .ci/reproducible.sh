#!/bin/bash
# Reproducible-build check: builds one commit twice, in two directories with different paths, with the release
# profile (main, -sources and -javadoc jars, staged POMs), and compares every published file byte for byte.
#
#   bash .ci/reproducible.sh            # HEAD
#   bash .ci/reproducible.sh <commit>   # any commit of this repository
#
# Prints one line per artifact (sha256 of the first build, then same/DIFFERENT) and exits 1 if any differs,
# listing the differing entries (name, size, CRC) of each differing jar. Nothing is installed into ~/.m2:
# dependencies are read from the usual local repository, the staged files stay in the two build directories.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
COMMIT=$(git -C "$ROOT" rev-parse "${1:-HEAD}")
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
export PATH=$JAVA_HOME/bin:$PATH

WORK=$(mktemp -d /tmp/squeeze-repro.XXXXXX)
trap 'rm -rf "$WORK"' EXIT

build() {
  local dir=$WORK/$1
  mkdir -p "$dir"
  git -C "$ROOT" archive "$COMMIT" | tar -x -C "$dir"
  local t0=$SECONDS
  (cd "$dir" && mvn -B -ntp -q -Prelease -DskipTests -DskipITs verify) >"$WORK/$1.log" 2>&1 \
    || { echo "build $1 failed; last lines of its log:" >&2; tail -40 "$WORK/$1.log" >&2; exit 2; }
  echo "build $1: $((SECONDS - t0)) s"
}

# published files, relative to the build directory: the jars each module packs and the POMs it stages (staged
# file names carry the deploy time for SNAPSHOT versions, so POMs are compared by artifactId)
artifacts() {
  (cd "$WORK/$1" \
    && find . \( -path ./examples -o -path ./target \) -prune -o -path '*/target/*.jar' -not -path '*/classes/*' -print \
    && find target/staging -name '*.pom' -print) | sort
}

pom_key() {  # target/staging/dev/squeeze/squeeze-core/0.1.0-SNAPSHOT/squeeze-core-0.1.0-2026...-1.pom -> squeeze-core.pom
  case $1 in
    target/staging/*) echo "$(basename "$(dirname "$(dirname "$1")")").pom" ;;
    *) echo "$1" ;;
  esac
}

echo "commit $COMMIT, two builds in $WORK/{a,b-longer-path}"
build a
build b-longer-path

declare -A FIRST
while read -r f; do FIRST[$(pom_key "$f")]=$f; done < <(artifacts a)

status=0
count=0
printf '%-70s %-16s %s\n' artifact sha256 result
while read -r f; do
  key=$(pom_key "$f")
  other=${FIRST[$key]:-}
  count=$((count + 1))
  sum_b=$(sha256sum "$WORK/b-longer-path/$f" | cut -c1-64)
  if [ -z "$other" ]; then
    printf '%-70s %-16s %s\n' "$key" "${sum_b:0:16}" "MISSING in build a"; status=1; continue
  fi
  sum_a=$(sha256sum "$WORK/a/$other" | cut -c1-64)
  if [ "$sum_a" = "$sum_b" ]; then
    printf '%-70s %-16s %s\n' "$key" "${sum_a:0:16}" same
  else
    printf '%-70s %-16s %s\n' "$key" "${sum_a:0:16}" DIFFERENT
    status=1
    case $f in
      *.jar) diff <(unzip -v "$WORK/a/$other" | awk 'NR>3 {print $8, $1, $7}') \
                  <(unzip -v "$WORK/b-longer-path/$f" | awk 'NR>3 {print $8, $1, $7}') | sed 's/^/    /' | head -20 || true ;;
      *) diff "$WORK/a/$other" "$WORK/b-longer-path/$f" | sed 's/^/    /' | head -20 || true ;;
    esac
  fi
done < <(artifacts b-longer-path)

if [ "$status" = 0 ]; then
  echo "REPRODUCIBLE: $count of $count artifacts byte-identical"
else
  echo "NOT REPRODUCIBLE: see the DIFFERENT / MISSING lines above"
fi
exit "$status"
