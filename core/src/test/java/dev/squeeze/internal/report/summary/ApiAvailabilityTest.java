package dev.squeeze.internal.report.summary;

import dev.squeeze.report.ChaosReport;
import dev.squeeze.report.Phase;
import dev.squeeze.report.ReportFixtures;
import static dev.squeeze.report.ReportFixtures.t;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ApiAvailabilityTest {

    private static ChaosReport withApi(String pattern) {
        return ReportFixtures.with(ReportFixtures.evictionScenario(), ReportFixtures.api(pattern), null, null);
    }

    @Test
    void gap_runs_from_the_last_success_before_to_the_first_success_after() {
        // GIVEN successes at 0..2, failures at 3..5, success at 6
        ChaosReport report = withApi("+++---+");
        // WHEN
        ApiAvailability api = ApiAvailability.fresh(report);
        // THEN
        assertThat(api.ticks()).isEqualTo(7);
        assertThat(api.successes()).isEqualTo(4);
        assertThat(api.percent()).isCloseTo(100.0 * 4 / 7, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(api.outages()).containsExactly(
                new Outage(t(2), t(6), 3, Phase.PRESSURE, "TLS handshake timeout", true));
        assertThat(api.longestGap()).isEqualTo(Duration.ofSeconds(4));
        assertThat(api.downtime()).isEqualTo(Duration.ofSeconds(4));
    }

    @Test
    void failures_at_the_edges_are_measured_from_the_first_failure_and_to_the_last_sample() {
        ChaosReport report = withApi("--++-+--");
        ApiAvailability api = ApiAvailability.fresh(report);
        assertThat(api.outages()).extracting(Outage::start, Outage::end, Outage::failedTicks, Outage::recovered)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(t(0), t(2), 2, true),
                        org.assertj.core.groups.Tuple.tuple(t(3), t(5), 1, true),
                        org.assertj.core.groups.Tuple.tuple(t(5), t(7), 2, false));
        assertThat(api.longestGap()).isEqualTo(Duration.ofSeconds(2));
        assertThat(api.downtime()).isEqualTo(Duration.ofSeconds(6));
    }

    @Test
    void latency_percentiles_count_successes_only() {
        ApiAvailability api = ApiAvailability.fresh(withApi("+-+++"));
        // successes at i = 0, 2, 3, 4 have latencies 10, 12, 13, 14 ms
        assertThat(api.latency()).isEqualTo(new Latencies(4, Duration.ofMillis(12), Duration.ofMillis(14),
                Duration.ofMillis(14)));
    }

    @Test
    void no_samples_give_NaN_and_no_outages() {
        ApiAvailability api = ApiAvailability.fresh(ReportFixtures.empty());
        assertThat(api.hasSamples()).isFalse();
        assertThat(api.percent()).isNaN();
        assertThat(api.longestOutage()).isEmpty();
        assertThat(api.latency()).isEqualTo(Latencies.NONE);
    }

    @Test
    void the_scenario_has_a_three_second_gap_in_pressure_and_per_phase_numbers() {
        ChaosReport report = ReportFixtures.evictionScenario();
        ApiAvailability fresh = ApiAvailability.fresh(report);
        assertThat(fresh.longestOutage()).get().satisfies(o -> {
            assertThat(o.start()).isEqualTo(t(15));
            assertThat(o.duration()).isEqualTo(Duration.ofSeconds(3));
            assertThat(o.phase()).isEqualTo(Phase.PRESSURE);
        });
        assertThat(ApiAvailability.freshByPhase(report)).containsOnlyKeys(Phase.STEADY_STATE, Phase.PRESSURE,
                Phase.RECOVERY);
        assertThat(ApiAvailability.fresh(report, Phase.RECOVERY).failures()).isZero();
        assertThat(ApiAvailability.pooled(report).failures()).isEqualTo(1);
    }

    @Test
    void http_success_counts_status_codes_and_errors() {
        HttpSuccess http = HttpSuccess.of(ReportFixtures.evictionScenario());
        assertThat(http.ticks()).isEqualTo(67);
        assertThat(http.statusCodes()).containsExactly(java.util.Map.entry(200, 66));
        assertThat(http.errors()).containsExactly(java.util.Map.entry("HTTP 502 Bad Gateway", 1));
        assertThat(http.outages()).hasSize(1);
        assertThat(HttpSuccess.of(ReportFixtures.empty()).percent()).isNaN();
    }

    @Test
    void timeline_formats_offsets_and_finds_phases() {
        assertThat(Timeline.offset(t(0), t(41.9))).isEqualTo("+00:41");
        assertThat(Timeline.offset(t(0), t(3725))).isEqualTo("+1:02:05");
        assertThat(Timeline.offset(t(10), t(0))).isEqualTo("-00:10");
        assertThat(Timeline.seconds(Duration.ofMillis(9100))).isEqualTo("9.1 s");
        assertThat(Timeline.percent(92.44)).isEqualTo("92.4%");
        assertThat(Timeline.phaseAt(ReportFixtures.phases(), t(6))).contains(Phase.PRESSURE);
        assertThat(Timeline.phaseAt(List.of(), t(6))).isEmpty();
    }
}
