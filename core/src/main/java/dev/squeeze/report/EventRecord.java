package dev.squeeze.report;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;
import java.time.Instant;
import java.util.Map;

/**
 * A Kubernetes event seen during the experiment (Evicted, OOMKilling, SystemOOM, EvictionThresholdMet, ...).
 *
 * @param annotations the event's annotations; the kubelet's Evicted events carry {@code starved_resource}
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record EventRecord(Instant at, String type, String reason, String objectKind, String namespace,
                          String objectName, String message, Map<String, String> annotations) {

    public EventRecord {
        annotations = Map.copyOf(annotations);
    }
}
