package dev.squeeze.report;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;
import java.time.Duration;
import java.time.Instant;

/**
 * When a phase ran, and how it ended.
 *
 * @param outcome one line: {@code completed}, or what expired or failed ({@code timed out after 2m: MemoryPressure still True})
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record PhaseSpan(Phase phase, Instant start, Instant end, boolean completed, String outcome) {

    public Duration duration() {
        return Duration.between(start, end);
    }
}
