package dev.squeeze.internal.experiment;

import dev.squeeze.report.EventRecord;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One report note that explains the HorizontalPodAutoscaler's metric warnings, which otherwise fill the events table
 * unexplained on a node without metrics-server (the CI's k3s stand-in has none; real k3s starts one, which takes a
 * minute to serve its first metrics).
 *
 * <pre>{@code
 * MetricsWarnings.note(report.events());   // Optional["12 FailedGetResourceMetric warnings ..."]
 * }</pre>
 */
final class MetricsWarnings {

    /** What the HPA controller says when the resource metrics API has no answer for it. */
    static final Set<String> REASONS = Set.of("FailedGetResourceMetric", "FailedComputeMetricsReplicas");

    private MetricsWarnings() {
    }

    static Optional<String> note(List<EventRecord> events) {
        List<EventRecord> warnings = events.stream().filter(e -> REASONS.contains(e.reason())).toList();
        if (warnings.isEmpty()) {
            return Optional.empty();
        }
        List<String> hpas = warnings.stream().map(EventRecord::objectName).distinct().sorted().toList();
        return Optional.of(warnings.size() + " " + String.join("/", warnings.stream().map(EventRecord::reason)
                .distinct().sorted().toList()) + " warning(s) from HorizontalPodAutoscaler " + String.join(", ", hpas)
                + ": the HPA controller reads pod CPU and memory from the resource metrics API (metrics.k8s.io), which"
                + " metrics-server serves, and got no metrics (no metrics-server on this cluster, or one not serving"
                + " yet). They say nothing about memory pressure: without metrics the HPA still keeps the replicas at"
                + " least at minReplicas, it only cannot scale on utilization.");
    }
}
