package dev.squeeze.internal.experiment;

import dev.squeeze.report.EventRecord;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The HPA's metric warnings on a node without metrics-server are explained once. */
class MetricsWarningsTest {

    private static EventRecord event(String reason, String hpa) {
        return new EventRecord(Instant.parse("2026-12-07T05:00:00Z"), "Warning", reason, "HorizontalPodAutoscaler",
                "ns", hpa, "failed to get cpu utilization: unable to get metrics for resource cpu: no metrics returned"
                + " from resource metrics API", Map.of());
    }

    @Test
    void many_warnings_get_one_note_naming_the_metrics_api() {
        // GIVEN three warnings of one HPA, and an unrelated warning
        List<EventRecord> events = List.of(event("FailedGetResourceMetric", "web"),
                event("FailedComputeMetricsReplicas", "web"), event("FailedGetResourceMetric", "web"),
                event("BackOff", "web-1"));

        // WHEN/THEN one note says why they appear
        assertThat(MetricsWarnings.note(events)).hasValueSatisfying(n -> assertThat(n)
                .startsWith("3 FailedComputeMetricsReplicas/FailedGetResourceMetric warning(s) from"
                        + " HorizontalPodAutoscaler web: ")
                .contains("metrics.k8s.io").contains("metrics-server"));
        assertThat(MetricsWarnings.note(List.of(event("BackOff", "web-1")))).isEmpty();
    }
}
