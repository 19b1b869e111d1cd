package dev.squeeze.internal.report.summary;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;
import dev.squeeze.report.ChaosReport;
import dev.squeeze.report.EventRecord;
import dev.squeeze.report.HogFate;
import dev.squeeze.report.HogOutcome;
import dev.squeeze.report.NodeSample;
import dev.squeeze.report.Phase;
import dev.squeeze.report.PhaseSpan;
import dev.squeeze.report.PodRole;
import dev.squeeze.report.PodSample;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How fast one node reacted once pressure began, read from the report's samples: when {@code memory.available} first
 * went below the kubelet's hard eviction threshold, when the kubelet first reported MemoryPressure, when the first pod
 * was evicted, and how close the node's Lease heartbeat came to the node-monitor grace period after which the node
 * lifecycle controller marks the node Unknown (the seed outage's "node conditions Unknown", seen before it happens).
 *
 * <p>Each moment is taken from the kubelet's own clock where it has one, and says which ({@code *Clock}):
 * <ul>
 *   <li>the threshold crossing: {@code memory.time} of the first {@code /stats/summary} (from pressure start) whose
 *       {@code memory.available} is below the threshold: when the kubelet's stats were taken (its housekeeping, about
 *       every 10 s), to the second; else the sampled tick;</li>
 *   <li>MemoryPressure: the condition's {@code lastTransitionTime} on the first sample showing it True, to the second;
 *       else the sampled tick;</li>
 *   <li>the first eviction: the Evicted event's {@code eventTime}/{@code series.lastObservedTime} (events.k8s.io/v1,
 *       microseconds) where the recorder wrote one, else its legacy {@code lastTimestamp}, to the second; or the
 *       tick on which the hog pod was seen evicted.</li>
 * </ul>
 * The kubelet's eviction manager crosses the threshold, evicts and sets the condition in one sync loop, and reports
 * the condition with the node's status afterwards, so these moments are often within the same second, in any order.
 * An interval is therefore never shown negative: {@link #step} says "same sync loop (&lt; 1 s)" when two moments
 * on second clocks are less than a second apart, and otherwise which came first. {@code memory.available} is the
 * kubelet's own number (capacity minus working set, as its eviction manager compares it), and it crosses the
 * threshold when it is below it, as {@code memory.available<X} reads. A moment that was never observed is
 * {@code null} ("not observed"), never zero.
 *
 * <!-- sample(ChaosReport report) -->
 * <pre>{@code
 * for (ReactionTimes r : ReactionTimes.of(report)) {
 *     r.sincePressureStart(r.memoryPressureReported());   // Optional[PT9S]
 *     r.step(r.memoryPressureReported(), r.memoryPressureClock(), r.firstEviction(), r.evictionClock());
 *                                                          // "4.0 s after"
 *     r.leaseMargin();                                    // Optional[PT40S]: 50 s grace minus a 10 s gap
 * }
 * }</pre>
 *
 * @param node                   the node's name
 * @param pressureStart          when the PRESSURE phase began, {@code null} if it never did
 * @param thresholdBytes         the {@code memory.available} hard eviction threshold, 0 when memory eviction is off
 * @param thresholdCrossed       when {@code memory.available} was first seen below the threshold from pressure start
 * @param memoryPressureReported when the kubelet set MemoryPressure, first seen True from pressure start
 * @param firstEviction          the first eviction from pressure start of a pod on this node (Evicted event or the
 *                               hog's fate)
 * @param leaseLastRenewedBeforeGap the Lease renewal the longest gap started from
 * @param leaseLongestGap        the longest time between Lease renewals (to the last sample if none followed)
 * @param gracePeriod            the node-monitor grace period the gap is compared with
 * @param thresholdClock         where {@code thresholdCrossed} was read, with its resolution
 * @param memoryPressureClock    where {@code memoryPressureReported} was read, with its resolution
 * @param evictionClock          where {@code firstEviction} was read, with its resolution
 */
@API(status = INTERNAL, since = "0.1")
public record ReactionTimes(String node, Instant pressureStart, long thresholdBytes, Instant thresholdCrossed,
                            Instant memoryPressureReported, Instant firstEviction, Instant leaseLastRenewedBeforeGap,
                            Duration leaseLongestGap, Duration gracePeriod, String thresholdClock,
                            String memoryPressureClock, String evictionClock) {

    /** The stats summary's {@code memory.time}: the kubelet's clock, to the second. */
    public static final String STATS_TIME = "kubelet /stats/summary memory.time (1 s)";
    /** The MemoryPressure condition's {@code lastTransitionTime}: the kubelet's clock, to the second. */
    public static final String TRANSITION_TIME = "MemoryPressure lastTransitionTime (1 s)";
    /** A sampled tick: the test's clock, late by up to one tick. */
    public static final String TICK = "sampled tick (up to one tick late)";
    /** Used by {@link #step} for two moments less than a second apart on second clocks. */
    public static final String SAME_SYNC_LOOP = "same sync loop (< 1 s)";

    /**
     * kube-controller-manager's {@code --node-monitor-grace-period} default: 50 s since Kubernetes 1.32
     * (kubernetes/kubernetes pull request 126287; 40 s before). A node whose Lease is not renewed for longer turns
     * Ready=Unknown.
     */
    public static final Duration NODE_MONITOR_GRACE_PERIOD = Duration.ofSeconds(50);

    /** One entry per node of {@link ChaosReport#node()} (the target, under pressure), in order of first appearance. */
    public static List<ReactionTimes> of(ChaosReport report) {
        Instant from = report.phases().stream().filter(p -> p.phase() == Phase.PRESSURE).findFirst()
                .map(PhaseSpan::start).orElse(null);
        long threshold = report.cluster() == null ? 0 : report.cluster().evictionThresholdBytes();
        List<ReactionTimes> out = new ArrayList<>();
        for (NodeHistory history : NodeHistory.of(report)) {
            String node = history.node();
            List<NodeSample> samples = report.node().stream().filter(s -> node.equals(s.node()) && s.observed()
                    && from != null && !s.at().isBefore(from)).toList();
            Optional<NodeSample> crossing = threshold <= 0 ? Optional.empty() : samples.stream()
                    .filter(s -> s.availableBytes() != null && s.availableBytes() < threshold).findFirst();
            Optional<NodeSample> pressure = samples.stream().filter(NodeSample::memoryPressure).findFirst();
            Optional<Moment> eviction = firstEviction(report, node, from);
            boolean leaseSeen = history.leaseMaxGapEnd() != null;
            out.add(new ReactionTimes(node, from, threshold,
                    crossing.map(s -> kubelet(s.memoryTime(), s.at())).orElse(null),
                    pressure.map(s -> kubelet(s.memoryPressureSince(), s.at())).orElse(null),
                    eviction.map(Moment::at).orElse(null),
                    leaseSeen ? history.leaseMaxGapEnd().minus(history.leaseMaxGap()) : null,
                    leaseSeen ? history.leaseMaxGap() : null, NODE_MONITOR_GRACE_PERIOD,
                    crossing.map(s -> s.memoryTime() != null ? STATS_TIME : TICK).orElse(null),
                    pressure.map(s -> s.memoryPressureSince() != null ? TRANSITION_TIME : TICK).orElse(null),
                    eviction.map(Moment::clock).orElse(null)));
        }
        return out;
    }

    /** The kubelet's own time for a moment first sampled at {@code tick}, or the tick when it has none. */
    private static Instant kubelet(Instant own, Instant tick) {
        return own != null ? own : tick;
    }

    private record Moment(Instant at, String clock) {
    }

    /**
     * The earliest Evicted event or evicted hog from {@code from} on whose pod was on {@code node} (or not placed). An
     * event's second-truncated time counts from the second {@code from} falls in.
     */
    private static Optional<Moment> firstEviction(ChaosReport report, String node, Instant from) {
        if (from == null) {
            return Optional.empty();
        }
        Instant fromSecond = from.truncatedTo(ChronoUnit.SECONDS);
        Moment first = null;
        for (EventRecord e : report.events()) {
            Instant since = e.secondResolution() ? fromSecond : from;
            if ("Evicted".equals(e.reason()) && e.at() != null && !e.at().isBefore(since)
                    && podWasOn(report, e.namespace(), e.objectName(), node)
                    && (first == null || e.at().isBefore(first.at()))) {
                first = new Moment(e.at(), e.clock() == null ? EventRecord.LAST_TIMESTAMP : e.clock());
            }
        }
        HogOutcome hog = report.hogOutcome();
        if (hog != null && hog.fate() == HogFate.EVICTED && hog.at() != null && !hog.at().isBefore(from)
                && podWasOn(report, null, null, node) && (first == null || hog.at().isBefore(first.at()))) {
            first = new Moment(hog.at(), "hog pod seen evicted: " + TICK);
        }
        return Optional.ofNullable(first);
    }

    /** The pod's samples name {@code node}, or none names any node (a single-node report); null name: the hog. */
    private static boolean podWasOn(ChaosReport report, String namespace, String name, String node) {
        List<String> nodes = report.pods().stream()
                .filter(p -> name == null ? p.role() == PodRole.HOG
                        : name.equals(p.name()) && (namespace == null || namespace.equals(p.namespace())))
                .map(PodSample::node).filter(n -> n != null).distinct().toList();
        return nodes.isEmpty() || nodes.contains(node);
    }

    /**
     * {@code at} relative to the start of the PRESSURE phase; zero for a moment on a second clock that falls in the
     * second pressure started; empty when either was not observed or {@code at} was before pressure started (a
     * MemoryPressure left from before, say): never negative.
     */
    public Optional<Duration> sincePressureStart(Instant at) {
        if (pressureStart == null || at == null || at.isBefore(pressureStart.truncatedTo(ChronoUnit.SECONDS))) {
            return Optional.empty();
        }
        return Optional.of(at.isBefore(pressureStart) ? Duration.ZERO : Duration.between(pressureStart, at));
    }

    /**
     * From the threshold crossing to MemoryPressure: how long the kubelet took to say so; empty when either was not
     * observed or they came in the other order or within a second ({@link #step} says which).
     */
    public Optional<Duration> thresholdToMemoryPressure() {
        return reaction(thresholdCrossed, thresholdClock, memoryPressureReported, memoryPressureClock);
    }

    /** From MemoryPressure to the first eviction, as {@link #thresholdToMemoryPressure()}. */
    public Optional<Duration> memoryPressureToEviction() {
        return reaction(memoryPressureReported, memoryPressureClock, firstEviction, evictionClock);
    }

    /** From the threshold crossing to the first eviction, as {@link #thresholdToMemoryPressure()}. */
    public Optional<Duration> thresholdToEviction() {
        return reaction(thresholdCrossed, thresholdClock, firstEviction, evictionClock);
    }

    /**
     * The step from {@code a} to {@code b} in words: {@code 4.0 s after}; {@link #SAME_SYNC_LOOP} when either is on a
     * second clock and they are less than a second apart; {@code 2.0 s before} when {@code b} came first (the
     * kubelet's order: it evicts in its sync loop and reports the node's condition afterwards); {@code null} when
     * either was not observed.
     */
    public static String step(Instant a, String aClock, Instant b, String bClock) {
        if (a == null || b == null) {
            return null;
        }
        Duration d = Duration.between(a, b);
        if (coarse(aClock, bClock) && d.abs().compareTo(Duration.ofSeconds(1)) < 0) {
            return SAME_SYNC_LOOP;
        }
        return Timeline.seconds(d.abs()) + (d.isNegative() ? " before" : " after");
    }

    /** A positive interval of at least the clocks' resolution, else empty. */
    private static Optional<Duration> reaction(Instant a, String aClock, Instant b, String bClock) {
        String step = step(a, aClock, b, bClock);
        return step == null || step.equals(SAME_SYNC_LOOP) || step.endsWith(" before") ? Optional.empty()
                : Optional.of(Duration.between(a, b));
    }

    /** Either moment was read from a clock that counts whole seconds (the kubelet's status and legacy events). */
    private static boolean coarse(String aClock, String bClock) {
        return isCoarse(aClock) || isCoarse(bClock);
    }

    private static boolean isCoarse(String clock) {
        return clock != null && clock.contains("(1 s)");
    }

    /** The grace period minus the longest Lease gap: how much more silence the node could afford; empty if unknown. */
    public Optional<Duration> leaseMargin() {
        return Optional.ofNullable(leaseLongestGap).map(gracePeriod::minus);
    }

    private static Optional<Duration> between(Instant a, Instant b) {
        return a == null || b == null ? Optional.empty() : Optional.of(Duration.between(a, b));
    }
}
