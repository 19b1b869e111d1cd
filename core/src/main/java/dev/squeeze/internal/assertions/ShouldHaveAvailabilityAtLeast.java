package dev.squeeze.internal.assertions;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;
import dev.squeeze.assertions.ApiServerAssert;
import dev.squeeze.internal.report.summary.ApiAvailability;
import dev.squeeze.internal.report.summary.Timeline;
import java.time.Instant;
import org.assertj.core.error.ErrorMessageFactory;

/** The API server was less available than required. */
@API(status = INTERNAL, since = "0.1")
public final class ShouldHaveAvailabilityAtLeast extends ReportMessage {

    private ShouldHaveAvailabilityAtLeast(ApiAvailability actual, double bound, String source, Instant origin,
                                          String report) {
        super("%nExpecting API server availability (%s probe, %s of %s ticks ok)%n  %s%nto be at least:%n  %s%n"
                        + "but it was %s%nOutages:%n%s",
                report, actual.probe(), String.valueOf(actual.successes()), String.valueOf(actual.ticks()),
                Timeline.percentNear(actual.percent(), bound), Timeline.percentBound(bound) + source,
                ApiEvidence.downtime(actual, origin), lines(ApiEvidence.outages(actual, origin)));
    }

    public static ErrorMessageFactory shouldHaveAvailabilityAtLeast(ApiAvailability actual, double expected,
                                                                    Instant origin, String report) {
        return new ShouldHaveAvailabilityAtLeast(actual, expected, "", origin, report);
    }

    /** The message of {@code isAvailable()}: the default threshold, and where it comes from. */
    public static ErrorMessageFactory shouldBeAvailable(ApiAvailability actual, Instant origin, String report) {
        return new ShouldHaveAvailabilityAtLeast(actual, ApiServerAssert.DEFAULT_AVAILABILITY_PERCENT,
                " (the default of isAvailable(), ClusterLoader2's APIAvailability threshold)", origin, report);
    }
}
