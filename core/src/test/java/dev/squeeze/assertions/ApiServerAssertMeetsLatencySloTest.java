package dev.squeeze.assertions;

import static dev.squeeze.internal.assertions.ShouldMeetLatencySlo.shouldMeetLatencySlo;
import static dev.squeeze.assertions.SqueezeAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

import dev.squeeze.internal.report.summary.ApiLatencySlo;
import dev.squeeze.report.ChaosReport;
import dev.squeeze.report.Phase;
import dev.squeeze.report.ReportFixtures;
import org.junit.jupiter.api.Test;

class ApiServerAssertMeetsLatencySloTest {

    private final ChaosReport scenario = ReportFixtures.evictionScenario();

    @Test
    void passes_when_p99_is_at_most_one_second() {
        assertThatNoException().isThrownBy(() -> assertThat(scenario).apiServer()
                .duringPhase(Phase.STEADY_STATE, Phase.RECOVERY).meetsLatencySlo());
    }

    @Test
    void fails_naming_p99_the_calls_and_the_slowest_ones() {
        // GIVEN 67 pooled calls, one of which failed after 2 s at +17: with 67 calls p99 is the slowest
        String nl = System.lineSeparator();
        // WHEN / THEN
        assertThatExceptionOfType(AssertionError.class)
                .isThrownBy(() -> assertThat(scenario).apiServer().meetsLatencySlo())
                .withMessage(shouldMeetLatencySlo(ApiLatencySlo.of(scenario), scenario.started(), scenario.name())
                        .create())
                .withMessage(nl + "Expecting the API server's call latency (pooled probe, 67 calls)" + nl
                        + "  p99 2000 ms" + nl
                        + "to meet the Kubernetes API call latency SLO for single-object calls:" + nl
                        + "  p99 <= 1000 ms" + nl + "but the slowest calls were:" + nl
                        + "  +00:17 in PRESSURE: 2000 ms (failed: timeout after 2s)" + nl
                        + "  +00:02 in STEADY_STATE: 5 ms" + nl
                        + "  +00:05 in PRESSURE: 5 ms" + nl
                        + "Report: EvictionTest#bestEffortHogIsEvicted()");
    }

    @Test
    void without_calls_it_fails_saying_nothing_was_recorded() {
        ChaosReport noApi = ReportFixtures.with(scenario, java.util.List.of(), null, null);
        assertThatExceptionOfType(AssertionError.class)
                .isThrownBy(() -> assertThat(noApi).apiServer().meetsLatencySlo())
                .withMessageContaining("pooled probe calls");
    }
    @Test
    void a_p99_just_over_the_bound_never_prints_as_the_bound() {
        // GIVEN 20 pooled calls of 1000.4 ms each
        java.util.List<dev.squeeze.report.ApiSample> api = new java.util.ArrayList<>();
        for (int i = 0; i < 20; i++) {
            dev.squeeze.report.ProbeOutcome slow = dev.squeeze.report.ProbeOutcome.success(
                    java.time.Duration.ofNanos(1_000_400_000L), 200);
            api.add(new dev.squeeze.report.ApiSample(ReportFixtures.t(i), Phase.PRESSURE, slow, slow));
        }
        ChaosReport r = ReportFixtures.with(scenario, api, null, null);
        String nl = System.lineSeparator();
        // WHEN / THEN
        assertThatExceptionOfType(AssertionError.class)
                .isThrownBy(() -> assertThat(r).apiServer().meetsLatencySlo())
                .withMessageContaining("  p99 1000.4 ms" + nl + "to meet the Kubernetes API call latency SLO for"
                        + " single-object calls:" + nl + "  p99 <= 1000 ms" + nl);
    }
}
