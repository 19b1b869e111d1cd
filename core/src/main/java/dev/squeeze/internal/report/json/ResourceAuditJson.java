package dev.squeeze.internal.report.json;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;
import dev.squeeze.report.ResourceAudit;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Writes a {@link ResourceAudit} as {@code cluster.resources} and {@code summary.resources}, and reads it back. */
@API(status = INTERNAL, since = "0.1")
public final class ResourceAuditJson {

    private ResourceAuditJson() {
    }

    /** Writes the audit into {@code o}: totals and ratios first, then one entry per pod. */
    static void encode(ResourceAudit a, ObjectNode o) {
        o.put("node", a.node());
        o.put("requestsBytes", a.requestsBytes());
        o.put("limitsBytes", a.limitsBytes());
        o.put("allocatableBytes", a.allocatableBytes());
        o.put("capacityBytes", a.capacityBytes());
        o.put("limitsOverAllocatable", a.limitsOverAllocatable());
        o.put("requestsOverAllocatable", a.requestsOverAllocatable());
        o.put("limitsOverCapacity", a.limitsOverCapacity());
        ArrayNode nodes = o.putArray("nodes");
        for (ResourceAudit.NodeMemory n : a.nodes()) {
            ObjectNode on = nodes.addObject();
            on.put("node", n.node());
            on.put("allocatableBytes", n.allocatableBytes());
            on.put("capacityBytes", n.capacityBytes());
            on.put("limitsBytes", a.limitsBytesOn(n));
        }
        ArrayNode pods = o.putArray("pods");
        for (ResourceAudit.PodResources p : a.pods()) {
            ObjectNode op = pods.addObject();
            op.put("name", p.name());
            op.put("node", p.node());
            op.put("qos", p.qos());
            op.put("requestsBytes", p.requestsBytes());
            op.put("limitsBytes", p.limitsBytes());
            ArrayNode without = op.putArray("containersWithoutLimits");
            p.containersWithoutLimits().forEach(without::add);
        }
    }

    /** The audit {@link #encode} wrote, {@code null} when {@code o} is missing (a report without an audit). */
    static ResourceAudit decode(JsonNode o) {
        if (o.isMissingNode() || o.isNull()) {
            return null;
        }
        List<ResourceAudit.PodResources> pods = new ArrayList<>();
        for (JsonNode p : o.path("pods").values()) {
            List<String> without = new ArrayList<>();
            p.path("containersWithoutLimits").values().forEach(n -> without.add(n.asString()));
            pods.add(new ResourceAudit.PodResources(text(p, "name"), text(p, "node"), text(p, "qos"),
                    p.path("requestsBytes").asLong(), p.path("limitsBytes").asLong(), without));
        }
        List<ResourceAudit.NodeMemory> nodes = new ArrayList<>();
        for (JsonNode n : o.path("nodes").values()) {
            nodes.add(new ResourceAudit.NodeMemory(text(n, "node"), n.path("allocatableBytes").asLong(),
                    n.path("capacityBytes").asLong()));
        }
        return new ResourceAudit(text(o, "node"), o.path("allocatableBytes").asLong(), o.path("capacityBytes").asLong(),
                pods, nodes);
    }

    private static String text(JsonNode o, String field) {
        JsonNode n = o.path(field);
        return n.isMissingNode() || n.isNull() ? null : n.asString();
    }
}
