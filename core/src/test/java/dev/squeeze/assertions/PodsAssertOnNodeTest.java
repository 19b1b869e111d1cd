package dev.squeeze.assertions;

import dev.squeeze.report.ChaosReport;
import dev.squeeze.report.PodSample;
import dev.squeeze.report.ReportFixtures;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static dev.squeeze.assertions.SqueezeAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

class PodsAssertOnNodeTest {

    /** The scenario's pods on another worker, plus a web pod OOM-killed on the node under pressure. */
    private static ChaosReport multiNode() {
        ChaosReport base = ReportFixtures.evictionScenario();
        List<PodSample> pods = new ArrayList<>();
        for (PodSample p : base.pods()) {
            pods.add(onNode(p, "worker-2"));
        }
        for (PodSample p : PodSamples.oomKilledWeb("web-6f7c-xyz")) {
            pods.add(onNode(p, base.cluster().node()));
        }
        return ReportFixtures.with(base, null, null, pods);
    }

    private static PodSample onNode(PodSample p, String node) {
        return new PodSample(p.at(), p.phase(), p.namespace(), p.name(), p.role(), p.podPhase(), p.ready(),
                p.restarts(), p.lastTermination(), p.workingSetBytes(), p.labels(), node);
    }

    @Test
    void the_pods_on_other_nodes_are_judged_apart_from_the_target() {
        // GIVEN a pod damaged on the target node and healthy pods elsewhere
        ChaosReport report = multiNode();
        // WHEN / THEN
        assertThatNoException().isThrownBy(() -> assertThat(report).workloadPods().onOtherNodes().stayedReady()
                .hadNoRestarts());
        assertThatNoException().isThrownBy(() -> assertThat(report).pods("app=web").onNode("worker-2")
                .stayedReady());
        assertThatExceptionOfType(AssertionError.class)
                .isThrownBy(() -> assertThat(report).workloadPods().onNode(report.cluster().node()).stayedReady())
                .withMessageContaining("on node " + report.cluster().node())
                .withMessageContaining("web-6f7c-xyz: NotReady from +00:31 to +00:52");
    }

    @Test
    void a_node_without_matched_pods_fails_instead_of_passing_vacuously() {
        ChaosReport report = multiNode();

        assertThatExceptionOfType(AssertionError.class)
                .isThrownBy(() -> assertThat(report).pods("app=web").onNode("worker-9").stayedReady())
                .withMessageContaining("app=web on node worker-9");
    }
}
