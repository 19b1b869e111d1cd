package dev.squeeze.assertions;

import static dev.squeeze.internal.assertions.ShouldHaveHttpSuccessRateAtLeast.shouldBeAvailable;
import static dev.squeeze.assertions.SqueezeAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

import dev.squeeze.report.ChaosReport;
import dev.squeeze.report.HttpSample;
import dev.squeeze.internal.report.summary.HttpSuccess;
import dev.squeeze.report.ReportFixtures;
import java.util.List;
import org.junit.jupiter.api.Test;

class HttpAssertIsAvailableTest {

    private final ChaosReport scenario = ReportFixtures.evictionScenario();

    @Test
    void fails_below_99_5_percent_naming_the_default() {
        // GIVEN 66 of 67 requests ok (98.5%)
        assertThatExceptionOfType(AssertionError.class)
                .isThrownBy(() -> assertThat(scenario).http().isAvailable())
                .withMessage(shouldBeAvailable(HttpSuccess.of(scenario), scenario.started(), scenario.name()).create())
                .withMessageContaining("99.5% (the default of isAvailable())");
    }

    @Test
    void passes_when_every_request_succeeded() {
        List<HttpSample> ok = scenario.http().stream().filter(h -> h.outcome().ok()).toList();
        ChaosReport r = ReportFixtures.withHttp(scenario, ok);
        assertThatNoException().isThrownBy(() -> assertThat(r).http().isAvailable());
    }
}
