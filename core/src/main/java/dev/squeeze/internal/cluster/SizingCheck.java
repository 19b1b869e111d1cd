package dev.squeeze.internal.cluster;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;
import dev.squeeze.cluster.MemoryWall;
import dev.squeeze.units.MemorySize;

import java.util.ArrayList;
import java.util.List;

/**
 * Compares what the node reports after start with what {@link NodeSizing} derived, and fails fast with both numbers:
 * a node that silently ignored a flag would make every experiment on it prove the wrong thing.
 *
 * <pre>{@code
 * SizingCheck.verify(sizing, MemoryWall.PHYSICAL, capacity, allocatable, kubepodsLimit, wallLimit);
 * }</pre>
 */
@API(status = INTERNAL, since = "0.1")
public final class SizingCheck {

    /** The kernel rounds cgroup v1 limits down to whole pages. */
    static final long PAGE = 4096;

    private SizingCheck() {
    }

    static void verify(NodeSizing sizing, MemoryWall wall, long capacity, long allocatable, Long kubepodsLimit,
                       Long wallLimit) {
        List<String> problems = new ArrayList<>();
        expectExact(problems, "Node status.capacity.memory", sizing.expectedCapacity(), capacity,
                "the kubelet did not read the host's MemTotal; is /proc/meminfo virtualised (lxcfs)?");
        expectExact(problems, "Node status.allocatable.memory", sizing.expectedAllocatable(), allocatable,
                "the kubelet did not apply system-reserved/kube-reserved/eviction-hard");
        if (kubepodsLimit == null) {
            problems.add("kubepods cgroup limit: expected " + sizing.expectedKubepodsLimit().toQuantity()
                    + " but it is unlimited; the kubelet did not enforce node allocatable on kubepods");
        } else {
            expectPageRounded(problems, "kubepods cgroup limit", sizing.expectedKubepodsLimit(), kubepodsLimit);
        }
        if (wall == MemoryWall.PHYSICAL) {
            if (wallLimit == null) {
                problems.add("physical wall: expected a limit of " + sizing.node().toQuantity()
                        + " but the node's cgroup is unlimited");
            } else {
                expectPageRounded(problems, "physical wall limit", sizing.node(), wallLimit);
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("The k3s node does not have the size Squeeze derived ("
                    + sizing.describe() + "):\n  " + String.join("\n  ", problems)
                    + "\nkubelet args: " + sizing.kubeletArgs());
        }
    }

    private static void expectExact(List<String> problems, String what, MemorySize expected, long actual,
                                    String hint) {
        if (expected.bytes() != actual) {
            problems.add(what + ": expected " + expected.bytes() + " (" + expected.toHuman() + ") but was " + actual
                    + " (" + MemorySize.ofBytes(actual).toHuman() + "); " + hint);
        }
    }

    private static void expectPageRounded(List<String> problems, String what, MemorySize expected, long actual) {
        long floor = expected.bytes() / PAGE * PAGE;
        if (actual != expected.bytes() && actual != floor) {
            problems.add(what + ": expected " + expected.bytes() + " (" + expected.toHuman() + ") but was " + actual
                    + " (" + MemorySize.ofBytes(actual).toHuman() + ")");
        }
    }
}
