package dev.squeeze.internal.probe;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;
import dev.squeeze.report.PressureStall;

/**
 * The node's own memory use, read where the node's memory wall is, once per tick. On cgroup v1 the kubelet's
 * {@code /stats/summary} node numbers describe the host's root cgroup (a 2 GiB node on a 4 GiB host shows 3.5 GiB),
 * so a k3s node Squeeze started reads its wall's cgroup instead; an existing cluster has no such source.
 *
 * <!-- sample(ChaosCluster cluster) -->
 * <pre>{@code
 * NodeMemorySource.Reading r = cluster.nodeMemory().read();
 * r.workingSetBytes();   // null when unavailable
 * r.source();            // "cgroup v1 memory:/squeeze-... usage_in_bytes - total_inactive_file" or "unavailable: ..."
 * }</pre>
 */
@FunctionalInterface
@API(status = INTERNAL, since = "0.1")
public interface NodeMemorySource {

    /** Prefix of {@link Reading#source()} when there is no number. */
    String UNAVAILABLE = "unavailable: ";

    /**
     * One reading.
     *
     * @param workingSetBytes usage minus inactive file pages, as the kubelet computes a working set; {@code null} when
     *                        unavailable
     * @param source          where the number comes from, or {@code unavailable: <reason>}
     */
    record Reading(Long workingSetBytes, String source) {
        public static Reading unavailable(String reason) {
            return new Reading(null, UNAVAILABLE + reason);
        }
    }

    /** Reads now; never throws (an unreadable source is a reading saying why). */
    Reading read();

    /**
     * The node's memory pressure stall and its memory cgroup's event counters now ({@link PressureStall}); never
     * throws. Without host files (an existing cluster's remote node) it is unavailable with the reason.
     */
    default PressureStall pressure() {
        return PressureStall.unavailable(NO_HOST_FILES);
    }

    /** Why a node without host files has no PSI. */
    String NO_HOST_FILES = "remote node, no host files";

    /** A source that is never available, for {@code reason}. */
    static NodeMemorySource unavailable(String reason) {
        Reading r = Reading.unavailable(reason);
        return () -> r;
    }
}
