package dev.squeeze.internal.report.summary;

import dev.squeeze.report.ApiSample;
import dev.squeeze.report.ChaosReport;
import dev.squeeze.report.HttpSample;
import dev.squeeze.report.ProbeOutcome;
import dev.squeeze.report.ReportFixtures;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The tick grid is the denominator: unobserved ticks lower availability, the HTTP rate and node readiness. */
class UnobservedTicksTest {

    @Test
    void unobserved_api_ticks_count_against_availability() {
        // GIVEN ten ticks, all answered, then two of them turned unobserved
        List<ApiSample> api = new ArrayList<>(ReportFixtures.api("++++++++++"));
        for (int i : new int[] {4, 5}) {
            ApiSample s = api.get(i);
            api.set(i, new ApiSample(s.at(), s.phase(), ProbeOutcome.unobserved("skipped"), s.pooled()));
        }
        ChaosReport r = ReportFixtures.with(ReportFixtures.evictionScenario(), api, null, null);
        // WHEN
        ApiAvailability fresh = ApiAvailability.fresh(r);
        // THEN
        assertThat(fresh.ticks()).isEqualTo(10);
        assertThat(fresh.percent()).isEqualTo(80.0);
        assertThat(fresh.outages()).singleElement().satisfies(o -> {
            assertThat(o.failedTicks()).isEqualTo(2);
            assertThat(o.firstError()).isEqualTo("unobserved: skipped");
        });
        assertThat(ApiAvailability.pooled(r).percent()).isEqualTo(100.0);
    }

    @Test
    void unobserved_http_ticks_count_against_the_success_rate() {
        ChaosReport scenario = ReportFixtures.evictionScenario();
        List<HttpSample> http = new ArrayList<>(scenario.http());
        for (int i = 30; i < 37; i++) {
            http.set(i, new HttpSample(http.get(i).at(), http.get(i).phase(), ProbeOutcome.unobserved("in flight at close")));
        }
        HttpSuccess h = HttpSuccess.of(ReportFixtures.withHttp(scenario, http));
        assertThat(h.ticks()).isEqualTo(67);
        assertThat(h.successes()).isEqualTo(59);
        assertThat(h.errors()).containsEntry("unobserved: in flight at close", 7).containsEntry("HTTP 502 Bad Gateway", 1);
    }

    @Test
    void an_unobserved_node_has_not_stayed_ready_but_was_not_seen_not_ready_either() {
        ChaosReport r = ReportFixtures.nodeUnobserved(ReportFixtures.evictionScenario(), 30, 35, "API did not answer");
        NodeHistory n = NodeHistory.of(r).get(0);
        assertThat(n.notReadySpans()).isEmpty();
        assertThat(n.stayedReady()).isFalse();
        assertThat(n.blindSpotsDuringChaos()).hasSize(1);
        // pressure spans are not cut by ticks nobody saw: the scenario's one episode +14 to +48 stays one
        assertThat(n.pressureSpans()).singleElement().satisfies(s -> {
            assertThat(s.start()).isEqualTo(ReportFixtures.t(14));
            assertThat(s.end()).isEqualTo(ReportFixtures.t(48));
        });
    }

    @Test
    void three_unobserved_ticks_in_a_row_are_tolerated() {
        ChaosReport r = ReportFixtures.nodeUnobserved(ReportFixtures.evictionScenario(), 30, 32, "skipped");
        NodeHistory n = NodeHistory.of(r).get(0);
        assertThat(n.coverage().unobserved()).isEqualTo(3);
        assertThat(n.stayedReady()).isTrue();
    }
}
