package dev.squeeze.examples;

import dev.squeeze.experiment.Expect;
import dev.squeeze.junit5.ChaosNode;
import dev.squeeze.junit5.HttpProbe;
import dev.squeeze.junit5.MemoryHog;
import dev.squeeze.junit5.Workload;
import dev.squeeze.pressure.SizeBasis;
import dev.squeeze.report.ChaosReport;
import dev.squeeze.report.ClusterNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import static dev.squeeze.assertions.SqueezeAssertions.assertThat;

/**
 * A service spread over the workers of an existing multi-node cluster survives a leak on one of them: the hog is
 * pinned to the node {@code squeeze.node} names (a node name or a label selector such as
 * {@code squeeze.dev/profile=tuned}); that node's kubelet evicts it, the replicas on the other workers never notice,
 * and the Service keeps answering through the API server's proxy with endpoints on every worker.
 *
 * <p>The target node must have a {@code memory.available} hard eviction threshold ({@code expect = Expect.EVICTION}
 * fails the test before any pressure when it has none); the report lists every node and marks the target. Skipped unless a kubeconfig is
 * configured; {@code .ci/run} starts a three-node cluster for it.
 */
@EnabledIfSystemProperty(named = "squeeze.kubeconfig", matches = ".+",
        disabledReason = "no existing cluster configured: run with -Dsqueeze.kubeconfig=/path/to/kubeconfig"
                + " -Dsqueeze.node=<worker> to target one")
@ChaosNode
@Workload(manifests = "classpath:k8s/spread.yaml", readySelectors = "app=web")
class MultiNodeIT {

    @Test
    @MemoryHog(size = "120%", basis = SizeBasis.NODE_ALLOCATABLE, rate = "25Mi/s", hold = "20s",
            http = @HttpProbe(service = "web", port = 80, path = "/healthz"), expect = Expect.EVICTION)
    void a_hog_on_one_worker_is_evicted_while_the_other_keeps_serving(ChaosReport report) {
        assertThat(report).hog().wasEvictedForMemory();
        assertThat(report).node().hadMemoryPressure().stayedReady();
        assertThat(report).workloadPods().onOtherNodes().stayedReady().hadNoRestarts().wereNotEvicted();
        assertThat(report).workloadPods().onNode(report.cluster().node()).wereNotEvicted();
        assertThat(report).http().hasSuccessRateAtLeast(99.0);
        assertThat(report).apiServer().hasAvailabilityAtLeast(99.0);
        // the report observed every node, the target marked, and the other nodes on the same tick grid
        assertThat(report.clusterNodes()).hasSizeGreaterThanOrEqualTo(3)
                .filteredOn(ClusterNode::target).singleElement()
                .extracting(ClusterNode::name).isEqualTo(report.cluster().node());
        assertThat(report.otherNodes()).extracting(s -> s.node()).doesNotContain(report.cluster().node())
                .hasSizeGreaterThanOrEqualTo(2 * report.node().size() - 4);
    }
}
