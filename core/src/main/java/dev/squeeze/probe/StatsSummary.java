package dev.squeeze.probe;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.HashMap;
import java.util.Map;

/**
 * The memory part of the kubelet's {@code /stats/summary}: the node's {@code availableBytes} (what the
 * {@code memory.available} eviction signal compares) and working sets, plus each pod's working set.
 *
 * <pre>{@code
 * StatsSummary s = StatsSummary.parse(json);
 * s.availableBytes();                       // 431_000_000
 * s.podWorkingSet().get("default/web-0");    // 52_000_000
 * }</pre>
 *
 * @param availableBytes  node.memory.availableBytes, {@code null} if absent
 * @param workingSetBytes node.memory.workingSetBytes, {@code null} if absent
 * @param podWorkingSet   {@code namespace/name} to the pod's memory.workingSetBytes
 */
public record StatsSummary(Long availableBytes, Long workingSetBytes, Map<String, Long> podWorkingSet) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    public StatsSummary {
        podWorkingSet = Map.copyOf(podWorkingSet);
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
        return new StatsSummary(number(memory.path("availableBytes")), number(memory.path("workingSetBytes")), pods);
    }

    private static Long number(JsonNode node) {
        return node.isNumber() ? node.asLong() : null;
    }
}
