package dev.squeeze.internal.assertions;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;
import dev.squeeze.internal.report.summary.PodHistory;
import java.util.List;
import org.assertj.core.error.ErrorMessageFactory;

/** Pods restarted more often than allowed. */
@API(status = INTERNAL, since = "0.1")
public final class ShouldHaveAtMostRestarts extends ReportMessage {

    private ShouldHaveAtMostRestarts(String selector, int max, List<PodHistory> offenders, String report) {
        super("%nExpecting pods matching %s to restart at most %s time%s during the experiment%nbut:%n%s",
                report, selector, String.valueOf(max), max == 1 ? "" : "s",
                lines(offenders.stream().map(PodEvidence::restarts).toList()));
    }

    public static ErrorMessageFactory shouldHaveAtMostRestarts(String selector, int max, List<PodHistory> offenders,
                                                               String report) {
        return new ShouldHaveAtMostRestarts(selector, max, offenders, report);
    }
}
