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
 */
public record NodeSample(Instant at, Phase phase, String node, boolean ready, boolean memoryPressure,
                         Long availableBytes, Long workingSetBytes, Instant leaseRenewed) {
}
