package dev.squeeze.internal.report.summary;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;
import dev.squeeze.report.ChaosReport;
import dev.squeeze.report.NodeSample;
import dev.squeeze.report.Phase;
import dev.squeeze.report.PressureStall;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The target node's memory pressure stall over the experiment, from its samples' {@link PressureStall} readings: the
 * highest {@code some}/{@code full} avg10 during PRESSURE and HOLD, the stall time accumulated over the chaos phases
 * (PRESSURE, HOLD, RECOVERY, counted from the last reading before them), and how much the memory cgroup's event
 * counters ({@code oom_kill}, {@code max}, {@code failcnt} ...) grew over the same span. Without a single PSI reading
 * it is unavailable with the reason, never 0.
 *
 * <!-- sample(ChaosReport report) -->
 * <pre>{@code
 * PsiSummary psi = PsiSummary.of(report);
 * psi.available();        // false on an existing cluster: "remote node, no host files"
 * psi.maxSomeAvg10();     // 63.2 (percent), psi.hostWide() on cgroup v1
 * psi.eventDeltas();      // {oom_kill=1, failcnt=412}
 * }</pre>
 *
 * @param node            the target node
 * @param source          where the PSI numbers come from (the last available reading's source); {@code null} when
 *                        unavailable
 * @param unavailable     why there are no PSI numbers, {@code null} when there are
 * @param maxSomeAvg10    highest {@code some avg10} (percent) during PRESSURE and HOLD, {@code null} if none read
 * @param maxSomeAt       when it was read
 * @param maxFullAvg10    highest {@code full avg10} (percent) during PRESSURE and HOLD, {@code null} if none read
 * @param maxFullAt       when it was read
 * @param someStallMicros growth of the {@code some} total over the chaos phases (µs), {@code null} if not two readings
 * @param fullStallMicros growth of the {@code full} total over the chaos phases (µs), {@code null} if not two readings
 * @param eventsSource    where the counters come from, {@code null} when none were read
 * @param eventDeltas     growth of each counter over the chaos phases (settings and gauges such as
 *                        {@code oom_kill_disable} and {@code under_oom} left out)
 * @param underOomSeen    {@code true} if any reading showed the v1 cgroup {@code under_oom}, {@code null} if unknown
 * @param readings        ticks of the target node with PSI numbers
 */
@API(status = INTERNAL, since = "0.1")
public record PsiSummary(String node, String source, String unavailable, Double maxSomeAvg10, Instant maxSomeAt,
                         Double maxFullAvg10, Instant maxFullAt, Long someStallMicros, Long fullStallMicros,
                         String eventsSource, Map<String, Long> eventDeltas, Boolean underOomSeen, int readings) {

    private static final Set<Phase> HELD = EnumSet.of(Phase.PRESSURE, Phase.HOLD);
    private static final Set<Phase> CHAOS = EnumSet.of(Phase.PRESSURE, Phase.HOLD, Phase.RECOVERY);
    private static final Set<String> NOT_COUNTERS = Set.of("oom_kill_disable", "under_oom");
    /** Why a report without any PSI reading (written before PSI was sampled, or never sampled) has none. */
    public static final String NOT_SAMPLED = "not sampled (no tick carried a PSI reading)";

    public PsiSummary {
        eventDeltas = eventDeltas == null ? Map.of() : java.util.Collections.unmodifiableMap(
                new LinkedHashMap<>(eventDeltas));
    }

    public boolean available() {
        return unavailable == null;
    }

    /** Whether the numbers are the whole host's (cgroup v1), not the node's alone. */
    public boolean hostWide() {
        return source != null && source.startsWith(PressureStall.HOST_WIDE);
    }

    /** The target node's ({@link EveryNode#targetName}) summary. */
    public static PsiSummary of(ChaosReport report) {
        String node = EveryNode.targetName(report);
        return of(node, report.node().stream().filter(s -> node == null || node.equals(s.node())).toList());
    }

    /** The summary of one node's samples, in time order. */
    public static PsiSummary of(String node, List<NodeSample> samples) {
        List<NodeSample> read = samples.stream().filter(s -> s.psi() != null).toList();
        List<NodeSample> withPsi = read.stream().filter(s -> s.psi().available()).toList();
        String source = withPsi.isEmpty() ? null : withPsi.get(withPsi.size() - 1).psi().source();
        String unavailable = null;
        if (withPsi.isEmpty()) {
            unavailable = read.isEmpty() ? NOT_SAMPLED : read.get(read.size() - 1).psi().unavailableReason();
        }
        NodeSample maxSome = null;
        NodeSample maxFull = null;
        for (NodeSample s : withPsi) {
            if (!HELD.contains(s.phase())) {
                continue;
            }
            if (s.psi().someAvg10() != null && (maxSome == null || s.psi().someAvg10() > maxSome.psi().someAvg10())) {
                maxSome = s;
            }
            if (s.psi().fullAvg10() != null && (maxFull == null || s.psi().fullAvg10() > maxFull.psi().fullAvg10())) {
                maxFull = s;
            }
        }
        NodeSample first = baseline(withPsi);
        NodeSample last = lastInChaos(withPsi);
        Long some = first == null || last == null || first == last ? null
                : delta(first.psi().someTotalMicros(), last.psi().someTotalMicros());
        Long full = first == null || last == null || first == last ? null
                : delta(first.psi().fullTotalMicros(), last.psi().fullTotalMicros());
        List<NodeSample> counted = read.stream().filter(s -> !s.psi().events().isEmpty()).toList();
        NodeSample eventsFirst = baseline(counted);
        NodeSample eventsLast = lastInChaos(counted);
        Map<String, Long> deltas = new LinkedHashMap<>();
        String eventsSource = null;
        if (eventsFirst != null && eventsLast != null) {
            eventsSource = eventsLast.psi().eventsSource();
            eventsLast.psi().events().forEach((k, v) -> {
                Long before = eventsFirst.psi().events().get(k);
                if (!NOT_COUNTERS.contains(k) && before != null) {
                    deltas.put(k, v - before);
                }
            });
        }
        Boolean underOom = counted.stream().noneMatch(s -> s.psi().events().containsKey("under_oom")) ? null
                : counted.stream().anyMatch(s -> s.psi().events().getOrDefault("under_oom", 0L) > 0);
        return new PsiSummary(node, source, unavailable, maxSome == null ? null : maxSome.psi().someAvg10(),
                maxSome == null ? null : maxSome.at(), maxFull == null ? null : maxFull.psi().fullAvg10(),
                maxFull == null ? null : maxFull.at(), some, full, eventsSource, deltas, underOom, withPsi.size());
    }

    /** The last reading before the chaos phases, else the first in them. */
    private static NodeSample baseline(List<NodeSample> samples) {
        NodeSample before = null;
        for (NodeSample s : samples) {
            if (CHAOS.contains(s.phase())) {
                return before != null ? before : s;
            }
            before = s;
        }
        return null;
    }

    private static NodeSample lastInChaos(List<NodeSample> samples) {
        NodeSample last = null;
        for (NodeSample s : samples) {
            if (CHAOS.contains(s.phase())) {
                last = s;
            }
        }
        return last;
    }

    private static Long delta(Long before, Long after) {
        return before == null || after == null ? null : after - before;
    }
}
