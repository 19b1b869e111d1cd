package dev.squeeze.internal.assertions;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;
import dev.squeeze.assertions.ResourcesAssert;
import dev.squeeze.report.ResourceAudit;
import dev.squeeze.report.ResourceAudit.PodResources;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.assertj.core.error.ErrorMessageFactory;

/** The workload's summed memory limits exceed the allowed share of the node's allocatable memory. */
@API(status = INTERNAL, since = "0.1")
public final class ShouldHaveLimitsWithin extends ReportMessage {

    private ShouldHaveLimitsWithin(double percent, ResourceAudit a, String report) {
        super("%nExpecting the workload's memory limits to sum to at most %s of node %s's allocatable memory (%s)"
                        + "%nbut they sum to %s = %s of allocatable (%s of capacity %s):%n%s"
                        + "%nLower the limits, or give the node more memory.",
                report, String.format(Locale.ROOT, "%.1f%%", percent), a.node(),
                ReportMessage.human(a.allocatableBytes()), ReportMessage.human(a.limitsBytes()),
                ReportMessage.percent(a.limitsOverAllocatable()), ReportMessage.percent(a.limitsOverCapacity()),
                ReportMessage.human(a.capacityBytes()), lines(evidence(a)));
    }

    private static List<String> evidence(ResourceAudit a) {
        List<String> out = new ArrayList<>();
        for (PodResources p : a.pods()) {
            out.add("pod " + p.name() + " (" + p.qos() + "): limits "
                    + (p.unbounded() ? "none on " + String.join(", ", p.containersWithoutLimits()) + " (unbounded)"
                    : ReportMessage.human(p.limitsBytes())) + ", requests " + ReportMessage.human(p.requestsBytes()));
        }
        return out;
    }

    public static ErrorMessageFactory shouldHaveLimitsWithin(double percent, ResourceAudit audit, String report) {
        return new ShouldHaveLimitsWithin(percent, audit, report);
    }
}
