package dev.squeeze.report;

import java.time.Instant;

/**
 * One progress line of the hog (the native eater prints one per second), as read from the pod's log.
 *
 * @param eaterPhase the eater's own phase: start, ramp, hold, released
 */
public record HogSample(Instant at, String eaterPhase, long targetBytes, long touchedBytes, long rssBytes) {
}
