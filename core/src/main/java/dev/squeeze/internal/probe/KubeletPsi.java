package dev.squeeze.internal.probe;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;
import dev.squeeze.report.PressureStall;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The node's memory PSI from the kubelet's {@code /stats/summary} ({@code node.memory.psi.some/full} with
 * {@code avg10} and {@code total} in microseconds): the KubeletPSI feature, beta and on by default since Kubernetes
 * 1.34, on cgroup v2 nodes. The only PSI source for an existing cluster's remote node, whose files Squeeze cannot read.
 *
 * <p>A kubelet on a cgroup v1 node fills the {@code psi} object with zeros (the object is there either way: cadvisor's
 * stats carry it by value), and a cgroup v2 node that never stalled reports zeros too. The kubelet's own
 * {@code kubelet_cgroup_version} gauge (its {@code /metrics}, Kubernetes 1.31 and later) tells them apart: on v2 the
 * zeros are a reading, on v1 they are not; while the version is unknown they are not taken as one.
 *
 * <pre>{@code
 * PressureStall p = KubeletPsi.parse(summaryJson, KubeletPsi.cgroupVersion(metricsText));
 * }</pre>
 */
@API(status = INTERNAL, since = "0.1")
public final class KubeletPsi {

    static final String SOURCE = "kubelet /stats/summary node memory.psi (KubeletPSI, cgroup v2)";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern CGROUP_VERSION = Pattern.compile("(?m)^kubelet_cgroup_version(?:\\{[^}]*\\})?\\s+(\\d+)");

    private KubeletPsi() {
    }

    /** Parses without knowing the kubelet's cgroup version: all-zero totals are then not taken as a reading. */
    static PressureStall parse(String summaryJson) {
        return parse(summaryJson, OptionalInt.empty());
    }

    /** @param cgroupVersion the kubelet's {@code kubelet_cgroup_version}, empty when unknown */
    static PressureStall parse(String summaryJson, OptionalInt cgroupVersion) {
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
            if (cgroupVersion.isPresent() && cgroupVersion.getAsInt() == 1) {
                return PressureStall.unavailable("the kubelet runs on cgroup v1 (kubelet_cgroup_version 1): its node"
                        + " memory.psi is zero-filled, not a reading");
            }
            if (cgroupVersion.isEmpty()) {
                return PressureStall.unavailable("the kubelet's /stats/summary reports node memory.psi totals of 0"
                        + " (some and full) and its cgroup version is unknown (no kubelet_cgroup_version in its"
                        + " /metrics): zeros a cgroup v1 kubelet reports cannot be told from a v2 node that never"
                        + " stalled");
            }
            // cgroup v2: a node that has not stalled since boot, a real 0
        }
        return new PressureStall(SOURCE, dbl(some.path("avg10")), dbl(full.path("avg10")), someTotal, fullTotal,
                null, null);
    }

    /** Whether {@code summaryJson} has a node memory.psi whose totals are both 0 (v1 zero-fill, or a calm v2 node). */
    static boolean zeroTotals(String summaryJson) {
        JsonNode psi = JSON.readTree(summaryJson).path("node").path("memory").path("psi");
        return psi.isObject() && isZero(lng(psi.path("some").path("total")))
                && isZero(lng(psi.path("full").path("total")));
    }

    /** The {@code kubelet_cgroup_version} gauge from the kubelet's Prometheus text {@code /metrics}, if present. */
    static OptionalInt cgroupVersion(String metricsText) {
        Matcher m = CGROUP_VERSION.matcher(metricsText);
        return m.find() ? OptionalInt.of(Integer.parseInt(m.group(1))) : OptionalInt.empty();
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
