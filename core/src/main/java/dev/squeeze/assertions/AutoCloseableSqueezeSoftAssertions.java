package dev.squeeze.assertions;

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
public class AutoCloseableSqueezeSoftAssertions extends AutoCloseableSoftAssertions
        implements SqueezeSoftAssertionsProvider {
}
