package dev.squeeze.internal.cluster;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;
import dev.squeeze.cluster.ChaosCluster;
import dev.squeeze.cluster.ExistingClusterSpec;
import dev.squeeze.internal.kube.HogPlacement;
import dev.squeeze.internal.kube.Namespaces;
import dev.squeeze.report.ClusterFacts;
import dev.squeeze.units.MemorySize;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Files;
import java.io.IOException;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

/**
 * An existing cluster from a kubeconfig: Squeeze works in a namespace of its own, {@code squeeze-<random>}, deleted on
 * close, and observes one node. Nothing is started, so nothing is sized: facts are read back from the Node and, when
 * the kubeconfig may read it, the kubelet's {@code /configz}.
 *
 * <pre>{@code
 * try (ExistingCluster cluster = ExistingCluster.attach(new ExistingClusterSpec(
 *         Path.of(System.getProperty("user.home"), ".kube/config"), "staging", ""))) {
 *     cluster.nodeName();   // the first Ready schedulable node
 * }
 * }</pre>
 */
@API(status = INTERNAL, since = "0.1")
public final class ExistingCluster implements ChaosCluster {

    private static final Logger LOG = LoggerFactory.getLogger(ExistingCluster.class);
    static final Duration NAMESPACE_TIMEOUT = Duration.ofSeconds(60);

    private final KubernetesClient client;
    private final String namespace;
    private final String nodeName;
    private final ClusterFacts facts;
    private final AtomicBoolean closed = new AtomicBoolean();

    private ExistingCluster(KubernetesClient client, String namespace, String nodeName, ClusterFacts facts) {
        this.client = client;
        this.namespace = namespace;
        this.nodeName = nodeName;
        this.facts = facts;
    }

    /**
     * Connects with the kubeconfig's context, picks or verifies the node, and creates the experiment's namespace.
     *
     * @throws IllegalArgumentException when the kubeconfig, context or node do not exist, naming the fix
     */
    public static ExistingCluster attach(ExistingClusterSpec spec) {
        if (spec.kubeconfig() == null || !Files.isRegularFile(spec.kubeconfig())) {
            throw new IllegalArgumentException("`kubeconfig` '" + spec.kubeconfig() + "' is not a file; point it at"
                    + " a kubeconfig such as ~/.kube/config");
        }
        Config config;
        try {
            config = Config.fromKubeconfig(spec.context().isEmpty() ? null : spec.context(),
                    Files.readString(spec.kubeconfig()), spec.kubeconfig().toString());
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("`kubeconfig` '" + spec.kubeconfig() + "' with `context` '"
                    + spec.context() + "' could not be loaded: " + e.getMessage()
                    + "; check `kubectl config get-contexts --kubeconfig " + spec.kubeconfig() + "`", e);
        }
        if (!spec.context().isEmpty() && (config.getCurrentContext() == null
                || !spec.context().equals(config.getCurrentContext().getName()))) {
            throw new IllegalArgumentException("`context` '" + spec.context() + "' is not in kubeconfig '"
                    + spec.kubeconfig() + "'; list the contexts with `kubectl config get-contexts`");
        }
        return attach(new KubernetesClientBuilder().withConfig(config).build(), spec.node());
    }

    /** Attaches through a ready client (tests, or users with their own client configuration); takes ownership. */
    static ExistingCluster attach(KubernetesClient client, String node) {
        try {
            Node chosen = pickNode(client, node);
            String name = chosen.getMetadata().getName();
            ClusterFacts facts = readFacts(client, chosen);
            String namespace = Namespaces.create(client, NAMESPACE_TIMEOUT, LOG);
            LOG.info("attached to {} node {}: {}", client.getMasterUrl(), name, facts.memoryModel());
            return new ExistingCluster(client, namespace, name, facts);
        } catch (RuntimeException e) {
            client.close();
            throw e;
        }
    }

    static Node pickNode(KubernetesClient client, String wanted) {
        List<Node> nodes = client.nodes().list().getItems();
        if (wanted.contains("=")) {
            return pickByLabels(nodes, wanted);
        }
        if (!wanted.isEmpty()) {
            Node node = nodes.stream().filter(n -> wanted.equals(n.getMetadata().getName())).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("`node` '" + wanted + "' is not in the cluster;"
                            + " its nodes are " + names(nodes) + "; use one of them or \"\" to pick a Ready worker"));
            if (!K3sReadiness.isReady(node)) {
                throw new IllegalArgumentException("`node` '" + wanted + "' is not Ready ("
                        + K3sReadiness.describe(node) + "); pick a Ready node or \"\" to let Squeeze choose");
            }
            return node;
        }
        if (nodes.isEmpty()) {
            throw new IllegalStateException("no node in the cluster; fix the cluster or point `kubeconfig` at"
                    + " another one");
        }
        return nodes.stream().filter(n -> whyNotForHog(n).isEmpty()).findFirst()
                .orElseThrow(() -> new IllegalStateException("no node of the cluster can take the hog: "
                        + nodes.stream().map(n -> n.getMetadata().getName() + " (" + whyNotForHog(n).orElseThrow()
                        + ")").collect(Collectors.joining(", ")) + ". Fix: uncordon a node or remove its taint, or"
                        + " name a node with `node` (squeeze.node)"));
    }

    /** Why the hog cannot run on {@code node} when Squeeze picks it: not Ready, cordoned or a taint it does not tolerate. */
    private static Optional<String> whyNotForHog(Node node) {
        if (!K3sReadiness.isReady(node)) {
            return Optional.of("not Ready: " + K3sReadiness.describe(node));
        }
        return HogPlacement.whyNot(node);
    }

    /** {@code key=value[,key=value]}: the first Ready node (by name) that carries every label. */
    private static Node pickByLabels(List<Node> nodes, String selector) {
        Map<String, String> wanted = new LinkedHashMap<>();
        for (String term : selector.split(",")) {
            String[] kv = term.trim().split("=", 2);
            if (kv[0].isEmpty() || kv[1].contains("=") || kv[1].startsWith("!")) {
                throw new IllegalArgumentException("`node` '" + selector + "' is neither a node name nor a label"
                        + " selector of key=value terms; write it like squeeze.dev/profile=tuned,zone=a");
            }
            wanted.put(kv[0], kv[1]);
        }
        List<Node> matching = nodes.stream().filter(n -> hasLabels(n, wanted))
                .sorted(Comparator.comparing(n -> n.getMetadata().getName())).toList();
        return matching.stream().filter(K3sReadiness::isReady).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("`node` selector '" + selector + "' matches "
                        + (matching.isEmpty() ? "no node" : "no Ready node among " + names(matching))
                        + "; the cluster's nodes are " + names(nodes) + "; label one with `kubectl label node NAME "
                        + String.join(" ", wanted.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                        .toList()) + "` or use a node name"));
    }

    private static boolean hasLabels(Node node, Map<String, String> wanted) {
        Map<String, String> labels = node.getMetadata().getLabels() == null ? Map.of() : node.getMetadata().getLabels();
        return wanted.entrySet().stream().allMatch(e -> e.getValue().equals(labels.get(e.getKey())));
    }

    private static String names(List<Node> nodes) {
        return nodes.isEmpty() ? "(none)"
                : nodes.stream().map(n -> n.getMetadata().getName()).collect(Collectors.joining(", ", "[", "]"));
    }

    static ClusterFacts readFacts(KubernetesClient client, Node node) {
        long capacity = bytes(node.getStatus().getCapacity().get("memory"));
        long allocatable = bytes(node.getStatus().getAllocatable().get("memory"));
        KubeletConfigz.Threshold threshold = KubeletConfigz.memoryThreshold(client, node.getMetadata().getName(),
                capacity);
        String model = "existing node: the machine's own memory is the wall; kubelet reports capacity "
                + MemorySize.ofBytes(capacity).toHuman() + ", allocatable "
                + MemorySize.ofBytes(allocatable).toHuman() + "; " + threshold.note();
        return new ClusterFacts("existing", node.getStatus().getNodeInfo().getKubeletVersion(),
                node.getMetadata().getName(), model, 0, capacity, allocatable, null, threshold.bytes(), List.of());
    }

    private static long bytes(Quantity q) {
        return q == null ? 0 : Quantity.getAmountInBytes(q).longValue();
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

    /** Always refuses: an existing cluster pulls images from its registries. */
    @Override
    public void loadImages(List<String> images) {
        throw new UnsupportedOperationException("cannot side-load images " + images + " into an existing cluster ("
                + client.getMasterUrl() + "): push them to a registry its nodes can pull from and reference that"
                + " name in your manifests");
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            Namespaces.delete(client, namespace, NAMESPACE_TIMEOUT, LOG);
        } finally {
            try {
                client.close();
            } catch (KubernetesClientException e) {
                LOG.debug("closing the client failed", e);
            }
        }
    }

    @Override
    public String toString() {
        return "ExistingCluster[" + Objects.toString(client.getMasterUrl()) + ", node " + nodeName + ", namespace "
                + namespace + "]";
    }
}
