package dev.squeeze.report;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;
import java.time.Instant;

/**
 * One progress line of the hog (the native eater prints one per second), as read from the pod's log.
 *
 * @param eaterPhase the eater's own phase: start, ramp, hold, released
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record HogSample(Instant at, String eaterPhase, long targetBytes, long touchedBytes, long rssBytes) {
}
