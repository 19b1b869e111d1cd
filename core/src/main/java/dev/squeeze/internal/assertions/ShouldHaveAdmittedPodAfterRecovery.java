package dev.squeeze.internal.assertions;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;
import dev.squeeze.report.PhaseSpan;
import dev.squeeze.internal.report.summary.Timeline;
import java.time.Instant;
import org.assertj.core.error.ErrorMessageFactory;

/** The RECOVERY phase, which ends by admitting a new pod, did not complete. */
@API(status = INTERNAL, since = "0.1")
public final class ShouldHaveAdmittedPodAfterRecovery extends ReportMessage {

    private ShouldHaveAdmittedPodAfterRecovery(PhaseSpan recovery, Instant origin, String report) {
        super("%nExpecting the node to admit a new pod after recovery (RECOVERY phase completed)%nbut %s",
                report, recovery == null ? "the RECOVERY phase never ran"
                        : "the RECOVERY phase from " + Timeline.offset(origin, recovery.start()) + " to "
                        + Timeline.offset(origin, recovery.end()) + " ended: " + recovery.outcome());
    }

    public static ErrorMessageFactory shouldHaveAdmittedPodAfterRecovery(PhaseSpan recovery, Instant origin,
                                                                         String report) {
        return new ShouldHaveAdmittedPodAfterRecovery(recovery, origin, report);
    }
}
