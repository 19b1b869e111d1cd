package dev.squeeze.report;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;
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
 * @param wallWorkingSetBytes the node's own working set read from its memory wall (k3s on cgroup v1: the
 *                        {@code /squeeze-<id>} cgroup's {@code memory.usage_in_bytes} minus {@code total_inactive_file},
 *                        as the kubelet computes it); {@code null} when unavailable. On cgroup v1 this, not
 *                        {@code workingSetBytes} (the host's root cgroup there), is the node's memory.
 * @param wallSource      where {@code wallWorkingSetBytes} comes from, such as
 *                        {@code cgroup v1 memory:/squeeze-x usage_in_bytes - total_inactive_file (host /sys/fs/cgroup)},
 *                        or {@code unavailable: <reason>}; {@code null} in reports written before it existed
 * @param psi             memory pressure stall and the wall cgroup's event counters on this tick ({@link PressureStall},
 *                        which says where they come from or why they are unavailable); {@code null} when not read
 * @param memoryPressureSince the MemoryPressure condition's {@code lastTransitionTime} while it is True: when the
 *                        kubelet set it, on the node's clock to the second; {@code null} when False or unknown
 * @param memoryTime      the kubelet's {@code memory.time} of {@code availableBytes}: when its stats were taken, on the
 *                        node's clock to the second; {@code null} when unknown
 * @param notReady        the Ready condition when the node was seen and it was not True, as
 *                        {@code <status> <reason>: <message>}: {@code Unknown NodeStatusUnknown: Kubelet stopped
 *                        posting node status.} once the node-lifecycle controller gave up on a silent kubelet;
 *                        {@code null} when Ready, unobserved, or in reports written before it existed
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record NodeSample(Instant at, Phase phase, String node, boolean ready, boolean memoryPressure,
                         Long availableBytes, Long workingSetBytes, Instant leaseRenewed, String unobserved,
                         Long wallWorkingSetBytes, String wallSource, PressureStall psi, Instant memoryPressureSince,
                         Instant memoryTime, String notReady) {

    /** A tick without the Ready condition's words. */
    public NodeSample(Instant at, Phase phase, String node, boolean ready, boolean memoryPressure,
                      Long availableBytes, Long workingSetBytes, Instant leaseRenewed, String unobserved,
                      Long wallWorkingSetBytes, String wallSource, PressureStall psi, Instant memoryPressureSince,
                      Instant memoryTime) {
        this(at, phase, node, ready, memoryPressure, availableBytes, workingSetBytes, leaseRenewed, unobserved,
                wallWorkingSetBytes, wallSource, psi, memoryPressureSince, memoryTime, null);
    }

    /** A tick without the kubelet's own times. */
    public NodeSample(Instant at, Phase phase, String node, boolean ready, boolean memoryPressure,
                      Long availableBytes, Long workingSetBytes, Instant leaseRenewed, String unobserved,
                      Long wallWorkingSetBytes, String wallSource, PressureStall psi) {
        this(at, phase, node, ready, memoryPressure, availableBytes, workingSetBytes, leaseRenewed, unobserved,
                wallWorkingSetBytes, wallSource, psi, null, null);
    }

    /** A tick without a PSI reading. */
    public NodeSample(Instant at, Phase phase, String node, boolean ready, boolean memoryPressure,
                      Long availableBytes, Long workingSetBytes, Instant leaseRenewed, String unobserved,
                      Long wallWorkingSetBytes, String wallSource) {
        this(at, phase, node, ready, memoryPressure, availableBytes, workingSetBytes, leaseRenewed, unobserved,
                wallWorkingSetBytes, wallSource, null);
    }

    /** A tick on which the node was seen, without a wall reading. */
    public NodeSample(Instant at, Phase phase, String node, boolean ready, boolean memoryPressure,
                      Long availableBytes, Long workingSetBytes, Instant leaseRenewed) {
        this(at, phase, node, ready, memoryPressure, availableBytes, workingSetBytes, leaseRenewed, null);
    }

    /** A tick without a wall reading (the shape before the wall's memory was recorded). */
    public NodeSample(Instant at, Phase phase, String node, boolean ready, boolean memoryPressure,
                      Long availableBytes, Long workingSetBytes, Instant leaseRenewed, String unobserved) {
        this(at, phase, node, ready, memoryPressure, availableBytes, workingSetBytes, leaseRenewed, unobserved, null,
                null);
    }

    /** A scheduled tick on which nobody saw the node, with the reason. */
    public static NodeSample unobserved(Instant at, Phase phase, String node, String reason) {
        return new NodeSample(at, phase, node, false, false, null, null, null, reason);
    }

    /** The same sample with the wall's reading (the node probe reads the wall independently of the API server). */
    public NodeSample withWall(Long wallWorkingSetBytes, String wallSource) {
        return new NodeSample(at, phase, node, ready, memoryPressure, availableBytes, workingSetBytes, leaseRenewed,
                unobserved, wallWorkingSetBytes, wallSource, psi, memoryPressureSince, memoryTime, notReady);
    }

    /** The same sample with the tick's pressure stall reading (read beside the wall, independently of the API). */
    public NodeSample withPsi(PressureStall psi) {
        return new NodeSample(at, phase, node, ready, memoryPressure, availableBytes, workingSetBytes, leaseRenewed,
                unobserved, wallWorkingSetBytes, wallSource, psi, memoryPressureSince, memoryTime, notReady);
    }

    /** The same sample with the kubelet's own times: MemoryPressure's lastTransitionTime and the stats' memory.time. */
    public NodeSample withKubeletTimes(Instant memoryPressureSince, Instant memoryTime) {
        return new NodeSample(at, phase, node, ready, memoryPressure, availableBytes, workingSetBytes, leaseRenewed,
                unobserved, wallWorkingSetBytes, wallSource, psi, memoryPressureSince, memoryTime, notReady);
    }

    /** The same sample with the Ready condition's words when it is not True ({@code null} when it is). */
    public NodeSample withNotReady(String notReady) {
        return new NodeSample(at, phase, node, ready, memoryPressure, availableBytes, workingSetBytes, leaseRenewed,
                unobserved, wallWorkingSetBytes, wallSource, psi, memoryPressureSince, memoryTime, notReady);
    }

    /** Whether the node was seen on this tick. */
    public boolean observed() {
        return unobserved == null;
    }
}
