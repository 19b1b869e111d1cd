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
import dev.squeeze.report.PodRole;
import dev.squeeze.report.PodSample;
import dev.squeeze.report.ProbeOutcome;
import dev.squeeze.units.MemorySize;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Signs that the node itself ran short of memory once pressure began: the kubelet's MemoryPressure, an eviction for
 * memory, a kernel OOM kill, memory.available down to the eviction threshold, the node's memory wall 95% full, or the
 * API server starving (more than {@value SignalCoverage#TOLERATED_GAP_TICKS} failed ticks in a row). Each is something
 * the node did, not something the hog said, so it shows pressure was real even when the hog was stopped before its target, or when its progress could
 * no longer be read because the API server stopped answering.
 */
@API(status = INTERNAL, since = "0.1")
public final class PressureEvidence {

    /** Node events that say the kernel OOM killer ran (kubelet's SystemOOM, node-problem-detector's OOMKilling). */
    private static final Set<String> OOM_EVENTS = Set.of("SystemOOM", "OOMKilling");

    /** How full the node's memory wall must be to count as pressure: 95%. */
    static final int WALL_FULL_PERCENT = 95;

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
        for (PodSample p : r.pods()) {
            if (!p.at().isBefore(from) && p.role() != PodRole.HOG && "OOMKilled".equals(p.lastTermination())
                    && wasNotOomKilledBefore(r, p, from)) {
                return Optional.of(p.name() + " OOMKilled at " + Timeline.offset(o, p.at()));
            }
        }
        long threshold = r.cluster() == null ? 0 : r.cluster().evictionThresholdBytes();
        for (NodeSample s : r.node()) {
            if (threshold > 0 && !s.at().isBefore(from) && s.availableBytes() != null
                    && s.availableBytes() <= threshold) {
                return Optional.of("memory.available " + human(s.availableBytes()) + " at or below the eviction "
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

    private static Optional<String> apiStarved(ChaosReport r, Instant from) {
        int run = 0;
        for (int i = 0; i < r.api().size(); i++) {
            ApiSample s = r.api().get(i);
            if (s.at().isBefore(from)) {
                continue;
            }
            run = s.fresh() instanceof ProbeOutcome.Failure ? run + 1 : 0;
            if (run > SignalCoverage.TOLERATED_GAP_TICKS) {
                ApiSample first = r.api().get(i - run + 1);
                return Optional.of("the API server failed more than " + SignalCoverage.TOLERATED_GAP_TICKS
                        + " ticks in a row from " + Timeline.offset(r.started(), first.at()) + ": "
                        + ((ProbeOutcome.Failure) first.fresh()).error());
            }
        }
        return Optional.empty();
    }

    /** An eviction the kubelet made for memory (its message names the resource). */
    static boolean evictedForMemory(HogOutcome hog) {
        return hog.fate() == HogFate.EVICTED && hog.reason() != null
                && hog.reason().toLowerCase(Locale.ROOT).contains("memory");
    }

    private static boolean wasNotOomKilledBefore(ChaosReport r, PodSample later, Instant from) {
        return r.pods().stream().noneMatch(p -> p.at().isBefore(from) && p.name().equals(later.name())
                && p.namespace().equals(later.namespace()) && "OOMKilled".equals(p.lastTermination()));
    }

    static String human(long bytes) {
        return MemorySize.ofBytes(Math.max(0, bytes)).toHuman();
    }
}
