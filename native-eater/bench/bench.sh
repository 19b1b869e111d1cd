#!/usr/bin/env bash
# Compares the Java eater with a C reference, same strategies, in one run. Not a test: numbers to read.
#
#   native-eater/bench/bench.sh [RUNS] [SIZES_MIB...]      defaults: 5 runs of 1024 and 4096 MiB
#
# For each size, strategy (touch, populate) and implementation (C, Java), RUNS fresh processes, interleaved
# so that a change in machine load hits every row alike. Per run:
#   fill      MiB/s over the fill loop, as each program measures it (first page/chunk begun to last resident)
#   exec      ms from exec (bench/launch.c stamps CLOCK_REALTIME, then execs) to the first resident chunk
#             (Java: "t" of the first ramp line; C: right after the first page)
#   overhead  MiB of VmRSS beyond the filled bytes, read from /proc/PID/status at hold (JVM or libc footprint)
# then a paced run: Java at 200 MiB/s, overall error and the worst 1-second window, from its ramp lines.
# Needs gcc, a JDK 22+ (JAVA_HOME or PATH) and the built jar (mvn -pl native-eater package). Never runs more
# than one eater at a time; the largest default size is 4 GiB. NICE=-10 runs every measured process at that
# niceness (root only): on a machine shared with other builds it trades their time for less noise here.
set -euo pipefail

RUNS=${1:-5}
shift || true
SIZES=("${@:-1024 4096}")
read -r -a SIZES <<<"${SIZES[*]}"
PACED_MIB=1024
PACED_RATE_MIB=200

NICE=${NICE:-0}
HERE=$(cd "$(dirname "$0")" && pwd)
MODULE=$(dirname "$HERE")
OUT=$MODULE/target/bench
mkdir -p "$OUT"
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java
JAR=$(ls "$MODULE"/target/squeeze-native-eater-*.jar 2>/dev/null | head -1 || true)
[[ -n $JAR ]] || { echo "no jar: run 'mvn -pl native-eater package' first" >&2; exit 64; }
# the flags squeeze-core uses: the jar's own Squeeze-Java-Options
# (manifest lines fold at 72 bytes: a continuation starts with one space)
JAVA_OPTIONS=$(unzip -p "$JAR" META-INF/MANIFEST.MF | tr -d '\r' |
    awk '/^ / {line = line substr($0, 2); next} {print line; line = $0} END {print line}' |
    sed -n 's/^Squeeze-Java-Options: //p')
JAVA_MAJOR=$("$JAVA" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')
((JAVA_MAJOR >= 22)) || { echo "$JAVA is Java $JAVA_MAJOR; the eater needs 22+: set JAVA_HOME" >&2; exit 64; }

gcc -O2 -Wall -Wextra -o "$OUT/mem_eater" "$HERE/mem_eater.c"
gcc -O2 -Wall -Wextra -o "$OUT/launch" "$HERE/launch.c"

CHILD=
trap '[[ -n $CHILD ]] && kill -9 "$CHILD" 2>/dev/null; true' EXIT

# run NAME MIB STRATEGY RUN -> appends "name,mib,fill_mibs,exec_ms,overhead_mib" to $OUT/runs.csv
run() {
    local name=$1 mib=$2 strategy=$3 stdout=$OUT/$1.$2.$4.out stamp=$OUT/$1.$2.$4.stamp
    # truncated here, not by the background job's redirection: else the wait below may read the last run's lines
    : >"$stdout"
    rm -f "$stamp"
    local -a command
    if [[ $name == c-* ]]; then
        command=("$OUT/mem_eater" "$mib" "$strategy")
    else
        # shellcheck disable=SC2206 # the options are words on purpose
        command=("$JAVA" $JAVA_OPTIONS -jar "$JAR" --size "${mib}Mi" --strategy "$strategy")
    fi
    nice -n "$NICE" "$OUT/launch" "$stamp" "${command[@]}" >"$stdout" 2>"$OUT/stderr" &
    CHILD=$!
    local waited=0
    until grep -q '"phase":"hold"' "$stdout"; do
        sleep 0.02
        waited=$((waited + 1))
        if ((waited > 6000)) || ! kill -0 "$CHILD" 2>/dev/null; then
            echo "$name $mib MiB: no hold line; stderr:" >&2
            cat "$OUT/stderr" >&2
            exit 1
        fi
    done
    local rss_kib
    rss_kib=$(awk '/^VmRSS:/ {print $2}' "/proc/$CHILD/status")
    kill -TERM "$CHILD"
    wait "$CHILD" || true
    CHILD=
    local launched first fill
    launched=$(cat "$stamp")
    if [[ $name == c-* ]]; then
        first=$(sed -n 's/.*"tNs":\([0-9]*\).*/\1/p' "$stdout" | head -1)
    else
        first=$(date -d "$(sed -n 's/.*"phase":"ramp".*/&/p' "$stdout" | head -1 | sed 's/.*"t":"\([^"]*\)".*/\1/')" +%s%N)
    fi
    fill=$(sed -n 's/.*"fillMillis":\([0-9.]*\).*/\1/p' "$stdout" | head -1)
    awk -v n="$name" -v m="$mib" -v f="$fill" -v l="$launched" -v s="$first" -v r="$rss_kib" 'BEGIN {
        printf "%s,%d,%.0f,%.1f,%.1f\n", n, m, m / (f / 1000), (s - l) / 1e6, r / 1024 - m }' >>"$OUT/runs.csv"
}

# stats FILTER_NAME MIB COLUMN [FORMAT] -> "min median max"
stats() {
    awk -F, -v n="$1" -v m="$2" -v c="$3" '$1 == n && $2 == m {print $c}' "$OUT/runs.csv" | sort -g |
        awk -v f="${4:-%6.0f}" '{v[NR] = $1} END {printf f " " f " " f, v[1], (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2), v[NR]}'
}

echo "bench: $(nproc) cores, $(awk '/MemTotal/ {printf "%.1f GiB", $2 / 1048576}' /proc/meminfo), kernel $(uname -r)"
echo "java:  $("$JAVA" -version 2>&1 | head -1); options: $JAVA_OPTIONS"
echo "load at start: $(cut -d' ' -f1-3 /proc/loadavg)  (other work on this machine inflates every number alike); nice $NICE"
: >"$OUT/runs.csv"
IMPLS=(c-touch java-touch c-populate java-populate)
for mib in "${SIZES[@]}"; do
    for ((i = 1; i <= RUNS; i++)); do
        for impl in "${IMPLS[@]}"; do
            run "$impl" "$mib" "${impl#*-}" "$i"
        done
    done
done
echo "load at end:   $(cut -d' ' -f1-3 /proc/loadavg)"
echo
printf '%-14s %5s | %-22s | %-22s | %-22s\n' "" "" "fill MiB/s" "exec->1st chunk ms" "VmRSS overhead MiB"
printf '%-14s %5s | %6s %6s %6s   | %6s %6s %6s   | %6s %6s %6s\n' impl MiB min med max min med max min med max
for mib in "${SIZES[@]}"; do
    for impl in "${IMPLS[@]}"; do
        printf '%-14s %5d | %s   | %s   | %s\n' "$impl" "$mib" "$(stats "$impl" "$mib" 3)" \
            "$(stats "$impl" "$mib" 4)" "$(stats "$impl" "$mib" 5 %6.1f)"
    done
    for strategy in touch populate; do
        awk -F, -v m="$mib" -v s="$strategy" '$2 == m && $1 == "c-" s {c[++nc] = $3} $2 == m && $1 == "java-" s {j[++nj] = $3}
            function med(a, n,   i, k, t) { for (i = 1; i <= n; i++) for (k = i + 1; k <= n; k++) if (a[k] < a[i]) { t = a[i]; a[i] = a[k]; a[k] = t }
                return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2 }
            END { printf "  java/c %-8s at %5d MiB: %.2fx (medians)\n", s, m, med(j, nj) / med(c, nc) }' "$OUT/runs.csv"
    done
done

echo
echo "paced: java --rate ${PACED_RATE_MIB}Mi/s --size ${PACED_MIB}Mi, $RUNS runs; error of the whole fill and of its worst ~1 s window"
for ((i = 1; i <= RUNS; i++)); do
    # shellcheck disable=SC2086
    nice -n "$NICE" "$JAVA" $JAVA_OPTIONS -jar "$JAR" --size "${PACED_MIB}Mi" --rate "${PACED_RATE_MIB}Mi/s" --hold 0 >"$OUT/paced.$i"
    awk -v rate=$((PACED_RATE_MIB << 20)) -v size=$((PACED_MIB << 20)) '
        function num(name,   s) { s = $0; sub(".*\"" name "\":", "", s); sub("[,}].*", "", s); return s + 0 }
        /"phase":"ramp"/ || /fillMillis/ {
            e = num("elapsedMs"); b = num("touchedBytes")
            if (n++ > 0 && e - pe >= 900) { d = ((b - pb) / ((e - pe) / 1000) / rate - 1) * 100; if (d < 0) d = -d; if (d > worst) worst = d }
            pe = e; pb = b }
        /fillMillis/ { f = num("fillMillis") }
        END { chunk = 1048576; overall = ((size - chunk) / (f / 1000) / rate - 1) * 100
              printf "  run %d: fill %.1f ms, overall %+.2f%%, worst 1 s window %.2f%% (%d lines)\n", '"$i"', f, overall, worst, n }' \
        "$OUT/paced.$i"
done
echo
echo "raw runs: $OUT/runs.csv (impl,MiB,fill MiB/s,exec ms,overhead MiB)"
