package dev.squeeze.cluster;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.model.Info;
import dev.squeeze.internal.kube.Namespaces;
import dev.squeeze.report.ClusterFacts;
import dev.squeeze.units.Durations;
import dev.squeeze.units.MemorySize;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.k3s.K3sContainer;
import org.testcontainers.utility.DockerImageName;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A throwaway single-node k3s cluster in Docker, sized like a machine of {@link NodeSpec#memory()}: Testcontainers'
 * stock {@link K3sContainer} plus kubelet flags from {@link NodeSizing}, a physical memory wall
 * ({@link K3sMemoryWall}), readiness that means Ready, and the numbers read back and checked.
 *
 * <pre>{@code
 * try (K3sCluster cluster = K3sCluster.start(NodeSpec.ofMemory(MemorySize.parse("2Gi")))) {
 *     cluster.client().pods().inNamespace(cluster.namespace()).list();
 *     cluster.facts().memoryModel();   // "physical wall: cgroup v1 parent /squeeze-k7b2x memory.limit_in_bytes=2Gi ..."
 * }
 * }</pre>
 */
public final class K3sCluster implements ChaosCluster {

    private static final Logger LOG = LoggerFactory.getLogger(K3sCluster.class);
    private static final Pattern MINOR = Pattern.compile("v?1\\.(\\d+)");

    /** How long k3s took: container started (log line seen), node Ready, kube-system Ready, each from creation. */
    public record StartupTimes(Duration containerStarted, Duration nodeReady, Duration kubeSystemReady) {
    }

    private final SqueezeK3sContainer container;
    private final KubernetesClient client;
    private final K3sMemoryWall wall;
    private final AtomicBoolean closed = new AtomicBoolean();
    private String namespace;
    private String nodeName;
    private ClusterFacts facts;
    private StartupTimes startupTimes;
    private dev.squeeze.probe.NodeMemorySource nodeMemory;

    private K3sCluster(SqueezeK3sContainer container, K3sMemoryWall wall) {
        this.container = container;
        this.wall = wall;
        this.client = new KubernetesClientBuilder()
                .withConfig(Config.fromKubeconfig(container.getKubeConfigYaml())).build();
    }

    /**
     * Starts the node and waits until it and kube-system are Ready, then checks its size.
     *
     * @throws IllegalArgumentException when {@code spec} cannot be satisfied on this Docker host (before anything starts)
     * @throws IllegalStateException    when k3s does not become Ready in time or reports a different size
     */
    public static K3sCluster start(NodeSpec spec) {
        DockerClient docker = DockerClientFactory.instance().client();
        Info info = docker.infoCmd().exec();
        HostPreflight preflight = HostPreflight.of(info);
        boolean cgroupV1 = preflight.cgroupV1();
        MemorySize host = MemorySize.ofBytes(info.getMemTotal());
        // the owner (host, pid, start) in the cgroup parent's name and on the container: a later run can reap both
        // once this JVM is gone, even after kill -9 with Ryuk disabled
        Owner owner = Owner.current();
        Leftovers.reap(docker, owner, Owner.Processes.SYSTEM, Leftovers.defaultCgroupRoot(), LOG);
        String id = owner.cgroupTag() + "-" + Namespaces.randomName().substring("squeeze-".length());
        K3sMemoryWall wall = new K3sMemoryWall(spec.wall(), cgroupV1, id, spec.memory());
        NodeSizing sizing = NodeSizing.derive(spec, host, wall.kubeletCgroupRoot(), cgroupV1,
                kubernetesMinor(spec.image()));

        SqueezeK3sContainer container = new SqueezeK3sContainer(
                DockerImageName.parse(spec.image()).asCompatibleSubstituteFor("rancher/k3s"), wall);
        // extend, not replace, the stock command (server --disable=traefik --tls-san=<host>): the flags stay
        // visible in `docker inspect`, and k3s's command line wins over any config file in the image
        container.setCommand(Stream.concat(Stream.of(container.getCommandParts()), sizing.k3sArgs().stream())
                .toArray(String[]::new));
        wall.configure(container);
        container.withLabels(owner.labels());
        container.withLabel(Owner.LABEL_CGROUP_PARENT, "/squeeze-" + id);
        container.withStartupTimeout(spec.startupTimeout());
        LOG.info("k3s: starting {} as a {} ({} cgroup v{})", spec.image(), sizing.describe(), spec.wall(),
                cgroupV1 ? 1 : 2);

        long t0 = System.nanoTime();
        K3sCluster cluster = null;
        try {
            container.start();
            Duration started = since(t0);
            cluster = new K3sCluster(container, wall);
            cluster.nodeMemory = new WallMemory(container, cgroupV1, "squeeze-" + id, Leftovers.defaultCgroupRoot());
            cluster.awaitReadyAndCheck(spec, sizing, preflight, t0, started);
            return cluster;
        } catch (RuntimeException e) {
            String logs = tail(container);
            if (cluster != null) {
                cluster.close();
            } else {
                stopQuietly(container, wall);
            }
            e.addSuppressed(new IllegalStateException("last k3s log lines:\n" + logs));
            e.addSuppressed(new IllegalStateException("k3s preflight: " + preflight.describe()));
            throw e;
        }
    }

    private void awaitReadyAndCheck(NodeSpec spec, NodeSizing sizing, HostPreflight preflight, long t0,
                                    Duration started) {
        long memTotalInside = checkMemTotalInside(sizing.host());
        // "Node controller sync successful" (what K3sContainer waits for) comes before Ready in k3s
        nodeName = K3sReadiness.awaitNodeReady(client, remaining(spec, t0), LOG);
        Duration nodeReady = since(t0);
        LOG.info("k3s: node {} Ready after {}; waiting for kube-system", nodeName, Durations.format(nodeReady));
        K3sReadiness.awaitKubeSystemReady(client, remaining(spec, t0), LOG);
        startupTimes = new StartupTimes(started, nodeReady, since(t0));
        LOG.info("k3s: kube-system Ready after {} (container started after {})",
                Durations.format(startupTimes.kubeSystemReady()), Durations.format(started));
        // only now: the kubelet moves k3s into its kubelet-cgroups when its container manager starts
        wall.verifyK3sInside(container);
        LOG.info("{}", preflight.describe(spec.image(), memTotalInside, wall.k3sCgroup(container)));
        Long k3sMemory = measureK3sMemory(spec);

        Node node = client.nodes().withName(nodeName).get();
        long capacity = bytes(node.getStatus().getCapacity().get("memory"));
        long allocatable = bytes(node.getStatus().getAllocatable().get("memory"));
        Long kubepods = wall.kubepodsLimit(container);
        Long wallLimit = wall.wallLimit(container);
        SizingCheck.verify(sizing, spec.wall(), capacity, allocatable, kubepods, wallLimit);
        facts = new ClusterFacts("k3s", node.getStatus().getNodeInfo().getKubeletVersion(), nodeName,
                wall.describe(wallLimit, kubepods), sizing.node().bytes(), capacity, allocatable, kubepods,
                sizing.evictionHard().bytes(), sizing.kubeletArgs(), k3sMemory);
        LOG.info("k3s: {}", facts.memoryModel());

        if (!spec.imagesToLoad().isEmpty()) {
            loadImages(spec.imagesToLoad());
        }
        namespace = Namespaces.create(client, remaining(spec, t0).plusSeconds(30), LOG);
    }

    /** k3s's own working set after kube-system Ready, logged and checked against kubeReserved; null if unknown. */
    private Long measureK3sMemory(NodeSpec spec) {
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

    private long checkMemTotalInside(MemorySize host) {
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

    private static Duration remaining(NodeSpec spec, long t0) {
        Duration left = spec.startupTimeout().minus(since(t0));
        return left.isNegative() ? Duration.ZERO : left;
    }

    private static Duration since(long t0) {
        return Duration.ofNanos(System.nanoTime() - t0);
    }

    private static long bytes(Quantity q) {
        return Quantity.getAmountInBytes(q).longValueExact();
    }

    static int kubernetesMinor(String image) {
        String tag = image.substring(image.lastIndexOf(':') + 1);
        Matcher m = MINOR.matcher(tag);
        // an unknown tag is treated as the newest Kubernetes: its flags are a superset for our purposes
        return m.lookingAt() ? Integer.parseInt(m.group(1)) : Integer.MAX_VALUE;
    }

    @Override
    public KubernetesClient client() {
        return client;
    }

    @Override
    public String namespace() {
        return namespace;
    }

    @Override
    public String nodeName() {
        return nodeName;
    }

    @Override
    public ClusterFacts facts() {
        return facts;
    }

    /** The node's memory at its wall (k3s and its pods together), read on every tick by the node probe. */
    @Override
    public dev.squeeze.probe.NodeMemorySource nodeMemory() {
        return nodeMemory;
    }

    /** The kubeconfig YAML for this node, reachable from the host (for kubectl or another client). */
    public String kubeconfig() {
        return container.getKubeConfigYaml();
    }

    /** How long startup took; {@code null} only while starting. */
    public StartupTimes startupTimes() {
        return startupTimes;
    }

    /** The underlying Testcontainers container, for what Squeeze does not cover (logs, exec). */
    public K3sContainer container() {
        return container;
    }

    @Override
    public void loadImages(List<String> images) {
        K3sImageLoader.load(container.getDockerClient(), container, images, LOG);
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            client.close();
        } catch (RuntimeException e) {
            LOG.debug("closing the Kubernetes client failed", e);
        }
        stopQuietly(container, wall);
    }

    private static void stopQuietly(K3sContainer container, K3sMemoryWall wall) {
        try {
            container.stop();
        } catch (RuntimeException e) {
            LOG.warn("could not stop the k3s container {}: {}", container.getContainerId(), e.toString());
        }
        try {
            wall.removeLeftovers();
        } catch (IOException | RuntimeException e) {
            LOG.warn("cgroup directories {} left behind (the next run removes them): {}", wall.leftoverCgroupDirs(),
                    e.toString());
        }
    }

    private static String tail(K3sContainer container) {
        try {
            List<String> lines = container.getLogs().lines().toList();
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (RuntimeException e) {
            return "(logs unavailable: " + e.getMessage() + ")";
        }
    }

    /** The stock container, plus the v1 memory wall written the moment Docker has created its cgroup parent. */
    private static final class SqueezeK3sContainer extends K3sContainer {
        private final transient K3sMemoryWall wall;

        SqueezeK3sContainer(DockerImageName image, K3sMemoryWall wall) {
            super(image);
            this.wall = wall;
        }

        @Override
        protected void containerIsStarting(InspectContainerResponse containerInfo) {
            super.containerIsStarting(containerInfo);
            wall.applyAfterStart(this);
        }
    }
}
