package dev.squeeze.experiment;

import dev.squeeze.cluster.ChaosCluster;
import dev.squeeze.report.ClusterFacts;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;

import java.util.List;

/**
 * Just enough cluster for the engine against fabric8's mock API server: the mock's client, namespace
 * {@value #NAMESPACE} and node {@value #NODE} (2Gi capacity, 1Gi allocatable, see {@link #createNode}).
 */
public record MockCluster(KubernetesClient client, ClusterFacts facts) implements ChaosCluster {

    static final String NAMESPACE = "squeeze-test";
    static final String NODE = "node-1";

    /** A node whose kubelet evicts below 200Mi of {@code memory.available}. */
    public static MockCluster of(KubernetesClient client) {
        return new MockCluster(client, new ClusterFacts("existing", "v1.34.4", NODE,
                "kubelet accounting only (no physical wall)", 0, 2L << 30, 1L << 30, null, 200L << 20, List.of()));
    }

    /** An existing node whose facts know no threshold (none configured, or /configz was not readable). */
    static MockCluster withoutThreshold(KubernetesClient client) {
        return new MockCluster(client, new ClusterFacts("existing", "v1.34.4", NODE,
                "existing node: NO memory eviction", 0, 2L << 30, 1L << 30, null, 0, List.of()));
    }

    /** Creates (or updates) node {@value #NODE} in the mock: 2Gi of memory capacity, 1Gi allocatable. */
    static void createNode(KubernetesClient client) {
        client.nodes().resource(new NodeBuilder().withNewMetadata().withName(NODE).endMetadata().withNewStatus()
                .addToCapacity("memory", new Quantity("2Gi")).addToAllocatable("memory", new Quantity("1Gi"))
                .endStatus().build()).createOr(existing -> existing.update());
    }

    /** The mock answers the API probe's {@code /readyz} with 200 and holds node {@value #NODE}. */
    public static void serveReadyNode(KubernetesMockServer server, KubernetesClient client) {
        server.expect().get().withPath("/readyz").andReturn(200, "ok").always();
        createNode(client);
    }

    @Override
    public String namespace() {
        return NAMESPACE;
    }

    @Override
    public String nodeName() {
        return NODE;
    }

    @Override
    public void loadImages(List<String> images) {
        throw new UnsupportedOperationException("no images on a mock cluster");
    }

    @Override
    public void close() {
    }
}
