#!/usr/bin/env bash
# Honest frequency of the seed outage's symptoms: runs the seed examples N times (default 5), one run at a time, and
# prints one row per run and test: one column per symptom the seed reported, counted from the report JSON during the
# chaos phases (PRESSURE, HOLD, RECOVERY), plus the eater's fate, the node's peak swap and the verdict (Failsafe):
#   TLS timeout   fresh-TLS /readyz probes that failed with "TLS handshake timeout" (kubectl's "net/http: TLS
#                 handshake timeout")
#   5xx           HTTP probes of the Service answered 5xx (the seed's "Bad Gateway")
#   sys restart   kube-system pods whose restart count grew (k3s runs API server, scheduler, controller-manager in
#                 one process: CoreDNS, metrics-server, local-path-provisioner are its system pods)
#   node Unknown  events that the kubelet stopped posting node status (NodeNotReady from the node-lifecycle
#                 controller), ticks whose Ready condition read "Unknown NodeStatusUnknown", or a node Lease gap past
#                 the 50 s grace period ("gap")
#   Lease gap     the longest time the node's Lease went without a renewal (the grace period is 50 s)
#   kept running  the eater touched new pages after the first TLS handshake timeout, 5xx or node-lifecycle mark
#                 ("the memory eater kept running"); "-" when none happened
#
#   bash bench/seed.sh                                            # 5 runs of SeedOutageIT and SeedOutageFixedIT
#   SQUEEZE_LOCK=/tmp/squeeze-k3s.lock bash bench/seed.sh 5       # hold a flock only while each run's k3s runs
#   SEED_IT=SeedOutageIT bash bench/seed.sh 1                     # only some ITs (Failsafe's it.test)
#   SEED_CLUSTER=1 SEED_IT=SeedOutageOnAWorkerIT bash bench/seed.sh  # the production variant, a fresh cluster a run
#   bash bench/seed.sh --table target/bench-seed                  # the table of finished runs (run-*/ below DIR)
#
# The nodes have swap: without swap on this host each run gets a swap file of its own (.ci/swap-up.sh), removed when
# the run ends (.ci/swap-down.sh). Needs Docker and the images the examples use; nothing is installed into ~/.m2.
set -uo pipefail
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
export PATH=$JAVA_HOME/bin:$PATH
runs=${1:-5}
root=$(cd "$(dirname "$0")/.." && pwd)
out=${BENCH_OUT:-$root/target/bench-seed}
lock=${SQUEEZE_LOCK:-}
its=${SEED_IT:-SeedOutageIT,SeedOutageFixedIT}
SEED_PROJECTS=${SEED_PROJECTS:-}
# SEED_CLUSTER=1: the production variant, on a worker of the CI cluster started for each run
SEED_CLUSTER=${SEED_CLUSTER:-}
MVN_ARGS=${MVN_ARGS:-}

table() {  # $1 = directory holding run-*/ (squeeze-reports + failsafe-reports each)
  python3 - "$1" <<'PY'
import glob, json, os, re, sys, xml.etree.ElementTree as ET
chaos = {"PRESSURE", "HOLD", "RECOVERY"}
def runs(base):
    return sorted(glob.glob(os.path.join(base, "run-*")), key=lambda d: int(d.rsplit("-", 1)[1]))
def verdicts(run):
    out = {}
    for f in glob.glob(os.path.join(run, "failsafe-reports", "TEST-*.xml")):
        for tc in ET.parse(f).getroot().iter("testcase"):
            v = "PASS"
            if tc.find("failure") is not None: v = "FAIL"
            elif tc.find("error") is not None: v = "ERROR"
            elif tc.find("skipped") is not None: v = "SKIP"
            out[tc.get("classname", "").rsplit(".", 1)[-1]] = v
    return out
def failed(o): return o is not None and not o.get("ok") and "error" in o
def symptoms(r):
    tls = sum(1 for a in r.get("api", []) if a["phase"] in chaos and failed(a.get("fresh"))
              and "TLS handshake timeout" in a["fresh"]["error"])
    http = sum(1 for h in r.get("http", []) if h["phase"] in chaos and failed(h.get("outcome"))
               and re.search(r"HTTP 5\d\d", h["outcome"]["error"]))
    before = {p["name"]: p["restarts"] for p in r.get("pods", []) if p["role"] == "SYSTEM" and p["phase"] == "STEADY_STATE"}
    grew = {}
    for p in r.get("pods", []):
        if p["role"] == "SYSTEM" and p["phase"] in chaos:
            d = p["restarts"] - before.get(p["name"], p["restarts"])
            if d > 0: grew[p["name"].split("-")[0]] = max(grew.get(p["name"].split("-")[0], 0), d)
    marks = [e for e in r.get("events", []) if "stopped posting node status" in (e.get("message") or "")
             or e.get("reason") == "NodeStatusUnknown"
             or (e.get("reason") == "NodeNotReady" and e.get("objectKind") == "Pod")]
    unknown = len(marks)
    gap = max([(n.get("leaseLongestGapMillis") or 0) / 1000.0 for n in
               (r.get("summary", {}).get("reactionTimes") or [])] + [0])
    swap = max([(n.get("psi") or {}).get("events", {}).get("swap", -1) for n in r.get("node", [])
                if n["phase"] in chaos] + [-1])
    unknown += sum(1 for n in r.get("node", []) if n["phase"] in chaos
                   and "NodeStatusUnknown" in (n.get("notReady") or ""))
    fate = (r.get("hogOutcome") or {}).get("fate", "-")
    # the eater kept running: it touched new pages after the first TLS handshake timeout, 5xx or node-Unknown mark
    firsts = [a["at"] for a in r.get("api", []) if a["phase"] in chaos and failed(a.get("fresh"))
              and "TLS handshake timeout" in a["fresh"]["error"]]
    firsts += [h["at"] for h in r.get("http", []) if h["phase"] in chaos and failed(h.get("outcome"))
               and re.search(r"HTTP 5\d\d", h["outcome"]["error"])]
    firsts += [e["at"] for e in marks]
    kept = "-"
    if firsts:
        t = min(firsts)
        before = max([h["touchedBytes"] for h in r.get("hog", []) if h["at"] <= t] + [0])
        kept = "yes" if any(h["touchedBytes"] > before for h in r.get("hog", []) if h["at"] > t) else "no"
    return tls, http, grew, unknown, gap, swap, fate, kept
rows = []
for run in runs(sys.argv[1]):
    v = verdicts(run)
    for f in sorted(glob.glob(os.path.join(run, "squeeze-reports", "*.json"))):
        r = json.load(open(f))
        cls = r["name"].split("-")[0]
        tls, http, grew, unknown, gap, swap, fate, kept = symptoms(r)
        sysr = ",".join("%s+%d" % kv for kv in sorted(grew.items())) or "0"
        unk = str(unknown) + (" (gap %.0fs)" % gap if gap > 50 else "")
        rows.append((run.rsplit("-", 1)[1], cls, str(tls), str(http), sysr, unk, "%.0f s" % gap, fate, kept,
                     "-" if swap < 0 else "%d MiB" % (swap >> 20), v.get(cls, "?")))
    for cls, verdict in sorted(v.items()):
        if not any(r[0] == run.rsplit("-", 1)[1] and r[1] == cls for r in rows):
            rows.append((run.rsplit("-", 1)[1], cls, "-", "-", "-", "-", "-", "-", "-", "-", verdict + " (no report)"))
head = ("run", "test", "TLS timeout", "5xx", "sys restart", "node Unknown", "Lease gap", "eater", "kept running",
        "peak swap", "verdict")
w = [max(len(r[i]) for r in rows + [head]) for i in range(len(head))]
line = lambda r: "| " + " | ".join(c.ljust(w[i]) for i, c in enumerate(r)) + " |"
print(line(head))
print("|" + "|".join("-" * (x + 2) for x in w) + "|")
for r in sorted(rows, key=lambda r: (r[1], int(r[0]))):
    print(line(r))
PY
}

if [ "${1:-}" = --table ]; then
  table "${2:-$out}"
  exit 0
fi

export TESTCONTAINERS_RYUK_DISABLED=${TESTCONTAINERS_RYUK_DISABLED:-true}
export TESTCONTAINERS_CHECKS_DISABLE=${TESTCONTAINERS_CHECKS_DISABLE:-true}
export TESTCONTAINERS_HOST_OVERRIDE=${TESTCONTAINERS_HOST_OVERRIDE:-localhost}
export SQUEEZE_SWAP_FILE=${SQUEEZE_SWAP_FILE:-/var/tmp/squeeze-bench-$$.swap}
# a killed bench leaves nothing behind either: no cluster, no swap
trap '[ -z "$SEED_CLUSTER" ] || bash "$root/.ci/cluster-down.sh"; bash "$root/.ci/swap-down.sh"' EXIT
mkdir -p "$out"
# one run: swap on, the seed ITs, swap off (the machine is left as it was)
one_run() {
  # SEED_PROJECTS="-pl examples" skips rebuilding the other modules when they are installed in the local repository
  local cluster=()
  bash "$root/.ci/swap-up.sh" || return 1
  if [ -n "$SEED_CLUSTER" ]; then
    # the production variant: a fresh CI cluster (.ci/cluster-up.sh) whose overcommitted worker has the swap
    bash "$root/.ci/cluster-up.sh" || { bash "$root/.ci/cluster-down.sh"; bash "$root/.ci/swap-down.sh"; return 1; }
    cluster=(-Dsqueeze.kubeconfig="${SQUEEZE_CLUSTER_DIR:-/tmp/squeeze-multinode}/kubeconfig" -Dsqueeze.it.parallel=1)
  fi
  (cd "$root" && mvn -B -ntp ${SEED_PROJECTS:--pl examples -am} verify -Dtest=NONE \
    -Dsurefire.failIfNoSpecifiedTests=false -Dfailsafe.failIfNoSpecifiedTests=false -Dit.test="$its" \
    "${cluster[@]}" ${MVN_ARGS:-})
  local rc=$?
  [ -z "$SEED_CLUSTER" ] || bash "$root/.ci/cluster-down.sh"
  bash "$root/.ci/swap-down.sh"
  return $rc
}
export -f one_run
export root its SEED_PROJECTS MVN_ARGS SEED_CLUSTER
for i in $(seq 1 "$runs"); do
  dir="$out/run-$i"
  rm -rf "$dir" "$root/examples/target/squeeze-reports" "$root"/*/target/failsafe-reports
  mkdir -p "$dir"
  start=$(date +%s)
  if [ -n "$lock" ]; then flock "$lock" bash -c one_run > "$dir/mvn.log" 2>&1
  else bash -c one_run > "$dir/mvn.log" 2>&1; fi
  rc=$?
  cp -r "$root/examples/target/squeeze-reports" "$dir/" 2>/dev/null
  cp -r "$root/examples/target/failsafe-reports" "$dir/" 2>/dev/null
  echo "== run $i of $runs: mvn exit $rc, $(( $(date +%s) - start )) s (log: $dir/mvn.log)"
done
echo
table "$out"
