package dev.squeeze.internal.cluster;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;
import dev.squeeze.cluster.ChaosCluster;
import dev.squeeze.cluster.NodeSpec;
import dev.squeeze.internal.probe.NodeMemoryProvider;
import dev.squeeze.internal.probe.NodeMemorySource;
import dev.squeeze.report.ClusterFacts;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.k3s.K3sContainer;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
@API(status = INTERNAL, since = "0.1")
public final class K3sCluster implements ChaosCluster, NodeMemoryProvider {

    private static final Logger LOG = LoggerFactory.getLogger(K3sCluster.class);
    private static final Pattern MINOR = Pattern.compile("v?1\\.(\\d+)");

    /** How long k3s took: container started (log line seen), node Ready, kube-system Ready, each from creation. */
    public record StartupTimes(Duration containerStarted, Duration nodeReady, Duration kubeSystemReady) {
    }

    private final K3sContainer container;
    private final KubernetesClient client;
    private final K3sMemoryWall wall;
    private final NodeMemorySource nodeMemory;
    private final AtomicBoolean closed = new AtomicBoolean();
    // set by K3sStartup from its own threads, read by the caller after start returns (or by the hook)
    private volatile String namespace;
    private volatile String nodeName;
    private volatile ClusterFacts facts;
    private volatile StartupTimes startupTimes;

    K3sCluster(K3sContainer container, K3sMemoryWall wall, NodeMemorySource nodeMemory) {
        this.container = container;
        this.wall = wall;
        this.nodeMemory = nodeMemory;
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
        return start(spec, cluster -> {
        });
    }

    /**
     * Like {@link #start(NodeSpec)}, and runs {@code whenNodeReady} on another thread as soon as the node is Ready and
     * {@link #namespace()} exists, while kube-system comes up and the node's size is read back and checked: deploy
     * the workload there and its pods start alongside CoreDNS. Returns when both are done; {@link #facts()} is
     * {@code null} inside the hook. If either fails, the other is interrupted, the node is stopped and the first
     * failure is thrown (the hook's own exception as it is).
     *
     * <!-- sample(NodeSpec spec) -->
     * <pre>{@code
     * WorkloadSpec app = WorkloadSpec.of("classpath:k8s/app.yaml");
     * K3sCluster cluster = K3sCluster.start(spec, c -> WorkloadDeployer.deploy(c, app));
     * }</pre>
     */
    public static K3sCluster start(NodeSpec spec, Consumer<? super K3sCluster> whenNodeReady) {
        return K3sStartup.start(spec, whenNodeReady);
    }

    void nodeReady(String nodeName, String namespace) {
        this.nodeName = nodeName;
        this.namespace = namespace;
    }

    void checked(ClusterFacts facts, StartupTimes startupTimes) {
        this.facts = facts;
        this.startupTimes = startupTimes;
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
    public NodeMemorySource nodeMemory() {
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

    static void stopQuietly(K3sContainer container, K3sMemoryWall wall) {
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
}
