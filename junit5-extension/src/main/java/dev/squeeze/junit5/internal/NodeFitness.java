package dev.squeeze.junit5.internal;

import dev.squeeze.cluster.ChaosCluster;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeCondition;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.client.KubernetesClientException;

import java.util.List;
import java.util.Optional;

/**
 * Whether a shared node is as good as fresh for the next class: a hog run can leave it in MemoryPressure, with
 * evicted pods or a kubelet that restarted with other reservations, and the next class must not inherit that.
 */
final class NodeFitness {

    private NodeFitness() {
    }

    static Optional<String> unfit(ChaosCluster cluster) {
        Node node;
        List<Pod> leftovers;
        try {
            node = cluster.client().nodes().withName(cluster.nodeName()).get();
            leftovers = cluster.client().pods().inAnyNamespace().list().getItems().stream()
                    .filter(p -> !"kube-system".equals(p.getMetadata().getNamespace())).toList();
        } catch (KubernetesClientException e) {
            return Optional.of("its API server did not answer (" + e.getMessage() + ")");
        }
        if (node == null) {
            return Optional.of("node " + cluster.nodeName() + " is gone");
        }
        List<NodeCondition> conditions = node.getStatus().getConditions();
        if (!status(conditions, "Ready").equals("True")) {
            return Optional.of("node " + cluster.nodeName() + " is not Ready (" + status(conditions, "Ready") + ")");
        }
        if (!status(conditions, "MemoryPressure").equals("False")) {
            return Optional.of("node " + cluster.nodeName() + " has MemoryPressure "
                    + status(conditions, "MemoryPressure"));
        }
        long allocatable = Quantity.getAmountInBytes(node.getStatus().getAllocatable().get("memory")).longValue();
        if (allocatable != cluster.facts().allocatableBytes()) {
            return Optional.of("node " + cluster.nodeName() + " has " + allocatable + " bytes allocatable, not the "
                    + cluster.facts().allocatableBytes() + " it started with");
        }
        if (!leftovers.isEmpty()) {
            Pod first = leftovers.get(0);
            return Optional.of(leftovers.size() + " pod(s) of an earlier class are still there, such as "
                    + first.getMetadata().getNamespace() + "/" + first.getMetadata().getName());
        }
        return Optional.empty();
    }

    private static String status(List<NodeCondition> conditions, String type) {
        return conditions.stream().filter(c -> type.equals(c.getType())).map(NodeCondition::getStatus).findFirst()
                .orElse("missing");
    }
}
