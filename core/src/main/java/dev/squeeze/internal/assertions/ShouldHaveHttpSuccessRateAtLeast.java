package dev.squeeze.internal.assertions;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;
import dev.squeeze.assertions.ApiServerAssert;
import dev.squeeze.internal.report.summary.HttpSuccess;
import dev.squeeze.internal.report.summary.Timeline;
import java.time.Instant;
import org.assertj.core.error.ErrorMessageFactory;

/** The workload's HTTP endpoint answered less often than required (the seed story's 502s). */
@API(status = INTERNAL, since = "0.1")
public final class ShouldHaveHttpSuccessRateAtLeast extends ReportMessage {

    private ShouldHaveHttpSuccessRateAtLeast(HttpSuccess actual, double bound, String source, Instant origin,
                                             String report) {
        super("%nExpecting the workload's HTTP success rate%n  %s%nto be at least:%n  %s%nbut %s of %s requests failed:%n%s"
                        + "%nOutages:%n%s",
                report, Timeline.percentNear(actual.percent(), bound), Timeline.percentBound(bound) + source,
                String.valueOf(actual.failures()),
                String.valueOf(actual.ticks()),
                lines(actual.errors().entrySet().stream().map(e -> e.getValue() + "x " + e.getKey()).toList()),
                lines(actual.outages().stream().map(o -> ApiEvidence.outage(o, origin)).toList()));
    }

    public static ErrorMessageFactory shouldHaveHttpSuccessRateAtLeast(HttpSuccess actual, double expected,
                                                                       Instant origin, String report) {
        return new ShouldHaveHttpSuccessRateAtLeast(actual, expected, "", origin, report);
    }

    /** The message of {@code http().isAvailable()}: the default threshold, and where it comes from. */
    public static ErrorMessageFactory shouldBeAvailable(HttpSuccess actual, Instant origin, String report) {
        return new ShouldHaveHttpSuccessRateAtLeast(actual, ApiServerAssert.DEFAULT_AVAILABILITY_PERCENT,
                " (the default of isAvailable())", origin, report);
    }
}
