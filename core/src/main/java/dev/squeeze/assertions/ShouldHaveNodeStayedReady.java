package dev.squeeze.assertions;

import dev.squeeze.report.NodeHistory;
import dev.squeeze.report.Timeline;
import java.time.Instant;
import org.assertj.core.error.ErrorMessageFactory;

/** The node went NotReady: the kubelet stopped posting status, the seed story's "every condition Unknown". */
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
