package dev.squeeze.assertions;

import static dev.squeeze.internal.assertions.ShouldHaveHttpSuccessRateAtLeast.shouldHaveHttpSuccessRateAtLeast;
import static dev.squeeze.assertions.SqueezeAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

import dev.squeeze.report.ChaosReport;
import dev.squeeze.internal.report.summary.HttpSuccess;
import dev.squeeze.report.ReportFixtures;
import org.junit.jupiter.api.Test;

class HttpAssertHasSuccessRateAtLeastTest {

    private final ChaosReport scenario = ReportFixtures.evictionScenario();

    @Test
    void passes_at_or_above_the_rate() {
        assertThatNoException().isThrownBy(() -> assertThat(scenario).http().hasSuccessRateAtLeast(98.0));
    }

    @Test
    void fails_with_the_errors_and_outages() {
        assertThatExceptionOfType(AssertionError.class)
                .isThrownBy(() -> assertThat(scenario).http().hasSuccessRateAtLeast(99.0))
                .withMessage(shouldHaveHttpSuccessRateAtLeast(HttpSuccess.of(scenario), 99.0, scenario.started(),
                        scenario.name()).create())
                .withMessageContaining("1x HTTP 502 Bad Gateway");
    }
}
