package dev.squeeze.internal.assertions;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;
import dev.squeeze.internal.report.summary.ApiAvailability;
import dev.squeeze.internal.report.summary.Timeline;
import org.assertj.core.error.ErrorMessageFactory;

/** The broken scenario expected the API server to suffer, but every tick succeeded. */
@API(status = INTERNAL, since = "0.1")
public final class ShouldHaveApiFailures extends ReportMessage {

    private ShouldHaveApiFailures(ApiAvailability actual, String report) {
        super("%nExpecting the API server (%s probe) to fail at least once%nbut all %s ticks succeeded"
                        + " (p50 %s, p99 %s, max %s): the pressure did not reach the API server",
                report, actual.probe(), String.valueOf(actual.ticks()), Timeline.millis(actual.latency().p50()),
                Timeline.millis(actual.latency().p99()), Timeline.millis(actual.latency().max()));
    }

    public static ErrorMessageFactory shouldHaveApiFailures(ApiAvailability actual, String report) {
        return new ShouldHaveApiFailures(actual, report);
    }
}
