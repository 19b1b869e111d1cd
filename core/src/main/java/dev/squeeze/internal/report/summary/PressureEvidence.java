package dev.squeeze.internal.report.summary;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;
import dev.squeeze.report.ApiSample;
import dev.squeeze.report.ChaosReport;
import dev.squeeze.report.EventRecord;
import dev.squeeze.report.HogFate;
import dev.squeeze.report.HogOutcome;
import dev.squeeze.report.NodeSample;
import dev.squeeze.report.Phase;
import dev.squeeze.report.PhaseSpan;
import dev.squeeze.report.ProbeOutcome;
import dev.squeeze.units.MemorySize;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Signs that the node itself ran short of memory once pressure began: the kubelet's MemoryPressure, an eviction for
 * memory, a kernel OOM kill of the node (SystemOOM, OOMKilling), memory.available below the eviction threshold, the
 * node's memory wall 95% full, or the API server starving (more than {@value SignalCoverage#TOLERATED_GAP_TICKS}
 * failed ticks in a row) while the node's own memory was short (wall {@value #WALL_SHORT_PERCENT}% full, or memory
 * PSI some avg10 at least {@value #PSI_SHORT_PERCENT}%). Each is something the node did, not something the hog said,
 * so it shows pressure was real even when the hog was stopped before its target, or when its progress could no longer
 * be read because the API server stopped answering. Not evidence: failed API ticks alone (a starved CPU, another
 * class starting its node, fail the same way), and a container OOM-killed by its own memory limit (its cgroup's
 * limit, not the node's memory; the kubelet says SystemOOM when the node's OOM killer ran).
 */
@API(status = INTERNAL, since = "0.1")
public final class PressureEvidence {

    /** Node events that say the kernel OOM killer ran (kubelet's SystemOOM, node-problem-detector's OOMKilling). */
    private static final Set<String> OOM_EVENTS = Set.of("SystemOOM", "OOMKilling");

    /** How full the node's memory wall must be to count as pressure: 95%. */
    static final int WALL_FULL_PERCENT = 95;
    /** How full the wall must be for failing API ticks to count as memory starvation: 90%. */
    static final int WALL_SHORT_PERCENT = 90;
    /** The memory PSI (some avg10) at which failing API ticks count as memory starvation: 10%. */
    static final double PSI_SHORT_PERCENT = 10.0;

    private PressureEvidence() {
    }

    /** The first sign, as one line ({@code MemoryPressure at +00:14}), or empty when the node showed none. */
    static Optional<String> first(ChaosReport r) {
        Instant from = r.phases().stream().filter(p -> p.phase() == Phase.PRESSURE).findFirst()
                .map(PhaseSpan::start).orElse(null);
        if (from == null) {
            return Optional.empty();
        }
        Instant o = r.started();
        for (NodeSample s : r.node()) {
            if (!s.at().isBefore(from) && s.observed() && s.memoryPressure()) {
                return Optional.of("MemoryPressure on " + s.node() + " at " + Timeline.offset(o, s.at()));
            }
        }
        for (EventRecord e : r.events()) {
            if (e.at() == null || e.at().isBefore(from)) {
                continue;
            }
            if ("Evicted".equals(e.reason()) && "memory".equals(e.annotations().get("starved_resource"))) {
                return Optional.of("eviction of " + e.objectName() + " for memory at " + Timeline.offset(o, e.at()));
            }
            if (OOM_EVENTS.contains(e.reason())) {
                return Optional.of(e.reason() + " at " + Timeline.offset(o, e.at()) + ": " + e.message());
            }
        }
        long threshold = r.cluster() == null ? 0 : r.cluster().evictionThresholdBytes();
        for (NodeSample s : r.node()) {
            if (threshold > 0 && !s.at().isBefore(from) && s.availableBytes() != null
                    && s.availableBytes() < threshold) {
                // below, as the kubelet compares (memory.available<200Mi) and ReactionTimes does
                return Optional.of("memory.available " + human(s.availableBytes()) + " below the eviction "
                        + "threshold " + human(threshold) + " at " + Timeline.offset(o, s.at()));
            }
        }
        Optional<String> wallFull = wallFull(r, from);
        return wallFull.isPresent() ? wallFull : apiStarved(r, from);
    }

    /**
     * The node's own memory wall (the k3s container's cgroup limit) at least {@value #WALL_FULL_PERCENT}% full: the
     * kernel is reclaiming from everything on the node, the kubelet's thresholds aside. Only where the wall is read
     * (a throwaway k3s node); an existing node has no wall reading.
     */
    private static Optional<String> wallFull(ChaosReport r, Instant from) {
        long wall = r.cluster() == null ? 0 : r.cluster().declaredBytes();
        if (wall <= 0) {
            return Optional.empty();
        }
        for (NodeSample s : r.node()) {
            Long used = s.wallWorkingSetBytes();
            if (used != null && !s.at().isBefore(from) && used * 100 >= wall * WALL_FULL_PERCENT) {
                return Optional.of("the node's memory wall was full: working set " + human(used) + " of its "
                        + human(wall) + " at " + Timeline.offset(r.started(), s.at()));
            }
        }
        return Optional.empty();
    }

    /**
     * More than {@value SignalCoverage#TOLERATED_GAP_TICKS} failed fresh ticks in a row, with the node's memory short
     * during them (from the tick before the first failure to the last): the node's own evidence, read from its wall
     * and PSI, which the API server does not serve.
     */
    private static Optional<String> apiStarved(ChaosReport r, Instant from) {
        List<ApiSample> api = r.api();
        int i = 0;
        while (i < api.size()) {
            if (api.get(i).at().isBefore(from) || !(api.get(i).fresh() instanceof ProbeOutcome.Failure)) {
                i++;
                continue;
            }
            int end = i;
            while (end + 1 < api.size() && api.get(end + 1).fresh() instanceof ProbeOutcome.Failure) {
                end++;
            }
            if (end - i + 1 > SignalCoverage.TOLERATED_GAP_TICKS) {
                ApiSample first = api.get(i);
                Instant since = i > 0 ? api.get(i - 1).at() : first.at();
                Optional<String> shortOfMemory = memoryShort(r, since, api.get(end).at());
                if (shortOfMemory.isPresent()) {
                    return Optional.of("the API server failed more than " + SignalCoverage.TOLERATED_GAP_TICKS
                            + " ticks in a row from " + Timeline.offset(r.started(), first.at()) + " while "
                            + shortOfMemory.get() + ": " + ((ProbeOutcome.Failure) first.fresh()).error());
                }
            }
            i = end + 1;
        }
        return Optional.empty();
    }

    /** A node sample from {@code since} to {@code until} whose wall or memory PSI says memory was short. */
    private static Optional<String> memoryShort(ChaosReport r, Instant since, Instant until) {
        long wall = r.cluster() == null ? 0 : r.cluster().declaredBytes();
        for (NodeSample s : r.node()) {
            if (s.at().isBefore(since) || s.at().isAfter(until)) {
                continue;
            }
            Long used = s.wallWorkingSetBytes();
            if (wall > 0 && used != null && used * 100 >= wall * WALL_SHORT_PERCENT) {
                return Optional.of(String.format(Locale.ROOT, "the node's memory wall was %.1f%% full",
                        used * 100.0 / wall));
            }
            if (s.psi() != null && s.psi().someAvg10() != null && s.psi().someAvg10() >= PSI_SHORT_PERCENT) {
                return Optional.of(String.format(Locale.ROOT, "the node's memory PSI was some avg10 %.1f%%",
                        s.psi().someAvg10()));
            }
        }
        return Optional.empty();
    }

    /** An eviction the kubelet made for memory (its message names the resource). */
    static boolean evictedForMemory(HogOutcome hog) {
        return hog.fate() == HogFate.EVICTED && hog.reason() != null
                && hog.reason().toLowerCase(Locale.ROOT).contains("memory");
    }

    static String human(long bytes) {
        return MemorySize.ofBytes(Math.max(0, bytes)).toHuman();
    }
}
