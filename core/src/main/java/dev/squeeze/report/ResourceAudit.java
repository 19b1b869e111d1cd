package dev.squeeze.report;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;
import java.util.ArrayList;
import java.util.List;

/**
 * The workload's memory requests and limits as deployed (read back from the API server once the workload was Ready,
 * before pressure), against the allocatable and capacity memory of the nodes its pods run on. Each node is judged by
 * the pods on it; the ratios are those of the fullest node (on one node, simply that node's).
 *
 * <!-- sample(ChaosReport report) -->
 * <pre>{@code
 * ResourceAudit a = report.cluster().resources();
 * a.limitsOverAllocatable();   // 1.33: the fullest node's pods' limits are 133% of its allocatable memory
 * a.fullestNode().node();      // "k3s-node"
 * }</pre>
 *
 * @param node             the target node (the one the hog runs on)
 * @param allocatableBytes the target node's status.allocatable.memory
 * @param capacityBytes    the target node's status.capacity.memory
 * @param pods             every watched workload pod
 * @param nodes            every node with a watched pod, and the target; a pod on no listed node counts on the target
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record ResourceAudit(String node, long allocatableBytes, long capacityBytes, List<PodResources> pods,
                            List<NodeMemory> nodes) {

    public ResourceAudit {
        pods = List.copyOf(pods);
        List<NodeMemory> all = new ArrayList<>(nodes == null ? List.of() : nodes);
        if (all.stream().noneMatch(n -> n.node().equals(node))) {
            all.add(0, new NodeMemory(node, allocatableBytes, capacityBytes));
        }
        nodes = List.copyOf(all);
    }

    /** An audit of pods on the target node alone. */
    public ResourceAudit(String node, long allocatableBytes, long capacityBytes, List<PodResources> pods) {
        this(node, allocatableBytes, capacityBytes, pods, null);
    }

    /**
     * One node's memory, as its Node object says.
     *
     * @param allocatableBytes status.allocatable.memory
     * @param capacityBytes    status.capacity.memory
     */
    public record NodeMemory(String node, long allocatableBytes, long capacityBytes) {
    }

    /**
     * One pod's effective memory request and limit, by Kubernetes' rule: the sum over its containers and native
     * sidecars (init containers with {@code restartPolicy: Always}), or, when higher, an init container's value plus
     * the sidecars started before it.
     *
     * @param qos                     pod.status.qosClass ({@code Guaranteed}, {@code Burstable}, {@code BestEffort})
     * @param limitsBytes             0 when some container has no limit (the pod is unbounded)
     * @param containersWithoutLimits the containers without a memory limit
     */
    public record PodResources(String name, String node, String qos, long requestsBytes, long limitsBytes,
                               List<String> containersWithoutLimits) {

        public PodResources {
            containersWithoutLimits = List.copyOf(containersWithoutLimits);
        }

        public boolean unbounded() {
            return !containersWithoutLimits.isEmpty();
        }
    }

    public long requestsBytes() {
        return pods.stream().mapToLong(PodResources::requestsBytes).sum();
    }

    /** Summed limits of the pods that have them (unbounded pods are counted by {@link #unboundedPods()}). */
    public long limitsBytes() {
        return pods.stream().mapToLong(PodResources::limitsBytes).sum();
    }

    public List<PodResources> unboundedPods() {
        return pods.stream().filter(PodResources::unbounded).toList();
    }

    /** The pods on {@code n}: those bound to it, and for the target also those on no listed node. */
    public List<PodResources> podsOn(NodeMemory n) {
        return pods.stream().filter(p -> n.node().equals(p.node())
                || (n.node().equals(node) && nodes.stream().noneMatch(o -> o.node().equals(p.node())))).toList();
    }

    /** Summed limits of the pods on {@code n}. */
    public long limitsBytesOn(NodeMemory n) {
        return podsOn(n).stream().mapToLong(PodResources::limitsBytes).sum();
    }

    /** The node whose pods' limits take the largest share of its allocatable memory (the target on a tie). */
    public NodeMemory fullestNode() {
        NodeMemory fullest = nodes.get(0);
        for (NodeMemory n : nodes) {
            if (ratio(limitsBytesOn(n), n.allocatableBytes()) > ratio(limitsBytesOn(fullest), fullest.allocatableBytes())) {
                fullest = n;
            }
        }
        return fullest;
    }

    /** The pods' limits over their node's allocatable memory, on the fullest node. */
    public double limitsOverAllocatable() {
        return nodes.stream().mapToDouble(n -> ratio(limitsBytesOn(n), n.allocatableBytes())).max().orElse(0);
    }

    /** The pods' requests over their node's allocatable memory, on the node where that is highest. */
    public double requestsOverAllocatable() {
        return nodes.stream().mapToDouble(n -> ratio(podsOn(n).stream().mapToLong(PodResources::requestsBytes).sum(),
                n.allocatableBytes())).max().orElse(0);
    }

    /** The pods' limits over their node's capacity, on the node where that is highest. */
    public double limitsOverCapacity() {
        return nodes.stream().mapToDouble(n -> ratio(limitsBytesOn(n), n.capacityBytes())).max().orElse(0);
    }

    private static double ratio(long a, long b) {
        return b <= 0 ? 0 : (double) a / b;
    }
}
