package dev.squeeze.internal.cluster;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;
import dev.squeeze.cluster.MemoryWall;
import dev.squeeze.cluster.NodeSpec;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.HostConfig;
import dev.squeeze.report.WallLimits;
import dev.squeeze.units.MemorySize;
import org.testcontainers.k3s.K3sContainer;

import java.io.IOException;
import java.util.List;

/**
 * How the declared node size N becomes a physical wall that k3s itself and its pods share.
 *
 * <ul>
 *   <li>cgroup v1: the container gets a Docker cgroup parent {@code /squeeze-<id>} and the kubelet the same
 *       {@code cgroup-root}, so k3s and kubepods are siblings under one parent; N is written to the parent's
 *       {@code memory.limit_in_bytes} (and {@code memsw}) from inside the privileged container, whose
 *       /sys/fs/cgroup is the host's. A cgroup root of its own also keeps parallel nodes out of each other's
 *       {@code /kubepods}. With Docker's systemd cgroup driver the parent must be a slice: Docker gets
 *       {@code squeeze-<id>.slice} (dashes in the id escaped, since a dash in a slice name nests it), which systemd
 *       creates at {@code /squeeze.slice/squeeze-<id>.slice}; the kubelet's cgroup root is that path.</li>
 *   <li>cgroup v2: a private cgroup namespace (and no bind of the host's /sys/fs/cgroup) puts kubepods inside the
 *       container's cgroup, and {@code --memory=N --memory-swap=N} is the wall.</li>
 * </ul>
 * {@link MemoryWall#ACCOUNTING_ONLY} keeps the same layout without the limit. A node with swap S moves the memory +
 * swap limit only: v1 {@code memory.memsw.limit_in_bytes} = N + S, v2 {@code --memory-swap=N+S} (Docker writes
 * {@code memory.swap.max} = S); the memory limit stays N, so the kernel pages out instead of OOM-killing at N.
 */
@API(status = INTERNAL, since = "0.1")
public final class K3sMemoryWall {

    private final MemoryWall wall;
    private final boolean cgroupV1;
    private final String parent;
    private final String dockerParent;
    private final MemorySize node;
    private final MemorySize swap;

    K3sMemoryWall(MemoryWall wall, boolean cgroupV1, String clusterId, MemorySize node) {
        this(wall, cgroupV1, false, clusterId, node, MemorySize.ZERO);
    }

    /** A node with {@code swap} beyond its memory: the wall's memory + swap limit is N + swap. */
    K3sMemoryWall(MemoryWall wall, boolean cgroupV1, String clusterId, MemorySize node, MemorySize swap) {
        this(wall, cgroupV1, false, clusterId, node, swap);
    }

    /** @param systemdDriver Docker's cgroup driver is systemd: the v1 parent is then a slice */
    K3sMemoryWall(MemoryWall wall, boolean cgroupV1, boolean systemdDriver, String clusterId, MemorySize node) {
        this(wall, cgroupV1, systemdDriver, clusterId, node, MemorySize.ZERO);
    }

    K3sMemoryWall(MemoryWall wall, boolean cgroupV1, boolean systemdDriver, String clusterId, MemorySize node,
                  MemorySize swap) {
        this.wall = wall;
        this.cgroupV1 = cgroupV1;
        if (systemdDriver) {
            String slice = "squeeze-" + clusterId.replace('-', '_') + ".slice";
            this.dockerParent = slice;
            this.parent = systemdSlicePath(slice).substring(1);
        } else {
            this.dockerParent = "/squeeze-" + clusterId;
            this.parent = "squeeze-" + clusterId;
        }
        this.node = node;
        this.swap = swap;
    }

    /** The memory + swap limit: N, or N + S on a node with swap. */
    long memoryPlusSwapBytes() {
        return node.bytes() + swap.bytes();
    }

    /**
     * Where systemd creates a slice: each dash-separated prefix is a parent slice, so {@code a-b.slice} lives at
     * {@code /a.slice/a-b.slice} (systemd.slice(5)).
     */
    static String systemdSlicePath(String slice) {
        String name = slice.substring(0, slice.length() - ".slice".length());
        StringBuilder path = new StringBuilder();
        int dash = -1;
        while ((dash = name.indexOf('-', dash + 1)) >= 0) {
            path.append('/').append(name, 0, dash).append(".slice");
        }
        return path.append('/').append(slice).toString();
    }

    /** The wall's cgroup below each hierarchy's root, without a leading slash: {@code squeeze-<id>} or a slice path. */
    String parent() {
        return parent;
    }

    /** What Docker gets as {@code --cgroup-parent} on v1: a path, or a slice name with the systemd driver. */
    String dockerCgroupParent() {
        return dockerParent;
    }

    boolean cgroupV1() {
        return cgroupV1;
    }

    /** The kubelet's {@code cgroup-root}: the shared parent on v1, the namespace root on v2. */
    String kubeletCgroupRoot() {
        return cgroupV1 ? "/" + parent : "";
    }

    /** Docker settings applied before the container is created. */
    void configure(K3sContainer container) {
        // a copy: setBinds clears the container's list before adding the given one
        container.setBinds(binds(container.getBinds()));
        container.withCreateContainerCmdModifier(cmd -> hostConfig(cmd.getHostConfig()));
    }

    /** v2 drops the stock bind of the host's /sys/fs/cgroup: k3s gets its own cgroup namespace instead. */
    List<Bind> binds(List<Bind> stock) {
        return stock.stream().filter(b -> cgroupV1 || !"/sys/fs/cgroup".equals(b.getVolume().getPath())).toList();
    }

    /**
     * v1: the cgroup parent {@code /squeeze-<id>}. v2: a private cgroup namespace (k3s as PID 1 then evacuates
     * the namespace root into {@code /init}, k3s-io/k3s pkg/cli/cmds/init_linux.go, and the kubelet creates
     * {@code /kubepods} next to it) and, for the physical wall, {@code --memory=N --memory-swap=N}.
     */
    HostConfig hostConfig(HostConfig hostConfig) {
        if (cgroupV1) {
            return hostConfig.withCgroupParent(dockerParent);
        }
        hostConfig.withCgroupnsMode("private");
        if (wall == MemoryWall.PHYSICAL) {
            hostConfig.withMemory(node.bytes()).withMemorySwap(memoryPlusSwapBytes());
        }
        return hostConfig;
    }

    /** Writes the v1 limit as soon as Docker has created the parent, before k3s grows. */
    void applyAfterStart(K3sContainer container) {
        if (!swap.isZero()) {
            // /proc/meminfo in the container is the host's: its SwapTotal is what the node can page into
            NodeShell.run(container, "check the Docker host's swap", "t=$(grep SwapTotal: /proc/meminfo | tr -dc 0-9);"
                    + " if [ $((t * 1024)) -lt " + swap.bytes() + " ]; then echo \"" + HostSwap.message(
                    NodeSpec.defaults().withSwap(swap), 0, "/proc/meminfo inside the node").replace("none",
                    "$((t / 1024)) MiB").replace("`", "'") + "\" >&2; exit 3; fi");
        }
        if (!cgroupV1 || wall != MemoryWall.PHYSICAL) {
            return;
        }
        String dir = "/sys/fs/cgroup/memory/" + parent;
        // memory before memsw: the kernel requires memory.limit <= memsw.limit at every step
        String script = "echo " + node.bytes() + " > " + dir + "/memory.limit_in_bytes && "
                + "if [ -e " + dir + "/memory.memsw.limit_in_bytes ]; then echo " + memoryPlusSwapBytes() + " > " + dir
                + "/memory.memsw.limit_in_bytes; "
                + (swap.isZero() ? "fi" : "else echo 'no " + dir + "/memory.memsw.limit_in_bytes: the kernel has no"
                + " swap accounting (boot with swapaccount=1), so a node with swap has no memory + swap wall' >&2;"
                + " exit 3; fi");
        NodeShell.run(container, "write the node's memory wall", script);
    }

    /**
     * The wall read back, memory and swap limit together ({@link WallReadBack}); a {@link MemoryWall#PHYSICAL} wall that
     * swap can leak through fails here, by name, with the fix.
     */
    WallLimits wallLimits(K3sContainer container) {
        if (wall != MemoryWall.PHYSICAL) {
            return WallLimits.accountingOnly();
        }
        WallLimits limits = WallReadBack.parse(cgroupV1, parent,
                NodeShell.run(container, "read the wall's memory and swap limits", WallReadBack.script(cgroupV1, parent)),
                swap.bytes());
        WallReadBack.requireHard(wall, cgroupV1, limits);
        return limits;
    }

    /** Inside the container: v1 the parent's limit (host hierarchy), v2 the namespace root's {@code memory.max}. */
    String wallLimitFile() {
        return cgroupV1 ? "/sys/fs/cgroup/memory/" + parent + "/memory.limit_in_bytes" : "/sys/fs/cgroup/memory.max";
    }

    /** Inside the container: the kubepods cgroup's limit file. */
    String kubepodsLimitFile() {
        return cgroupV1 ? "/sys/fs/cgroup/memory/" + parent + "/kubepods/memory.limit_in_bytes"
                : "/sys/fs/cgroup/kubepods/memory.max";
    }

    /** The kubepods cgroup's limit as the kubelet set it. */
    Long kubepodsLimit(K3sContainer container) {
        return WallReadBack.parseLimit(NodeShell.run(container, "read the kubepods cgroup limit", "cat " + kubepodsLimitFile()));
    }

    /**
     * What the node itself uses besides its pods (k3s, containerd and the shims), as a working set: the wall's cgroup
     * minus kubepods, each {@code usage - inactive_file} as the kubelet counts it. Per-cgroup figures of k3s's own
     * cgroup would miss what k3s allocated before the kubelet moved it (v1 charges stay where they were made).
     */
    long nodeOverheadWorkingSet(K3sContainer container) {
        String dir = cgroupV1 ? "/sys/fs/cgroup/memory/" + parent : "/sys/fs/cgroup";
        String usage = cgroupV1 ? "memory.usage_in_bytes" : "memory.current";
        String script = "cat " + dir + "/" + usage + "; cat " + dir + "/memory.stat; echo ---; cat " + dir
                + "/kubepods/" + usage + "; cat " + dir + "/kubepods/memory.stat";
        String[] parts = NodeShell.run(container, "read the node's memory usage", script).split("---\n?", 2);
        return workingSet(parts[0]) - workingSet(parts[1]);
    }

    /** {@code usage - inactive_file} from a usage line followed by memory.stat (v1: the hierarchical total_). */
    long workingSet(String usageThenStat) {
        List<String> lines = usageThenStat.strip().lines().toList();
        long usage = Long.parseLong(lines.get(0).strip());
        String key = cgroupV1 ? "total_inactive_file " : "inactive_file ";
        long inactive = lines.stream().filter(l -> l.startsWith(key))
                .mapToLong(l -> Long.parseLong(l.substring(key.length()).strip())).findFirst().orElse(0);
        return Math.max(0, usage - inactive);
    }

    /** The memory cgroup of the k3s process (PID 1 in the container), as the kernel reports it. */
    String k3sCgroup(K3sContainer container) {
        return memoryCgroup(NodeShell.run(container, "read k3s's cgroup", "cat /proc/1/cgroup"));
    }

    /** The memory (v1) or unified (v2) cgroup in a {@code /proc/<pid>/cgroup} text. */
    String memoryCgroup(String procCgroup) {
        return procCgroup.lines().filter(l -> cgroupV1 ? l.matches("\\d+:[^:]*memory[^:]*:.*") : l.startsWith("0::"))
                .map(l -> l.substring(l.lastIndexOf(':') + 1)).findFirst().orElse(procCgroup.strip());
    }

    /**
     * Fails unless k3s runs under the wall (v1: below {@code /squeeze-<id>}). Call it once the node is Ready: the
     * kubelet moves k3s into its {@code kubelet-cgroups} when its container manager starts, after the log line
     * Testcontainers waits for.
     *
     * @param k3sCgroup what {@link #k3sCgroup} read
     */
    void verifyK3sInside(String k3sCgroup) {
        if (!cgroupV1) {
            return;
        }
        String problem = outsideWall(k3sCgroup);
        if (problem != null) {
            throw new IllegalStateException(problem);
        }
    }

    /** Why k3s's memory cgroup {@code cgroup} is outside the wall, or {@code null} when it is inside (v1). */
    String outsideWall(String cgroup) {
        if (cgroup.startsWith("/" + parent + "/")) {
            return null;
        }
        if (cgroup.equals("/k3s") || cgroup.endsWith("/k3s")) {
            return "k3s runs in memory cgroup '" + cgroup + "', not below /" + parent + ": k3s's CheckCgroups (PID 1"
                    + " in a container cgroup) set kubelet-cgroups=/k3s and the kubelet moved the whole k3s process"
                    + " there, outside the node's memory wall; Squeeze passes --kubelet-arg=kubelet-cgroups="
                    + NodeSizing.k3sCgroup("/" + parent) + " to prevent this, so something overrode it (a"
                    + " kubelet-arg in the image's /etc/rancher/k3s/config.yaml?); remove that override or use"
                    + " MemoryWall.ACCOUNTING_ONLY";
        }
        return "k3s runs in memory cgroup '" + cgroup + "', not below /" + parent + ": the Docker daemon ignored"
                + " the cgroup parent '" + dockerParent + "', so the node's memory wall would not hold k3s. Squeeze"
                + " asks for a slice with the systemd cgroup driver and a path with cgroupfs, as `docker info` reports"
                + " it; if `docker info` names another driver than the daemon runs with, fix the daemon's"
                + " exec-opts (native.cgroupdriver), or run on an existing cluster with -Dsqueeze.kubeconfig";
    }

    /** One line for {@code ClusterFacts.memoryModel}. */
    String describe(WallLimits limits, Long kubepodsLimit) {
        String pods = "kubepods limit " + human(kubepodsLimit);
        if (wall == MemoryWall.ACCOUNTING_ONLY) {
            return "kubelet accounting only (no physical wall): " + pods + "; k3s and pods can use the host's memory";
        }
        Long swapLimit = limits.swapLimitBytes();
        String swap = !limits.swapAccounted() ? ", swap not accounted"
                : ", swap " + (swapLimit == null ? "unlimited" : swapLimit == 0 ? "0" : human(swapLimit));
        return cgroupV1
                ? "physical wall: cgroup v1 parent /" + parent + " memory.limit_in_bytes="
                + human(limits.memoryLimitBytes()) + " shared by k3s and pods" + swap + "; " + pods
                : "physical wall: cgroup v2 private namespace, container memory.max=" + human(limits.memoryLimitBytes())
                + " shared by k3s and pods" + swap + "; " + pods;
    }

    /** Host-side cleanup of the v1 parent in every hierarchy, when this JVM runs on the Docker host. */
    List<String> leftoverCgroupDirs() {
        return cgroupV1 ? CgroupDirs.find(parent) : List.of();
    }

    void removeLeftovers() throws IOException {
        if (cgroupV1) {
            CgroupDirs.removeAll(parent);
        }
    }

    private static String human(Long bytes) {
        return bytes == null ? "unlimited" : MemorySize.ofBytes(bytes).toQuantity();
    }
}
