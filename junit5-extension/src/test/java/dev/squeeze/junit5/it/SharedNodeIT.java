package dev.squeeze.junit5.it;

import dev.squeeze.cluster.ChaosCluster;
import dev.squeeze.junit5.ChaosNode;
import dev.squeeze.junit5.MemoryHog;
import dev.squeeze.junit5.Workload;
import dev.squeeze.report.ChaosReport;
import dev.squeeze.report.HogFate;
import dev.squeeze.report.Phase;
import dev.squeeze.report.PhaseSpan;
import dev.squeeze.units.MemorySize;
import io.fabric8.kubernetes.client.KubernetesClient;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.parallel.ResourceLock;

import static org.assertj.core.api.Assertions.assertThat;

/** The default path: one node for the class, the workload deployed once, a hog per method. */
@ChaosNode(memory = "2Gi", pressureTransitionPeriod = "10s")
@Workload(manifests = "classpath:it/innocent.yaml", readySelectors = "app=innocent")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Order(3) // with the other ITs on the same shared node (squeeze.reuseNodes in the POM),
@ResourceLock("squeeze-shared-node") // one after another while other classes run in parallel
class SharedNodeIT {

    private static ChaosCluster firstCluster;

    @Test
    @Order(1)
    @MemoryHog(size = "120%", rate = "200Mi/s", hold = "5s", recoveryWindow = "5s")
    void hogBeyondAllocatableIsStopped(ChaosReport report, ChaosCluster cluster) {
        firstCluster = cluster;
        assertThat(report.cluster().declaredBytes()).isEqualTo(MemorySize.parse("2Gi").bytes());
        assertThat(report.phases()).extracting(PhaseSpan::phase).contains(Phase.PRESSURE, Phase.RECOVERY);
        assertThat(report.api()).isNotEmpty();
        // 120% of allocatable cannot fit: the kubelet evicts it or the kernel kills it; surviving would mean no wall
        assertThat(report.hogOutcome().fate()).as("hog outcome %s", report.hogOutcome())
                .isIn(HogFate.EVICTED, HogFate.OOM_KILLED);
    }

    @Test
    @Order(2)
    @MemoryHog(size = "30%", rate = "200Mi/s", hold = "2s", recoveryWindow = "5s")
    void secondMethodRunsOnTheSameNodeAfterRecovery(ChaosReport report, ChaosCluster cluster, KubernetesClient client) {
        assertThat(cluster).isSameAs(firstCluster);
        assertThat(client.pods().inNamespace(cluster.namespace()).withLabel("app", "innocent").list().getItems())
                .singleElement().satisfies(pod -> assertThat(pod.getStatus().getPhase()).isEqualTo("Running"));
        assertThat(report.hogOutcome().fate()).isEqualTo(HogFate.SURVIVED);
    }
}
