package dev.squeeze.internal.assertions;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;
import dev.squeeze.internal.report.summary.NodeHistory;
import dev.squeeze.internal.report.summary.Timeline;
import java.time.Instant;
import org.assertj.core.error.ErrorMessageFactory;

/** The node went NotReady: the kubelet stopped posting status, the seed story's "every condition Unknown". */
@API(status = INTERNAL, since = "0.1")
public final class ShouldHaveNodeStayedReady extends ReportMessage {

    private ShouldHaveNodeStayedReady(NodeHistory node, Instant origin, String report) {
        super("%nExpecting node %s to stay Ready%nbut it was NotReady:%n%s%nlongest gap between Lease renewals: %s",
                report, node.node(), lines(NodeEvidence.spans(node.notReadySpans(), origin)),
                Timeline.seconds(node.leaseMaxGap()) + (node.leaseMaxGapEnd() == null ? ""
                        : " (ending " + Timeline.offset(origin, node.leaseMaxGapEnd()) + ")"));
    }

    public static ErrorMessageFactory shouldHaveNodeStayedReady(NodeHistory node, Instant origin, String report) {
        return new ShouldHaveNodeStayedReady(node, origin, report);
    }
}
