package dev.squeeze.internal.report.json;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.squeeze.report.WallLimits;
import org.apiguardian.api.API;
import dev.squeeze.internal.report.summary.ReportSummary;
import dev.squeeze.report.ApiSample;
import dev.squeeze.report.ChaosReport;
import dev.squeeze.report.ClusterFacts;
import dev.squeeze.report.ClusterNode;
import dev.squeeze.report.EventRecord;
import dev.squeeze.report.HogOutcome;
import dev.squeeze.report.HogSample;
import dev.squeeze.report.HttpSample;
import dev.squeeze.report.NodeSample;
import dev.squeeze.report.Phase;
import dev.squeeze.report.PhaseSpan;
import dev.squeeze.report.PodSample;
import dev.squeeze.report.ProbeOutcome;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Turns a report into the JSON tree documented in {@code report-schema.md}; {@link JsonDecoder} reads it back. */
@API(status = INTERNAL, since = "0.1")
public final class JsonEncoder {

    static final int SCHEMA_VERSION = 2;
    /** Version 1 had no unobserved ticks and no validity; it reads as it was. */
    static final int OLDEST_READABLE_VERSION = 1;

    private final JsonMapper mapper;

    JsonEncoder(JsonMapper mapper) {
        this.mapper = mapper;
    }

    ObjectNode encode(ChaosReport r) {
        ObjectNode root = mapper.createObjectNode();
        root.put("schemaVersion", SCHEMA_VERSION);
        root.put("name", r.name());
        instant(root, "started", r.started());
        instant(root, "finished", r.finished());
        root.put("durationMillis", r.duration().toMillis());
        root.set("cluster", cluster(r.cluster()));
        root.put("hogSpec", r.hogSpec());
        ArrayNode phases = root.putArray("phases");
        for (PhaseSpan p : r.phases()) {
            ObjectNode o = phases.addObject();
            o.put("phase", p.phase().name());
            instant(o, "start", p.start());
            instant(o, "end", p.end());
            o.put("completed", p.completed());
            o.put("outcome", p.outcome());
        }
        ArrayNode api = root.putArray("api");
        for (ApiSample s : r.api()) {
            ObjectNode o = sample(api, s.at(), s.phase());
            o.set("fresh", outcome(s.fresh()));
            o.set("pooled", outcome(s.pooled()));
        }
        nodeSamples(root.putArray("node"), r.node());
        ArrayNode pods = root.putArray("pods");
        for (PodSample s : r.pods()) {
            ObjectNode o = sample(pods, s.at(), s.phase());
            o.put("namespace", s.namespace());
            o.put("name", s.name());
            o.put("role", s.role().name());
            o.put("podPhase", s.podPhase());
            o.put("ready", s.ready());
            o.put("restarts", s.restarts());
            o.put("lastTermination", s.lastTermination());
            o.put("workingSetBytes", s.workingSetBytes());
            o.set("labels", strings(s.labels()));
            o.put("node", s.node());
        }
        ArrayNode hog = root.putArray("hog");
        for (HogSample s : r.hog()) {
            ObjectNode o = hog.addObject();
            instant(o, "at", s.at());
            o.put("eaterPhase", s.eaterPhase());
            o.put("targetBytes", s.targetBytes());
            o.put("touchedBytes", s.touchedBytes());
            o.put("rssBytes", s.rssBytes());
        }
        ArrayNode events = root.putArray("events");
        for (EventRecord e : r.events()) {
            ObjectNode o = events.addObject();
            instant(o, "at", e.at());
            o.put("type", e.type());
            o.put("reason", e.reason());
            o.put("objectKind", e.objectKind());
            o.put("namespace", e.namespace());
            o.put("objectName", e.objectName());
            o.put("message", e.message());
            if (e.clock() != null) {
                o.put("clock", e.clock()); // absent in reports recorded before it was
            }
            o.set("annotations", strings(e.annotations()));
        }
        ArrayNode http = root.putArray("http");
        for (HttpSample s : r.http()) {
            sample(http, s.at(), s.phase()).set("outcome", outcome(s.outcome()));
        }
        root.set("hogOutcome", hogOutcome(r.hogOutcome()));
        ArrayNode notes = root.putArray("notes");
        r.notes().forEach(notes::add);
        ArrayNode clusterNodes = root.putArray("clusterNodes");
        for (ClusterNode n : r.clusterNodes()) {
            ObjectNode o = clusterNodes.addObject();
            o.put("name", n.name());
            ArrayNode roles = o.putArray("roles");
            n.roles().forEach(roles::add);
            o.put("target", n.target());
            o.put("capacityBytes", n.capacityBytes());
            o.put("allocatableBytes", n.allocatableBytes());
        }
        nodeSamples(root.putArray("otherNodes"), r.otherNodes());
        ObjectNode summary = new SummaryEncoder(this).encode(ReportSummary.of(r), r);
        new ComparableNumbersEncoder(this).addTo(summary, r);
        if (r.cluster() != null && r.cluster().resources() != null) {
            ResourceAuditJson.encode(r.cluster().resources(), summary.putObject("resources"));
        }
        root.set("summary", summary);
        return root;
    }

    private void nodeSamples(ArrayNode node, java.util.List<NodeSample> samples) {
        for (NodeSample s : samples) {
            ObjectNode o = sample(node, s.at(), s.phase());
            o.put("node", s.node());
            o.put("ready", s.ready());
            o.put("memoryPressure", s.memoryPressure());
            o.put("availableBytes", s.availableBytes());
            o.put("workingSetBytes", s.workingSetBytes());
            instant(o, "leaseRenewed", s.leaseRenewed());
            o.put("unobserved", s.unobserved());
            o.put("wallWorkingSetBytes", s.wallWorkingSetBytes());
            o.put("wallSource", s.wallSource());
            // the kubelet's own times, absent when unknown (and in reports recorded before they were)
            if (s.memoryPressureSince() != null) {
                instant(o, "memoryPressureSince", s.memoryPressureSince());
            }
            if (s.memoryTime() != null) {
                instant(o, "memoryTime", s.memoryTime());
            }
            if (s.notReady() != null) {
                o.put("notReady", s.notReady());
            }
            if (s.psi() != null) {
                o.set("psi", PsiJson.sample(this, s.psi()));
            }
        }
    }

    private ObjectNode cluster(ClusterFacts c) {
        ObjectNode o = mapper.createObjectNode();
        if (c == null) {
            return o;
        }
        o.put("kind", c.kind());
        o.put("version", c.version());
        o.put("node", c.node());
        o.put("memoryModel", c.memoryModel());
        o.put("declaredBytes", c.declaredBytes());
        o.put("capacityBytes", c.capacityBytes());
        o.put("allocatableBytes", c.allocatableBytes());
        o.put("kubepodsLimitBytes", c.kubepodsLimitBytes());
        o.put("evictionThresholdBytes", c.evictionThresholdBytes());
        ArrayNode args = o.putArray("kubeletArgs");
        c.kubeletArgs().forEach(args::add);
        o.put("k3sMemoryBytes", c.k3sMemoryBytes());
        if (c.resources() != null) {
            ResourceAuditJson.encode(c.resources(), o.putObject("resources"));
        }
        if (c.wall() != null) {
            WallLimits w = c.wall();
            ObjectNode ow = o.putObject("wall");
            ow.put("hard", w.hard());
            ow.put("reason", w.reason());
            ow.put("memoryLimitBytes", w.memoryLimitBytes());
            ow.put("swapLimitBytes", w.swapLimitBytes());
            ow.put("swapAccounted", w.swapAccounted());
            ow.put("hostSwapBytes", w.hostSwapBytes());
            ow.put("source", w.source());
        }
        return o;
    }

    private ObjectNode hogOutcome(HogOutcome h) {
        if (h == null) {
            return null;
        }
        ObjectNode o = mapper.createObjectNode();
        o.put("fate", h.fate().name());
        o.put("reason", h.reason());
        instant(o, "at", h.at());
        o.put("targetBytes", h.targetBytes());
        o.put("peakBytes", h.peakBytes());
        o.put("reachedTarget", h.reachedTarget());
        o.put("restarts", h.restarts());
        return o;
    }

    ObjectNode outcome(ProbeOutcome outcome) {
        ObjectNode o = mapper.createObjectNode();
        o.put("ok", outcome.ok());
        o.put("latencyMillis", millis(outcome.latency()));
        if (outcome instanceof ProbeOutcome.Success s) {
            o.put("status", s.status());
        } else if (outcome instanceof ProbeOutcome.Failure f) {
            o.put("error", f.error());
        } else if (outcome instanceof ProbeOutcome.Unobserved u) {
            o.put("unobserved", u.reason());
        }
        return o;
    }

    private ObjectNode sample(ArrayNode array, Instant at, Phase phase) {
        ObjectNode o = array.addObject();
        instant(o, "at", at);
        o.put("phase", phase == null ? null : phase.name());
        return o;
    }

    ObjectNode object() {
        return mapper.createObjectNode();
    }

    private ObjectNode strings(Map<String, String> map) {
        ObjectNode o = mapper.createObjectNode();
        map.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> o.put(e.getKey(), e.getValue()));
        return o;
    }

    static void instant(ObjectNode o, String field, Instant at) {
        o.put(field, at == null ? null : at.toString());
    }

    /** Fractional milliseconds keep the nanoseconds, so a report read back equals the one written. */
    static double millis(Duration d) {
        return d.toNanos() / 1e6;
    }
}
