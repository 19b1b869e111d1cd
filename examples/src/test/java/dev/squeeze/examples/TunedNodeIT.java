package dev.squeeze.examples;

import dev.squeeze.junit5.ChaosNode;
import dev.squeeze.junit5.HttpProbe;
import dev.squeeze.junit5.MemoryHog;
import dev.squeeze.junit5.Workload;
import dev.squeeze.pressure.SizeBasis;
import dev.squeeze.report.ChaosReport;
import org.junit.jupiter.api.Test;

import static dev.squeeze.assertions.SqueezeAssertions.assertThat;

/**
 * The fix for the seed outage: the same web service with memory requests = limits, 700Mi reserved for k3s itself
 * and a 400Mi hard eviction threshold on a 2 GiB node. A BestEffort pod that leaks past what the node can give is
 * evicted by the kubelet before the kernel has to kill anything; the API server, the web pods and their Service
 * never notice.
 *
 * <p>The threshold is the headroom the kubelet has to act in: it checks every 10 s, so a leak must not grow by more
 * than the threshold in 10 s (here 25Mi/s, 250Mi per check), or the kernel OOM-kills it before the kubelet evicts it.
 */
@ChaosNode(memory = "2Gi", kubeReserved = "700Mi", evictionHard = "400Mi", pressureTransitionPeriod = "10s")
@Workload(manifests = "classpath:k8s/tuned.yaml", readySelectors = "app=web")
class TunedNodeIT {

    @Test
    @MemoryHog(size = "120%", basis = SizeBasis.NODE_ALLOCATABLE, rate = "25Mi/s", hold = "20s", recoveryWindow = "10s",
            http = @HttpProbe(service = "web", port = 80, path = "/healthz"))
    void the_hog_is_evicted_and_everything_else_survives(ChaosReport report) {
        // 3 x 256Mi limits = 768Mi of ~948Mi allocatable (2Gi - 700Mi reserved - 400Mi eviction); Burstable (cpu)
        assertThat(report).resources().everyPodHasMemoryLimits().noBestEffortPods().limitsFitAllocatable();
        assertThat(report).hog().wasEvictedForMemory();
        assertThat(report).apiServer().isAvailable().meetsLatencySlo();
        assertThat(report).workloadPods().stayedReady().hadNoRestarts().wereNotEvicted();
        assertThat(report).http().hasSuccessRateAtLeast(99.0);
        assertThat(report).node()
                .hadMemoryPressure()
                .stayedReady()
                .recoveredFromMemoryPressure()
                .admittedPodAfterRecovery();
    }
}
