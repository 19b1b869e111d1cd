package dev.squeeze.report;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;
import java.util.List;

/**
 * What the experiment ran on, read back from the cluster (not just what was asked for).
 *
 * @param kind               {@code k3s} (a throwaway node started by Squeeze) or {@code existing}
 * @param version            the kubelet/server version, such as {@code v1.34.4+k3s1}
 * @param memoryModel        one line naming the memory model in force, such as
 *                           {@code physical wall: cgroup v1 parent memory.limit_in_bytes=2Gi shared by k3s and pods}
 *                           or {@code kubelet accounting only (no physical wall)}
 * @param declaredBytes      the node size N the user declared, 0 on an existing cluster
 * @param capacityBytes      Node status.capacity.memory
 * @param allocatableBytes   Node status.allocatable.memory
 * @param kubepodsLimitBytes the kubepods cgroup memory limit, {@code null} where it cannot be read
 * @param evictionThresholdBytes the memory.available eviction threshold, 0 when memory eviction is off
 * @param kubeletArgs        the kubelet arguments Squeeze passed
 * @param k3sMemoryBytes     what k3s itself used after kube-system was Ready (working set of its cgroup),
 *                           {@code null} where it was not measured (an existing cluster)
 * @param resources          the workload's memory requests and limits at steady state, {@code null} before it
 * @param wall               the node's memory wall read back (memory and swap limit, hard or soft), {@code null}
 *                           where Squeeze did not start the node (an existing cluster)
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record ClusterFacts(String kind, String version, String node, String memoryModel, long declaredBytes,
                           long capacityBytes, long allocatableBytes, Long kubepodsLimitBytes,
                           long evictionThresholdBytes, List<String> kubeletArgs, Long k3sMemoryBytes,
                           ResourceAudit resources, WallLimits wall) {

    public ClusterFacts {
        kubeletArgs = List.copyOf(kubeletArgs);
    }

    /** Facts without a wall read back. */
    public ClusterFacts(String kind, String version, String node, String memoryModel, long declaredBytes,
                        long capacityBytes, long allocatableBytes, Long kubepodsLimitBytes,
                        long evictionThresholdBytes, List<String> kubeletArgs, Long k3sMemoryBytes,
                        ResourceAudit resources) {
        this(kind, version, node, memoryModel, declaredBytes, capacityBytes, allocatableBytes, kubepodsLimitBytes,
                evictionThresholdBytes, kubeletArgs, k3sMemoryBytes, resources, null);
    }

    /** These facts with the node's memory wall read back. */
    public ClusterFacts withWall(WallLimits limits) {
        return new ClusterFacts(kind, version, node, memoryModel, declaredBytes, capacityBytes, allocatableBytes,
                kubepodsLimitBytes, evictionThresholdBytes, kubeletArgs, k3sMemoryBytes, resources, limits);
    }

    /** Facts without a resource audit. */
    public ClusterFacts(String kind, String version, String node, String memoryModel, long declaredBytes,
                        long capacityBytes, long allocatableBytes, Long kubepodsLimitBytes,
                        long evictionThresholdBytes, List<String> kubeletArgs, Long k3sMemoryBytes) {
        this(kind, version, node, memoryModel, declaredBytes, capacityBytes, allocatableBytes, kubepodsLimitBytes,
                evictionThresholdBytes, kubeletArgs, k3sMemoryBytes, null);
    }

    /** These facts with the workload's resource audit. */
    public ClusterFacts withResources(ResourceAudit audit) {
        return new ClusterFacts(kind, version, node, memoryModel, declaredBytes, capacityBytes, allocatableBytes,
                kubepodsLimitBytes, evictionThresholdBytes, kubeletArgs, k3sMemoryBytes, audit, wall);
    }

    /** Facts without a measurement of k3s's own memory. */
    public ClusterFacts(String kind, String version, String node, String memoryModel, long declaredBytes,
                        long capacityBytes, long allocatableBytes, Long kubepodsLimitBytes,
                        long evictionThresholdBytes, List<String> kubeletArgs) {
        this(kind, version, node, memoryModel, declaredBytes, capacityBytes, allocatableBytes, kubepodsLimitBytes,
                evictionThresholdBytes, kubeletArgs, null, null);
    }
}
