package dev.squeeze.internal.cluster;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;
import dev.squeeze.cluster.NodeSpec;
import dev.squeeze.internal.units.Durations;
import dev.squeeze.units.MemorySize;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The kubelet flags that make a k3s node inside Docker behave like a machine of {@link NodeSpec#memory()} N, and
 * the numbers the node must report back. Pure arithmetic, no Docker.
 *
 * <p>The kubelet's capacity is the host's MemTotal H (cadvisor reads /proc/meminfo, not the container limit), so
 * the difference is reserved for the "system": {@code system-reserved = H - N + S}. Then, as on any node,
 * {@code kubepods limit = capacity - system-reserved - kube-reserved = N - S - K} and
 * {@code allocatable = kubepods limit - evictionHard}.
 *
 * <!-- sample(MemorySize hostMemTotal) -->
 * <pre>{@code
 * NodeSizing sizing = NodeSizing.derive(NodeSpec.ofMemory(MemorySize.parse("2Gi")), hostMemTotal, "/squeeze-ab12c", true, 34);
 * sizing.k3sArgs();              // [--kubelet-arg=system-reserved=memory=..., ...]
 * sizing.expectedAllocatable();  // 2Gi - 600Mi - 200Mi
 * }</pre>
 *
 * @param host           H, MemTotal as the kubelet sees it
 * @param node           N, the declared node size
 * @param systemReserved {@code H - N + S}
 * @param kubeReserved   K
 * @param evictionHard   e; zero means no memory eviction signal at all
 * @param cgroupRoot     the kubelet's {@code cgroup-root}; {@code ""} keeps the kubelet's default. When set, k3s's
 *                       own cgroup ({@code kubelet-cgroups}, {@code runtime-cgroups}) is {@code <cgroupRoot>/k3s}:
 *                       k3s's {@code CheckCgroups} would otherwise put it at {@code /k3s}, outside the root
 * @param kubeletArgs    every {@code key=value} passed to the kubelet, derived ones first, the user's last
 */
@API(status = INTERNAL, since = "0.1")
public record NodeSizing(MemorySize host, MemorySize node, MemorySize systemReserved, MemorySize kubeReserved,
                         MemorySize evictionHard, String cgroupRoot, List<String> kubeletArgs) {

    /** Room left for pods below which an experiment cannot run anything meaningful. */
    public static final MemorySize MIN_ALLOCATABLE = MemorySize.ofMebibytes(256);

    /** Disk signals always passed with the memory one: any {@code eviction-hard} drops the unlisted signals. */
    static final String DISK_SIGNALS = "nodefs.available<5%,imagefs.available<5%";

    private static final Set<String> DERIVED_KEYS = Set.of("system-reserved", "kube-reserved", "eviction-hard",
            "cgroup-root", "eviction-pressure-transition-period");

    /** Where k3s itself runs: derived from the cgroup root so that the memory wall holds k3s too. */
    private static final Set<String> K3S_CGROUP_KEYS = Set.of("kubelet-cgroups", "runtime-cgroups");

    public NodeSizing {
        kubeletArgs = List.copyOf(kubeletArgs);
    }

    /**
     * Derives the kubelet flags for {@code spec} on a host whose MemTotal is {@code host}.
     *
     * @param cgroupRoot        the kubelet's cgroup root, {@code ""} for its default
     * @param cgroupV1          whether the Docker host runs cgroup v1
     * @param kubernetesMinor   the kubelet's minor version (34 for v1.34.x); 1.35+ needs {@code fail-cgroupv1=false} on v1
     * @throws IllegalArgumentException naming the {@link NodeSpec} attribute, its value and the fix
     */
    public static NodeSizing derive(NodeSpec spec, MemorySize host, String cgroupRoot, boolean cgroupV1,
                                    int kubernetesMinor) {
        validate(spec, host);
        MemorySize systemReserved = host.minus(spec.memory()).plus(spec.systemReserved());
        List<String> args = new ArrayList<>();
        args.add("system-reserved=memory=" + quantity(systemReserved));
        args.add("kube-reserved=memory=" + quantity(spec.kubeReserved()));
        args.add("eviction-hard=" + evictionHard(spec.evictionHard()));
        args.add("eviction-pressure-transition-period=" + goDuration(spec));
        if (!cgroupRoot.isEmpty()) {
            args.add("cgroup-root=" + cgroupRoot);
            // k3s's CheckCgroups (k3s-io/k3s pkg/cgroups/cgroups_linux.go) sets both to /k3s whenever PID 1 is
            // in a cgroup other than / or /init.scope, which is always the case in a container, and the kubelet
            // then moves the whole k3s process there: on cgroup v1 with the host's /sys/fs/cgroup that is the
            // host's /k3s, outside the wall. --kubelet-arg wins over k3s's value (pkg/util/args.go).
            args.add("kubelet-cgroups=" + k3sCgroup(cgroupRoot));
            args.add("runtime-cgroups=" + k3sCgroup(cgroupRoot));
        }
        if (cgroupV1 && kubernetesMinor >= 35) {
            args.add("fail-cgroupv1=false");
        }
        args.addAll(swapArgs(spec, cgroupV1));
        args.addAll(spec.kubeletArgs());
        return new NodeSizing(host, spec.memory(), systemReserved, spec.kubeReserved(), spec.evictionHard(),
                cgroupRoot, args);
    }

    /**
     * A node with swap: the kubelet must not refuse to start ({@code fail-swap-on=false}; stock k3s already sets it in
     * its config drop-in, a user's image may not). On cgroup v2 it gets the swap behaviour Kubernetes 1.34 defines
     * (KEP-2400, GA): {@code LimitedSwap}, under which only Burstable pods swap, each in proportion to its memory
     * request. On cgroup v1 the kubelet refuses {@code LimitedSwap} ("only supported with cgroupv2") and keeps
     * {@code NoSwap}: a container with a memory limit gets {@code memsw} = its limit, a container without one
     * (BestEffort) no {@code memsw} limit, and k3s itself swaps under the wall.
     */
    static List<String> swapArgs(NodeSpec spec, boolean cgroupV1) {
        if (!spec.hasSwap()) {
            return List.of();
        }
        return cgroupV1 ? List.of("fail-swap-on=false")
                : List.of("fail-swap-on=false", "memory-swap-behavior=LimitedSwap");
    }

    /** The cgroup k3s itself runs in below {@code cgroupRoot}: {@code /squeeze-ab12c/k3s}. */
    static String k3sCgroup(String cgroupRoot) {
        return cgroupRoot + "/k3s";
    }

    /**
     * The {@code eviction-hard} value. A zero threshold omits {@code memory.available}: the kubelet rejects a zero
     * quantity, and an unlisted signal is simply not evaluated, which is stock k3s's "no memory eviction".
     */
    static String evictionHard(MemorySize threshold) {
        return threshold.isZero() ? DISK_SIGNALS : "memory.available<" + quantity(threshold) + "," + DISK_SIGNALS;
    }

    private static String goDuration(NodeSpec spec) {
        long millis = spec.pressureTransitionPeriod().toMillis();
        return millis % 1000 == 0 ? millis / 1000 + "s" : millis + "ms";
    }

    private static String quantity(MemorySize size) {
        return size.isZero() ? "0" : size.toQuantity();
    }

    private static void validate(NodeSpec spec, MemorySize host) {
        MemorySize n = spec.memory();
        if (n.compareTo(host) > 0) {
            throw new IllegalArgumentException("`memory` " + n.toQuantity() + " is larger than the Docker host's"
                    + " memory (MemTotal " + host.toHuman() + "): a node cannot be bigger than the machine it runs"
                    + " on; declare at most " + host.toQuantity() + ", such as 2Gi");
        }
        MemorySize reserved = spec.kubeReserved().plus(spec.systemReserved()).plus(spec.evictionHard());
        MemorySize needed = reserved.plus(MIN_ALLOCATABLE);
        if (n.compareTo(needed) < 0) {
            throw new IllegalArgumentException("`memory` " + n.toQuantity() + " leaves less than "
                    + MIN_ALLOCATABLE.toQuantity() + " allocatable to pods after `kubeReserved` "
                    + spec.kubeReserved().toQuantity() + ", `systemReserved` " + spec.systemReserved().toQuantity()
                    + " and `evictionHard` " + spec.evictionHard().toQuantity() + "; raise `memory` to at least "
                    + needed.toQuantity() + " or lower the reservations");
        }
        if (spec.pressureTransitionPeriod().isNegative()) {
            throw new IllegalArgumentException("`pressureTransitionPeriod` must not be negative, but was "
                    + Durations.format(spec.pressureTransitionPeriod()) + "; use a duration such as 30s");
        }
        for (String arg : spec.kubeletArgs()) {
            int eq = arg.indexOf('=');
            if (eq <= 0 || arg.startsWith("-")) {
                throw new IllegalArgumentException("`kubeletArgs` entry '" + arg + "' must be key=value without"
                        + " leading dashes, such as 'max-pods=20'");
            }
            String key = arg.substring(0, eq);
            if (K3S_CGROUP_KEYS.contains(key)) {
                throw new IllegalArgumentException("`kubeletArgs` entry '" + arg + "' would move k3s itself out of"
                        + " the node's memory wall: Squeeze sets kubelet-cgroups and runtime-cgroups below the node's"
                        + " cgroup root so that k3s and its pods share one limit; remove the entry (use"
                        + " MemoryWall.ACCOUNTING_ONLY if k3s must not be limited)");
            }
            if (DERIVED_KEYS.contains(key)) {
                throw new IllegalArgumentException("`kubeletArgs` entry '" + arg + "' would override the node"
                        + " sizing Squeeze derives and checks; set it through NodeSpec instead ("
                        + "withMemory, withKubeReserved, withSystemReserved, withEvictionHard,"
                        + " withPressureTransitionPeriod)");
            }
        }
    }

    /** The arguments for the k3s server command line, one {@code --kubelet-arg=} per kubelet flag. */
    public List<String> k3sArgs() {
        return kubeletArgs.stream().map(a -> "--kubelet-arg=" + a).toList();
    }

    /** Node capacity the kubelet will report: H. */
    public MemorySize expectedCapacity() {
        return host;
    }

    /** The kubepods cgroup limit the kubelet enforces: {@code N - S - K}. */
    public MemorySize expectedKubepodsLimit() {
        return host.minus(systemReserved).minus(kubeReserved);
    }

    /** Node allocatable memory the scheduler sees: {@code N - S - K - e}. */
    public MemorySize expectedAllocatable() {
        return expectedKubepodsLimit().minus(evictionHard);
    }

    /** {@code node 2Gi: kubepods 1.41 GiB, allocatable 1.22 GiB, eviction at 200Mi available}. */
    public String describe() {
        return "node " + node.toQuantity() + " (host MemTotal " + host.toHuman() + "): kubepods limit "
                + expectedKubepodsLimit().toHuman() + ", allocatable " + expectedAllocatable().toHuman()
                + (evictionHard.isZero() ? ", no memory eviction"
                : ", eviction at memory.available<" + evictionHard.toQuantity());
    }
}
