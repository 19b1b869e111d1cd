package dev.squeeze.internal.assertions;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;
import dev.squeeze.internal.report.summary.ApiAvailability;
import java.time.Instant;
import org.assertj.core.error.ErrorMessageFactory;

/** The API server probe failed at least once although no failure was allowed. */
@API(status = INTERNAL, since = "0.1")
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
