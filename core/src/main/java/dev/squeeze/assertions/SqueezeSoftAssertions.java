package dev.squeeze.assertions;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;
import org.assertj.core.api.SoftAssertions;

/**
 * AssertJ's {@link SoftAssertions} with Squeeze's {@code assertThat(report)}: every failure is collected and reported
 * together by {@link #assertAll()}. Works with JUnit's {@code SoftAssertionsExtension} and
 * {@code @InjectSoftAssertions} too. {@code assertSoftly} is AssertJ's {@code SoftAssertionsProvider.assertSoftly}: a static
 * interface method, not inherited, so {@code SqueezeSoftAssertions.assertSoftly(SqueezeSoftAssertions.class, ...)} does
 * not compile.
 *
 * <!-- sample(ChaosReport report) -->
 * <pre>{@code
 * SoftAssertionsProvider.assertSoftly(SqueezeSoftAssertions.class, softly -> {
 *     softly.assertThat(report).apiServer().hasAvailabilityAtLeast(99.0);
 *     softly.assertThat(report).workloadPods().stayedReady();
 *     softly.assertThat(report.notes()).isEmpty();
 * });
 * }</pre>
 */
@API(status = STABLE, since = "0.1")
public class SqueezeSoftAssertions extends SoftAssertions implements SqueezeSoftAssertionsProvider {
}
