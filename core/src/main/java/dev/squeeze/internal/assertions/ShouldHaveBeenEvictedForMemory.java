package dev.squeeze.internal.assertions;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;
import dev.squeeze.report.EventRecord;
import dev.squeeze.report.HogOutcome;
import dev.squeeze.internal.report.summary.Timeline;
import java.time.Instant;
import java.util.List;
import org.assertj.core.error.ErrorMessageFactory;

/** No Evicted event for the hog said {@code starved_resource=memory} (Kubernetes' own eviction e2e check). */
@API(status = INTERNAL, since = "0.1")
public final class ShouldHaveBeenEvictedForMemory extends ReportMessage {

    private ShouldHaveBeenEvictedForMemory(List<String> hogPods, List<EventRecord> evictions, HogOutcome outcome,
                                           Instant origin, String report) {
        super("%nExpecting an Evicted event for the hog pod %s with starved_resource=memory%nbut %s%n"
                        + "Evicted events seen:%n%s%nThe hog ended %s",
                report, String.join(", ", hogPods),
                evictions.isEmpty() ? "the report has no Evicted event for it" : "its Evicted events say otherwise",
                lines(evictions.stream().map(e -> Timeline.offset(origin, e.at()) + " " + e.objectName()
                        + ": starved_resource=" + e.annotations().getOrDefault("starved_resource", "(missing)")
                        + ": " + e.message()).toList()),
                HogEvidence.fate(outcome, origin));
    }

    public static ErrorMessageFactory shouldHaveBeenEvictedForMemory(List<String> hogPods, List<EventRecord> evictions,
                                                                     HogOutcome outcome, Instant origin,
                                                                     String report) {
        return new ShouldHaveBeenEvictedForMemory(hogPods, evictions, outcome, origin, report);
    }
}
