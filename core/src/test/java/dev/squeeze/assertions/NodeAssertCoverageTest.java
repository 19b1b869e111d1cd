package dev.squeeze.assertions;

import static dev.squeeze.internal.assertions.ShouldHaveObservedNode.shouldHaveObservedNode;
import static dev.squeeze.assertions.SqueezeAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

import dev.squeeze.report.ChaosReport;
import dev.squeeze.internal.report.summary.NodeHistory;
import dev.squeeze.report.ReportFixtures;
import org.junit.jupiter.api.Test;

/** A node nobody could see during the chaos has not been shown Ready, nor free of MemoryPressure. */
class NodeAssertCoverageTest {

    @Test
    void an_unobserved_stretch_during_chaos_fails_stayed_ready_naming_it() {
        // GIVEN the node unobserved from +30 to +35, in RECOVERY
        ChaosReport r = ReportFixtures.nodeUnobserved(ReportFixtures.evictionScenario(), 30, 35,
                "the API server did not answer in 2s");
        NodeHistory n = NodeHistory.of(r).get(0);
        // WHEN / THEN
        assertThatExceptionOfType(AssertionError.class).isThrownBy(() -> assertThat(r).node().stayedReady())
                .withMessage(shouldHaveObservedNode("k3s-node", "to stay Ready", n.blindSpotsDuringChaos(),
                        r.started(), r.name()).create())
                .withMessageContaining("+00:30 to +00:36 (6.0 s, 6 ticks, in RECOVERY): the API server did not answer"
                        + " in 2s");
    }

    @Test
    void an_unobserved_stretch_fails_never_had_memory_pressure_too() {
        // GIVEN a quiet node (never MemoryPressure) unobserved from +8 to +15, in PRESSURE, with the hog at target
        ChaosReport quiet = ReportFixtures.quiet(ReportFixtures.hog(dev.squeeze.report.HogFate.SURVIVED, "", 1536,
                1536));
        ChaosReport r = ReportFixtures.nodeUnobserved(quiet, 8, 15, "skipped");
        assertThatNoException().isThrownBy(() -> assertThat(quiet).node().neverHadMemoryPressure());
        assertThatExceptionOfType(AssertionError.class).isThrownBy(() -> assertThat(r).node().neverHadMemoryPressure())
                .withMessageContaining("Expecting node k3s-node never to report MemoryPressure during PRESSURE, HOLD"
                        + " and RECOVERY")
                .withMessageContaining("+00:08 to +00:16 (8.0 s, 8 ticks, in PRESSURE): skipped");
    }

    @Test
    void a_short_blind_spot_or_one_before_the_chaos_is_tolerated() {
        ChaosReport shortGap = ReportFixtures.nodeUnobserved(ReportFixtures.evictionScenario(), 30, 32, "skipped");
        ChaosReport beforeChaos = ReportFixtures.nodeUnobserved(ReportFixtures.evictionScenario(), 0, 4, "skipped");
        assertThatNoException().isThrownBy(() -> assertThat(shortGap).node().stayedReady());
        assertThatNoException().isThrownBy(() -> assertThat(beforeChaos).node().stayedReady());
    }
    @Test
    void a_blind_spot_that_starts_in_steady_state_and_runs_into_pressure_is_a_blind_spot_during_chaos() {
        // GIVEN the node unobserved from +3 (STEADY_STATE) to +12 (PRESSURE from +5)
        ChaosReport r = ReportFixtures.nodeUnobserved(ReportFixtures.evictionScenario(), 3, 12, "skipped");
        // WHEN
        NodeHistory n = NodeHistory.of(r).get(0);
        // THEN
        assertThat(n.blindSpotsDuringChaos()).hasSize(1);
        assertThatExceptionOfType(AssertionError.class).isThrownBy(() -> assertThat(r).node().stayedReady())
                .withMessageContaining("+00:03 to +00:13 (10.0 s, 10 ticks, in STEADY_STATE and PRESSURE): skipped");
    }
}
