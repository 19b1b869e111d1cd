package dev.squeeze.internal.cluster;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Whether a node's kubelet evicts pods for memory at all: its {@code evictionHard} as the kubelet reports it in
 * {@code /configz} (through the API server's node proxy, {@code nodes/proxy} get). Without a {@code memory.available}
 * entry the kubelet never evicts for memory and the kernel OOM killer is the only limit, so a test expecting an
 * eviction cannot pass there.
 *
 * <!-- sample(KubernetesClient client) -->
 * <pre>{@code
 * MemoryEviction e = MemoryEviction.read(client, "worker-2");
 * e.configured();          // Optional[false]: read, and no memory.available threshold
 * e.missingThreshold();    // Optional["node worker-2 has no memory.available hard eviction threshold ..."]
 * }</pre>
 *
 * @param node         the node's name
 * @param evictionHard the kubelet's {@code evictionHard} map, empty when it has none or when it could not be read
 * @param unreadable   {@code null} when {@code /configz} was read, else why not
 */
@API(status = INTERNAL, since = "0.1")
public record MemoryEviction(String node, Map<String, String> evictionHard, String unreadable) {

    /** A threshold to suggest: the kubelet's own default (evictionHard memory.available<100Mi). */
    static final String SUGGESTED = "memory.available<100Mi";

    public MemoryEviction {
        evictionHard = Map.copyOf(evictionHard);
    }

    /** Reads {@code /configz} of {@code node}; never throws (an unreadable configuration says why). */
    @SuppressWarnings("unchecked")
    public static MemoryEviction read(KubernetesClient client, String node) {
        String json;
        try {
            json = client.raw("/api/v1/nodes/" + node + "/proxy/configz");
        } catch (KubernetesClientException e) {
            return new MemoryEviction(node, Map.of(), "GET /api/v1/nodes/" + node + "/proxy/configz failed: "
                    + e.getMessage() + " (reading it needs `get` on `nodes/proxy`)");
        }
        if (json == null) {
            return new MemoryEviction(node, Map.of(), "GET /api/v1/nodes/" + node + "/proxy/configz: no response");
        }
        try {
            Map<String, Object> root = client.getKubernetesSerialization().unmarshal(json, Map.class);
            Object config = root == null ? null : root.get("kubeletconfig");
            if (!(config instanceof Map<?, ?> kubelet)) {
                return new MemoryEviction(node, Map.of(), "the /configz response has no kubeletconfig");
            }
            Map<String, String> hard = new LinkedHashMap<>();
            if (kubelet.get("evictionHard") instanceof Map<?, ?> m) {
                m.forEach((k, v) -> hard.put(String.valueOf(k), String.valueOf(v)));
            }
            return new MemoryEviction(node, hard, null);
        } catch (RuntimeException e) {
            return new MemoryEviction(node, Map.of(), "the /configz response is not JSON: " + e.getMessage());
        }
    }

    /** True or false when {@code /configz} was read; empty when it could not be. */
    public Optional<Boolean> configured() {
        return unreadable != null ? Optional.empty() : Optional.of(evictionHard.containsKey("memory.available"));
    }

    /**
     * The finding when the kubelet was read and has no {@code memory.available} hard threshold: the fact, the
     * kubelet's {@code evictionHard} as read, and the setting to change (the flag repeats the other signals, since
     * {@code --eviction-hard} replaces the whole map).
     */
    public Optional<String> missingThreshold() {
        if (!configured().equals(Optional.of(false))) {
            return Optional.empty();
        }
        String flag = SUGGESTED + evictionHard.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> "," + e.getKey() + "<" + e.getValue()).collect(Collectors.joining());
        return Optional.of("node " + node + " has no memory.available hard eviction threshold (evictionHard in"
                + " /configz: " + describe(evictionHard) + "); the kubelet will not evict for memory, the kernel OOM"
                + " killer is the only limit: set --eviction-hard=" + flag + " (on k3s --kubelet-arg=eviction-hard="
                + flag + ") or evictionHard in the KubeletConfiguration, or target a node that has one");
    }

    /** One line for the log before pressure. */
    public String describe() {
        if (unreadable != null) {
            return "memory eviction unknown: " + unreadable;
        }
        return configured().orElse(false) ? "memory eviction at memory.available<"
                + evictionHard.get("memory.available") + " (evictionHard " + describe(evictionHard) + ")"
                : "NO memory eviction (evictionHard " + describe(evictionHard) + ")";
    }

    private static String describe(Map<String, String> hard) {
        return hard.isEmpty() ? "{}" : hard.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> e.getKey() + "<" + e.getValue()).collect(Collectors.joining(", ", "{", "}"));
    }
}
