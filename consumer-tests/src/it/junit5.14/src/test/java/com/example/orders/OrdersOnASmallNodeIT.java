package com.example.orders;

import dev.squeeze.cluster.ChaosCluster;
import dev.squeeze.junit5.ChaosNode;
import dev.squeeze.junit5.MemoryHog;
import dev.squeeze.junit5.Workload;
import dev.squeeze.report.ChaosReport;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import org.junit.jupiter.api.Test;

import static dev.squeeze.assertions.SqueezeAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The JUnit 5.14 line: the node, the workload, injected clients and a hog experiment. */
@ChaosNode(memory = "2Gi")
@Workload(manifests = "classpath:k8s/orders.yaml", readySelectors = "app=orders")
class OrdersOnASmallNodeIT {

    @Test
    @MemoryHog(size = "25%", rate = "128Mi/s", hold = "3s", steadyState = "3s", recoveryWindow = "3s")
    void ordersStayReadyWhileAQuarterOfTheNodeIsTaken(ChaosReport report, ChaosCluster cluster,
            KubernetesClient client) {
        Pod orders = client.pods().inNamespace(cluster.namespace()).withLabel("app", "orders").list().getItems()
                .get(0);
        assertEquals("Running", orders.getStatus().getPhase());
        assertThat(report).hog().reachedTarget();
        assertThat(report).workloadPods().stayedReady().hadNoRestarts();
        assertThat(report).apiServer().hasAvailabilityAtLeast(90.0);
    }
}
