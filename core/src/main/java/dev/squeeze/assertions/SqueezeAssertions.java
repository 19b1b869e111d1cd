package dev.squeeze.assertions;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;
import dev.squeeze.report.ChaosReport;
import org.assertj.core.api.Assertions;

/**
 * Entry point of Squeeze's AssertJ assertions. It extends AssertJ's {@link Assertions}, so one static import gives
 * Squeeze's {@code assertThat(report)} next to every AssertJ {@code assertThat}, {@code assertThatThrownBy}, ...
 *
 * <!-- sample(ChaosReport report) -->
 * <pre>{@code
 * import static dev.squeeze.assertions.SqueezeAssertions.assertThat;
 *
 * assertThat(report).apiServer().hasAvailabilityAtLeast(99.0).hasLongestGapAtMost(Duration.ofSeconds(5));
 * assertThat(report).pods("app=web").stayedReady().hadNoRestarts();
 * assertThat(report).hog().wasEvictedForMemory();
 * assertThat(report).node().hadMemoryPressure().recoveredFromMemoryPressure();
 * assertThat(report.name()).startsWith("Tuned");   // AssertJ's own, through the same import
 * }</pre>
 *
 * For soft assertions use {@link SqueezeSoftAssertions} (or {@link AutoCloseableSqueezeSoftAssertions}).
 */
@API(status = STABLE, since = "0.1")
public class SqueezeAssertions extends Assertions {

    protected SqueezeAssertions() {
    }

    /** Assertions on a report; every survival assertion checks first that memory pressure was applied. */
    public static ChaosReportAssert assertThat(ChaosReport report) {
        return new ChaosReportAssert(report);
    }
}
