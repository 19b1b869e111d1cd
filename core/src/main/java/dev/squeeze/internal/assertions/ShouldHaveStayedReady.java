package dev.squeeze.internal.assertions;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;
import dev.squeeze.internal.report.summary.PodHistory;
import java.time.Instant;
import java.util.List;
import org.assertj.core.error.ErrorMessageFactory;

/** Pods that should have stayed Ready through pressure, hold and recovery were not Ready at some point. */
@API(status = INTERNAL, since = "0.1")
public final class ShouldHaveStayedReady extends ReportMessage {

    private ShouldHaveStayedReady(String selector, int matched, List<PodHistory> offenders, Instant origin,
                                  String report) {
        super("%nExpecting pods matching %s to stay Ready during PRESSURE, HOLD and RECOVERY%nbut %s of %s were not:%n%s",
                report, selector, String.valueOf(offenders.size()), String.valueOf(matched),
                lines(offenders.stream().flatMap(p -> p.describeNotReady(origin).stream()).toList()));
    }

    public static ErrorMessageFactory shouldHaveStayedReady(String selector, int matched, List<PodHistory> offenders,
                                                            Instant origin, String report) {
        return new ShouldHaveStayedReady(selector, matched, offenders, origin, report);
    }
}
