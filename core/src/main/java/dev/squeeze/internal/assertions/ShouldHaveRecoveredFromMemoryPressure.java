package dev.squeeze.internal.assertions;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;
import dev.squeeze.internal.report.summary.NodeHistory;
import java.time.Instant;
import org.assertj.core.error.ErrorMessageFactory;

/** MemoryPressure never appeared, or was still set when the experiment ended. */
@API(status = INTERNAL, since = "0.1")
public final class ShouldHaveRecoveredFromMemoryPressure extends ReportMessage {

    private ShouldHaveRecoveredFromMemoryPressure(NodeHistory node, Instant origin, String report) {
        super("%nExpecting node %s to clear MemoryPressure and stay clear%nbut %s%nMemoryPressure:%n%s",
                report, node.node(), node.hadMemoryPressure()
                        ? "it was still set when the experiment ended" : "it never had MemoryPressure to recover from",
                lines(NodeEvidence.spans(node.pressureSpans(), origin)));
    }

    public static ErrorMessageFactory shouldHaveRecoveredFromMemoryPressure(NodeHistory node, Instant origin,
                                                                            String report) {
        return new ShouldHaveRecoveredFromMemoryPressure(node, origin, report);
    }
}
