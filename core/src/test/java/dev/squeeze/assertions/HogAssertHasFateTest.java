package dev.squeeze.assertions;

import static dev.squeeze.internal.assertions.ShouldHaveHogFate.shouldHaveHogFate;
import static dev.squeeze.internal.assertions.ShouldHaveReachedTarget.shouldHaveReachedTarget;
import static dev.squeeze.assertions.SqueezeAssertions.assertThat;
import static dev.squeeze.report.ReportFixtures.t;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

import dev.squeeze.report.ChaosReport;
import dev.squeeze.report.HogFate;
import dev.squeeze.report.HogOutcome;
import dev.squeeze.report.ReportFixtures;
import org.junit.jupiter.api.Test;

/** {@code hasFate}, {@code wasEvicted}, {@code wasOomKilled} and {@code reachedTarget}. */
class HogAssertHasFateTest {

    private final ChaosReport scenario = ReportFixtures.evictionScenario();

    @Test
    void passes_on_the_fate_that_happened() {
        assertThatNoException().isThrownBy(() -> assertThat(scenario).hog().wasEvicted().hasFate(HogFate.EVICTED));
    }

    @Test
    void an_oom_kill_instead_of_an_eviction_fails_with_the_reason_and_a_hint() {
        HogOutcome oom = new HogOutcome(HogFate.OOM_KILLED, "container eater terminated: OOMKilled", t(12),
                1536L << 20, 700L << 20, false, 1);
        ChaosReport report = ReportFixtures.withHog(scenario, oom, scenario.events());
        assertThatNoException().isThrownBy(() -> assertThat(report).hog().wasOomKilled());
        assertThatExceptionOfType(AssertionError.class)
                .isThrownBy(() -> assertThat(report).hog().wasEvicted())
                .withMessage(shouldHaveHogFate(HogFate.EVICTED, oom, report.started(), report.name()).create())
                .withMessageContaining("OOM_KILLED at +00:12 (container eater terminated: OOMKilled)")
                .withMessageContaining("peak 700.0 MiB of its 1.50 GiB target, 1 restarts")
                .withMessageContaining("lower its rate or raise the threshold");
    }

    @Test
    void a_report_without_outcome_fails_saying_so() {
        ChaosReport report = ReportFixtures.withHog(scenario, null, scenario.events());
        assertThatExceptionOfType(AssertionError.class)
                .isThrownBy(() -> assertThat(report).hog().hasFate(HogFate.SURVIVED))
                .withMessage(shouldHaveHogFate(HogFate.SURVIVED, null, report.started(), report.name()).create())
                .withMessageContaining("unknown: the report has no hog outcome");
    }

    @Test
    void reachedTarget_passes_when_reached_and_fails_with_the_peak() {
        HogOutcome held = new HogOutcome(HogFate.SURVIVED, "", null, 1536L << 20, 1536L << 20, true, 0);
        assertThatNoException().isThrownBy(() -> assertThat(ReportFixtures.withHog(scenario, held, scenario.events()))
                .hog().reachedTarget());
        assertThatExceptionOfType(AssertionError.class)
                .isThrownBy(() -> assertThat(scenario).hog().reachedTarget())
                .withMessage(shouldHaveReachedTarget(scenario.hogOutcome(), scenario.started(), scenario.name())
                        .create())
                .withMessageContaining("peak 1.17 GiB of its 1.50 GiB target");
    }
}
