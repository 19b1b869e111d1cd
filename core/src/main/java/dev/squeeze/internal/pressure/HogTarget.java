package dev.squeeze.internal.pressure;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;
import dev.squeeze.pressure.HogSize;
import dev.squeeze.pressure.HogSpec;
import dev.squeeze.pressure.SizeBasis;
import dev.squeeze.units.MemorySize;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Quantity;

import java.util.Locale;
import java.util.Map;

/**
 * The hog's size in bytes, resolved once before the hog starts, with the basis spelled out for the report: a
 * percentage alone is ambiguous (of the node? of the limit? capacity or allocatable?).
 *
 * <!-- sample(KubernetesClient client, HogSpec spec, String node) -->
 * <pre>{@code
 * HogTarget t = HogTarget.resolve(spec, client.nodes().withName(node).get());
 * t.bytes();   // 1803886182
 * t.basis();   // "120.0% of node allocatable 1.40 GiB"
 * }</pre>
 *
 * @param bytes what the eater is asked to fill
 * @param basis how {@code bytes} was derived, one phrase
 */
@API(status = INTERNAL, since = "0.1")
public record HogTarget(long bytes, String basis) {

    /**
     * @param node the Node the hog runs on; read only for the NODE_CAPACITY and NODE_ALLOCATABLE bases
     * @throws IllegalArgumentException when the basis cannot be resolved (no limit for HOG_LIMIT, no memory on the node)
     */
    public static HogTarget resolve(HogSpec spec, Node node) {
        return resolve(spec, node, 0);
    }

    /**
     * Like {@link #resolve(HogSpec, Node)}, for a node whose size was declared: inside a container the kubelet
     * reports the host's memory as capacity (cadvisor reads /proc/meminfo), so NODE_CAPACITY means the declared size there.
     *
     * @param declaredNodeBytes the declared node size ({@code ClusterFacts.declaredBytes()}), 0 when none
     */
    public static HogTarget resolve(HogSpec spec, Node node, long declaredNodeBytes) {
        if (spec.size() instanceof HogSize.Percent p && p.basis() == SizeBasis.NODE_CAPACITY && declaredNodeBytes > 0) {
            long bytes = (long) Math.floor(declaredNodeBytes * p.percent() / 100.0);
            return new HogTarget(bytes, String.format(Locale.ROOT, "%s %s (declared; the kubelet reports %s)", p,
                    MemorySize.ofBytes(declaredNodeBytes).toHuman(), MemorySize.ofBytes(nodeMemory(node, true)).toHuman()));
        }
        if (spec.size() instanceof HogSize.Absolute a) {
            return new HogTarget(a.size().bytes(), "absolute " + a.size().toQuantity());
        }
        HogSize.Percent p = (HogSize.Percent) spec.size();
        long basisBytes = switch (p.basis()) {
            case NODE_CAPACITY -> nodeMemory(node, true);
            case NODE_ALLOCATABLE -> nodeMemory(node, false);
            case HOG_LIMIT -> {
                if (spec.limit().isZero()) {
                    throw new IllegalArgumentException("hog `size` " + p + " needs a hog memory limit, but the hog has"
                            + " none (" + spec.qos() + "); give one, for example"
                            + " hog.withQos(QosClass.BURSTABLE, MemorySize.parse(\"1Gi\"))");
                }
                yield spec.limit().bytes();
            }
        };
        long bytes = (long) Math.floor(basisBytes * p.percent() / 100.0);
        if (bytes <= 0) {
            throw new IllegalArgumentException("hog `size` " + p + " of " + basisBytes + " bytes is nothing; use a"
                    + " positive percentage such as 120");
        }
        return new HogTarget(bytes, String.format(Locale.ROOT, "%s %s", p, MemorySize.ofBytes(basisBytes).toHuman()));
    }

    private static long nodeMemory(Node node, boolean capacity) {
        String what = capacity ? "capacity" : "allocatable";
        Map<String, Quantity> resources = node == null || node.getStatus() == null ? null
                : capacity ? node.getStatus().getCapacity() : node.getStatus().getAllocatable();
        Quantity memory = resources == null ? null : resources.get("memory");
        if (memory == null) {
            String name = node == null ? "(missing)" : node.getMetadata().getName();
            throw new IllegalArgumentException("node " + name + " reports no status." + what + ".memory, so a hog size"
                    + " relative to node " + what + " cannot be resolved; give an absolute size such as 1500Mi");
        }
        return Quantity.getAmountInBytes(memory).longValueExact();
    }

    /** {@code 1.68 GiB (120.0% of node allocatable 1.40 GiB)} */
    public String describe() {
        return MemorySize.ofBytes(bytes).toHuman() + " (" + basis + ")";
    }
}
