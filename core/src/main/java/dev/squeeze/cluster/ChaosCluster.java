package dev.squeeze.cluster;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;
import dev.squeeze.internal.cluster.ExistingCluster;
import dev.squeeze.internal.cluster.K3sCluster;
import dev.squeeze.report.ClusterFacts;
import io.fabric8.kubernetes.client.KubernetesClient;

/**
 * A cluster an experiment runs on: a throwaway k3s node Squeeze started, or an existing cluster it attached to.
 * Closing it stops the node (k3s) or deletes the experiment's namespace (existing cluster).
 *
 * <!-- sample(ExperimentSpec spec) -->
 * <pre>{@code
 * try (ChaosCluster cluster = ChaosCluster.startK3s(NodeSpec.ofMemory(MemorySize.parse("2Gi")))) {
 *     ChaosReport report = Experiment.run(cluster, spec);
 * }
 * }</pre>
 */
@API(status = EXPERIMENTAL, since = "0.1")
public interface ChaosCluster extends AutoCloseable {

    /** Starts a k3s node sized by {@code spec} and waits until it and kube-system are Ready. */
    static ChaosCluster startK3s(NodeSpec spec) {
        return K3sCluster.start(spec);
    }

    /** Attaches to an existing cluster; the experiment works in a namespace of its own, deleted on close. */
    static ChaosCluster attach(ExistingClusterSpec spec) {
        return ExistingCluster.attach(spec);
    }

    /** A client with cluster-admin (k3s) or the kubeconfig's rights (existing cluster). */
    KubernetesClient client();

    /** The namespace the workload and the hog run in. */
    String namespace();

    /** The node the experiment observes (the only node on k3s; the hog's node elsewhere). */
    String nodeName();

    /** What the cluster really is, read back after start: capacity, allocatable, memory model, version. */
    ClusterFacts facts();

    /** Side-loads local Docker images into the node (k3s only; an existing cluster refuses with a clear message). */
    void loadImages(java.util.List<String> images);

    /** Stops what Squeeze started; never throws for cleanup failures it can only log. */
    @Override
    void close();
}
