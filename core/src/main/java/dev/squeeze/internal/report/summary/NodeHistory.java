package dev.squeeze.internal.report.summary;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;
import dev.squeeze.report.ChaosReport;
import dev.squeeze.report.NodeSample;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * What one node went through: MemoryPressure (first seen, cleared, flapping), NotReady spans, the lowest available
 * memory and the longest pause in the kubelet's Lease heartbeat.
 *
 * <!-- sample(ChaosReport report) -->
 * <pre>{@code
 * for (NodeHistory node : NodeHistory.of(report)) {
 *     node.pressureFirstSeen();          // Optional[2025-...T12:00:14Z]
 *     node.clearedAndStayedClear();      // true
 * }
 * }</pre>
 *
 * @param pressureSpans    stretches with MemoryPressure True, in time order
 * @param notReadySpans    stretches where the node was seen with Ready not True (unobserved ticks are in {@code coverage})
 * @param minAvailableBytes the lowest {@code memory.available} seen, {@code null} if the kubelet never answered
 * @param minAvailableAt   when it was seen
 * @param leaseMaxGap      the longest time between Lease renewals (including from the last renewal to the last sample),
 *                         counted only as far as Lease reads showed it: a failed read is no missed renewal
 * @param leaseMaxGapEnd   when that longest gap ended (the next renewal, or the last read that still showed the old
 *                         one when reads failed in between or the gap had not ended)
 * @param coverage         the node's ticks observed out of those scheduled, with the unobserved stretches
 */
@API(status = INTERNAL, since = "0.1")
public record NodeHistory(String node, int samples, Instant firstSample, Instant lastSample,
                          List<TimeSpan> pressureSpans, List<TimeSpan> notReadySpans, Long minAvailableBytes,
                          Instant minAvailableAt, Duration leaseMaxGap, Instant leaseMaxGapEnd,
                          SignalCoverage coverage) {

    public NodeHistory {
        pressureSpans = List.copyOf(pressureSpans);
        notReadySpans = List.copyOf(notReadySpans);
    }

    /** One history per node, in order of first appearance. */
    public static List<NodeHistory> of(ChaosReport report) {
        Map<String, List<NodeSample>> byNode = new LinkedHashMap<>();
        report.node().forEach(s -> byNode.computeIfAbsent(s.node(), k -> new ArrayList<>()).add(s));
        return byNode.values().stream().map(NodeHistory::of).toList();
    }

    static NodeHistory of(List<NodeSample> samples) {
        NodeSample first = samples.get(0);
        NodeSample last = samples.get(samples.size() - 1);
        Long minAvailable = null;
        Instant minAt = null;
        Duration leaseGap = Duration.ZERO;
        Instant leaseGapEnd = null;
        // A tick whose Lease read failed says nothing about renewals: the kubelet may have renewed then, and a later
        // renewTime overwrites it. A gap is counted only as far as reads showed the old renewTime, unless the read
        // just before the new renewTime showed the old one (then the renewal came between two reads).
        Instant previousRenewal = null;
        Instant previousRenewalLastRead = null;
        boolean readOnPreviousTick = false;
        for (NodeSample s : samples) {
            if (s.availableBytes() != null && (minAvailable == null || s.availableBytes() < minAvailable)) {
                minAvailable = s.availableBytes();
                minAt = s.at();
            }
            Instant renewed = s.leaseRenewed();
            if (renewed != null && (previousRenewal == null || renewed.isAfter(previousRenewal))) {
                if (previousRenewal != null) {
                    Instant end = readOnPreviousTick ? renewed : previousRenewalLastRead;
                    Duration gap = Duration.between(previousRenewal, end);
                    if (gap.compareTo(leaseGap) > 0) {
                        leaseGap = gap;
                        leaseGapEnd = end;
                    }
                }
                previousRenewal = renewed;
            }
            if (renewed != null && previousRenewal != null) {
                previousRenewalLastRead = s.at();
            }
            readOnPreviousTick = renewed != null;
        }
        if (previousRenewal != null
                && Duration.between(previousRenewal, previousRenewalLastRead).compareTo(leaseGap) > 0) {
            leaseGap = Duration.between(previousRenewal, previousRenewalLastRead);
            leaseGapEnd = previousRenewalLastRead;
        }
        return new NodeHistory(first.node(), samples.size(), first.at(), last.at(),
                spans(samples, NodeSample::memoryPressure), spans(samples, s -> !s.ready()), minAvailable, minAt,
                leaseGap, leaseGapEnd, SignalCoverage.ofNode(first.node(), samples));
    }

    /** Unobserved ticks neither start nor end a span: nobody saw the condition change there. */
    private static List<TimeSpan> spans(List<NodeSample> samples, Predicate<NodeSample> holds) {
        List<TimeSpan> spans = new ArrayList<>();
        Instant start = null;
        for (NodeSample s : samples) {
            if (!s.observed()) {
                continue;
            }
            if (holds.test(s) && start == null) {
                start = s.at();
            } else if (!holds.test(s) && start != null) {
                spans.add(new TimeSpan(start, s.at(), false));
                start = null;
            }
        }
        if (start != null) {
            spans.add(new TimeSpan(start, samples.get(samples.size() - 1).at(), true));
        }
        return spans;
    }

    public boolean hadMemoryPressure() {
        return !pressureSpans.isEmpty();
    }

    public Optional<Instant> pressureFirstSeen() {
        return pressureSpans.stream().findFirst().map(TimeSpan::start);
    }

    /** When MemoryPressure cleared for the last time; empty if it never appeared or was still set at the end. */
    public Optional<Instant> pressureCleared() {
        if (pressureSpans.isEmpty() || pressureSpans.get(pressureSpans.size() - 1).ongoing()) {
            return Optional.empty();
        }
        return Optional.of(pressureSpans.get(pressureSpans.size() - 1).end());
    }

    /** MemoryPressure came back after clearing at least once. */
    public boolean flapped() {
        return pressureSpans.size() > 1;
    }

    /** MemoryPressure appeared and its last episode cleared before the end (it may have flapped on the way). */
    public boolean clearedAndStayedClear() {
        return pressureCleared().isPresent();
    }

    /** How long the node was clear of MemoryPressure at the end (zero while still set). */
    public Duration clearAtEnd() {
        return pressureCleared().map(c -> Duration.between(c, lastSample)).orElse(Duration.ZERO);
    }

    /** Seen Ready on every observed tick, with no blind spot during the chaos (see {@link #blindSpotsDuringChaos()}). */
    public boolean stayedReady() {
        return notReadySpans.isEmpty() && blindSpotsDuringChaos().isEmpty();
    }

    /**
     * Runs of more than {@link SignalCoverage#TOLERATED_GAP_TICKS} unobserved ticks starting in PRESSURE, HOLD or
     * RECOVERY: the node may have gone NotReady or into MemoryPressure there without anyone seeing it.
     */
    public List<SignalCoverage.Gap> blindSpotsDuringChaos() {
        return coverage.gaps().stream().filter(SignalCoverage.Gap::blindSpotDuringChaos).toList();
    }
}
