package dev.squeeze.assertions;

import static dev.squeeze.assertions.SqueezeAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.squeeze.report.ChaosReport;
import dev.squeeze.report.ReportFixtures;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A threshold that cannot mean anything is a mistake in the test, refused with the argument and the value. */
class ThresholdArgumentsTest {

    private final ChaosReport scenario = ReportFixtures.evictionScenario();

    @Test
    void availability_percent_outside_0_to_100_is_refused() {
        assertThatIllegalArgumentException().isThrownBy(() -> assertThat(scenario).apiServer()
                        .hasAvailabilityAtLeast(Double.NaN))
                .withMessage("hasAvailabilityAtLeast: `percent` must be a percentage from 0 to 100 (99.0 means 99%),"
                        + " but was NaN");
        assertThatIllegalArgumentException().isThrownBy(() -> assertThat(scenario).apiServer()
                .hasAvailabilityAtLeast(-1)).withMessageEndingWith("but was -1.0");
        assertThatIllegalArgumentException().isThrownBy(() -> assertThat(scenario).apiServer()
                .hasAvailabilityAtLeast(100.5)).withMessageEndingWith("but was 100.5");
    }

    @Test
    void http_success_rate_outside_0_to_100_is_refused() {
        assertThatIllegalArgumentException().isThrownBy(() -> assertThat(scenario).http().hasSuccessRateAtLeast(990))
                .withMessage("hasSuccessRateAtLeast: `percent` must be a percentage from 0 to 100 (99.0 means 99%),"
                        + " but was 990.0");
    }

    @Test
    void a_limits_share_that_is_nan_or_negative_is_refused_and_one_above_100_allows_overcommit() {
        assertThatIllegalArgumentException().isThrownBy(() -> assertThat(scenario).resources().limitsAtMost(Double.NaN))
                .withMessage("limitsAtMost: `percentOfAllocatable` must be a percentage of 0 or more (80.0 means 80%,"
                        + " 150.0 allows 1.5 times), but was NaN");
        assertThatIllegalArgumentException().isThrownBy(() -> assertThat(scenario).resources().limitsAtMost(-5))
                .withMessageEndingWith("but was -5.0");
        assertThatIllegalArgumentException().isThrownBy(() -> assertThat(scenario).resources()
                .limitsAtMost(Double.POSITIVE_INFINITY)).withMessageEndingWith("but was Infinity");
        // 150% is a threshold, judged (the scenario's sidecar has no limit), not refused as an argument
        org.assertj.core.api.Assertions.assertThatExceptionOfType(AssertionError.class)
                .isThrownBy(() -> assertThat(scenario).resources().limitsAtMost(150.0));
    }

    @Test
    void negative_counts_and_durations_are_refused() {
        assertThatIllegalArgumentException().isThrownBy(() -> assertThat(scenario).systemPods().hadAtMostRestarts(-1))
                .withMessage("hadAtMostRestarts: `max` must be 0 or more, but was -1");
        assertThatIllegalArgumentException().isThrownBy(() -> assertThat(scenario).apiServer()
                        .hasLongestGapAtMost(Duration.ofSeconds(-5)))
                .withMessage("hasLongestGapAtMost: `max` must be a duration of zero or more, such as"
                        + " Duration.ofSeconds(5), but was PT-5S");
    }

    @Test
    void the_bounds_themselves_are_accepted() {
        assertThat(scenario).apiServer().hasAvailabilityAtLeast(0).pooled().hasAvailabilityAtLeast(0);
        assertThat(scenario).http().hasSuccessRateAtLeast(0);
        assertThat(scenario).systemPods().hadAtMostRestarts(0);
    }
}
