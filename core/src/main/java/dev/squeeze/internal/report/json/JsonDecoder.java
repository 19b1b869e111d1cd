package dev.squeeze.internal.report.json;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.squeeze.report.WallLimits;
import org.apiguardian.api.API;
import dev.squeeze.report.ApiSample;
import dev.squeeze.report.ChaosReport;
import dev.squeeze.report.ClusterFacts;
import dev.squeeze.report.ClusterNode;
import dev.squeeze.report.EventRecord;
import dev.squeeze.report.HogFate;
import dev.squeeze.report.HogOutcome;
import dev.squeeze.report.HogSample;
import dev.squeeze.report.HttpSample;
import dev.squeeze.report.NodeSample;
import dev.squeeze.report.Phase;
import dev.squeeze.report.PhaseSpan;
import dev.squeeze.report.PodRole;
import dev.squeeze.report.PodSample;
import dev.squeeze.report.ProbeOutcome;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;

/** Reads the JSON tree {@link JsonEncoder} wrote back into a report; the {@code summary} block is derived and ignored. */
@API(status = INTERNAL, since = "0.1")
public final class JsonDecoder {

    ChaosReport decode(JsonNode root, String source) {
        int version = root.path("schemaVersion").asInt(-1);
        if (version < JsonEncoder.OLDEST_READABLE_VERSION || version > JsonEncoder.SCHEMA_VERSION) {
            throw new IllegalArgumentException("Squeeze report " + source + " has schemaVersion " + version
                    + " but this version of Squeeze reads schemaVersion " + JsonEncoder.OLDEST_READABLE_VERSION
                    + " to " + JsonEncoder.SCHEMA_VERSION + "; read it with the Squeeze version that wrote it");
        }
        return new ChaosReport(text(root, "name"), instant(root, "started"), instant(root, "finished"),
                cluster(root.path("cluster")), text(root, "hogSpec"),
                list(root, "phases", o -> new PhaseSpan(Phase.valueOf(text(o, "phase")), instant(o, "start"),
                        instant(o, "end"), o.path("completed").asBoolean(), text(o, "outcome"))),
                list(root, "api", o -> new ApiSample(instant(o, "at"), phase(o), outcome(o.path("fresh")),
                        outcome(o.path("pooled")))),
                list(root, "node", JsonDecoder::nodeSample),
                list(root, "pods", o -> new PodSample(instant(o, "at"), phase(o), text(o, "namespace"),
                        text(o, "name"), PodRole.valueOf(text(o, "role")), text(o, "podPhase"),
                        o.path("ready").asBoolean(), o.path("restarts").asInt(), text(o, "lastTermination"),
                        longOrNull(o, "workingSetBytes"), strings(o.path("labels")), text(o, "node"))),
                list(root, "hog", o -> new HogSample(instant(o, "at"), text(o, "eaterPhase"),
                        o.path("targetBytes").asLong(), o.path("touchedBytes").asLong(), o.path("rssBytes").asLong())),
                list(root, "events", o -> new EventRecord(instant(o, "at"), text(o, "type"), text(o, "reason"),
                        text(o, "objectKind"), text(o, "namespace"), text(o, "objectName"), text(o, "message"),
                        strings(o.path("annotations")), text(o, "clock"))),
                list(root, "http", o -> new HttpSample(instant(o, "at"), phase(o), outcome(o.path("outcome")))),
                hogOutcome(root.path("hogOutcome")),
                list(root, "notes", JsonNode::asString),
                list(root, "clusterNodes", o -> new ClusterNode(text(o, "name"), list(o, "roles", JsonNode::asString),
                        o.path("target").asBoolean(), longOrNull(o, "capacityBytes"),
                        longOrNull(o, "allocatableBytes"))),
                list(root, "otherNodes", JsonDecoder::nodeSample));
    }

    private static NodeSample nodeSample(JsonNode o) {
        return new NodeSample(instant(o, "at"), phase(o), text(o, "node"),
                o.path("ready").asBoolean(), o.path("memoryPressure").asBoolean(),
                longOrNull(o, "availableBytes"), longOrNull(o, "workingSetBytes"),
                instant(o, "leaseRenewed"), text(o, "unobserved"), longOrNull(o, "wallWorkingSetBytes"),
                text(o, "wallSource"), PsiJson.sample(o.path("psi")), instant(o, "memoryPressureSince"),
                instant(o, "memoryTime"), text(o, "notReady"));
    }

    private static ClusterFacts cluster(JsonNode o) {
        if (o.isMissingNode() || o.isNull() || o.isEmpty()) {
            return null;
        }
        return new ClusterFacts(text(o, "kind"), text(o, "version"), text(o, "node"), text(o, "memoryModel"),
                o.path("declaredBytes").asLong(), o.path("capacityBytes").asLong(), o.path("allocatableBytes").asLong(),
                longOrNull(o, "kubepodsLimitBytes"), o.path("evictionThresholdBytes").asLong(),
                list(o, "kubeletArgs", JsonNode::asString), longOrNull(o, "k3sMemoryBytes"),
                ResourceAuditJson.decode(o.path("resources")), wall(o.path("wall")));
    }

    private static WallLimits wall(JsonNode w) {
        if (w.isMissingNode() || w.isNull()) {
            return null;
        }
        return new WallLimits(longOrNull(w, "memoryLimitBytes"), longOrNull(w, "swapLimitBytes"),
                w.path("swapAccounted").asBoolean(), w.path("hostSwapBytes").asLong(), w.path("hard").asBoolean(),
                text(w, "reason"), text(w, "source"));
    }

    private static HogOutcome hogOutcome(JsonNode o) {
        if (o.isMissingNode() || o.isNull()) {
            return null;
        }
        return new HogOutcome(HogFate.valueOf(text(o, "fate")), text(o, "reason"), instant(o, "at"),
                o.path("targetBytes").asLong(), o.path("peakBytes").asLong(), o.path("reachedTarget").asBoolean(),
                o.path("restarts").asInt());
    }

    private static ProbeOutcome outcome(JsonNode o) {
        Duration latency = Duration.ofNanos(Math.round(o.path("latencyMillis").asDouble() * 1e6));
        String unobserved = text(o, "unobserved");
        if (unobserved != null) {
            return new ProbeOutcome.Unobserved(latency, unobserved);
        }
        return o.path("ok").asBoolean()
                ? ProbeOutcome.success(latency, o.path("status").asInt())
                : ProbeOutcome.failure(latency, text(o, "error"));
    }

    private static Phase phase(JsonNode o) {
        String phase = text(o, "phase");
        return phase == null ? null : Phase.valueOf(phase);
    }

    private static <T> List<T> list(JsonNode parent, String field, Function<JsonNode, T> element) {
        List<T> out = new ArrayList<>();
        parent.path(field).values().forEach(n -> out.add(element.apply(n)));
        return out;
    }

    private static Map<String, String> strings(JsonNode o) {
        Map<String, String> out = new LinkedHashMap<>();
        o.properties().forEach(e -> out.put(e.getKey(), e.getValue().asString()));
        return out;
    }

    private static String text(JsonNode o, String field) {
        JsonNode n = o.path(field);
        return n.isMissingNode() || n.isNull() ? null : n.asString();
    }

    private static Long longOrNull(JsonNode o, String field) {
        JsonNode n = o.path(field);
        return n.isMissingNode() || n.isNull() ? null : n.asLong();
    }

    private static Instant instant(JsonNode o, String field) {
        String text = text(o, field);
        return text == null ? null : Instant.parse(text);
    }
}
