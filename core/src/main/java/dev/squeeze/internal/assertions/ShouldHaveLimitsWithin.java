package dev.squeeze.internal.assertions;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;
import dev.squeeze.report.ResourceAudit;
import dev.squeeze.report.ResourceAudit.NodeMemory;
import dev.squeeze.report.ResourceAudit.PodResources;
import dev.squeeze.internal.report.summary.Timeline;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.error.ErrorMessageFactory;

/** The workload's memory limits on a node exceed the allowed share of that node's allocatable memory. */
@API(status = INTERNAL, since = "0.1")
public final class ShouldHaveLimitsWithin extends ReportMessage {

    private ShouldHaveLimitsWithin(double percent, ResourceAudit a, NodeMemory n, String report) {
        super("%nExpecting the workload's memory limits to sum to at most %s of node %s's allocatable memory (%s)"
                        + "%nbut they sum to %s = %s of allocatable (%s of capacity %s):%n%s"
                        + "%nLower the limits, or give the node more memory.",
                report, Timeline.percentBound(percent), n.node(),
                ReportMessage.human(n.allocatableBytes()), ReportMessage.human(a.limitsBytesOn(n)),
                Timeline.percentNear(ratio(a.limitsBytesOn(n), n.allocatableBytes()) * 100, percent),
                ReportMessage.percent(ratio(a.limitsBytesOn(n), n.capacityBytes())),
                ReportMessage.human(n.capacityBytes()), lines(evidence(a, n)));
    }

    private static double ratio(long a, long b) {
        return b <= 0 ? 0 : (double) a / b;
    }

    /** The pods on the fullest node, then any unbounded pod elsewhere (each fails the check on its own). */
    private static List<String> evidence(ResourceAudit a, NodeMemory n) {
        List<String> out = new ArrayList<>();
        List<PodResources> on = a.podsOn(n);
        boolean severalNodes = a.pods().stream().anyMatch(p -> !on.contains(p));
        for (PodResources p : a.pods()) {
            if (!on.contains(p) && !p.unbounded()) {
                continue;
            }
            String where = severalNodes ? " on " + (p.node() == null ? a.node() : p.node()) : "";
            out.add("pod " + p.name() + where + " (" + p.qos() + "): limits "
                    + (p.unbounded() ? "none on " + String.join(", ", p.containersWithoutLimits()) + " (unbounded)"
                    : ReportMessage.human(p.limitsBytes())) + ", requests " + ReportMessage.human(p.requestsBytes()));
        }
        return out;
    }

    public static ErrorMessageFactory shouldHaveLimitsWithin(double percent, ResourceAudit audit, String report) {
        return new ShouldHaveLimitsWithin(percent, audit, audit.fullestNode(), report);
    }
}
