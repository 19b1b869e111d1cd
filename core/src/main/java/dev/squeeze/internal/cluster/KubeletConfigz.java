package dev.squeeze.internal.cluster;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;
import dev.squeeze.units.MemorySize;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;

import java.util.Map;

/**
 * Reads the kubelet's running configuration through the API server's node proxy ({@code /configz}, needs
 * {@code nodes/proxy} get), for the {@code memory.available} hard eviction threshold of an existing node.
 *
 * <pre>{@code
 * KubeletConfigz.Threshold t = KubeletConfigz.memoryThreshold(client, "worker-1", capacityBytes);
 * t.bytes();  // 104857600 for "100Mi"
 * }</pre>
 */
@API(status = INTERNAL, since = "0.1")
public final class KubeletConfigz {

    private KubeletConfigz() {
    }

    /** The threshold in bytes (0 when there is none or it cannot be read) and a note saying which. */
    record Threshold(long bytes, String note) {
    }

    @SuppressWarnings("unchecked")
    static Threshold memoryThreshold(KubernetesClient client, String node, long capacity) {
        String json;
        try {
            json = client.raw("/api/v1/nodes/" + node + "/proxy/configz");
        } catch (KubernetesClientException e) {
            // client.raw() reports the HTTP status in the Status body, not always in getCode()
            if (e.getCode() == 403 || e.getStatus() != null && Integer.valueOf(403).equals(e.getStatus().getCode())) {
                return new Threshold(0, "eviction threshold unknown: kubelet /configz is forbidden to this identity ("
                        + e.getMessage() + "); grant `get` on `nodes/proxy` to read it");
            }
            return unknown(e.getMessage());
        }
        if (json == null) {
            return unknown("no response");
        }
        try {
            Map<String, Object> root = client.getKubernetesSerialization().unmarshal(json, Map.class);
            Object config = root == null ? null : root.get("kubeletconfig");
            if (!(config instanceof Map<?, ?>)) {
                return unknown("the response has no kubeletconfig");
            }
            Map<?, ?> kubelet = (Map<?, ?>) config;
            Object hard = kubelet.get("evictionHard");
            Object memory = hard instanceof Map<?, ?> m ? m.get("memory.available") : null;
            String settings = "evictionHard " + orNone(hard) + ", kubeReserved " + orNone(kubelet.get("kubeReserved"))
                    + ", systemReserved " + orNone(kubelet.get("systemReserved")) + ", evictionPressureTransitionPeriod "
                    + orNone(kubelet.get("evictionPressureTransitionPeriod"));
            if (memory == null) {
                return new Threshold(0, "NO memory eviction: no memory.available hard eviction threshold, so pods are"
                        + " not evicted for memory and the kernel OOM killer is the only limit (kubelet /configz: "
                        + settings + "); to have the kubelet evict, set evictionHard memory.available (kubelet flag"
                        + " --eviction-hard=" + MemoryEviction.SUGGESTED + ",nodefs.available<5%,imagefs.available<5%,"
                        + " on k3s --kubelet-arg=eviction-hard=...)");
            }
            return new Threshold(parse(memory.toString(), capacity),
                    "hard eviction at memory.available<" + memory + " (kubelet /configz: " + settings + ")");
        } catch (RuntimeException e) {
            return unknown("unparseable: " + e.getMessage());
        }
    }

    private static String orNone(Object value) {
        return value == null || value instanceof Map<?, ?> m && m.isEmpty() ? "(none)"
                : value.toString().replace(" ", "");
    }

    static long parse(String value, long capacity) {
        if (value.endsWith("%")) {
            return (long) (capacity * Double.parseDouble(value.substring(0, value.length() - 1)) / 100);
        }
        return MemorySize.parse(value).bytes();
    }

    private static Threshold unknown(String why) {
        return new Threshold(0, "eviction threshold unknown: kubelet /configz not readable (" + why + ")");
    }
}
