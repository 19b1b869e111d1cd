package dev.squeeze.assertions;

import static dev.squeeze.internal.assertions.ShouldHaveAppliedPressure.shouldHaveAppliedPressure;
import static dev.squeeze.assertions.SqueezeAssertions.assertThat;
import static dev.squeeze.report.ReportFixtures.hog;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

import dev.squeeze.report.ChaosReport;
import dev.squeeze.report.HogFate;
import dev.squeeze.report.ReportFixtures;
import dev.squeeze.internal.report.summary.Validity;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** A survival-only test cannot go green without chaos: every survival navigator checks validity first. */
class ChaosReportAssertValidityTest {

    private static final ChaosReport REJECTED = ReportFixtures.withHog(ReportFixtures.evictionScenario(),
            hog(HogFate.REJECTED, "the API server refused the hog pod: no PriorityClass with name hgih was found", 0,
                    1536), List.of());
    private static final ChaosReport NEVER_STARTED = ReportFixtures.quiet(hog(HogFate.NEVER_STARTED,
            "container waiting: ErrImagePull image \"eclipse-temurin:99-jre\" not found", 0, 1536));
    private static final ChaosReport FAR_BELOW = ReportFixtures.quiet(hog(HogFate.SURVIVED, "", 180, 1500));

    /** What a new user writes: survival only. */
    private static void survivalOnly(ChaosReport report) {
        assertThat(report).apiServer().hasAvailabilityAtLeast(90.0);
        assertThat(report).workloadPods().stayedReady();
        assertThat(report).http().hasSuccessRateAtLeast(90.0);
    }

    @Test
    void survival_only_is_green_for_a_real_eviction_with_everything_surviving() {
        assertThatNoException().isThrownBy(() -> survivalOnly(ReportFixtures.evictionScenario()));
    }

    @Test
    void survival_only_is_red_when_the_hog_was_rejected() {
        failsAsInvalid(REJECTED, "the API server", () -> survivalOnly(REJECTED))
                .contains("but no pressure was applied: the hog was rejected at admission: the API server refused the"
                        + " hog pod: no PriorityClass with name hgih was found");
    }

    @Test
    void survival_only_is_red_when_the_hog_never_started() {
        failsAsInvalid(NEVER_STARTED, "the API server", () -> survivalOnly(NEVER_STARTED))
                .contains("the hog never started: container waiting: ErrImagePull");
    }

    @Test
    void survival_only_is_red_when_the_hog_stayed_far_below_its_target() {
        failsAsInvalid(FAR_BELOW, "the API server", () -> survivalOnly(FAR_BELOW))
                .contains("the hog reached 180.0 MiB of 1.46 GiB (12%)");
    }

    @Test
    void every_survival_navigator_checks_first() {
        failsAsInvalid(FAR_BELOW, "pods matching app=web", () -> assertThat(FAR_BELOW).pods("app=web").hadNoRestarts());
        failsAsInvalid(FAR_BELOW, "pods matching system", () -> assertThat(FAR_BELOW).systemPods().wereNotEvicted());
        failsAsInvalid(FAR_BELOW, "the node", () -> assertThat(FAR_BELOW).node().stayedReady());
        failsAsInvalid(FAR_BELOW, "the node", () -> assertThat(FAR_BELOW).node().admittedPodAfterRecovery());
        failsAsInvalid(FAR_BELOW, "the workload's HTTP probe", () -> assertThat(FAR_BELOW).http()
                .hasSuccessRateAtLeast(0));
        failsAsInvalid(FAR_BELOW, "the API server", () -> assertThat(FAR_BELOW).apiServer().pooled().hasNoFailures());
        failsAsInvalid(FAR_BELOW, "this run", () -> assertThat(FAR_BELOW).isValid());
    }

    @Test
    void the_hog_assertions_judge_an_invalid_run() {
        assertThatNoException().isThrownBy(() -> assertThat(REJECTED).hog().wasRejected());
        assertThatNoException().isThrownBy(() -> assertThat(NEVER_STARTED).hog().hasFate(HogFate.NEVER_STARTED));
    }

    @Test
    void a_test_can_opt_out_visibly() {
        assertThatNoException().isThrownBy(() -> {
            assertThat(FAR_BELOW).allowingNoPressure().apiServer().hasAvailabilityAtLeast(90.0);
            assertThat(FAR_BELOW).allowingNoPressure().workloadPods().stayedReady();
        });
    }

    private static org.assertj.core.api.AbstractStringAssert<?> failsAsInvalid(ChaosReport report, String judging,
                                                                              Executable assertion) {
        String expected = shouldHaveAppliedPressure(judging, Validity.of(report), report.name()).create();
        return org.assertj.core.api.Assertions.assertThat(
                assertThatExceptionOfType(AssertionError.class).isThrownBy(assertion::execute)
                        .withMessage(expected).actual().getMessage())
                .contains("assertThat(report).allowingNoPressure()");
    }
}
