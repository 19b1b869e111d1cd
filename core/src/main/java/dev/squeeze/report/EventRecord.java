package dev.squeeze.report;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;
import java.time.Instant;
import java.util.Map;

/**
 * A Kubernetes event seen during the experiment (Evicted, OOMKilling, SystemOOM, EvictionThresholdMet, ...).
 *
 * @param at          when it (last) happened, on the clock of whoever reported it (the kubelet's for its own events)
 * @param annotations the event's annotations; the kubelet's Evicted events carry {@code starved_resource}
 * @param clock       which field {@code at} was read from, with its resolution: {@link #EVENT_TIME} (microseconds)
 *                    or {@link #LAST_TIMESTAMP} (seconds); {@code null} when not known (reports written before it
 *                    was recorded)
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record EventRecord(Instant at, String type, String reason, String objectKind, String namespace,
                          String objectName, String message, Map<String, String> annotations, String clock) {

    /** {@code at} came from the event's {@code eventTime} or {@code series.lastObservedTime}: microseconds. */
    public static final String EVENT_TIME = "event eventTime (µs)";
    /** {@code at} came from the legacy {@code lastTimestamp}/{@code firstTimestamp}: truncated to the second. */
    public static final String LAST_TIMESTAMP = "event lastTimestamp (1 s)";

    public EventRecord {
        annotations = Map.copyOf(annotations);
    }

    /** An event whose clock is not known. */
    public EventRecord(Instant at, String type, String reason, String objectKind, String namespace,
                       String objectName, String message, Map<String, String> annotations) {
        this(at, type, reason, objectKind, namespace, objectName, message, annotations, null);
    }

    /** Whether {@code at} is truncated to the second (or of unknown resolution, then taken as such). */
    public boolean secondResolution() {
        return !EVENT_TIME.equals(clock);
    }
}
