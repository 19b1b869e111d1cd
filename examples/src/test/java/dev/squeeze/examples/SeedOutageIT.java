package dev.squeeze.examples;

import dev.squeeze.junit5.ChaosNode;
import dev.squeeze.junit5.HttpProbe;
import dev.squeeze.junit5.MemoryHog;
import dev.squeeze.junit5.Workload;
import dev.squeeze.report.ChaosReport;
import dev.squeeze.report.HogFate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static dev.squeeze.assertions.SqueezeAssertions.assertThat;

/**
 * The seed outage, replayed as its author ran it: a node of 2.0 GiB memory and 1.0 GiB swap, stock k3s (nothing
 * reserved, no memory eviction threshold), the web pods whose limits add up to ~180% of the node (3 x 1200Mi), and an
 * eater pod with {@code resources: {}} running {@code mem_eater 2500} (2500 MiB, here at Squeeze's default 100Mi/s).
 *
 * <p>The swap must be as slow as the seed's disk for the node to thrash: CI's swap is a loop device throttled to
 * 400 IOPS and 40 MiB/s ({@code .ci/swap-up.sh}). On a swap that keeps up, the kernel pages the node out at disk
 * speed and OOM-kills the eater within seconds, and none of the seed's symptoms appears.
 *
 * <p>What this test asserts, in the seed's words, is what {@code bench/seed.sh} saw in 15 of 15 runs (README, "The
 * seed outage, reproduced"): {@code kubectl}'s TLS handshake timeouts (23-111 a run), the eater still filling memory
 * while the API server was unreachable, and the kubelet alive afterwards. The seed's other symptoms are logged, and
 * those runs counted them: the Service answering {@code 503 no endpoints available} in 6 of 15, the node-lifecycle
 * controller marking the node's pods NotReady ("Node is not ready") in 3 of 15, a system pod restart in 0 of 15. The
 * eater was OOM-killed at memory + swap (2.11-2.21 GiB) after 2-3.5 minutes of thrash in 15 of 15: k3s and the web
 * pods hold ~0.8 GiB of the 3 GiB, so 2500 MiB cannot fit.
 */
@Isolated("a node that swaps loads the host's disk: no other class runs beside it")
@ChaosNode(memory = "2Gi", swap = "1Gi", kubeReserved = "0", evictionHard = "0")
@Workload(manifests = "classpath:k8s/overcommitted.yaml", readySelectors = "app=web")
class SeedOutageIT {

    private static final Logger LOG = LoggerFactory.getLogger(SeedOutageIT.class);

    @Test
    @MemoryHog(size = "2500Mi", rate = "100Mi/s", hold = "60s", rampTimeout = "3m", recoveryTimeout = "3m",
            recoveryWindow = "5s", http = @HttpProbe(service = "web", port = 80, path = "/healthz"))
    void the_node_thrashes_while_the_eater_keeps_running(ChaosReport report) {
        SeedSymptoms seen = SeedSymptoms.of(report);
        LOG.info("the seed's symptoms in this run: {}; peak swap {} MiB", seen.describe(),
                SeedSymptoms.peakSwapBytes(report) >> 20);

        // the seed's node: stock k3s thresholds, limits at ~180% of the node
        assertThat(report.cluster().evictionThresholdBytes()).as("memory eviction threshold (stock k3s: none)")
                .isZero();
        assertThatLimitsAreOvercommitted(report);
        // "its progress increased, stopped, increased as pages went to swap"
        assertThat(SeedSymptoms.peakSwapBytes(report)).as("pages of the node in swap during the chaos")
                .isGreaterThan(64L << 20);
        assertThat(seen.tlsTimeouts())
                .as("kubectl: Unable to connect to the server: net/http: TLS handshake timeout").isNotEmpty();
        assertThat(seen.eaterKeptRunning())
                .as("the memory eater kept running (touching new pages after the first of the seed's symptoms)")
                .isTrue();
        assertThat(report.hogOutcome().fate()).as("the kubelet did not evict the eater (stock k3s: no memory eviction)")
                .isNotEqualTo(HogFate.EVICTED);
        // "the kubelet was not killed": it posts node status again once the eater is gone
        assertThat(seen.nodeReadyInRecovery()).as("the kubelet was not killed (node Ready again after the chaos)")
                .isTrue();
    }

    private static void assertThatLimitsAreOvercommitted(ChaosReport report) {
        assertThat(report).resources().everyPodHasMemoryLimits();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> assertThat(report).resources().limitsAtMost(150.0))
                .as("pod limits summed to 180 percent of the node").isInstanceOf(AssertionError.class);
    }
}
