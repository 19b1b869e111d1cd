package dev.squeeze.assertions;

import static dev.squeeze.assertions.SqueezeAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

import dev.squeeze.report.ChaosReport;
import dev.squeeze.report.ClusterFacts;
import dev.squeeze.report.ReportFixtures;
import dev.squeeze.report.ResourceAudit;
import dev.squeeze.report.ResourceAudit.PodResources;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code resources()}: limits against allocatable, missing limits, BestEffort pods, soft and without pressure. */
class ResourcesAssertTest {

    private static final long MI = 1L << 20;

    private static ChaosReport with(ResourceAudit audit) {
        ChaosReport r = ReportFixtures.evictionScenario();
        ClusterFacts f = r.cluster().withResources(audit);
        return new ChaosReport(r.name(), r.started(), r.finished(), f, r.hogSpec(), r.phases(), r.api(), r.node(),
                r.pods(), r.hog(), r.events(), r.http(), r.hogOutcome(), r.notes());
    }

    private static ResourceAudit bounded(long limitEach) {
        return new ResourceAudit("k3s-node", 1536 * MI, 2048 * MI, List.of(
                new PodResources("web-0", "k3s-node", "Guaranteed", limitEach, limitEach, List.of()),
                new PodResources("web-1", "k3s-node", "Burstable", 64 * MI, limitEach, List.of())));
    }

    @Test
    void limits_within_allocatable_pass_every_check() {
        ChaosReport report = with(bounded(512 * MI));
        assertThatNoException().isThrownBy(() -> assertThat(report).resources().limitsFitAllocatable()
                .everyPodHasMemoryLimits().noBestEffortPods().limitsAtMost(67.0));
    }

    @Test
    void limits_over_allocatable_fail_naming_the_sum_the_ratio_and_each_pod() {
        ChaosReport report = with(bounded(1024 * MI));
        assertThatExceptionOfType(AssertionError.class)
                .isThrownBy(() -> assertThat(report).resources().limitsFitAllocatable())
                .withMessageContaining("at most 100.0% of node k3s-node's allocatable memory (1.50 GiB)")
                .withMessageContaining("they sum to 2.00 GiB = 133.3% of allocatable (100.0% of capacity 2.00 GiB)")
                .withMessageContaining("pod web-1 (Burstable): limits 1.00 GiB, requests 64.0 MiB")
                .withMessageContaining("Lower the limits");
        assertThatExceptionOfType(AssertionError.class)
                .isThrownBy(() -> assertThat(with(bounded(512 * MI))).resources().limitsAtMost(60.0))
                .withMessageContaining("at most 60.0%").withMessageContaining("66.7% of allocatable");
    }

    @Test
    void a_pod_without_limits_fails_the_limit_checks_and_a_best_effort_pod_fails_noBestEffortPods() {
        ChaosReport report = ReportFixtures.evictionScenario(); // sidecar: BestEffort, no limit on container tail
        assertThatExceptionOfType(AssertionError.class)
                .isThrownBy(() -> assertThat(report).resources().everyPodHasMemoryLimits())
                .withMessageContaining("every container to have a memory limit")
                .withMessageContaining("pod sidecar (BestEffort): no memory limit on tail");
        assertThatExceptionOfType(AssertionError.class)
                .isThrownBy(() -> assertThat(report).resources().noBestEffortPods())
                .withMessageContaining("pod sidecar is BestEffort");
        assertThatExceptionOfType(AssertionError.class)
                .isThrownBy(() -> assertThat(report).resources().limitsFitAllocatable())
                .withMessageContaining("limits none on tail (unbounded)");
    }

    @Test
    void a_report_without_an_audit_fails_saying_so() {
        assertThatExceptionOfType(AssertionError.class)
                .isThrownBy(() -> assertThat(with(null)).resources().noBestEffortPods())
                .withMessageContaining("a resource audit of the workload pods")
                .withMessageContaining("none was recorded");
    }

    @Test
    void soft_assertions_collect_every_resource_failure() {
        SqueezeSoftAssertions softly = new SqueezeSoftAssertions();
        softly.assertThat(ReportFixtures.evictionScenario()).resources().noBestEffortPods().everyPodHasMemoryLimits();
        assertThat(softly.errorsCollected()).hasSize(2);
    }
    /** web-0 on k3s-node (1.5Gi allocatable) and web-1 on k3s-node-2 (1Gi allocatable), each limited to limitEach. */
    private static ResourceAudit spread(long limitEach) {
        return new ResourceAudit("k3s-node", 1536 * MI, 2048 * MI, List.of(
                new PodResources("web-0", "k3s-node", "Guaranteed", limitEach, limitEach, List.of()),
                new PodResources("web-1", "k3s-node-2", "Guaranteed", limitEach, limitEach, List.of())),
                List.of(new ResourceAudit.NodeMemory("k3s-node", 1536 * MI, 2048 * MI),
                        new ResourceAudit.NodeMemory("k3s-node-2", 1024 * MI, 2048 * MI)));
    }

    @Test
    void a_workload_spread_over_two_nodes_fits_when_every_node_fits() {
        // GIVEN 2 x 900Mi: more than the target's 1.5Gi in all, but each pod fits its own node
        ChaosReport report = with(spread(900 * MI));
        // WHEN / THEN
        assertThatNoException().isThrownBy(() -> assertThat(report).resources().limitsFitAllocatable());
    }

    @Test
    void a_workload_spread_over_two_nodes_fails_on_the_fullest_node_naming_it() {
        // GIVEN 2 x 1100Mi: fits the target's 1.5Gi, not k3s-node-2's 1Gi
        ChaosReport report = with(spread(1100 * MI));
        // WHEN / THEN
        assertThatExceptionOfType(AssertionError.class)
                .isThrownBy(() -> assertThat(report).resources().limitsFitAllocatable())
                .withMessageContaining("at most 100.0% of node k3s-node-2's allocatable memory (1.00 GiB)")
                .withMessageContaining("they sum to 1.07 GiB = 107.4% of allocatable")
                .withMessageContaining("pod web-1 on k3s-node-2 (Guaranteed): limits 1.07 GiB")
                .withMessageNotContaining("pod web-0");
    }
}
