package dev.squeeze.assertions;

import static dev.squeeze.internal.assertions.ShouldHaveAvailabilityAtLeast.shouldBeAvailable;
import static dev.squeeze.assertions.SqueezeAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

import dev.squeeze.internal.report.summary.ApiAvailability;
import dev.squeeze.report.ChaosReport;
import dev.squeeze.report.ReportFixtures;
import org.junit.jupiter.api.Test;

class ApiServerAssertIsAvailableTest {

    private final ChaosReport scenario = ReportFixtures.evictionScenario();

    @Test
    void passes_at_99_5_percent() {
        // GIVEN 199 of 200 ticks ok (99.5%)
        ChaosReport r = ReportFixtures.with(scenario, ReportFixtures.api("+".repeat(100) + "-" + "+".repeat(99)),
                null, null);
        // WHEN / THEN
        assertThatNoException().isThrownBy(() -> assertThat(r).apiServer().isAvailable());
    }

    @Test
    void fails_just_below_99_5_percent_naming_the_default() {
        // GIVEN 198 of 199 ticks ok (99.497%)
        ChaosReport r = ReportFixtures.with(scenario, ReportFixtures.api("+".repeat(100) + "-" + "+".repeat(98)),
                null, null);
        // WHEN / THEN
        assertThatExceptionOfType(AssertionError.class)
                .isThrownBy(() -> assertThat(r).apiServer().isAvailable())
                .withMessage(shouldBeAvailable(ApiAvailability.fresh(r), r.started(), r.name()).create())
                .withMessageContaining("to be at least:" + System.lineSeparator()
                        + "  99.5% (the default of isAvailable(), ClusterLoader2's APIAvailability threshold)");
    }

    @Test
    void follows_the_probe_and_phases_chosen() {
        ApiAvailability pooled = ApiAvailability.pooled(scenario);
        assertThatExceptionOfType(AssertionError.class)
                .isThrownBy(() -> assertThat(scenario).apiServer().pooled().isAvailable())
                .withMessage(shouldBeAvailable(pooled, scenario.started(), scenario.name()).create());
        assertThatNoException().isThrownBy(() -> assertThat(scenario).apiServer()
                .duringPhase(dev.squeeze.report.Phase.RECOVERY).isAvailable());
    }
    @Test
    void a_failing_number_never_prints_as_its_bound() {
        // GIVEN 184 of 185 ticks ok (99.459%), which one decimal would round to the 99.5% bound
        ChaosReport r = ReportFixtures.with(scenario, ReportFixtures.api("+".repeat(100) + "-" + "+".repeat(84)),
                null, null);
        // WHEN / THEN
        assertThatExceptionOfType(AssertionError.class)
                .isThrownBy(() -> assertThat(r).apiServer().isAvailable())
                .withMessageContaining("184 of 185 ticks ok)" + System.lineSeparator() + "  99.46%"
                        + System.lineSeparator() + "to be at least:" + System.lineSeparator() + "  99.5% (the default");
    }
}
