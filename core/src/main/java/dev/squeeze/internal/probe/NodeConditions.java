package dev.squeeze.internal.probe;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeCondition;

import java.time.Instant;

/** What a Node object's conditions say, as {@link NodeProbe} and {@link ClusterNodesProbe} record it each tick. */
final class NodeConditions {

    private NodeConditions() {
    }

    /** The MemoryPressure condition's lastTransitionTime while it is True (the kubelet's clock, to the second). */
    static Instant pressureSince(Node node) {
        if (node.getStatus() == null || node.getStatus().getConditions() == null) {
            return null;
        }
        return node.getStatus().getConditions().stream()
                .filter(c -> "MemoryPressure".equals(c.getType()) && "True".equals(c.getStatus())
                        && c.getLastTransitionTime() != null)
                .map(c -> {
                    try {
                        return java.time.OffsetDateTime.parse(c.getLastTransitionTime()).toInstant();
                    } catch (java.time.format.DateTimeParseException e) {
                        return null;
                    }
                })
                .filter(java.util.Objects::nonNull).findFirst().orElse(null);
    }

    /**
     * The Ready condition when it is not True, as {@code <status> <reason>: <message>} (the node-lifecycle
     * controller's {@code Unknown NodeStatusUnknown: Kubelet stopped posting node status.}); {@code null} when True.
     */
    static String notReady(Node node) {
        if (node.getStatus() == null || node.getStatus().getConditions() == null) {
            return "no Ready condition";
        }
        return node.getStatus().getConditions().stream().filter(c -> "Ready".equals(c.getType()))
                .filter(c -> !"True".equals(c.getStatus())).findFirst()
                .map(c -> c.getStatus() + " " + c.getReason() + ": " + c.getMessage()).orElse(null);
    }

    /** The condition {@code type} is True. */
    static boolean isTrue(Node node, String type) {
        if (node.getStatus() == null || node.getStatus().getConditions() == null) {
            return false;
        }
        return node.getStatus().getConditions().stream()
                .filter(c -> type.equals(c.getType()))
                .map(NodeCondition::getStatus)
                .anyMatch("True"::equals);
    }
}
