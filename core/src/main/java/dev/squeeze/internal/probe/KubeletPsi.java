package dev.squeeze.internal.probe;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;
import dev.squeeze.report.PressureStall;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The node's memory PSI from the kubelet's {@code /stats/summary} ({@code node.memory.psi.some/full} with
 * {@code avg10} and {@code total} in microseconds): the KubeletPSI feature, beta and on by default since Kubernetes
 * 1.34, on cgroup v2 nodes. The only PSI source for an existing cluster's remote node, whose files Squeeze cannot read.
 *
 * <pre>{@code
 * PressureStall p = KubeletPsi.parse(summaryJson);   // unavailable with the reason when the kubelet has none
 * }</pre>
 */
@API(status = INTERNAL, since = "0.1")
public final class KubeletPsi {

    static final String SOURCE = "kubelet /stats/summary node memory.psi (KubeletPSI, cgroup v2)";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private KubeletPsi() {
    }

    static PressureStall parse(String summaryJson) {
        JsonNode psi = JSON.readTree(summaryJson).path("node").path("memory").path("psi");
        JsonNode some = psi.path("some");
        JsonNode full = psi.path("full");
        if (!some.path("avg10").isNumber() && !full.path("avg10").isNumber()) {
            return PressureStall.unavailable("the kubelet's /stats/summary has no node memory.psi (KubeletPSI needs"
                    + " Kubernetes 1.34 or later and a cgroup v2 node)");
        }
        Long someTotal = lng(some.path("total"));
        Long fullTotal = lng(full.path("total"));
        if (isZero(someTotal) && isZero(fullTotal)) {
            // a kubelet on a cgroup v1 node (no PSI files) fills the struct with zeros; a v2 node's root cgroup has
            // stalled at some point since boot, so its cumulative totals are never both 0
            return PressureStall.unavailable("the kubelet's /stats/summary reports node memory.psi totals of 0 (some"
                    + " and full): zeros, not readings, as a kubelet on a cgroup v1 node reports them");
        }
        return new PressureStall(SOURCE, dbl(some.path("avg10")), dbl(full.path("avg10")), someTotal, fullTotal,
                null, null);
    }

    private static boolean isZero(Long total) {
        return total == null || total == 0;
    }

    private static Double dbl(JsonNode n) {
        return n.isNumber() ? n.asDouble() : null;
    }

    private static Long lng(JsonNode n) {
        return n.isNumber() ? n.asLong() : null;
    }
}
