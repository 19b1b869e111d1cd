package dev.squeeze.report;

import java.time.Instant;

/**
 * The node as seen on one tick. Memory numbers come from the kubelet's {@code /stats/summary}; they are
 * {@code null} when the kubelet did not answer in time (itself a symptom worth seeing).
 *
 * @param ready           the node's Ready condition is True
 * @param memoryPressure  the node's MemoryPressure condition is True
 * @param availableBytes  {@code memory.availableBytes} of the node summary: what the eviction signal compares
 * @param workingSetBytes {@code memory.workingSetBytes} of the node summary
 * @param leaseRenewed    the node Lease's renewTime (the kubelet's heartbeat), {@code null} if unknown
 * @param unobserved      {@code null} when the node was seen on this tick; otherwise why it was not (the API server did
 *                        not answer in time, the tick was skipped, the sample was still in flight at close). An
 *                        unobserved tick has not shown the node Ready: it counts against readiness.
 */
public record NodeSample(Instant at, Phase phase, String node, boolean ready, boolean memoryPressure,
                         Long availableBytes, Long workingSetBytes, Instant leaseRenewed, String unobserved) {

    /** A tick on which the node was seen. */
    public NodeSample(Instant at, Phase phase, String node, boolean ready, boolean memoryPressure,
                      Long availableBytes, Long workingSetBytes, Instant leaseRenewed) {
        this(at, phase, node, ready, memoryPressure, availableBytes, workingSetBytes, leaseRenewed, null);
    }

    /** A scheduled tick on which nobody saw the node, with the reason. */
    public static NodeSample unobserved(Instant at, Phase phase, String node, String reason) {
        return new NodeSample(at, phase, node, false, false, null, null, null, reason);
    }

    /** Whether the node was seen on this tick. */
    public boolean observed() {
        return unobserved == null;
    }
}
