package dev.squeeze.internal.probe;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.HashMap;
import java.util.Map;

/**
 * The memory part of the kubelet's {@code /stats/summary}: the node's available memory and working set, plus each
 * pod's working set. Available is the smaller of the node's {@code memory.availableBytes} (the
 * {@code memory.available} eviction signal) and the {@code pods} system container's (the
 * {@code allocatableMemory.available} signal the kubelet derives from the same threshold): whichever is nearer to
 * eviction. Inside a container the node-level figure is the host's, so on a Squeeze k3s node the pods figure is the
 * one that moves.
 *
 * <!-- sample(String json) -->
 * <pre>{@code
 * StatsSummary s = StatsSummary.parse(json);
 * s.availableBytes();                       // 431_000_000
 * s.podWorkingSet().get("default/web-0");    // 52_000_000
 * }</pre>
 *
 * @param availableBytes  min(node.memory.availableBytes, pods.memory.availableBytes), {@code null} if both absent
 * @param workingSetBytes node.memory.workingSetBytes, {@code null} if absent
 * @param podWorkingSet   {@code namespace/name} to the pod's memory.workingSetBytes
 * @param memoryTime      the {@code memory.time} of the figure {@code availableBytes} came from: when the kubelet's
 *                        stats were taken, on the node's clock to the second (its housekeeping, not this request),
 *                        {@code null} if absent
 */
@API(status = INTERNAL, since = "0.1")
public record StatsSummary(Long availableBytes, Long workingSetBytes, Map<String, Long> podWorkingSet,
                           Instant memoryTime) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    public StatsSummary {
        podWorkingSet = Map.copyOf(podWorkingSet);
    }

    /** A summary without the stats' time. */
    public StatsSummary(Long availableBytes, Long workingSetBytes, Map<String, Long> podWorkingSet) {
        this(availableBytes, workingSetBytes, podWorkingSet, null);
    }

    /** @throws tools.jackson.core.JacksonException when {@code json} is not JSON */
    public static StatsSummary parse(String json) {
        JsonNode root = JSON.readTree(json);
        JsonNode memory = root.path("node").path("memory");
        Map<String, Long> pods = new HashMap<>();
        for (JsonNode pod : root.path("pods")) {
            JsonNode ref = pod.path("podRef");
            Long ws = number(pod.path("memory").path("workingSetBytes"));
            if (ws != null && ref.path("name").isString()) {
                pods.put(ref.path("namespace").asString("") + "/" + ref.path("name").asString(), ws);
            }
        }
        Long available = number(memory.path("availableBytes"));
        Instant time = time(memory.path("time"));
        for (JsonNode system : root.path("node").path("systemContainers")) {
            Long podsAvailable = "pods".equals(system.path("name").asString("")) ? number(system.path("memory")
                    .path("availableBytes")) : null;
            if (podsAvailable != null && (available == null || podsAvailable < available)) {
                available = podsAvailable;
                time = time(system.path("memory").path("time"));
            }
        }
        return new StatsSummary(available, number(memory.path("workingSetBytes")), pods, time);
    }

    private static Instant time(JsonNode node) {
        if (!node.isString()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(node.asString()).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static Long number(JsonNode node) {
        return node.isNumber() ? node.asLong() : null;
    }
}
