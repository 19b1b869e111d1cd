package dev.squeeze.assertions;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;
import org.assertj.core.api.AutoCloseableSoftAssertions;

/**
 * AssertJ's {@link AutoCloseableSoftAssertions} with Squeeze's {@code assertThat(report)}: the collected failures are
 * thrown together when the try-with-resources block closes.
 *
 * <!-- sample(ChaosReport report) -->
 * <pre>{@code
 * try (var softly = new AutoCloseableSqueezeSoftAssertions()) {
 *     softly.assertThat(report).apiServer().hasAvailabilityAtLeast(99.0);
 *     softly.assertThat(report).http().hasSuccessRateAtLeast(99.0);
 * }
 * }</pre>
 */
@API(status = EXPERIMENTAL, since = "0.1")
public class AutoCloseableSqueezeSoftAssertions extends AutoCloseableSoftAssertions
        implements SqueezeSoftAssertionsProvider {
}
