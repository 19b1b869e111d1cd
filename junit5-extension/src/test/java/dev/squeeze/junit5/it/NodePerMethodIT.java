package dev.squeeze.junit5.it;

import dev.squeeze.cluster.ChaosCluster;
import dev.squeeze.junit5.ChaosNode;
import dev.squeeze.junit5.Lifecycle;
import dev.squeeze.junit5.MemoryHog;
import dev.squeeze.report.ChaosReport;
import io.fabric8.kubernetes.client.KubernetesClient;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link Lifecycle#PER_METHOD}: every method gets a node of its own, stopped when the method ends. */
@ChaosNode(memory = "2Gi", lifecycle = Lifecycle.PER_METHOD)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NodePerMethodIT {

    private static final List<ChaosCluster> CLUSTERS = new ArrayList<>();

    @Test
    @Order(1)
    @MemoryHog(size = "120%", rate = "200Mi/s", hold = "10s")
    void firstNode(ChaosReport report, ChaosCluster cluster) {
        CLUSTERS.add(cluster);
        assertThat(report.cluster().node()).isEqualTo(cluster.nodeName());
    }

    @Test
    @Order(2)
    void secondNodeIsFresh(ChaosCluster cluster, KubernetesClient client) {
        assertThat(CLUSTERS).doesNotContain(cluster);
        assertThat(client.pods().inNamespace(cluster.namespace()).list().getItems())
                .as("pods left in a fresh node's experiment namespace").isEmpty();
    }
}
