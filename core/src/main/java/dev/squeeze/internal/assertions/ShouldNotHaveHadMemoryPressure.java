package dev.squeeze.internal.assertions;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;
import dev.squeeze.internal.report.summary.NodeHistory;
import java.time.Instant;
import org.assertj.core.error.ErrorMessageFactory;

/** The node reported MemoryPressure although it should have had headroom to spare. */
@API(status = INTERNAL, since = "0.1")
public final class ShouldNotHaveHadMemoryPressure extends ReportMessage {

    private ShouldNotHaveHadMemoryPressure(NodeHistory node, long thresholdBytes, Instant origin, String report) {
        super("%nExpecting node %s never to report MemoryPressure%nbut it did:%n%s%n%s",
                report, node.node(), lines(NodeEvidence.spans(node.pressureSpans(), origin)),
                NodeEvidence.memory(node, thresholdBytes, origin));
    }

    public static ErrorMessageFactory shouldNotHaveHadMemoryPressure(NodeHistory node, long thresholdBytes,
                                                                     Instant origin, String report) {
        return new ShouldNotHaveHadMemoryPressure(node, thresholdBytes, origin, report);
    }
}
