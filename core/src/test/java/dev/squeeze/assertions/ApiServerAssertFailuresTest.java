package dev.squeeze.assertions;

import static dev.squeeze.internal.assertions.ShouldHaveApiFailures.shouldHaveApiFailures;
import static dev.squeeze.internal.assertions.ShouldHaveNoApiFailures.shouldHaveNoApiFailures;
import static dev.squeeze.assertions.SqueezeAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

import dev.squeeze.internal.report.summary.ApiAvailability;
import dev.squeeze.report.ChaosReport;
import dev.squeeze.report.Phase;
import dev.squeeze.report.ReportFixtures;
import org.junit.jupiter.api.Test;

/** {@code hasNoFailures()} and its damage-side twin {@code hadFailures()}. */
class ApiServerAssertFailuresTest {

    private final ChaosReport report = ReportFixtures.evictionScenario();

    @Test
    void hasNoFailures_passes_on_a_clean_phase_and_fails_listing_the_outages() {
        assertThatNoException().isThrownBy(() -> assertThat(report).apiServer().duringPhase(Phase.RECOVERY)
                .hasNoFailures());
        assertThatExceptionOfType(AssertionError.class)
                .isThrownBy(() -> assertThat(report).apiServer().hasNoFailures())
                .withMessage(shouldHaveNoApiFailures(ApiAvailability.fresh(report), report.started(), report.name())
                        .create());
    }

    @Test
    void hadFailures_passes_on_damage_and_fails_when_every_tick_succeeded() {
        assertThatNoException().isThrownBy(() -> assertThat(report).apiServer().hadFailures());
        ApiAvailability steady = ApiAvailability.fresh(report, Phase.STEADY_STATE);
        assertThatExceptionOfType(AssertionError.class)
                .isThrownBy(() -> assertThat(report).apiServer().duringPhase(Phase.STEADY_STATE).hadFailures())
                .withMessage(shouldHaveApiFailures(steady, report.name()).create());
    }
}
