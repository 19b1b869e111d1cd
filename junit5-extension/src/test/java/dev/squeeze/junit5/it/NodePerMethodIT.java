package dev.squeeze.junit5.it;

import dev.squeeze.cluster.ChaosCluster;
import dev.squeeze.internal.cluster.K3sCluster;
import dev.squeeze.junit5.ChaosNode;
import dev.squeeze.junit5.Lifecycle;
import dev.squeeze.junit5.MemoryHog;
import dev.squeeze.report.ChaosReport;
import io.fabric8.kubernetes.client.KubernetesClient;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.testcontainers.DockerClientFactory;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link Lifecycle#PER_METHOD}: every method gets a node of its own, stopped when the method ends. */
@ChaosNode(memory = "2Gi", lifecycle = Lifecycle.PER_METHOD)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NodePerMethodIT {

    /** Node identity is the k3s container's id: object identity would pass for a reused node behind a new wrapper. */
    private static final List<String> CONTAINERS = new ArrayList<>();

    private static String containerId(ChaosCluster cluster) {
        assertThat(cluster).as("a k3s node Squeeze started").isInstanceOf(K3sCluster.class);
        return ((K3sCluster) cluster).container().getContainerId();
    }

    @Test
    @Order(1)
    @MemoryHog(size = "30%", rate = "200Mi/s", hold = "2s", recoveryWindow = "5s")
    void firstNode(ChaosReport report, ChaosCluster cluster) {
        CONTAINERS.add(containerId(cluster));
        assertThat(report.cluster().node()).isEqualTo(cluster.nodeName());
    }

    @Test
    @Order(2)
    void secondNodeIsFresh(ChaosCluster cluster, KubernetesClient client) {
        assertThat(CONTAINERS).as("the first method's node").hasSize(1);
        assertThat(containerId(cluster)).isNotEqualTo(CONTAINERS.get(0));
        assertThat(DockerClientFactory.instance().client().listContainersCmd().withShowAll(true)
                .withIdFilter(CONTAINERS).exec()).as("the first method's node was removed when its method ended")
                .isEmpty();
        assertThat(client.pods().inNamespace(cluster.namespace()).list().getItems())
                .as("pods left in a fresh node's experiment namespace").isEmpty();
    }
}
