package dev.squeeze.internal.probe;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;
import dev.squeeze.report.EventRecord;
import io.fabric8.kubernetes.api.model.Event;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which Kubernetes events matter to a memory-pressure experiment, and how they become {@link EventRecord}s.
 * Every Warning counts (Evicted, OOMKilling, SystemOOM, EvictionThresholdMet, FailedScheduling, BackOff...), plus the
 * Normal ones that mark node memory and readiness transitions and kills.
 *
 * <!-- sample(io.fabric8.kubernetes.api.model.Event event) -->
 * <pre>{@code
 * EventMapping.toRecord(event);   // Optional[EventRecord[reason=Evicted, annotations={starved_resource=memory}, ...]]
 * }</pre>
 */
@API(status = INTERNAL, since = "0.1")
public final class EventMapping {

    /** Normal events worth a marker on the timeline. */
    static final Set<String> NORMAL_REASONS = Set.of("NodeHasInsufficientMemory", "NodeHasSufficientMemory",
            "NodeNotReady", "NodeReady", "Killing", "Preempting", "Starting", "RegisteredNode", "Rebooted",
            "NodeAllocatableEnforced");

    private EventMapping() {
    }

    /** The record for {@code event}, or empty when it is routine (Scheduled, Pulled, Created, Started...). */
    public static Optional<EventRecord> toRecord(Event event) {
        if (!"Warning".equals(event.getType()) && !NORMAL_REASONS.contains(event.getReason())) {
            return Optional.empty();
        }
        var object = event.getInvolvedObject();
        Map<String, String> annotations = event.getMetadata() == null || event.getMetadata().getAnnotations() == null
                ? Map.of() : event.getMetadata().getAnnotations();
        Optional<Instant> micro = microTime(event);
        return Optional.of(new EventRecord(micro.orElseGet(() -> at(event)), nullToEmpty(event.getType()),
                nullToEmpty(event.getReason()),
                object == null ? "" : nullToEmpty(object.getKind()),
                object == null ? "" : nullToEmpty(object.getNamespace()),
                object == null ? "" : nullToEmpty(object.getName()),
                nullToEmpty(event.getMessage()).strip(), annotations,
                micro.isPresent() ? EventRecord.EVENT_TIME : EventRecord.LAST_TIMESTAMP));
    }

    /**
     * The event's own microsecond time, as events.k8s.io/v1 recorders write it: {@code series.lastObservedTime} of a
     * repeated event, else {@code eventTime}; empty for a legacy event that has only second-truncated timestamps.
     */
    static Optional<Instant> microTime(Event event) {
        String last = event.getSeries() == null || event.getSeries().getLastObservedTime() == null ? null
                : event.getSeries().getLastObservedTime().getTime();
        String first = event.getEventTime() == null ? null : event.getEventTime().getTime();
        for (String c : new String[] {last, first}) {
            if (c != null && !c.isBlank()) {
                try {
                    return Optional.of(OffsetDateTime.parse(c).toInstant());
                } catch (DateTimeParseException ignored) {
                    // try the next field
                }
            }
        }
        return Optional.empty();
    }

    /** An identity per occurrence: the kubelet bumps {@code count} on a repeated event instead of creating one. */
    static String occurrence(Event event) {
        String uid = event.getMetadata() == null ? null : event.getMetadata().getUid();
        int count = event.getCount() == null ? 1 : event.getCount();
        if (event.getSeries() != null && event.getSeries().getCount() != null) {
            count = Math.max(count, event.getSeries().getCount());
        }
        return (uid != null ? uid : event.getReason() + "/" + event.getMessage()) + "#" + count;
    }

    /** When it (last) happened: lastTimestamp, then eventTime, then firstTimestamp, then its creation. */
    static Instant at(Event event) {
        String[] candidates = {
                event.getLastTimestamp(),
                event.getEventTime() == null ? null : event.getEventTime().getTime(),
                event.getFirstTimestamp(),
                event.getMetadata() == null ? null : event.getMetadata().getCreationTimestamp()};
        for (String c : candidates) {
            if (c != null && !c.isBlank()) {
                try {
                    return OffsetDateTime.parse(c).toInstant();
                } catch (DateTimeParseException ignored) {
                    // try the next field
                }
            }
        }
        return Instant.now();
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
