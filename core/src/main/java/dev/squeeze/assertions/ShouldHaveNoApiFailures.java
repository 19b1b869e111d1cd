package dev.squeeze.assertions;

import dev.squeeze.report.ApiAvailability;
import java.time.Instant;
import org.assertj.core.error.ErrorMessageFactory;

/** The API server probe failed at least once although no failure was allowed. */
public final class ShouldHaveNoApiFailures extends ReportMessage {

    private ShouldHaveNoApiFailures(ApiAvailability actual, Instant origin, String report) {
        super("%nExpecting the API server (%s probe) to answer every tick%nbut %s of %s ticks failed:%n%s",
                report, actual.probe(), String.valueOf(actual.failures()), String.valueOf(actual.ticks()),
                lines(ApiEvidence.outages(actual, origin)));
    }

    public static ErrorMessageFactory shouldHaveNoApiFailures(ApiAvailability actual, Instant origin, String report) {
        return new ShouldHaveNoApiFailures(actual, origin, report);
    }
}
