package dev.squeeze.examples;

import dev.squeeze.junit5.ChaosNode;
import dev.squeeze.junit5.MemoryHog;
import dev.squeeze.junit5.Workload;
import dev.squeeze.pressure.SizeBasis;
import dev.squeeze.report.ChaosReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import static dev.squeeze.assertions.SqueezeAssertions.assertThat;

/**
 * The same kind of test pointed at a real cluster: with {@code -Dsqueeze.kubeconfig=~/.kube/config} (optionally
 * {@code squeeze.kubeconfig.context} and {@code squeeze.node}) Squeeze starts no k3s; it works in a namespace of its
 * own on that cluster and deletes it afterwards. Node-level attributes cannot be applied to a real node, so
 * {@code @ChaosNode} keeps its defaults here. Skipped unless a kubeconfig is configured.
 */
@EnabledIfSystemProperty(named = "squeeze.kubeconfig", matches = ".+",
        disabledReason = "no existing cluster configured: run with -Dsqueeze.kubeconfig=/path/to/kubeconfig to target one")
@ChaosNode
@Workload(manifests = "classpath:k8s/tuned.yaml", readySelectors = "app=web")
class ExistingClusterIT {

    @Test
    @MemoryHog(size = "25%", basis = SizeBasis.NODE_ALLOCATABLE, rate = "50Mi/s", hold = "10s")
    void the_web_service_absorbs_a_small_hog_on_a_real_node(ChaosReport report) {
        assertThat(report).apiServer().hasAvailabilityAtLeast(99.0);
        assertThat(report).workloadPods().stayedReady();
    }
}
