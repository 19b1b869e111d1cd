#!/usr/bin/env bash
# Verdict stability and leaks: runs the examples N times back to back (default 5) and prints, per run, one row per
# test: verdict (from Failsafe), API % and HTTP % over PRESSURE+HOLD+RECOVERY ticks (unobserved ticks count as down),
# the hog's fate and the form the damage took during PRESSURE/HOLD; then each experiment's time by phase (seconds and
# share); then counts what was left behind.
#
#   bash bench/verdicts.sh            # 5 runs
#   bash bench/verdicts.sh 2          # 2 runs
#   SQUEEZE_LOCK=/tmp/squeeze-k3s.lock bash bench/verdicts.sh 2   # hold a flock only while each run's k3s runs
#   EXAMPLES_IT=OvercommittedNodeIT bash bench/verdicts.sh        # only some ITs (Failsafe's it.test)
#   bash bench/verdicts.sh --table examples/target                # only the table of one finished run
#                                                                 # (what `bash .ci/run examples` prints at its end)
#
# Needs Docker and the images the examples use; Maven reactor build, nothing is installed into ~/.m2.
set -uo pipefail
# the build's JDK (native-eater needs 22+); Debian's default java here is 17
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
export PATH=$JAVA_HOME/bin:$PATH
runs=${1:-5}
[ "$runs" = --table ] && runs=0
root=$(cd "$(dirname "$0")/.." && pwd)
out=${BENCH_OUT:-$root/target/bench}
mkdir -p "$out"
lock=${SQUEEZE_LOCK:-}
# only the examples' k3s ITs (the -am modules' ITs would run too otherwise)
its=${EXAMPLES_IT:-OvercommittedNodeIT,ProgrammaticHogsIT,TunedNodeIT}

leaks() {
  local containers cgroups owned
  containers=$(docker ps -a -q --filter label=dev.squeeze.owner.pid | wc -l)
  cgroups=$(ls -d /sys/fs/cgroup/*/squeeze-* 2>/dev/null | wc -l)
  # owner-named parents (squeeze-h<host>-<pid>-t<start>-<id>) are this version's; others predate owner names
  owned=$(ls -d /sys/fs/cgroup/*/squeeze-h* 2>/dev/null | wc -l)
  echo "leftovers: $containers Squeeze k3s containers (docker ps -a --filter label=dev.squeeze.owner.pid)," \
       "$cgroups squeeze-* cgroup directories (/sys/fs/cgroup/*/squeeze-*), $owned of them owner-named"
}

table() {  # $1 = run directory (squeeze-reports + failsafe-reports)
  python3 - "$1" <<'PY'
import glob, json, os, sys, xml.etree.ElementTree as ET
run = sys.argv[1]
verdicts = {}
for f in glob.glob(os.path.join(run, "failsafe-reports", "TEST-*.xml")):
    for tc in ET.parse(f).getroot().iter("testcase"):
        cls = tc.get("classname", "").rsplit(".", 1)[-1]
        v = "PASS"
        if tc.find("failure") is not None: v = "FAIL"
        elif tc.find("error") is not None: v = "ERROR"
        elif tc.find("skipped") is not None: v = "SKIP"
        verdicts[cls + "-" + tc.get("name", "").split("(")[0]] = v
chaos = {"PRESSURE", "HOLD", "RECOVERY"}
under = {"PRESSURE", "HOLD"}
def pct(samples, ok):
    s = [x for x in samples if x.get("phase") in chaos]
    return "-" if not s else "%.1f" % (100.0 * sum(1 for x in s if ok(x)) / len(s))
rows = []
for f in sorted(glob.glob(os.path.join(run, "squeeze-reports", "*.json"))):
    r = json.load(open(f))
    name = r["name"]
    api = pct(r.get("api", []), lambda x: x["fresh"].get("ok") and x["pooled"].get("ok"))
    http = pct(r.get("http", []), lambda x: x["outcome"].get("ok"))
    fate = (r.get("hogOutcome") or {}).get("fate", "-")
    forms = []
    if any(not (x["fresh"].get("ok") and x["pooled"].get("ok")) for x in r.get("api", []) if x["phase"] in under):
        forms.append("API")
    if any(not x["outcome"].get("ok") for x in r.get("http", []) if x["phase"] in under):
        forms.append("HTTP")
    before = {p["name"]: p["restarts"] for p in r.get("pods", []) if p["role"] == "WORKLOAD" and p["phase"] == "STEADY_STATE"}
    web = [p for p in r.get("pods", []) if p["role"] == "WORKLOAD" and p["phase"] in under]
    if any("OOMKilled" in (p.get("lastTermination") or "") and p["restarts"] > before.get(p["name"], 0) for p in web):
        forms.append("web OOM-killed")
    elif any(not p["ready"] or p["restarts"] > before.get(p["name"], 0) for p in web):
        forms.append("web not Ready")
    sysr = [p for p in r.get("pods", []) if p["role"] == "SYSTEM" and p["phase"] in under]
    if any(p["restarts"] > 0 for p in sysr):
        forms.append("system restarts")
    verdict = next((v for k, v in verdicts.items() if name.startswith(k) or k.startswith(name)), "?")
    html = os.path.relpath(f[:-len(".json")] + ".html")
    rows.append((name[:60], verdict, api, http, fate, "+".join(forms) or "none", html))
for k, v in sorted(verdicts.items()):
    if not any(r[0].startswith(k[:60]) or k.startswith(r[0]) for r in rows):
        rows.append((k[:60], v, "-", "-", "-", "(no report)", "-"))
w = max([len(r[0]) for r in rows] + [4])
d = max([len(r[5]) for r in rows] + [22])
fmt = "%-*s  %-7s %7s %7s  %-13s %-*s  %s"
print(fmt % (w, "test", "verdict", "API %", "HTTP %", "hog fate", d, "damage (PRESSURE/HOLD)", "report"))
for r in rows:
    print(fmt % ((w,) + r[:5] + (d,) + r[5:]))
PY
}

phases() {  # $1 = run directory: each experiment's phase spans from its report JSON, seconds and share of the whole
  python3 - "$1" <<'PY'
import glob, json, os, sys
from datetime import datetime
def t(s): return datetime.fromisoformat(s.replace("Z", "+00:00"))
names = ["STEADY_STATE", "PRESSURE", "HOLD", "RECOVERY"]
rows = []
for f in sorted(glob.glob(os.path.join(sys.argv[1], "squeeze-reports", "*.json"))):
    r = json.load(open(f))
    spans = {p["phase"]: (t(p["end"]) - t(p["start"])).total_seconds() for p in r.get("phases", []) if p.get("end")}
    total = sum(spans.values())
    if total <= 0:
        continue
    cells = ["%5.1f s %3.0f%%" % (spans[n], 100 * spans[n] / total) if n in spans else "-" for n in names]
    rows.append((r.get("name", os.path.basename(f))[:60], *cells, "%5.1f s" % total))
if rows:
    w = max(len(r[0]) for r in rows)
    fmt = "%-*s  %13s  %13s  %13s  %13s  %8s"
    print()
    print("experiment time by phase (report JSON phase spans; share of the experiment)")
    print(fmt % (w, "test", "steady state", "pressure", "hold", "recovery", "total"))
    for r in rows:
        print(fmt % ((w,) + r))
PY
}

if [ "${1:-}" = --table ]; then
  table "${2:?usage: bench/verdicts.sh --table DIR (a target/ directory with squeeze-reports/ and failsafe-reports/)}"
  phases "$2"
  exit 0
fi

export TESTCONTAINERS_RYUK_DISABLED=${TESTCONTAINERS_RYUK_DISABLED:-true}
# no registry on this project's machines: Testcontainers' start-up check would retry pulling alpine for minutes
export TESTCONTAINERS_CHECKS_DISABLE=${TESTCONTAINERS_CHECKS_DISABLE:-true}
export TESTCONTAINERS_HOST_OVERRIDE=${TESTCONTAINERS_HOST_OVERRIDE:-localhost}
echo "before: $(leaks)"
for i in $(seq 1 "$runs"); do
  dir="$out/run-$i"
  # every module's Failsafe results: a stale failsafe-summary.xml of an earlier run fails `verify`
  rm -rf "$dir" "$root/examples/target/squeeze-reports" "$root"/*/target/failsafe-reports
  mkdir -p "$dir"
  cmd=(mvn -B -ntp -pl examples -am verify -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false
       -Dfailsafe.failIfNoSpecifiedTests=false)
  [ -n "$its" ] && cmd+=("-Dit.test=$its")
  start=$(date +%s)
  if [ -n "$lock" ]; then (cd "$root" && flock "$lock" "${cmd[@]}") > "$dir/mvn.log" 2>&1
  else (cd "$root" && "${cmd[@]}") > "$dir/mvn.log" 2>&1; fi
  rc=$?
  cp -r "$root/examples/target/squeeze-reports" "$dir/" 2>/dev/null
  cp -r "$root/examples/target/failsafe-reports" "$dir/" 2>/dev/null
  echo
  echo "== run $i of $runs: mvn exit $rc, $(( $(date +%s) - start )) s (log: $dir/mvn.log)"
  table "$dir"
  phases "$dir"
  echo "after run $i: $(leaks)"
done
