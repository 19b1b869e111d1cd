package dev.squeeze.examples;

import dev.squeeze.junit5.ChaosNode;
import dev.squeeze.junit5.HttpProbe;
import dev.squeeze.junit5.MemoryHog;
import dev.squeeze.junit5.Workload;
import dev.squeeze.pressure.QosClass;
import dev.squeeze.report.ChaosReport;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static dev.squeeze.assertions.SqueezeAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The seed outage, reproduced: a 2 GiB node with nothing reserved for k3s and no memory eviction threshold (stock k3s),
 * web pods whose limits add up to ~180% of the node, and one memory-hungry service with a big Guaranteed limit.
 * The kubelet never steps in, and the node's 2 GiB wall holds k3s itself too: the kernel reclaims the API server's
 * own pages until it stops answering (the seed story's "TLS handshake timeout"), while the hungry pod keeps its memory.
 * Measured on our CI: the fresh-connection {@code /readyz} probe times out within seconds of the ramp and the node
 * stays wedged until the hog goes.
 *
 * <p>This test passes by asserting the damage Squeeze measured, and shows the assertion the team would have written
 * failing, with the message it fails with.
 */
@ChaosNode(memory = "2Gi", kubeReserved = "0", evictionHard = "0")
@Workload(manifests = "classpath:k8s/overcommitted.yaml", readySelectors = "app=web")
class OvercommittedNodeIT {

    private static final Logger LOG = LoggerFactory.getLogger(OvercommittedNodeIT.class);

    @Test
    @MemoryHog(size = "1300Mi", qos = QosClass.GUARANTEED, limit = "1400Mi", rate = "200Mi/s", hold = "5s",
            rampTimeout = "45s", recoveryTimeout = "1m", recoveryWindow = "5s",
            http = @HttpProbe(service = "web", port = 80, path = "/healthz"))
    void one_hungry_pod_takes_the_api_server_down(ChaosReport report) {
        // What really happened: no memory eviction, so the kubelet never reacted, and the API server starved.
        assertThat(report).node().neverHadMemoryPressure();
        assertThat(report).apiServer().hadFailures();

        // The assertion a team would have written, and how it fails on this node:
        assertThatThrownBy(() -> assertThat(report).apiServer().hasAvailabilityAtLeast(99.0))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Expecting API server availability")
                .satisfies(e -> LOG.info("The assertion a team would have written fails with:{}", e.getMessage()));
    }
}
