package dev.squeeze.internal.report.json;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;
import dev.squeeze.internal.report.summary.ApiAvailability;
import dev.squeeze.internal.report.summary.EveryNode;
import dev.squeeze.internal.report.summary.HttpSuccess;
import dev.squeeze.internal.report.summary.Latencies;
import dev.squeeze.internal.report.summary.NodeHistory;
import dev.squeeze.internal.report.summary.Outage;
import dev.squeeze.internal.report.summary.PodHistory;
import dev.squeeze.internal.report.summary.PodMoves;
import dev.squeeze.internal.report.summary.PsiSummary;
import dev.squeeze.internal.report.summary.ReportSummary;
import dev.squeeze.internal.report.summary.SignalCoverage;
import dev.squeeze.internal.report.summary.TimeSpan;
import dev.squeeze.internal.report.summary.Validity;
import dev.squeeze.report.ChaosReport;
import dev.squeeze.report.Phase;
import static dev.squeeze.internal.report.json.JsonEncoder.instant;
import static dev.squeeze.internal.report.json.JsonEncoder.millis;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Writes the derived {@code summary} block: numbers a reader of the JSON should not have to recompute. */
@API(status = INTERNAL, since = "0.1")
public final class SummaryEncoder {

    private final JsonEncoder json;

    SummaryEncoder(JsonEncoder json) {
        this.json = json;
    }

    ObjectNode encode(ReportSummary s, ChaosReport report) {
        ObjectNode o = json.object();
        o.set("validity", validity(s.validity()));
        ObjectNode api = o.putObject("api");
        api.set("fresh", availability(s.apiFresh()));
        api.set("pooled", availability(s.apiPooled()));
        ObjectNode byPhase = api.putObject("freshByPhase");
        for (Map.Entry<Phase, ApiAvailability> e : new TreeMap<>(s.apiFreshByPhase()).entrySet()) {
            byPhase.set(e.getKey().name(), availability(e.getValue()));
        }
        ArrayNode nodes = o.putArray("nodes");
        for (EveryNode.Entry e : EveryNode.of(report)) {
            ObjectNode on = nodes.addObject();
            on.put("node", e.name());
            on.put("target", e.target());
            ArrayNode roles = on.putArray("roles");
            e.node().roles().forEach(roles::add);
            on.put("capacityBytes", e.node().capacityBytes());
            on.put("allocatableBytes", e.node().allocatableBytes());
            NodeHistory n = e.history().orElse(null);
            on.put("samples", n == null ? 0 : n.samples());
            on.set("psi", e.target() ? PsiJson.summary(json, PsiSummary.of(report)) : PsiJson.notTarget(json));
            if (n == null) {
                continue;
            }
            instant(on, "memoryPressureFirstSeen", n.pressureFirstSeen().orElse(null));
            instant(on, "memoryPressureCleared", n.pressureCleared().orElse(null));
            on.put("memoryPressureEpisodes", n.pressureSpans().size());
            on.set("memoryPressure", spans(n.pressureSpans()));
            on.set("notReady", spans(n.notReadySpans()));
            on.put("minAvailableBytes", n.minAvailableBytes());
            instant(on, "minAvailableAt", n.minAvailableAt());
            on.put("leaseMaxGapMillis", n.leaseMaxGap().toMillis());
            on.put("observedTicks", n.coverage().observed());
            on.put("scheduledTicks", n.coverage().scheduled());
        }
        ArrayNode moved = o.putArray("moved");
        for (PodMoves.Move m : PodMoves.of(report)) {
            ObjectNode om = moved.addObject();
            om.put("pod", m.pod());
            om.put("fromNode", m.fromNode());
            instant(om, "evictedAt", m.evictedAt());
            om.put("replacement", m.replacement());
            om.put("toNode", m.toNode());
            instant(om, "readyAt", m.readyAt());
        }
        ArrayNode pods = o.putArray("pods");
        for (PodHistory p : s.pods()) {
            ObjectNode op = pods.addObject();
            op.put("namespace", p.namespace());
            op.put("name", p.name());
            op.put("role", p.role().name());
            op.put("restarts", p.restarts());
            op.put("evicted", p.evicted());
            op.put("oomKilled", p.oomKilled());
            op.put("leftReadyUnderPressure", p.leftReadyDuring());
            op.put("lastPodPhase", p.lastPodPhase());
            ArrayNode notReady = op.putArray("notReady");
            for (PodHistory.NotReady n : p.notReady()) {
                ObjectNode on = span(notReady, n.span());
                ArrayNode phases = on.putArray("phases");
                n.phases().forEach(ph -> phases.add(ph.name()));
                on.put("why", n.why());
            }
        }
        o.set("http", http(s.http()));
        o.put("timeToHogFateMillis", s.timeToHogFate().map(d -> d.toMillis()).orElse(null));
        return o;
    }

    private ObjectNode validity(Validity v) {
        ObjectNode o = json.object();
        o.put("valid", v.valid());
        o.put("reason", v.reason());
        o.put("pressure", v.pressure());
        if (!v.wall().isEmpty()) {
            o.put("wall", v.wall());
        }
        o.put("pressureFraction", Validity.PRESSURE_FRACTION);
        o.put("phasesCompleted", v.phasesCompleted());
        ArrayNode problems = o.putArray("phaseProblems");
        v.phaseProblems().forEach(problems::add);
        ArrayNode coverage = o.putArray("coverage");
        for (SignalCoverage c : v.coverage()) {
            ObjectNode oc = coverage.addObject();
            oc.put("signal", c.signal());
            oc.put("scheduledTicks", c.scheduled());
            oc.put("observedTicks", c.observed());
            oc.put("percent", c.scheduled() == 0 ? null : c.percent());
            ArrayNode gaps = oc.putArray("unobserved");
            for (SignalCoverage.Gap g : c.gaps()) {
                ObjectNode og = span(gaps, g.span());
                og.put("ticks", g.ticks());
                og.put("phase", g.phase() == null ? null : g.phase().name());
                ArrayNode phases = og.putArray("phases");
                g.phases().forEach(p -> phases.add(p.name()));
                og.put("reason", g.reason());
            }
        }
        return o;
    }

    private ObjectNode availability(ApiAvailability a) {
        ObjectNode o = json.object();
        o.put("probe", a.probe());
        o.put("ticks", a.ticks());
        o.put("successes", a.successes());
        o.put("percent", a.hasSamples() ? a.percent() : null);
        o.put("downtimeMillis", a.downtime().toMillis());
        o.put("longestGapMillis", a.longestGap().toMillis());
        instant(o, "longestGapStart", a.longestOutage().map(Outage::start).orElse(null));
        o.set("outages", outages(a.outages()));
        o.set("latency", latency(a.latency()));
        return o;
    }

    private ObjectNode http(HttpSuccess h) {
        ObjectNode o = json.object();
        o.put("ticks", h.ticks());
        o.put("successes", h.successes());
        o.put("percent", h.hasSamples() ? h.percent() : null);
        ObjectNode codes = o.putObject("statusCodes");
        h.statusCodes().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> codes.put(String.valueOf(e.getKey()), e.getValue()));
        ObjectNode errors = o.putObject("errors");
        h.errors().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> errors.put(e.getKey(), e.getValue()));
        o.set("outages", outages(h.outages()));
        o.set("latency", latency(h.latency()));
        return o;
    }

    private ArrayNode outages(List<Outage> outages) {
        ArrayNode array = json.object().putArray("outages");
        for (Outage out : outages) {
            ObjectNode o = span(array, new TimeSpan(out.start(), out.end(), !out.recovered()));
            o.put("durationMillis", out.duration().toMillis());
            o.put("failedTicks", out.failedTicks());
            o.put("phase", out.phase() == null ? null : out.phase().name());
            o.put("firstError", out.firstError());
        }
        return array;
    }

    private ObjectNode latency(Latencies l) {
        ObjectNode o = json.object();
        o.put("count", l.count());
        // without a latency there is no percentile: null, never 0
        o.put("p50Millis", l.count() == 0 ? null : millis(l.p50()));
        o.put("p99Millis", l.count() == 0 ? null : millis(l.p99()));
        o.put("maxMillis", l.count() == 0 ? null : millis(l.max()));
        return o;
    }

    private ArrayNode spans(List<TimeSpan> spans) {
        ArrayNode array = json.object().putArray("spans");
        spans.forEach(s -> span(array, s));
        return array;
    }

    private static ObjectNode span(ArrayNode array, TimeSpan s) {
        ObjectNode o = array.addObject();
        instant(o, "start", s.start());
        instant(o, "end", s.end());
        o.put("ongoing", s.ongoing());
        return o;
    }
}
