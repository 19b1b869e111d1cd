package dev.squeeze.assertions;

import static dev.squeeze.assertions.SqueezeAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.squeeze.report.ChaosReport;
import dev.squeeze.report.ReportFixtures;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** {@code as(...)}, {@code withFailMessage(...)} and the report path survive navigation; {@code and()} goes back. */
class NavigationKeepsDescriptionTest {

    private final ChaosReport scenario = ReportFixtures.evictionScenario();

    @Test
    void the_description_survives_every_navigator() {
        ChaosReportAssert described = assertThat(scenario).as("tuned node");
        assertThatExceptionOfType(AssertionError.class)
                .isThrownBy(() -> described.apiServer().hasAvailabilityAtLeast(100.0))
                .withMessageStartingWith("[tuned node] ");
        assertThatExceptionOfType(AssertionError.class)
                .isThrownBy(() -> described.apiServer().pooled().duringPhase().hasNoFailures())
                .withMessageStartingWith("[tuned node] ");
        assertThatExceptionOfType(AssertionError.class)
                .isThrownBy(() -> described.pods("app=web").wereOomKilled())
                .withMessageStartingWith("[tuned node] ");
        assertThatExceptionOfType(AssertionError.class)
                .isThrownBy(() -> described.node().neverHadMemoryPressure())
                .withMessageStartingWith("[tuned node] ");
        assertThatExceptionOfType(AssertionError.class)
                .isThrownBy(() -> described.http().hasSuccessRateAtLeast(100.0))
                .withMessageStartingWith("[tuned node] ");
        assertThatExceptionOfType(AssertionError.class)
                .isThrownBy(() -> described.hog().wasOomKilled())
                .withMessageStartingWith("[tuned node] ");
    }

    @Test
    void a_navigated_assertion_can_be_described_itself() {
        assertThatExceptionOfType(AssertionError.class)
                .isThrownBy(() -> assertThat(scenario).as("tuned node").apiServer().as("API under pressure")
                        .hasAvailabilityAtLeast(100.0))
                .withMessageStartingWith("[API under pressure] ");
    }

    @Test
    void with_fail_message_survives_navigation() {
        assertThatExceptionOfType(AssertionError.class)
                .isThrownBy(() -> assertThat(scenario).withFailMessage("the tuned node must not lose its API")
                        .apiServer().hasNoFailures())
                .withMessage("the tuned node must not lose its API");
    }

    @Test
    void the_report_path_survives_navigation_and_and_goes_back() {
        ChaosReportAssert root = assertThat(scenario).as("tuned").withReportPath(Path.of("target/r.html"));
        assertThatExceptionOfType(AssertionError.class)
                .isThrownBy(() -> root.node().stayedReady().and().apiServer().hasNoFailures())
                .withMessageStartingWith("[tuned] ")
                .withMessageEndingWith("Report: EvictionTest#bestEffortHogIsEvicted() (target/r.html)");
        org.assertj.core.api.Assertions.assertThat(root.hog().and()).isSameAs(root);
    }
}
