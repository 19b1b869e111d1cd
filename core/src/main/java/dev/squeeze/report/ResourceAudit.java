package dev.squeeze.report;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;
import java.util.List;

/**
 * The workload's memory requests and limits as deployed (read back from the API server once the workload was Ready,
 * before pressure), against the target node's allocatable and capacity memory.
 *
 * @param node             the node the audit compares against
 * @param allocatableBytes Node status.allocatable.memory
 * @param capacityBytes    Node status.capacity.memory
 * @param pods             every watched workload pod
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record ResourceAudit(String node, long allocatableBytes, long capacityBytes, List<PodResources> pods) {

    public ResourceAudit {
        pods = List.copyOf(pods);
    }

    /**
     * One pod's effective memory request and limit: the sum over its containers, or the largest init container's
     * value when that is higher (Kubernetes' effective-request rule).
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

    public double limitsOverAllocatable() {
        return ratio(limitsBytes(), allocatableBytes);
    }

    public double requestsOverAllocatable() {
        return ratio(requestsBytes(), allocatableBytes);
    }

    public double limitsOverCapacity() {
        return ratio(limitsBytes(), capacityBytes);
    }

    private static double ratio(long a, long b) {
        return b <= 0 ? 0 : (double) a / b;
    }
}
