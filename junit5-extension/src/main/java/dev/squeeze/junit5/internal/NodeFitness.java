package dev.squeeze.junit5.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.squeeze.cluster.ChaosCluster;
import io.fabric8.kubernetes.api.model.ContainerStateTerminated;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeCondition;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.client.KubernetesClientException;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * Whether a shared node is as good as fresh for the next class: a hog run can leave it in MemoryPressure, with
 * evicted pods, a kubelet that restarted with other reservations, or a damaged kube-system (CoreDNS restarted or
 * OOM-killed), and the next class must not inherit that: its {@code systemPods()} assertions would judge the earlier
 * class's damage.
 *
 * <pre>{@code
 * Optional<String> why = NodeFitness.judge("k3s-1", node, pods, startAllocatable, firstLent);
 * }</pre>
 */
@API(status = INTERNAL, since = "0.1")
public final class NodeFitness {

    private static final String KUBE_SYSTEM = "kube-system";

    private NodeFitness() {
    }

    /** Reads the node and every pod back, then {@linkplain #judge judges} them. */
    static Optional<String> unfit(ChaosCluster cluster, Instant lentSince) {
        Node node;
        List<Pod> pods;
        try {
            node = cluster.client().nodes().withName(cluster.nodeName()).get();
            pods = cluster.client().pods().inAnyNamespace().list().getItems();
        } catch (KubernetesClientException e) {
            return Optional.of("its API server did not answer (" + e.getMessage() + ")");
        }
        return judge(cluster.nodeName(), node, pods, cluster.facts().allocatableBytes(), lentSince);
    }

    /**
     * Why the node is unfit, or empty when it is as good as fresh.
     *
     * @param node               the Node object, {@code null} when it is gone
     * @param pods               every pod of the cluster
     * @param allocatableAtStart the allocatable memory the node started with
     * @param lentSince          when the node was first lent: a kube-system container that terminated since then was
     *                           restarted by a class (one that restarted while the node booted was not)
     */
    public static Optional<String> judge(String nodeName, Node node, List<Pod> pods, long allocatableAtStart,
                                         Instant lentSince) {
        if (node == null) {
            return Optional.of("node " + nodeName + " is gone");
        }
        List<NodeCondition> conditions = node.getStatus().getConditions();
        if (!status(conditions, "Ready").equals("True")) {
            return Optional.of("node " + nodeName + " is not Ready (" + status(conditions, "Ready") + ")");
        }
        if (!status(conditions, "MemoryPressure").equals("False")) {
            return Optional.of("node " + nodeName + " has MemoryPressure " + status(conditions, "MemoryPressure"));
        }
        long allocatable = Quantity.getAmountInBytes(node.getStatus().getAllocatable().get("memory")).longValue();
        if (allocatable != allocatableAtStart) {
            return Optional.of("node " + nodeName + " has " + allocatable + " bytes allocatable, not the "
                    + allocatableAtStart + " it started with");
        }
        List<Pod> leftovers = pods.stream().filter(p -> !KUBE_SYSTEM.equals(p.getMetadata().getNamespace())).toList();
        if (!leftovers.isEmpty()) {
            Pod first = leftovers.get(0);
            return Optional.of(leftovers.size() + " pod(s) of an earlier class are still there, such as "
                    + first.getMetadata().getNamespace() + "/" + first.getMetadata().getName());
        }
        List<String> damage = new ArrayList<>();
        for (Pod p : pods) {
            damage(p, lentSince).ifPresent(d -> damage.add(KUBE_SYSTEM + "/" + p.getMetadata().getName() + " " + d));
        }
        if (!damage.isEmpty()) {
            return Optional.of("kube-system was damaged by an earlier class: " + String.join("; ", damage));
        }
        return Optional.empty();
    }

    /** What is wrong with one kube-system pod; a finished one (k3s's helm-install jobs) is fine. */
    private static Optional<String> damage(Pod p, Instant lentSince) {
        String phase = p.getStatus() == null ? null : p.getStatus().getPhase();
        if ("Succeeded".equals(phase)) {
            return Optional.empty();
        }
        if ("Failed".equals(phase)) {
            String reason = p.getStatus().getReason();
            return Optional.of("is Failed" + (reason == null ? "" : " (" + reason + ")"));
        }
        List<ContainerStatus> containers = p.getStatus() == null || p.getStatus().getContainerStatuses() == null
                ? List.of() : p.getStatus().getContainerStatuses();
        for (ContainerStatus c : containers) {
            ContainerStateTerminated last = c.getLastState() == null ? null : c.getLastState().getTerminated();
            if (last != null && (last.getFinishedAt() == null
                    || !Instant.parse(last.getFinishedAt()).isBefore(lentSince))) {
                return Optional.of("restarted: container " + c.getName() + " terminated (" + last.getReason()
                        + (last.getFinishedAt() == null ? "" : " at " + last.getFinishedAt())
                        + ") after the node was first lent at " + lentSince);
            }
        }
        boolean ready = p.getStatus() != null && p.getStatus().getConditions() != null && p.getStatus().getConditions()
                .stream().anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
        return ready ? Optional.empty() : Optional.of("is not Ready (" + phase + ")");
    }

    private static String status(List<NodeCondition> conditions, String type) {
        return conditions.stream().filter(c -> type.equals(c.getType())).map(NodeCondition::getStatus).findFirst()
                .orElse("missing");
    }
}
