package dev.squeeze.assertions;

import static dev.squeeze.internal.assertions.ShouldHaveBeenObserved.shouldHaveBeenObserved;
import static dev.squeeze.assertions.SqueezeAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.squeeze.report.ChaosReport;
import dev.squeeze.report.PodSample;
import dev.squeeze.report.ReportFixtures;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** "Stayed Ready" must not pass on samples that are missing because the API server stopped answering. */
class PodsAssertObservedTest {

    @Test
    void fails_when_the_pods_went_unobserved_during_chaos() {
        // GIVEN the scenario, but every pod sample after +00:20 lost (the API server did not answer)
        ChaosReport full = ReportFixtures.evictionScenario();
        Instant cut = ReportFixtures.t(20);
        List<PodSample> pods = full.pods().stream().filter(p -> !p.at().isAfter(cut)).toList();
        ChaosReport report = ReportFixtures.with(full, null, null, pods);
        // WHEN / THEN
        assertThatExceptionOfType(AssertionError.class)
                .isThrownBy(() -> assertThat(report).pods("app=web").stayedReady())
                .withMessageStartingWith(String.format("%nExpecting pods matching app=web to stay Ready"))
                .withMessageContaining("were not observed for part of it")
                .withMessageContaining("no samples +00:20 to ");
    }

    @Test
    void the_message_comes_from_its_factory() {
        String message = shouldHaveBeenObserved("app=web", List.of("web-1: no samples +00:18 to +01:15 (57.0 s)"), "R")
                .create();
        org.assertj.core.api.Assertions.assertThat(message).isEqualTo(String.format(
                "%nExpecting pods matching app=web to stay Ready during PRESSURE, HOLD and RECOVERY%n"
                        + "but they were not observed for part of it (the API server did not answer, or the pod was gone):%n"
                        + "  web-1: no samples +00:18 to +01:15 (57.0 s)%nReport: R"));
    }
}
