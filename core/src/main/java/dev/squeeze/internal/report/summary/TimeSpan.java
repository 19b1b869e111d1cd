package dev.squeeze.internal.report.summary;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;
import java.time.Duration;
import java.time.Instant;

/**
 * A stretch of time during which something held (MemoryPressure set, node NotReady, pod not Ready).
 *
 * <!-- sample(ChaosReport report, NodeHistory history) -->
 * <pre>{@code
 * TimeSpan pressure = history.pressureSpans().get(0);
 * String when = Timeline.offset(report.started(), pressure.start()) + " for " + Timeline.seconds(pressure.duration());
 * }</pre>
 *
 * @param start   the first sample where it held
 * @param end     the first sample where it no longer held, or the last sample if it never ended
 * @param ongoing it still held on the last sample
 */
@API(status = INTERNAL, since = "0.1")
public record TimeSpan(Instant start, Instant end, boolean ongoing) {

    public Duration duration() {
        return Duration.between(start, end);
    }
}
