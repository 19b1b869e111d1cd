package dev.squeeze.examples;

import dev.squeeze.junit5.ChaosNode;
import dev.squeeze.junit5.HttpProbe;
import dev.squeeze.junit5.MemoryHog;
import dev.squeeze.junit5.Workload;
import dev.squeeze.report.ChaosReport;
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
 * <p>What the kernel did with it here, in 5 of 5 runs of {@code bench/seed.sh} (README, "The seed outage,
 * reproduced"): it paged the node out until the wall's 1 GiB of swap was full, then OOM-killed the eater (BestEffort,
 * {@code oom_score_adj} 1000) at 2.2-2.3 GiB of its 2500 MiB: k3s and the web pods hold about 0.8 GiB of the 3 GiB
 * themselves, so 2500 MiB cannot fit; the kubelet survived. Of the seed's symptoms, the Service answered 5xx in 1 of
 * those 5 runs; no TLS handshake timeout, no system pod restart and no node Unknown in any: the swap here keeps up,
 * so paging never became the seed's thrash. This test asserts what happened in every run and logs the symptoms.
 */
@Isolated("a node that swaps loads the host's disk: no other class runs beside it")
@ChaosNode(memory = "2Gi", swap = "1Gi", kubeReserved = "0", evictionHard = "0")
@Workload(manifests = "classpath:k8s/overcommitted.yaml", readySelectors = "app=web")
class SeedOutageIT {

    private static final Logger LOG = LoggerFactory.getLogger(SeedOutageIT.class);

    @Test
    @MemoryHog(size = "2500Mi", rate = "100Mi/s", hold = "30s", rampTimeout = "2m", recoveryTimeout = "2m",
            recoveryWindow = "5s", http = @HttpProbe(service = "web", port = 80, path = "/healthz"))
    void the_node_pages_out_then_the_kernel_kills_the_eater(ChaosReport report) {
        SeedSymptoms seen = SeedSymptoms.of(report);
        LOG.info("the seed's symptoms in this run: {}; peak swap {} MiB", seen.describe(),
                SeedSymptoms.peakSwapBytes(report) >> 20);

        // the seed's node: stock k3s thresholds, limits at ~180% of the node
        assertThat(report.cluster().evictionThresholdBytes()).as("memory eviction threshold (stock k3s: none)")
                .isZero();
        assertThatLimitsAreOvercommitted(report);
        // "its progress increased, stopped, increased as pages went to swap"
        assertThat(SeedSymptoms.peakSwapBytes(report)).as("pages of the node in swap during the chaos")
                .isGreaterThan(512L << 20);
        // "the kubelet was not killed": it posts node status again once the eater is gone
        assertThat(seen.nodeReadyInRecovery()).as("the kubelet was not killed (node Ready again after the chaos)")
                .isTrue();
        // the seed's eater kept running; here memory + swap (3 GiB) cannot hold it next to k3s and the web pods
        assertThat(report).hog().as("the eater (resources: {}), killed by the kernel at memory + swap")
                .wasOomKilled();
    }

    private static void assertThatLimitsAreOvercommitted(ChaosReport report) {
        assertThat(report).resources().everyPodHasMemoryLimits();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> assertThat(report).resources().limitsAtMost(150.0))
                .as("pod limits summed to 180 percent of the node").isInstanceOf(AssertionError.class);
    }
}
