package dev.squeeze.assertions;

import dev.squeeze.internal.assertions.ShouldHaveAppliedPressure;
import static dev.squeeze.internal.assertions.ShouldHaveSamples.shouldHaveSamples;
import static dev.squeeze.assertions.SqueezeAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.squeeze.report.ChaosReport;
import dev.squeeze.report.ReportFixtures;
import dev.squeeze.internal.report.summary.Validity;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * A report without samples is not a valid run (no pressure was applied), and even when a test opts out of that check
 * no assertion may pass on it vacuously.
 */
class EmptyReportAssertionsTest {

    private final ChaosReport empty = ReportFixtures.empty();

    private void failsSaying(String what, Executable assertion) {
        assertThatExceptionOfType(AssertionError.class).isThrownBy(assertion::execute)
                .withMessage(shouldHaveSamples(what, empty.name()).create());
    }

    @Test
    void every_assertion_fails_naming_the_missing_samples() {
        failsSaying("API server (fresh probe)", () -> judged().apiServer().hasAvailabilityAtLeast(0));
        failsSaying("API server (fresh probe)", () -> judged().apiServer().hasNoFailures());
        failsSaying("API server (pooled probe)", () -> judged().apiServer().pooled()
                .hasLongestGapAtMost(Duration.ofHours(1)));
        failsSaying("pod", () -> judged().workloadPods().stayedReady());
        failsSaying("pod", () -> judged().systemPods().hadNoRestarts());
        failsSaying("node", () -> judged().node().stayedReady());
        failsSaying("node", () -> judged().node().neverHadMemoryPressure());
        failsSaying("HTTP probe", () -> judged().http().hasSuccessRateAtLeast(0));
    }

    @Test
    void without_the_opt_out_the_empty_run_fails_as_invalid() {
        assertThatExceptionOfType(AssertionError.class)
                .isThrownBy(() -> assertThat(empty).apiServer().hasAvailabilityAtLeast(0))
                .withMessage(ShouldHaveAppliedPressure.shouldHaveAppliedPressure("the API server",
                        Validity.of(empty), empty.name()).create())
                .withMessageContaining("no pressure was applied: the experiment never reached PRESSURE");
    }

    private ChaosReportAssert judged() {
        return assertThat(empty).allowingNoPressure();
    }
}
