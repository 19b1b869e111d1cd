package dev.squeeze.assertions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

import dev.squeeze.report.ChaosReport;
import dev.squeeze.report.ReportFixtures;
import org.assertj.core.api.SoftAssertionsProvider;
import org.junit.jupiter.api.Test;

/** Squeeze's assertions in AssertJ's soft assertions: every failure is collected, through every navigator. */
class SqueezeSoftAssertionsTest {

    private final ChaosReport scenario = ReportFixtures.evictionScenario();

    @Test
    void soft_assertions_collect_failures_from_several_navigators() {
        // GIVEN
        SqueezeSoftAssertions softly = new SqueezeSoftAssertions();
        // WHEN three assertions fail and two pass
        softly.assertThat(scenario).as("tuned").apiServer().hasAvailabilityAtLeast(99.9).hasNoFailures();
        softly.assertThat(scenario).node().neverHadMemoryPressure();
        softly.assertThat(scenario).workloadPods().stayedReady().and().hog().wasEvicted();
        softly.assertThat(scenario.name()).startsWith("Eviction");
        // THEN
        assertThat(softly.errorsCollected()).hasSize(3);
        assertThat(softly.errorsCollected().get(0)).hasMessageStartingWith("[tuned] ")
                .hasMessageContaining("Expecting API server availability");
        assertThat(softly.errorsCollected().get(1)).hasMessageContaining("Expecting the API server (fresh probe) to"
                + " answer every tick");
        assertThat(softly.errorsCollected().get(2)).hasMessageContaining("Expecting node k3s-node never to report"
                + " MemoryPressure");
        assertThatExceptionOfType(AssertionError.class).isThrownBy(softly::assertAll)
                .withMessageContaining("Multiple Failures (3 failures)");
    }

    @Test
    void an_invalid_run_is_collected_too() {
        ChaosReport farBelow = ReportFixtures.quiet(ReportFixtures.hog(dev.squeeze.report.HogFate.SURVIVED, "", 180,
                1500));
        SqueezeSoftAssertions softly = new SqueezeSoftAssertions();
        softly.assertThat(farBelow).apiServer().hasAvailabilityAtLeast(99.0);
        softly.assertThat(farBelow).http().hasSuccessRateAtLeast(99.0);
        softly.assertThat(farBelow).hog().hasFate(dev.squeeze.report.HogFate.SURVIVED);
        assertThat(softly.errorsCollected()).hasSize(2)
                .allSatisfy(e -> assertThat(e).hasMessageContaining("no pressure was applied"));
    }

    @Test
    void auto_closeable_soft_assertions_throw_on_close() {
        assertThatExceptionOfType(AssertionError.class).isThrownBy(() -> {
            try (AutoCloseableSqueezeSoftAssertions softly = new AutoCloseableSqueezeSoftAssertions()) {
                softly.assertThat(scenario).apiServer().hasNoFailures();
                softly.assertThat(scenario).http().hasSuccessRateAtLeast(100.0);
            }
        }).withMessageContaining("Multiple Failures (2 failures)");
    }

    @Test
    void assert_softly_passes_when_everything_holds() {
        assertThatNoException().isThrownBy(() -> SoftAssertionsProvider.assertSoftly(SqueezeSoftAssertions.class,
                softly -> {
                    softly.assertThat(scenario).apiServer().hasAvailabilityAtLeast(95.0);
                    softly.assertThat(scenario).workloadPods().stayedReady().hadNoRestarts();
                    softly.assertThat(scenario).node().hadMemoryPressure().stayedReady();
                }));
    }
}
