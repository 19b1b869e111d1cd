package dev.squeeze.examples;

import dev.squeeze.cluster.ExistingClusterSpec;
import dev.squeeze.junit5.HttpProbe;
import dev.squeeze.junit5.MemoryHog;
import dev.squeeze.junit5.SqueezeExtension;
import dev.squeeze.report.ChaosReport;
import dev.squeeze.workload.WorkloadSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.parallel.Isolated;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.List;

import static dev.squeeze.assertions.SqueezeAssertions.assertThat;

/**
 * The seed outage in production, fixed as the seed's TL;DR says: the same eater ({@code resources: {}}, 2500 MiB) on
 * the worker {@code squeeze.dev/profile=tuned} of CI's cluster ({@code .ci/cluster-up.sh}): 2 GiB + 1 GiB swap on
 * the same slow disk as the unfixed worker, but 384Mi kube-reserved, a 256Mi {@code memory.available} eviction
 * threshold, and web pods whose requests = limits fit, pinned to it. The worker's kubelet evicted the eater before the
 * kernel had to act, and none of the seed's symptoms appeared, in 10 of 10 runs of {@code bench/seed.sh} with
 * {@code SEED_CLUSTER=1} (README, "The seed outage, reproduced").
 */
@Isolated("a node that swaps loads the host's disk: no other class runs beside it")
@EnabledIfSystemProperty(named = "squeeze.kubeconfig", matches = ".+",
        disabledReason = "no existing cluster configured: run with -Dsqueeze.kubeconfig=/path/to/kubeconfig of a"
                + " cluster with a worker labelled squeeze.dev/profile=tuned (.ci/cluster-up.sh)")
class SeedOutageFixedOnAWorkerIT {

    private static final Logger LOG = LoggerFactory.getLogger(SeedOutageFixedOnAWorkerIT.class);

    @RegisterExtension
    static SqueezeExtension squeeze = SqueezeExtension.builder()
            .existingCluster(new ExistingClusterSpec(Path.of(System.getProperty("squeeze.kubeconfig", "unset")), "",
                    "squeeze.dev/profile=tuned"))
            .workload(WorkloadSpec.of("classpath:k8s/seed-worker-fixed.yaml")
                    .withReadySelectors(List.of("app=web")))
            .build();

    @Test
    @MemoryHog(size = "2500Mi", rate = "100Mi/s", hold = "30s", rampTimeout = "2m", recoveryTimeout = "2m",
            recoveryWindow = "5s", http = @HttpProbe(service = "web", port = 80, path = "/healthz"))
    void none_of_the_seed_symptoms_on_the_worker(ChaosReport report) {
        SeedSymptoms seen = SeedSymptoms.of(report);
        LOG.info("the seed's symptoms in this run: {}; longest Lease gap {}", seen.describe(),
                SeedSymptoms.longestLeaseGap(report.node()));
        assertThat(report).resources().everyPodHasMemoryLimits().limitsFitAllocatable();
        // the kubelet acts before the kernel has to
        assertThat(report).hog().wasEvictedForMemory();
        assertThat(report).workloadPods().stayedReady().hadNoRestarts();
        assertThat(seen.http5xx()).as("the Service answered Bad Gateway (5xx)").isEmpty();
        assertThat(seen.nodeUnknownEvents()).as("Kubelet stopped posting node status").isEmpty();
        assertThat(seen.leaseGapPastGrace()).as("the worker's Lease went unrenewed past the 50 s grace period")
                .isFalse();
    }
}
