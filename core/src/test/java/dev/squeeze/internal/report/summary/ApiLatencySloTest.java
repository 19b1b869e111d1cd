package dev.squeeze.internal.report.summary;

import dev.squeeze.internal.report.json.ReportWriter;
import dev.squeeze.report.ApiSample;
import dev.squeeze.report.ChaosReport;
import dev.squeeze.report.Phase;
import dev.squeeze.report.ProbeOutcome;
import dev.squeeze.report.ReportFixtures;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ApiLatencySloTest {

    private final ChaosReport scenario = ReportFixtures.evictionScenario();

    @Test
    void counts_every_observed_pooled_call_failures_with_their_time() {
        // GIVEN 67 pooled calls of 3 to 5 ms, one of which failed after 2 s at +17
        // WHEN
        ApiLatencySlo slo = ApiLatencySlo.of(scenario);
        // THEN with 67 calls the nearest-rank p99 is the slowest call
        assertThat(slo.calls()).hasSize(67);
        assertThat(slo.p99()).isEqualTo(Duration.ofSeconds(2));
        assertThat(slo.met()).isFalse();
        assertThat(slo.worst().get(0)).isEqualTo(new ApiLatencySlo.Call(ReportFixtures.t(17), Phase.PRESSURE,
                Duration.ofSeconds(2), "timeout after 2s"));
    }

    @Test
    void is_met_when_the_99th_percentile_is_at_most_one_second() {
        // GIVEN the steady state only: every call took a few milliseconds
        ApiLatencySlo slo = ApiLatencySlo.of(scenario, Phase.STEADY_STATE);
        // THEN
        assertThat(slo.calls()).hasSize(5);
        assertThat(slo.p99()).isLessThanOrEqualTo(Duration.ofMillis(5));
        assertThat(slo.met()).isTrue();
    }

    @Test
    void one_slow_call_in_a_hundred_and_fifty_keeps_the_slo_and_two_break_it() {
        assertThat(ApiLatencySlo.of(withPooled(150, 1, Duration.ofMillis(1500))).met()).isTrue();
        assertThat(ApiLatencySlo.of(withPooled(150, 2, Duration.ofMillis(1500))).met()).isFalse();
        assertThat(ApiLatencySlo.of(withPooled(150, 2, Duration.ofSeconds(1))).met()).isTrue();
    }

    @Test
    void unobserved_ticks_and_the_fresh_probe_do_not_count() {
        List<ApiSample> api = new ArrayList<>(ReportFixtures.api("+".repeat(10)));
        ApiSample a = api.get(3);
        api.set(3, new ApiSample(a.at(), a.phase(), ProbeOutcome.failure(Duration.ofSeconds(9), "slow handshake"),
                ProbeOutcome.unobserved("skipped")));
        ApiLatencySlo slo = ApiLatencySlo.of(ReportFixtures.with(scenario, api, null, null));
        assertThat(slo.calls()).hasSize(9);
        assertThat(slo.met()).isTrue();
    }

    @Test
    void without_calls_it_is_not_met() {
        assertThat(ApiLatencySlo.of(ReportFixtures.empty()).met()).isFalse();
    }

    @Test
    void the_json_summary_names_p99_the_bound_and_the_worst_calls() {
        assertThat(ReportWriter.toJson(scenario)).contains("\"latencySlo\" : {", "\"calls\" : 67",
                "\"p99Millis\" : 2000.0", "\"p99BoundMillis\" : 1000.0", "\"met\" : false",
                "\"error\" : \"timeout after 2s\"");
    }

    /** {@code n} pooled calls of 4 ms in PRESSURE, the last {@code slow} of which took {@code latency}. */
    static ChaosReport withPooled(int n, int slow, Duration latency) {
        List<ApiSample> api = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ProbeOutcome o = ProbeOutcome.success(i >= n - slow ? latency : Duration.ofMillis(4), 200);
            api.add(new ApiSample(ReportFixtures.t(i), Phase.PRESSURE, ProbeOutcome.success(Duration.ofMillis(6), 200),
                    o));
        }
        return ReportFixtures.with(ReportFixtures.evictionScenario(), api, null, null);
    }
}
