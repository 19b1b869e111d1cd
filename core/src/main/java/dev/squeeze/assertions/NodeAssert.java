package dev.squeeze.assertions;

import dev.squeeze.report.ChaosReport;
import dev.squeeze.report.NodeHistory;
import dev.squeeze.report.Phase;
import dev.squeeze.report.PhaseSpan;
import java.util.List;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on the node(s): MemoryPressure, readiness, recovery. On a multi-node cluster each assertion must hold for
 * every node that was sampled ({@code hadMemoryPressure}: for at least one).
 *
 * <pre>{@code
 * assertThat(report).node().stayedReady().hadMemoryPressure().recoveredFromMemoryPressure().admittedPodAfterRecovery();
 * }</pre>
 */
public class NodeAssert extends AbstractAssert<NodeAssert, ChaosReport> {

    private final String report;

    NodeAssert(ChaosReport actual, String report) {
        super(actual, NodeAssert.class);
        this.report = report;
    }

    public NodeAssert hadMemoryPressure() {
        List<NodeHistory> nodes = nodes();
        if (nodes.stream().noneMatch(NodeHistory::hadMemoryPressure)) {
            throwAssertionError(ShouldHaveHadMemoryPressure.shouldHaveHadMemoryPressure(nodes.get(0), threshold(),
                    actual.started(), report));
        }
        return myself;
    }

    public NodeAssert neverHadMemoryPressure() {
        for (NodeHistory n : nodes()) {
            if (n.hadMemoryPressure()) {
                throwAssertionError(ShouldNotHaveHadMemoryPressure.shouldNotHaveHadMemoryPressure(n, threshold(),
                        actual.started(), report));
            }
        }
        return myself;
    }

    /** MemoryPressure appeared, then cleared and was still clear at the end. */
    public NodeAssert recoveredFromMemoryPressure() {
        for (NodeHistory n : nodes()) {
            if (!n.clearedAndStayedClear()) {
                throwAssertionError(ShouldHaveRecoveredFromMemoryPressure.shouldHaveRecoveredFromMemoryPressure(n,
                        actual.started(), report));
            }
        }
        return myself;
    }

    public NodeAssert stayedReady() {
        for (NodeHistory n : nodes()) {
            if (!n.stayedReady()) {
                throwAssertionError(ShouldHaveNodeStayedReady.shouldHaveNodeStayedReady(n, actual.started(), report));
            }
        }
        return myself;
    }

    /** The RECOVERY phase completed, which it only does after a fresh pod was admitted on the recovered node. */
    public NodeAssert admittedPodAfterRecovery() {
        PhaseSpan recovery = actual.phases().stream().filter(p -> p.phase() == Phase.RECOVERY).findFirst().orElse(null);
        if (recovery == null || !recovery.completed()) {
            throwAssertionError(ShouldHaveAdmittedPodAfterRecovery.shouldHaveAdmittedPodAfterRecovery(recovery,
                    actual.started(), report));
        }
        return myself;
    }

    private List<NodeHistory> nodes() {
        List<NodeHistory> nodes = NodeHistory.of(actual);
        if (nodes.isEmpty()) {
            throwAssertionError(ShouldHaveSamples.shouldHaveSamples("node", report));
        }
        return nodes;
    }

    private long threshold() {
        return actual.cluster() == null ? 0 : actual.cluster().evictionThresholdBytes();
    }
}
