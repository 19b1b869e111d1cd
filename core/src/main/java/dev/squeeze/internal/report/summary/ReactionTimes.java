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
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How fast one node reacted once pressure began, read from the report's samples: when {@code memory.available} first
 * went below the kubelet's hard eviction threshold, when the kubelet first reported MemoryPressure, when the first pod
 * was evicted, and how close the node's Lease heartbeat came to the node-monitor grace period after which the node
 * lifecycle controller marks the node Unknown (the seed outage's "node conditions Unknown", seen before it happens).
 *
 * <p>Every time is the first sampled tick that showed it, so each is late by up to one tick. {@code memory.available}
 * is the kubelet's own number from {@code /stats/summary} (capacity minus working set, as its eviction manager
 * compares it), and it crosses the threshold when it is below it, as {@code memory.available<X} reads. A moment that
 * was never observed is {@code null} ("not observed"), never zero.
 *
 * <pre>{@code
 * for (ReactionTimes r : ReactionTimes.of(report)) {
 *     r.sincePressureStart(r.memoryPressureReported());   // Optional[PT9S]
 *     r.leaseMargin();                                    // Optional[PT40S]: 50 s grace minus a 10 s gap
 * }
 * }</pre>
 *
 * @param node                   the node's name
 * @param pressureStart          when the PRESSURE phase began, {@code null} if it never did
 * @param thresholdBytes         the {@code memory.available} hard eviction threshold, 0 when memory eviction is off
 * @param thresholdCrossed       the first tick from pressure start with {@code memory.available} below the threshold
 * @param memoryPressureReported the first tick from pressure start with the node's MemoryPressure condition True
 * @param firstEviction          the first eviction from pressure start of a pod on this node (Evicted event or the
 *                               hog's fate)
 * @param leaseLastRenewedBeforeGap the Lease renewal the longest gap started from
 * @param leaseLongestGap        the longest time between Lease renewals (to the last sample if none followed)
 * @param gracePeriod            the node-monitor grace period the gap is compared with
 */
@API(status = INTERNAL, since = "0.1")
public record ReactionTimes(String node, Instant pressureStart, long thresholdBytes, Instant thresholdCrossed,
                            Instant memoryPressureReported, Instant firstEviction, Instant leaseLastRenewedBeforeGap,
                            Duration leaseLongestGap, Duration gracePeriod) {

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
            Instant crossed = threshold <= 0 ? null : samples.stream()
                    .filter(s -> s.availableBytes() != null && s.availableBytes() < threshold)
                    .map(NodeSample::at).findFirst().orElse(null);
            Instant reported = samples.stream().filter(NodeSample::memoryPressure).map(NodeSample::at).findFirst()
                    .orElse(null);
            boolean leaseSeen = history.leaseMaxGapEnd() != null;
            out.add(new ReactionTimes(node, from, threshold, crossed, reported, firstEviction(report, node, from),
                    leaseSeen ? history.leaseMaxGapEnd().minus(history.leaseMaxGap()) : null,
                    leaseSeen ? history.leaseMaxGap() : null, NODE_MONITOR_GRACE_PERIOD));
        }
        return out;
    }

    /** The earliest Evicted event or evicted hog from {@code from} on whose pod was on {@code node} (or not placed). */
    private static Instant firstEviction(ChaosReport report, String node, Instant from) {
        if (from == null) {
            return null;
        }
        Instant first = null;
        for (EventRecord e : report.events()) {
            if ("Evicted".equals(e.reason()) && e.at() != null && !e.at().isBefore(from)
                    && podWasOn(report, e.namespace(), e.objectName(), node) && (first == null || e.at().isBefore(first))) {
                first = e.at();
            }
        }
        HogOutcome hog = report.hogOutcome();
        if (hog != null && hog.fate() == HogFate.EVICTED && hog.at() != null && !hog.at().isBefore(from)
                && podWasOn(report, null, null, node) && (first == null || hog.at().isBefore(first))) {
            first = hog.at();
        }
        return first;
    }

    /** The pod's samples name {@code node}, or none names any node (a single-node report); null name: the hog. */
    private static boolean podWasOn(ChaosReport report, String namespace, String name, String node) {
        List<String> nodes = report.pods().stream()
                .filter(p -> name == null ? p.role() == PodRole.HOG
                        : name.equals(p.name()) && (namespace == null || namespace.equals(p.namespace())))
                .map(PodSample::node).filter(n -> n != null).distinct().toList();
        return nodes.isEmpty() || nodes.contains(node);
    }

    /** {@code at} relative to the start of the PRESSURE phase; empty when either was not observed. */
    public Optional<Duration> sincePressureStart(Instant at) {
        return between(pressureStart, at);
    }

    /** From the threshold crossing to MemoryPressure: how long the kubelet took to say so. */
    public Optional<Duration> thresholdToMemoryPressure() {
        return between(thresholdCrossed, memoryPressureReported);
    }

    /** From MemoryPressure to the first eviction. */
    public Optional<Duration> memoryPressureToEviction() {
        return between(memoryPressureReported, firstEviction);
    }

    /** From the threshold crossing to the first eviction. */
    public Optional<Duration> thresholdToEviction() {
        return between(thresholdCrossed, firstEviction);
    }

    /** The grace period minus the longest Lease gap: how much more silence the node could afford; empty if unknown. */
    public Optional<Duration> leaseMargin() {
        return Optional.ofNullable(leaseLongestGap).map(gracePeriod::minus);
    }

    private static Optional<Duration> between(Instant a, Instant b) {
        return a == null || b == null ? Optional.empty() : Optional.of(Duration.between(a, b));
    }
}
