package dev.squeeze.report;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;
import java.time.Instant;

/**
 * The hog's fate and how much of its target it delivered.
 *
 * @param reason        the kubelet's or kernel's words (event message, termination message), or {@code ""}
 * @param at            when the fate was observed (the sample that showed it; the kubelet's finishedAt for a kill it
 *                      reported late), {@code null} when nothing showed one (SURVIVED, NEVER_STARTED while pending);
 *                      for a hog that SURVIVED the hold and was killed after HOLD, when that kill was seen
 * @param targetBytes   what the hog was asked to fill
 * @param peakBytes     the largest touched size it reported
 * @param reachedTarget it reported touching its whole target
 * @param restarts      container restarts of the hog pod
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record HogOutcome(HogFate fate, String reason, Instant at, long targetBytes, long peakBytes,
                         boolean reachedTarget, int restarts) {
}
