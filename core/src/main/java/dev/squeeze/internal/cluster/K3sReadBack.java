package dev.squeeze.internal.cluster;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.squeeze.cluster.MemoryWall;
import org.apiguardian.api.API;
import dev.squeeze.cluster.NodeSpec;
import dev.squeeze.report.ClusterFacts;
import dev.squeeze.report.WallLimits;
import dev.squeeze.units.MemorySize;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.client.KubernetesClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.k3s.K3sContainer;

import java.io.IOException;
import java.util.concurrent.CompletableFuture;

/**
 * What a started k3s node is, read back and checked against what was asked: MemTotal inside the container, k3s under
 * the wall, k3s's own memory against kubeReserved, capacity, allocatable and the cgroup limits ({@link SizingCheck}).
 * The reads are {@code docker exec}s and API calls that do not depend on each other, so they run at the same time.
 *
 * <pre>{@code
 * ClusterFacts facts = readBack.check(nodeName, readBack.checkMemTotalInside(), paths);
 * }</pre>
 */
@API(status = INTERNAL, since = "0.1")
public record K3sReadBack(K3sContainer container, KubernetesClient client, K3sMemoryWall wall, NodeSpec spec,
                   NodeSizing sizing, HostPreflight preflight) {

    private static final Logger LOG = LoggerFactory.getLogger(K3sCluster.class);

    /**
     * Reads everything at once, then checks. Call it after kube-system is Ready: the kubelet moves k3s into its
     * kubelet-cgroups when its container manager starts, and k3s's own memory is meant after kube-system started.
     */
    ClusterFacts check(String nodeName, long memTotalInside, WallLimits limits, StartupPaths paths) {
        CompletableFuture<String> k3sCgroup = paths.async(() -> wall.k3sCgroup(container));
        CompletableFuture<Long> k3sMemory = paths.async(this::measureK3sMemory);
        CompletableFuture<Node> node = paths.async(() -> client.nodes().withName(nodeName).get());
        CompletableFuture<Long> kubepods = paths.async(() -> wall.kubepodsLimit(container));

        wall.verifyK3sInside(StartupPaths.join(k3sCgroup));
        LOG.info("{}", preflight.describe(spec.image(), memTotalInside, StartupPaths.join(k3sCgroup)));
        Node n = StartupPaths.join(node);
        long capacity = bytes(n.getStatus().getCapacity().get("memory"));
        long allocatable = bytes(n.getStatus().getAllocatable().get("memory"));
        Long kubepodsLimit = StartupPaths.join(kubepods);
        SizingCheck.verify(sizing, spec.wall(), capacity, allocatable, kubepodsLimit,
                spec.wall() == MemoryWall.PHYSICAL ? limits.memoryLimitBytes() : null);
        ClusterFacts facts = new ClusterFacts("k3s", n.getStatus().getNodeInfo().getKubeletVersion(), nodeName,
                wall.describe(limits, kubepodsLimit), sizing.node().bytes(), capacity, allocatable, kubepodsLimit,
                sizing.evictionHard().bytes(), sizing.kubeletArgs(), StartupPaths.join(k3sMemory)).withWall(limits);
        LOG.info("k3s: {}", facts.memoryModel());
        return facts;
    }

    /** The wall's memory and swap limit, judged; throws when a PHYSICAL wall is soft. */
    WallLimits readWall() {
        WallLimits limits = wall.wallLimits(container);
        LOG.info("k3s: memory wall {}", limits.describe());
        return limits;
    }

    /** k3s's own working set after kube-system Ready, logged and checked against kubeReserved; null if unknown. */
    private Long measureK3sMemory() {
        long bytes;
        try {
            bytes = wall.nodeOverheadWorkingSet(container);
        } catch (RuntimeException e) {
            LOG.warn("k3s: could not read k3s's own memory from the node's cgroups: {}", e.toString());
            return null;
        }
        String warning = K3sOwnMemory.overReserved(bytes, spec.kubeReserved());
        if (warning != null) {
            LOG.warn("k3s: {}", warning);
        } else {
            LOG.info("k3s: k3s itself (k3s, containerd, shims) uses {} after kube-system Ready (kubeReserved {})",
                    MemorySize.ofBytes(bytes).toHuman(), spec.kubeReserved().toQuantity());
        }
        return bytes;
    }

    /** MemTotal inside the container must be the host's: a virtualised /proc/meminfo (lxcfs) would skew sizing. */
    long checkMemTotalInside() {
        MemorySize host = sizing.host();
        try {
            String line = container.execInContainer("grep", "MemTotal", "/proc/meminfo").getStdout().strip();
            long inside = Long.parseLong(line.replaceAll("\\D+", "")) * 1024;
            if (inside != host.bytes()) {
                throw new IllegalStateException("MemTotal inside the k3s container (" + inside + " bytes) differs"
                        + " from the Docker host's (" + host.bytes() + " bytes, from `docker info`): /proc/meminfo is"
                        + " virtualised (lxcfs?), so node sizing would be wrong; run on a host without it");
            }
            return inside;
        } catch (IOException e) {
            throw new IllegalStateException("could not read /proc/meminfo in the k3s container: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading /proc/meminfo", e);
        }
    }

    private static long bytes(Quantity q) {
        return Quantity.getAmountInBytes(q).longValueExact();
    }
}
