package dev.squeeze.internal.report.summary;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A number judged against a bound never prints as the bound unless it equals it. */
class PercentNearBoundTest {

    @Test
    void a_bound_prints_with_the_decimals_it_has() {
        assertThat(Timeline.percentBound(99.5)).isEqualTo("99.5%");
        assertThat(Timeline.percentBound(99.95)).isEqualTo("99.95%");
        assertThat(Timeline.percentBound(100)).isEqualTo("100.0%");
        assertThat(Timeline.percentBound(99.999)).isEqualTo("99.999%");
    }

    @Test
    void a_number_next_to_its_bound_gets_the_decimals_that_tell_them_apart() {
        assertThat(Timeline.percentNear(184 * 100.0 / 185, 99.5)).isEqualTo("99.46%");
        assertThat(Timeline.percentNear(198 * 100.0 / 199, 99.5)).isEqualTo("99.497%");
        assertThat(Timeline.percentNear(100, 99.95)).isEqualTo("100.00%");
        assertThat(Timeline.percentNear(99.94, 99.95)).isEqualTo("99.94%");
        assertThat(Timeline.percentNear(97.25, 99.5)).isEqualTo("97.3%");
        assertThat(Timeline.percentNear(99.5, 99.5)).isEqualTo("99.5%");
        assertThat(Timeline.percentNear(Double.NaN, 99.5)).isEqualTo("n/a");
    }
    @Test
    void durations_next_to_their_bound_get_the_digits_that_tell_them_apart() {
        assertThat(Timeline.secondsBound(java.time.Duration.ofSeconds(5))).isEqualTo("5.0 s");
        assertThat(Timeline.secondsBound(java.time.Duration.ofMillis(4990))).isEqualTo("4.99 s");
        assertThat(Timeline.secondsNear(java.time.Duration.ofMillis(5040), java.time.Duration.ofSeconds(5)))
                .isEqualTo("5.04 s");
        assertThat(Timeline.secondsNear(java.time.Duration.ofSeconds(9), java.time.Duration.ofSeconds(5)))
                .isEqualTo("9.0 s");
        assertThat(Timeline.millisBound(java.time.Duration.ofSeconds(1))).isEqualTo("1000 ms");
        assertThat(Timeline.millisNear(java.time.Duration.ofNanos(1_000_400_000L), java.time.Duration.ofSeconds(1)))
                .isEqualTo("1000.4 ms");
        assertThat(Timeline.millisNear(java.time.Duration.ofMillis(2000), java.time.Duration.ofSeconds(1)))
                .isEqualTo("2000 ms");
    }
}
