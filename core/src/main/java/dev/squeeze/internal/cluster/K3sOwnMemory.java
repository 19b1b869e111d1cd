package dev.squeeze.internal.cluster;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;
import dev.squeeze.units.MemorySize;

/**
 * k3s's own memory checked against {@code kubeReserved}. The figure is the node's overhead inside the wall (k3s,
 * containerd, shims: the wall's cgroup minus kubepods, {@link K3sMemoryWall#nodeOverheadWorkingSet}), read after
 * kube-system is Ready.
 *
 * <pre>{@code
 * K3sOwnMemory.overReserved(700L << 20, MemorySize.parse("600Mi"));   // "k3s itself uses 700.0 MiB ... 800Mi"
 * }</pre>
 */
@API(status = INTERNAL, since = "0.1")
public final class K3sOwnMemory {

    private K3sOwnMemory() {
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
        return "k3s itself uses " + MemorySize.ofBytes(k3sBytes).toHuman() + " (working set of the node besides its pods:"
                + " k3s, containerd, shims, after kube-system Ready), more than kubeReserved " + kubeReserved.toQuantity() + ": k3s eats into the"
                + " room the pods were promised, so the node may hit its memory wall (OOM kills) before the kubelet"
                + " evicts; raise kubeReserved to at least " + suggested + "Mi (NodeSpec.withKubeReserved or"
                + " @ChaosNode(kubeReserved = \"" + suggested + "Mi\"))";
    }
}
