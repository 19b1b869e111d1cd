package dev.squeeze.internal.assertions;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;
import dev.squeeze.internal.report.summary.ApiLatencySlo;
import dev.squeeze.internal.report.summary.Timeline;
import java.time.Instant;
import org.assertj.core.error.ErrorMessageFactory;

/** The API server's call latency broke the Kubernetes single-object call latency SLO (p99 &lt;= 1 s). */
@API(status = INTERNAL, since = "0.1")
public final class ShouldMeetLatencySlo extends ReportMessage {

    private ShouldMeetLatencySlo(ApiLatencySlo actual, Instant origin, String report) {
        super("%nExpecting the API server's call latency (pooled probe, %s calls)%n  p99 %s%nto meet the Kubernetes API"
                        + " call latency SLO for single-object calls:%n  p99 <= %s%nbut the slowest calls were:%n%s",
                report, String.valueOf(actual.calls().size()),
                Timeline.millisNear(actual.p99(), ApiLatencySlo.P99_BOUND), Timeline.millisBound(ApiLatencySlo.P99_BOUND),
                lines(actual.worst().stream().map(c -> Timeline.offset(origin, c.at()) + " in " + c.phase() + ": "
                        + Timeline.millis(c.latency()) + (c.error() == null ? "" : " (failed: " + c.error() + ")"))
                        .toList()));
    }

    public static ErrorMessageFactory shouldMeetLatencySlo(ApiLatencySlo actual, Instant origin, String report) {
        return new ShouldMeetLatencySlo(actual, origin, report);
    }
}
