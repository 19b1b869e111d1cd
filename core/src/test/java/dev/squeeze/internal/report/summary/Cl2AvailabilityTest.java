package dev.squeeze.internal.report.summary;

import dev.squeeze.internal.report.json.ReportReader;
import dev.squeeze.internal.report.json.ReportWriter;
import dev.squeeze.report.ApiSample;
import dev.squeeze.report.ChaosReport;
import dev.squeeze.report.Phase;
import dev.squeeze.report.ProbeOutcome;
import dev.squeeze.report.ReportFixtures;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class Cl2AvailabilityTest {

    private final ChaosReport scenario = ReportFixtures.evictionScenario();

    @Test
    void counts_successes_over_all_probes_and_the_longest_failed_run_times_the_interval() {
        // GIVEN fresh fails on +16 and +17, pooled on +17, of 67 one-second ticks
        // WHEN
        Cl2Availability fresh = Cl2Availability.fresh(scenario);
        Cl2Availability pooled = Cl2Availability.pooled(scenario);
        // THEN
        assertThat(fresh.probes()).isEqualTo(67);
        assertThat(fresh.availabilityPercentage()).isCloseTo(100.0 * 65 / 67, within(1e-9));
        assertThat(fresh.longestUnavailablePeriod()).isEqualTo("2s");
        assertThat(pooled.availabilityPercentage()).isCloseTo(100.0 * 66 / 67, within(1e-9));
        assertThat(pooled.longestUnavailablePeriod()).isEqualTo("1s");
        assertThat(pooled.pollInterval()).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void the_longest_run_not_the_total_of_failures_makes_the_period() {
        // GIVEN 1 + 3 + 2 failed probes in separate runs
        ChaosReport r = ReportFixtures.with(scenario, ReportFixtures.api("+-++---++--+"), null, null);
        // WHEN / THEN
        assertThat(Cl2Availability.fresh(r).longestUnavailablePeriod()).isEqualTo("3s");
        assertThat(Cl2Availability.fresh(r).availabilityPercentage()).isCloseTo(50.0, within(1e-9));
    }

    @Test
    void an_unobserved_tick_counts_as_unavailable() {
        // GIVEN a healthy run whose ticks +30 and +31 nobody observed
        List<ApiSample> api = new ArrayList<>(ReportFixtures.api("+".repeat(40)));
        for (int i : new int[] {30, 31}) {
            ApiSample a = api.get(i);
            api.set(i, new ApiSample(a.at(), a.phase(), ProbeOutcome.unobserved("skipped"),
                    ProbeOutcome.unobserved("skipped")));
        }
        // WHEN
        Cl2Availability c = Cl2Availability.pooled(ReportFixtures.with(scenario, api, null, null));
        // THEN
        assertThat(c.availabilityPercentage()).isCloseTo(95.0, within(1e-9));
        assertThat(c.longestUnavailablePeriod()).isEqualTo("2s");
    }

    @Test
    void the_interval_is_the_tick_to_the_millisecond_not_its_jitter() {
        // GIVEN ticks 999.9975 ms apart, as a sampler lands them, and a 70-tick outage
        List<ApiSample> api = new ArrayList<>();
        for (int i = 0; i < 80; i++) {
            ProbeOutcome o = i >= 5 && i < 75 ? ProbeOutcome.failure(Duration.ofSeconds(2), "timeout")
                    : ProbeOutcome.success(Duration.ofMillis(4), 200);
            api.add(new ApiSample(ReportFixtures.T0.plusNanos(i * 999_997_500L), Phase.PRESSURE, o, o));
        }
        // WHEN / THEN
        assertThat(Cl2Availability.fresh(ReportFixtures.with(scenario, api, null, null)).longestUnavailablePeriod())
                .isEqualTo("1m10s");
    }

    @Test
    void without_probes_there_is_no_number() {
        Cl2Availability c = Cl2Availability.fresh(ReportFixtures.empty());
        assertThat(c.availabilityPercentage()).isNull();
        assertThat(c.longestUnavailablePeriod()).isEqualTo("0s");
    }

    @Test
    void durations_read_as_go_prints_them() {
        assertThat(Cl2Availability.goDuration(Duration.ZERO)).isEqualTo("0s");
        assertThat(Cl2Availability.goDuration(Duration.ofMillis(750))).isEqualTo("750ms");
        assertThat(Cl2Availability.goDuration(Duration.ofMillis(1500))).isEqualTo("1.5s");
        assertThat(Cl2Availability.goDuration(Duration.ofSeconds(5))).isEqualTo("5s");
        assertThat(Cl2Availability.goDuration(Duration.ofSeconds(90))).isEqualTo("1m30s");
        assertThat(Cl2Availability.goDuration(Duration.ofMinutes(2))).isEqualTo("2m0s");
        assertThat(Cl2Availability.goDuration(Duration.ofHours(1).plusSeconds(3))).isEqualTo("1h0m3s");
        assertThat(Cl2Availability.goDuration(Duration.ofNanos(1500))).isEqualTo("1.5µs");
        assertThat(Cl2Availability.goDuration(Duration.ofNanos(12))).isEqualTo("12ns");
    }

    @Test
    void the_json_summary_carries_the_cl2_record_and_it_survives_a_round_trip() {
        // WHEN
        String json = ReportWriter.toJson(scenario);
        ChaosReport read = ReportReader.fromJson(json);
        // THEN
        assertThat(json).contains("\"clusterloader2\" : {", "\"measurement\" : \"APIAvailability\"",
                "\"longestUnavailablePeriod\" : \"2s\"", "\"longestUnavailablePeriod\" : \"1s\"",
                "\"availabilityPercentage\" : 97.01492537313433", "\"pollInterval\" : \"1s\"");
        assertThat(Cl2Availability.fresh(read)).isEqualTo(Cl2Availability.fresh(scenario));
        assertThat(Cl2Availability.pooled(read)).isEqualTo(Cl2Availability.pooled(scenario));
        assertThat(ReportWriter.toJson(read)).isEqualTo(json);
    }

    @Test
    void an_empty_report_writes_null_not_a_perfect_score() {
        assertThat(ReportWriter.toJson(ReportFixtures.empty())).contains("\"availabilityPercentage\" : null",
                "\"longestUnavailablePeriod\" : null");
    }
}
