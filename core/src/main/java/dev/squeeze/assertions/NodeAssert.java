package dev.squeeze.assertions;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;
import dev.squeeze.internal.assertions.ShouldHaveAdmittedPodAfterRecovery;
import dev.squeeze.internal.assertions.ShouldHaveHadMemoryPressure;
import dev.squeeze.internal.assertions.ShouldHaveNodeStayedReady;
import dev.squeeze.internal.assertions.ShouldHaveObservedNode;
import dev.squeeze.internal.assertions.ShouldHaveRecoveredFromMemoryPressure;
import dev.squeeze.internal.assertions.ShouldHaveSamples;
import dev.squeeze.internal.assertions.ShouldNotHaveHadMemoryPressure;
import dev.squeeze.report.ChaosReport;
import dev.squeeze.internal.report.summary.NodeHistory;
import dev.squeeze.report.Phase;
import dev.squeeze.report.PhaseSpan;
import dev.squeeze.internal.report.summary.SignalCoverage;
import java.util.List;

/**
 * Assertions on the node(s): MemoryPressure, readiness, recovery. On a multi-node cluster each assertion must hold for
 * every node that was sampled ({@code hadMemoryPressure}: for at least one). A node nobody could see for more than
 * {@value SignalCoverage#TOLERATED_GAP_TICKS} ticks in a row during PRESSURE, HOLD or RECOVERY has not been shown to
 * stay Ready or free of MemoryPressure, so {@link #stayedReady()} and {@link #neverHadMemoryPressure()} fail there,
 * naming the unobserved stretch. Each assertion first checks that memory pressure was applied (see
 * {@link ChaosReportAssert#allowingNoPressure()}).
 *
 * <!-- sample(ChaosReport report) -->
 * <pre>{@code
 * assertThat(report).node().stayedReady().hadMemoryPressure().recoveredFromMemoryPressure().admittedPodAfterRecovery();
 * }</pre>
 */
@API(status = STABLE, since = "0.1")
public class NodeAssert extends AbstractReportPartAssert<NodeAssert> {

    /** For {@code proxy(...)} in soft assertions; reach it through {@code assertThat(report).node()}. */
    public NodeAssert(ChaosReport actual) {
        super(actual, NodeAssert.class);
    }

    /** At least one node reported the MemoryPressure condition True on some observed tick. */
    public NodeAssert hadMemoryPressure() {
        List<NodeHistory> nodes = nodes();
        if (nodes.stream().noneMatch(NodeHistory::hadMemoryPressure)) {
            throwAssertionError(ShouldHaveHadMemoryPressure.shouldHaveHadMemoryPressure(nodes.get(0), threshold(),
                    actual.started(), report()));
        }
        return myself;
    }

    /** No node reported MemoryPressure on any observed tick, and none went unobserved during the chaos. */
    public NodeAssert neverHadMemoryPressure() {
        for (NodeHistory n : nodes()) {
            if (n.hadMemoryPressure()) {
                throwAssertionError(ShouldNotHaveHadMemoryPressure.shouldNotHaveHadMemoryPressure(n, threshold(),
                        actual.started(), report()));
            }
            requireSeen(n, "never to report MemoryPressure");
        }
        return myself;
    }

    /** MemoryPressure appeared, then cleared and was still clear at the end. */
    public NodeAssert recoveredFromMemoryPressure() {
        for (NodeHistory n : nodes()) {
            if (!n.clearedAndStayedClear()) {
                throwAssertionError(ShouldHaveRecoveredFromMemoryPressure.shouldHaveRecoveredFromMemoryPressure(n,
                        actual.started(), report()));
            }
        }
        return myself;
    }

    /** Every node was seen Ready on every observed tick, and none went unobserved during the chaos. */
    public NodeAssert stayedReady() {
        for (NodeHistory n : nodes()) {
            if (!n.notReadySpans().isEmpty()) {
                throwAssertionError(ShouldHaveNodeStayedReady.shouldHaveNodeStayedReady(n, actual.started(), report()));
            }
            requireSeen(n, "to stay Ready");
        }
        return myself;
    }

    /** The RECOVERY phase completed, which it only does after a fresh pod was admitted on the recovered node. */
    public NodeAssert admittedPodAfterRecovery() {
        requireValidRun("the node");
        PhaseSpan recovery = actual.phases().stream().filter(p -> p.phase() == Phase.RECOVERY).findFirst().orElse(null);
        if (recovery == null || !recovery.completed()) {
            throwAssertionError(ShouldHaveAdmittedPodAfterRecovery.shouldHaveAdmittedPodAfterRecovery(recovery,
                    actual.started(), report()));
        }
        return myself;
    }

    private void requireSeen(NodeHistory n, String expectation) {
        List<SignalCoverage.Gap> blind = n.blindSpotsDuringChaos();
        if (!blind.isEmpty()) {
            throwAssertionError(ShouldHaveObservedNode.shouldHaveObservedNode(n.node(), expectation, blind,
                    actual.started(), report()));
        }
    }

    private List<NodeHistory> nodes() {
        requireValidRun("the node");
        List<NodeHistory> nodes = NodeHistory.of(actual);
        if (nodes.isEmpty()) {
            throwAssertionError(ShouldHaveSamples.shouldHaveSamples("node", report()));
        }
        return nodes;
    }

    private long threshold() {
        return actual.cluster() == null ? 0 : actual.cluster().evictionThresholdBytes();
    }
}
