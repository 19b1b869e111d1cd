package dev.squeeze.assertions;

import static dev.squeeze.assertions.SqueezeAssertions.assertThat;
import static dev.squeeze.assertions.SqueezeAssertions.assertThatExceptionOfType;

import dev.squeeze.report.ChaosReport;
import dev.squeeze.report.ReportFixtures;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One static import gives Squeeze's {@code assertThat(report)} next to AssertJ's own, without hiding them. */
class SqueezeAssertionsEntryPointTest {

    @Test
    void squeeze_and_assertj_assertions_share_one_import() {
        ChaosReport report = ReportFixtures.evictionScenario();
        assertThat(assertThat(report)).isInstanceOf(ChaosReportAssert.class);
        assertThat(report.name()).startsWith("EvictionTest");
        assertThat(List.of(1, 2)).containsExactly(1, 2);
        assertThatExceptionOfType(AssertionError.class).isThrownBy(() -> assertThat(report).hog().wasOomKilled());
    }
}
