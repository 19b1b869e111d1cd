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
}
