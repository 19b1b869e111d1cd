package dev.squeeze.report;

import java.time.Duration;
import java.time.Instant;

/**
 * When a phase ran, and how it ended.
 *
 * @param outcome one line: {@code completed}, or what expired or failed ({@code timed out after 2m: MemoryPressure still True})
 */
public record PhaseSpan(Phase phase, Instant start, Instant end, boolean completed, String outcome) {

    public Duration duration() {
        return Duration.between(start, end);
    }
}
