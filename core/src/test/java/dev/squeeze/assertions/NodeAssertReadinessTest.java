package dev.squeeze.assertions;

import static dev.squeeze.internal.assertions.ShouldHaveAdmittedPodAfterRecovery.shouldHaveAdmittedPodAfterRecovery;
import static dev.squeeze.internal.assertions.ShouldHaveNodeStayedReady.shouldHaveNodeStayedReady;
import static dev.squeeze.assertions.SqueezeAssertions.assertThat;
import static dev.squeeze.report.ReportFixtures.t;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

import dev.squeeze.report.ChaosReport;
import dev.squeeze.internal.report.summary.NodeHistory;
import dev.squeeze.report.NodeSample;
import dev.squeeze.report.Phase;
import dev.squeeze.report.PhaseSpan;
import dev.squeeze.report.ReportFixtures;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code stayedReady()} and {@code admittedPodAfterRecovery()}. */
class NodeAssertReadinessTest {

    private final ChaosReport scenario = ReportFixtures.evictionScenario();

    @Test
    void the_scenario_node_stayed_ready_and_admitted_a_pod() {
        assertThatNoException().isThrownBy(() -> assertThat(scenario).node().stayedReady().admittedPodAfterRecovery());
    }

    @Test
    void a_not_ready_node_fails_with_the_span_and_the_lease_gap() {
        // GIVEN the kubelet stops renewing its Lease at +10 and the node goes NotReady from +20 to +40
        List<NodeSample> node = new ArrayList<>();
        for (int s = 0; s <= 45; s++) {
            node.add(new NodeSample(t(s), Phase.PRESSURE, "k3s-node", s < 20 || s >= 40, false, null, null,
                    s < 40 ? t(Math.min(s, 10)) : t(s)));
        }
        ChaosReport report = ReportFixtures.with(scenario, null, node, null);
        NodeHistory history = NodeHistory.of(report).get(0);
        assertThatExceptionOfType(AssertionError.class)
                .isThrownBy(() -> assertThat(report).node().stayedReady())
                .withMessage(shouldHaveNodeStayedReady(history, report.started(), report.name()).create())
                .withMessageContaining("from +00:20 to +00:40 (20.0 s)")
                .withMessageContaining("longest gap between Lease renewals: 30.0 s (ending +00:40)");
    }

    @Test
    void an_unfinished_recovery_fails_with_the_phase_outcome() {
        PhaseSpan stuck = new PhaseSpan(Phase.RECOVERY, t(18), t(198), false,
                "timed out after 3m: MemoryPressure still True");
        List<PhaseSpan> phases = new ArrayList<>(scenario.phases().subList(0, 3));
        phases.add(stuck);
        ChaosReport report = ReportFixtures.withPhases(scenario, phases);
        assertThatExceptionOfType(AssertionError.class)
                .isThrownBy(() -> assertThat(report).node().admittedPodAfterRecovery())
                .withMessage(shouldHaveAdmittedPodAfterRecovery(stuck, report.started(), report.name()).create())
                .withMessageContaining("ended: timed out after 3m: MemoryPressure still True");
        ChaosReport none = ReportFixtures.withPhases(scenario, scenario.phases().subList(0, 2));
        assertThatExceptionOfType(AssertionError.class)
                .isThrownBy(() -> assertThat(none).node().admittedPodAfterRecovery())
                .withMessage(shouldHaveAdmittedPodAfterRecovery(null, none.started(), none.name()).create());
    }
}
