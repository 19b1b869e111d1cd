package dev.squeeze.junit5.internal;

import dev.squeeze.cluster.ChaosCluster;
import dev.squeeze.internal.kube.KubeWait;
import dev.squeeze.internal.kube.Namespaces;
import dev.squeeze.internal.probe.NodeMemoryProvider;
import dev.squeeze.internal.probe.NodeMemorySource;
import dev.squeeze.report.ClusterFacts;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One class's view of a shared k3s node: everything is the node's, except the namespace, which is the class's own.
 * Closing it deletes the namespace, pods first without a grace period so that the next class starts from the memory
 * the node had before, and waits until its pods are gone (the namespace object itself finishes terminating in the
 * background); the node keeps running. A failure there makes the pool stop the node instead of reusing it.
 */
final class BorrowedNode implements ChaosCluster, NodeMemoryProvider {

    private static final Logger LOG = LoggerFactory.getLogger(BorrowedNode.class);
    static final Duration NAMESPACE_TIMEOUT = Duration.ofSeconds(60);

    private final ChaosCluster node;
    private final String namespace;
    private final AtomicBoolean closed = new AtomicBoolean();

    private BorrowedNode(ChaosCluster node, String namespace) {
        this.node = node;
        this.namespace = namespace;
    }

    static BorrowedNode of(ChaosCluster node) {
        return new BorrowedNode(node, Namespaces.create(node.client(), NAMESPACE_TIMEOUT, LOG));
    }

    @Override
    public KubernetesClient client() {
        return node.client();
    }

    @Override
    public String namespace() {
        return namespace;
    }

    @Override
    public String nodeName() {
        return node.nodeName();
    }

    @Override
    public ClusterFacts facts() {
        return node.facts();
    }

    @Override
    public void loadImages(List<String> images) {
        node.loadImages(images);
    }

    @Override
    public NodeMemorySource nodeMemory() {
        return NodeMemoryProvider.of(node);
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        // what the next class must not inherit is the pods' memory, not the namespace object: wait for the pods,
        // let the namespace controller finish the rest in the background
        try {
            client().pods().inNamespace(namespace).withGracePeriod(0).delete();
            client().namespaces().withName(namespace).delete();
            KubeWait.until("pods of namespace " + namespace + " deleted", NAMESPACE_TIMEOUT, LOG, () -> {
                int left = client().pods().inNamespace(namespace).list().getItems().size();
                return left == 0 ? KubeWait.Status.done("none left") : KubeWait.Status.pending(left + " left");
            });
        } catch (KubernetesClientException | IllegalStateException e) {
            throw new IllegalStateException("the pods of namespace " + namespace + " on shared node " + nodeName()
                    + " were not deleted: " + e.getMessage(), e);
        }
    }
}
