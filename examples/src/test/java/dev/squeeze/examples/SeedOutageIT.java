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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The seed outage, replayed as its author ran it: a node of 2.0 GiB memory and 1.0 GiB swap, stock k3s (nothing
 * reserved, no memory eviction threshold), the web pods whose limits add up to ~180% of the node, and an eater pod
 * with {@code resources: {}} running {@code mem_eater 2500} (2500 MiB).
 */
@Isolated("a node that swaps loads the host's disk: no other class runs beside it")
@ChaosNode(memory = "2Gi", swap = "1Gi", kubeReserved = "0", evictionHard = "0")
@Workload(manifests = "classpath:k8s/overcommitted.yaml", readySelectors = "app=web")
class SeedOutageIT {

    private static final Logger LOG = LoggerFactory.getLogger(SeedOutageIT.class);

    @Test
    @MemoryHog(size = "2500Mi", rate = "100Mi/s", hold = "30s", rampTimeout = "2m", recoveryTimeout = "2m",
            recoveryWindow = "5s", http = @HttpProbe(service = "web", port = 80, path = "/healthz"))
    void the_node_thrashes_like_the_seed_said(ChaosReport report) {
        SeedSymptoms seen = SeedSymptoms.of(report);
        LOG.info("seed symptoms: {}; peak swap {} bytes", seen.describe(), SeedSymptoms.peakSwapBytes(report));
        assertThat(report.cluster().evictionThresholdBytes()).as("memory eviction threshold (stock k3s)").isZero();
        assertThat(SeedSymptoms.peakSwapBytes(report)).as("the node's pages in swap during the chaos").isPositive();
    }
}
