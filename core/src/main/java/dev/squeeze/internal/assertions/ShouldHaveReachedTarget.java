package dev.squeeze.internal.assertions;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;
import dev.squeeze.report.HogOutcome;
import java.time.Instant;
import org.assertj.core.error.ErrorMessageFactory;

/** The hog never delivered the pressure that was asked for, so the experiment proves less than it claims. */
@API(status = INTERNAL, since = "0.1")
public final class ShouldHaveReachedTarget extends ReportMessage {

    private ShouldHaveReachedTarget(HogOutcome actual, Instant origin, String report) {
        super("%nExpecting the memory hog to reach its target%nbut it reached %s%nand ended %s",
                report, HogEvidence.size(actual), HogEvidence.fate(actual, origin));
    }

    public static ErrorMessageFactory shouldHaveReachedTarget(HogOutcome actual, Instant origin, String report) {
        return new ShouldHaveReachedTarget(actual, origin, report);
    }
}
