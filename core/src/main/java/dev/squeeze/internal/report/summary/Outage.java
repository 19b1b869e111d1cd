package dev.squeeze.internal.report.summary;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;
import dev.squeeze.report.Phase;
import java.time.Duration;
import java.time.Instant;

/**
 * A run of consecutive failed probe ticks, measured as a user would feel it: from the last success before the run
 * to the first success after it.
 *
 * <!-- sample(ChaosReport report, org.slf4j.Logger log) -->
 * <pre>{@code
 * ApiAvailability.fresh(report).longestOutage()
 *         .ifPresent(o -> log.info("API down {} at {}", Timeline.seconds(o.duration()), o.start()));
 * }</pre>
 *
 * @param start       the last successful tick before the run, or its first failure when nothing succeeded before
 * @param end         the first successful tick after the run, or its last failure when nothing succeeded after
 * @param failedTicks how many ticks failed in the run
 * @param phase       the experiment phase of the run's first failure
 * @param firstError  the first failure's error text
 * @param recovered   a success followed the run
 */
@API(status = INTERNAL, since = "0.1")
public record Outage(Instant start, Instant end, int failedTicks, Phase phase, String firstError, boolean recovered) {

    public Duration duration() {
        return Duration.between(start, end);
    }
}
