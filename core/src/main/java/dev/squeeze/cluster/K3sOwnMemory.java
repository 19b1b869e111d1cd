package dev.squeeze.cluster;

import dev.squeeze.units.MemorySize;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What k3s itself uses, from the kubelet's {@code /stats/summary}: the {@code kubelet} system container is the
 * kubelet's {@code kubelet-cgroups}, where the kubelet moved its own process, which in k3s is the whole server (API
 * server, controllers, kine, kubelet, flannel; k3s-io/k3s pkg/cgroups/cgroups_linux.go sets it, Squeeze places it
 * below the wall). containerd and its shims, children started earlier, stay in the container's cgroup.
 *
 * <pre>{@code
 * Long bytes = K3sOwnMemory.workingSet(summaryJson);   // 412_000_000, or null when the kubelet does not report it
 * }</pre>
 */
final class K3sOwnMemory {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private K3sOwnMemory() {
    }

    /** The {@code kubelet} system container's memory working set, {@code null} when absent. */
    static Long workingSet(String summaryJson) {
        JsonNode root = JSON.readTree(summaryJson);
        for (JsonNode system : root.path("node").path("systemContainers")) {
            if ("kubelet".equals(system.path("name").asString(""))) {
                JsonNode ws = system.path("memory").path("workingSetBytes");
                return ws.isNumber() ? ws.asLong() : null;
            }
        }
        return null;
    }

    /**
     * A warning when k3s uses more than {@code kubeReserved}, the room the node keeps for it: then k3s and the pods
     * together can reach the wall before the kubelet's eviction threshold, which turns evictions into OOM kills.
     * {@code null} when it fits.
     */
    static String overReserved(long k3sBytes, MemorySize kubeReserved) {
        if (k3sBytes <= kubeReserved.bytes()) {
            return null;
        }
        long mib = (k3sBytes + (1 << 20) - 1) >> 20;
        long suggested = ((mib + 49) / 50) * 50 + 100;
        return "k3s itself uses " + MemorySize.ofBytes(k3sBytes).toHuman() + " (working set of its cgroup, after"
                + " kube-system Ready), more than kubeReserved " + kubeReserved.toQuantity() + ": k3s eats into the"
                + " room the pods were promised, so the node may hit its memory wall (OOM kills) before the kubelet"
                + " evicts; raise kubeReserved to at least " + suggested + "Mi (NodeSpec.withKubeReserved or"
                + " @ChaosNode(kubeReserved = \"" + suggested + "Mi\"))";
    }
}
