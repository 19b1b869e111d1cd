package dev.squeeze.internal.assertions;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;
import dev.squeeze.internal.report.summary.PodHistory;
import java.util.List;
import org.assertj.core.error.ErrorMessageFactory;

/** The selector matched none of the recorded pods, so no pod assertion can hold. */
@API(status = INTERNAL, since = "0.1")
public final class ShouldMatchPods extends ReportMessage {

    private ShouldMatchPods(String selector, List<PodHistory> recorded, String report) {
        super("%nExpecting pods matching%n  %s%nin the report%nbut none matched; pods recorded:%n%s%n"
                        + "Use a label selector (app=web), a role (workload, hog, system, admission_check)"
                        + " or a pod name pattern (web-*)",
                report, selector, lines(PodEvidence.names(recorded)));
    }

    public static ErrorMessageFactory shouldMatchPods(String selector, List<PodHistory> recorded, String report) {
        return new ShouldMatchPods(selector, recorded, report);
    }
}
