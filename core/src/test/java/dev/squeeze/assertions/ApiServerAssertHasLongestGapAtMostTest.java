package dev.squeeze.assertions;

import static dev.squeeze.internal.assertions.ShouldHaveLongestGapAtMost.shouldHaveLongestGapAtMost;
import static dev.squeeze.assertions.SqueezeAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

import dev.squeeze.internal.report.summary.ApiAvailability;
import dev.squeeze.report.ChaosReport;
import dev.squeeze.report.ReportFixtures;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ApiServerAssertHasLongestGapAtMostTest {

    private final ChaosReport report = ReportFixtures.evictionScenario();

    @Test
    void passes_when_the_longest_gap_fits() {
        assertThatNoException().isThrownBy(() -> assertThat(report).apiServer()
                .hasLongestGapAtMost(Duration.ofSeconds(3)));
    }

    @Test
    void fails_naming_when_and_why_the_api_was_down() {
        // GIVEN a 3 s gap at +00:15
        ApiAvailability fresh = ApiAvailability.fresh(report);
        // WHEN / THEN
        assertThatExceptionOfType(AssertionError.class)
                .isThrownBy(() -> assertThat(report).apiServer().hasLongestGapAtMost(Duration.ofSeconds(2)))
                .withMessage(shouldHaveLongestGapAtMost(fresh, Duration.ofSeconds(2), report.started(), report.name())
                        .create())
                .withMessageContaining("+00:15 to +00:18 (3.0 s, 2 failed ticks, in PRESSURE): TLS handshake timeout");
    }
    @Test
    void a_gap_just_over_a_bound_with_two_decimals_prints_both_apart() {
        // GIVEN the 3 s gap at +00:15, against at most 2.99 s
        // WHEN / THEN
        assertThatExceptionOfType(AssertionError.class)
                .isThrownBy(() -> assertThat(report).apiServer().hasLongestGapAtMost(Duration.ofMillis(2990)))
                .withMessageContaining("  3.00 s" + System.lineSeparator() + "to be at most:"
                        + System.lineSeparator() + "  2.99 s" + System.lineSeparator());
    }
}
