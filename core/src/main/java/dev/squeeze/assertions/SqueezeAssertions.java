package dev.squeeze.assertions;

import dev.squeeze.report.ChaosReport;

/**
 * Entry point of Squeeze's AssertJ assertions.
 *
 * <pre>{@code
 * import static dev.squeeze.assertions.SqueezeAssertions.assertThat;
 *
 * assertThat(report).apiServer().hasAvailabilityAtLeast(99.0).hasLongestGapAtMost(Duration.ofSeconds(5));
 * assertThat(report).pods("app=web").stayedReady().hadNoRestarts();
 * assertThat(report).hog().wasEvictedForMemory();
 * assertThat(report).node().hadMemoryPressure().recoveredFromMemoryPressure();
 * }</pre>
 */
public final class SqueezeAssertions {

    private SqueezeAssertions() {
    }

    public static ChaosReportAssert assertThat(ChaosReport report) {
        return new ChaosReportAssert(report);
    }
}
