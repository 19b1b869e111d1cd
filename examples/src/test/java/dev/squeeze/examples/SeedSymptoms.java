package dev.squeeze.examples;

import dev.squeeze.report.ApiSample;
import dev.squeeze.report.ChaosReport;
import dev.squeeze.report.EventRecord;
import dev.squeeze.report.HogSample;
import dev.squeeze.report.HttpSample;
import dev.squeeze.report.NodeSample;
import dev.squeeze.report.Phase;
import dev.squeeze.report.PodRole;
import dev.squeeze.report.PodSample;
import dev.squeeze.report.ProbeOutcome;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The seed outage's symptoms, as a report shows them, during the chaos phases (PRESSURE, HOLD, RECOVERY):
 * <ul>
 *   <li>{@code tlsTimeouts}: fresh-TLS {@code /readyz} probes that failed with a handshake timeout (the seed's
 *       {@code kubectl}: "Unable to connect to the server: net/http: TLS handshake timeout");</li>
 *   <li>{@code http5xx}: the Service answering 5xx (the seed's "Bad Gateway");</li>
 *   <li>{@code systemRestarts}: kube-system pods whose restart count grew (the seed's "system containers restarted";
 *       in k3s API server, controller-manager and scheduler are one process, not pods, so CoreDNS, metrics-server and
 *       local-path-provisioner are the system pods that can restart);</li>
 *   <li>{@code nodeUnknownEvents}: events of the node-lifecycle controller that the node stopped posting status
 *       ("Kubelet stopped posting node status": reason {@code NodeNotReady} on the node or its pods), and the Lease's
 *       longest gap against the 50 s node-monitor grace period.</li>
 *   <li>{@code eaterKeptRunning}: the seed's "the memory eater kept running" while the node was failing: the
 *       eater's own progress lines, stamped by the eater after the first of the symptoms above (a TLS handshake
 *       timeout, a 5xx, a node-lifecycle mark), show it still touching new pages.</li>
 * </ul>
 * The bench script {@code bench/seed.sh} counts the same things from the report JSON.
 */
record SeedSymptoms(List<String> tlsTimeouts, List<String> http5xx, Map<String, Integer> systemRestarts,
                    List<String> nodeUnknownEvents, boolean leaseGapPastGrace, String eaterFate,
                    boolean nodeReadyInRecovery, boolean eaterKeptRunning) {

    static final Set<Phase> CHAOS = EnumSet.of(Phase.PRESSURE, Phase.HOLD, Phase.RECOVERY);
    /** kube-controller-manager's node-monitor grace period (50 s since Kubernetes 1.32): the node turns Unknown. */
    static final Duration NODE_MONITOR_GRACE_PERIOD = Duration.ofSeconds(50);
    private static final Pattern HTTP_5XX = Pattern.compile("HTTP 5\\d\\d");

    static SeedSymptoms of(ChaosReport report) {
        List<ApiSample> tls = report.api().stream().filter(s -> CHAOS.contains(s.phase()))
                .filter(s -> s.fresh() instanceof ProbeOutcome.Failure f && f.error().contains("TLS handshake timeout"))
                .toList();
        List<HttpSample> http = report.http().stream().filter(s -> CHAOS.contains(s.phase()))
                .filter(s -> s.outcome() instanceof ProbeOutcome.Failure f && HTTP_5XX.matcher(f.error()).find())
                .toList();
        List<EventRecord> marks = report.events().stream().filter(SeedSymptoms::stoppedPostingStatus).toList();
        Map<String, Integer> before = new LinkedHashMap<>();
        report.pods().stream().filter(p -> p.role() == PodRole.SYSTEM && p.phase() == Phase.STEADY_STATE)
                .forEach(p -> before.put(p.name(), p.restarts()));
        Map<String, Integer> restarts = new LinkedHashMap<>();
        for (PodSample p : report.pods()) {
            if (p.role() == PodRole.SYSTEM && CHAOS.contains(p.phase())) {
                int grew = p.restarts() - before.getOrDefault(p.name(), p.restarts());
                if (grew > 0) {
                    restarts.merge(p.name(), grew, Math::max);
                }
            }
        }
        boolean leaseGap = longestLeaseGap(report.node()).compareTo(NODE_MONITOR_GRACE_PERIOD) > 0;
        String fate = report.hogOutcome() == null ? "unknown" : report.hogOutcome().fate().name();
        boolean readyLater = report.node().stream()
                .anyMatch(n -> n.phase() == Phase.RECOVERY && n.observed() && n.ready());
        Optional<Instant> firstSymptom = Stream.of(tls.stream().map(ApiSample::at), http.stream().map(HttpSample::at),
                marks.stream().map(EventRecord::at)).flatMap(s -> s).min(Comparator.naturalOrder());
        return new SeedSymptoms(
                tls.stream().map(s -> s.at() + " " + s.phase() + ": " + ((ProbeOutcome.Failure) s.fresh()).error())
                        .toList(),
                http.stream().map(s -> s.at() + " " + s.phase() + ": " + ((ProbeOutcome.Failure) s.outcome()).error())
                        .toList(),
                restarts,
                marks.stream().map(e -> e.at() + " " + e.objectKind() + " " + e.objectName() + ": " + e.reason() + " "
                        + e.message()).toList(),
                leaseGap, fate, readyLater, firstSymptom.map(t -> eaterTouchedPagesAfter(report, t)).orElse(false));
    }

    /**
     * The eater touched more pages after {@code t} (the first of the seed's symptoms in the chaos: a fresh-TLS
     * handshake timeout, a 5xx from the Service, a node-lifecycle mark) than before it: it kept running while the node
     * was failing.
     */
    private static boolean eaterTouchedPagesAfter(ChaosReport report, Instant t) {
        long before = report.hog().stream().filter(h -> !h.at().isAfter(t)).mapToLong(HogSample::touchedBytes)
                .max().orElse(0);
        return report.hog().stream().filter(h -> h.at().isAfter(t)).anyMatch(h -> h.touchedBytes() > before);
    }

    /**
     * The longest time the node's Lease went without a renewal, from the observed samples: between two renewals, or
     * from the last renewal to the last sample when none followed.
     */
    static Duration longestLeaseGap(List<NodeSample> samples) {
        Duration longest = Duration.ZERO;
        Instant last = null;
        for (NodeSample n : samples) {
            if (!n.observed() || n.leaseRenewed() == null) {
                continue;
            }
            if (last != null) {
                Instant until = n.leaseRenewed().isAfter(last) ? n.leaseRenewed() : n.at();
                Duration gap = Duration.between(last, until);
                longest = gap.compareTo(longest) > 0 ? gap : longest;
            }
            last = n.leaseRenewed().isAfter(last == null ? Instant.MIN : last) ? n.leaseRenewed() : last;
        }
        return longest;
    }

    /** The node-lifecycle controller's NodeNotReady events, or a status message saying the kubelet stopped posting. */
    static boolean stoppedPostingStatus(EventRecord e) {
        String message = e.message() == null ? "" : e.message();
        return message.contains("stopped posting node status") || "NodeStatusUnknown".equals(e.reason())
                || ("NodeNotReady".equals(e.reason()) && "Pod".equals(e.objectKind()));
    }

    boolean anySymptom() {
        return !tlsTimeouts.isEmpty() || !http5xx.isEmpty() || !systemRestarts.isEmpty()
                || !nodeUnknownEvents.isEmpty() || leaseGapPastGrace;
    }

    /** One line for the log: counts and the first of each. */
    String describe() {
        return "TLS handshake timeouts: " + tlsTimeouts.size() + first(tlsTimeouts) + "; 5xx from the Service: "
                + http5xx.size() + first(http5xx) + "; system pods restarted: " + systemRestarts
                + "; node stopped posting status: " + nodeUnknownEvents.size() + first(nodeUnknownEvents)
                + (leaseGapPastGrace ? " (Lease gap past the 50 s grace period)" : "") + "; eater: " + eaterFate
                + "; node Ready again in RECOVERY: " + nodeReadyInRecovery + "; eater kept running after the first"
                + " symptom: " + eaterKeptRunning;
    }

    private static String first(List<String> items) {
        return items.isEmpty() ? "" : " (first: " + items.get(0) + ")";
    }

    /** Swap on the node's wall during the chaos phases, in bytes (largest reading), or -1 when never read. */
    static long peakSwapBytes(ChaosReport report) {
        return report.node().stream().filter(n -> CHAOS.contains(n.phase()) && n.psi() != null)
                .map(NodeSample::psi).map(p -> p.events().get("swap")).filter(java.util.Objects::nonNull)
                .mapToLong(Long::longValue).max().orElse(-1);
    }
}
