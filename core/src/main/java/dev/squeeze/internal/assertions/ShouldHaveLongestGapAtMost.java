package dev.squeeze.internal.assertions;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;
import dev.squeeze.internal.report.summary.ApiAvailability;
import dev.squeeze.internal.report.summary.Timeline;
import java.time.Duration;
import java.time.Instant;
import org.assertj.core.error.ErrorMessageFactory;

/** The API server's longest outage was longer than allowed. */
@API(status = INTERNAL, since = "0.1")
public final class ShouldHaveLongestGapAtMost extends ReportMessage {

    private ShouldHaveLongestGapAtMost(ApiAvailability actual, Duration max, Instant origin, String report) {
        super("%nExpecting the longest API server outage (%s probe)%n  %s%nto be at most:%n  %s%n"
                        + "but it lasted from %s%nAll outages:%n%s",
                report, actual.probe(), Timeline.secondsNear(actual.longestGap(), max), Timeline.secondsBound(max),
                actual.longestOutage().map(o -> ApiEvidence.outage(o, origin)).orElse("(no outage)"),
                lines(ApiEvidence.outages(actual, origin)));
    }

    public static ErrorMessageFactory shouldHaveLongestGapAtMost(ApiAvailability actual, Duration max, Instant origin,
                                                                 String report) {
        return new ShouldHaveLongestGapAtMost(actual, max, origin, report);
    }
}
