#!/usr/bin/env bash
# Setup benchmark (issue 13): (a) bare K3sContainer to node Ready, (b) the hand-written equivalent of what Squeeze
# sets up (K3sContainer + kube-system Ready + bench/web.yaml applied with fabric8 and Ready), (c) @ChaosNode +
# @Workload to the first line of the test body. Interleaved, N runs (default 5); prints medians, min and max and the
# load average, and writes the table to target/bench/setup.txt.
#
#   bash bench/setup.sh                                       # 5 runs
#   SQUEEZE_LOCK=/tmp/squeeze-k3s.lock bash bench/setup.sh 5  # hold a flock only while each node runs
#
# Needs Docker and the k3s image; Maven reactor build, nothing is installed into ~/.m2.
set -euo pipefail
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
export PATH=$JAVA_HOME/bin:$PATH
export TESTCONTAINERS_RYUK_DISABLED=${TESTCONTAINERS_RYUK_DISABLED:-true}
export TESTCONTAINERS_CHECKS_DISABLE=${TESTCONTAINERS_CHECKS_DISABLE:-true}
runs=${1:-5}
root=$(cd "$(dirname "$0")/.." && pwd)
out=${BENCH_OUT:-$root/target/bench}
mkdir -p "$out"
cd "$root"
# one reactor build: core's classes come from this tree, not from ~/.m2
mvn -B -ntp -q -pl junit5-extension -am package dependency:build-classpath -DskipTests -DskipITs \
    -Dmdep.outputFile=target/setup.classpath -Dmdep.includeScope=test
cp="$root/junit5-extension/target/test-classes:$root/junit5-extension/target/classes"
cp="$cp:$(cat "$root/junit5-extension/target/setup.classpath")"
java -cp "$cp" -Dsqueeze.bench.lock="${SQUEEZE_LOCK:-}" -Dsqueeze.bench.out="$out/setup.txt" \
    dev.squeeze.junit5.bench.SetupBenchmark "$runs"
