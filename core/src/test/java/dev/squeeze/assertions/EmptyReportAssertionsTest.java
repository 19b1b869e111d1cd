package dev.squeeze.assertions;

import static dev.squeeze.assertions.ShouldHaveSamples.shouldHaveSamples;
import static dev.squeeze.assertions.SqueezeAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.squeeze.report.ChaosReport;
import dev.squeeze.report.ReportFixtures;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** A report without samples is valid, but no assertion may pass on it vacuously. */
class EmptyReportAssertionsTest {

    private final ChaosReport empty = ReportFixtures.empty();

    private void failsSaying(String what, Executable assertion) {
        assertThatExceptionOfType(AssertionError.class).isThrownBy(assertion::execute)
                .withMessage(shouldHaveSamples(what, empty.name()).create());
    }

    @Test
    void every_assertion_fails_naming_the_missing_samples() {
        failsSaying("API server (fresh probe)", () -> assertThat(empty).apiServer().hasAvailabilityAtLeast(0));
        failsSaying("API server (fresh probe)", () -> assertThat(empty).apiServer().hasNoFailures());
        failsSaying("API server (pooled probe)", () -> assertThat(empty).apiServer().pooled()
                .hasLongestGapAtMost(Duration.ofHours(1)));
        failsSaying("pod", () -> assertThat(empty).workloadPods().stayedReady());
        failsSaying("pod", () -> assertThat(empty).systemPods().hadNoRestarts());
        failsSaying("node", () -> assertThat(empty).node().stayedReady());
        failsSaying("node", () -> assertThat(empty).node().neverHadMemoryPressure());
        failsSaying("HTTP probe", () -> assertThat(empty).http().hasSuccessRateAtLeast(0));
    }
}
