package dev.squeeze.internal.assertions;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;
import dev.squeeze.internal.report.summary.NodeHistory;
import java.time.Instant;
import org.assertj.core.error.ErrorMessageFactory;

/** The node never reported MemoryPressure although the experiment expected it to. */
@API(status = INTERNAL, since = "0.1")
public final class ShouldHaveHadMemoryPressure extends ReportMessage {

    private ShouldHaveHadMemoryPressure(NodeHistory node, long thresholdBytes, Instant origin, String report) {
        super("%nExpecting node %s to report MemoryPressure%nbut it never did in %s samples; %s",
                report, node.node(), String.valueOf(node.samples()), NodeEvidence.memory(node, thresholdBytes, origin));
    }

    public static ErrorMessageFactory shouldHaveHadMemoryPressure(NodeHistory node, long thresholdBytes, Instant origin,
                                                                  String report) {
        return new ShouldHaveHadMemoryPressure(node, thresholdBytes, origin, report);
    }
}
