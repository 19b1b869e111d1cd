package dev.squeeze.internal.probe;

import dev.squeeze.cluster.ChaosCluster;
import org.apiguardian.api.API;

/**
 * A cluster whose node's own memory (its memory wall) Squeeze can read on every tick: the k3s node Squeeze
 * started. An existing cluster has none, and the report then says the node's memory is unavailable rather than
 * showing the kubelet's root cgroup.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public interface NodeMemoryProvider {

    /** Where the node's memory at its wall (k3s and its pods together) is read. */
    NodeMemorySource nodeMemory();

    /** The node memory source of {@code cluster}, or an unavailable one that says why. */
    static NodeMemorySource of(ChaosCluster cluster) {
        return cluster instanceof NodeMemoryProvider p ? p.nodeMemory()
                : NodeMemorySource.unavailable("an existing cluster's nodes have no memory wall Squeeze can read;"
                        + " the kubelet's /stats/summary is the only source");
    }
}
