package dev.squeeze.internal.assertions;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;
import dev.squeeze.internal.report.summary.ApiAvailability;
import dev.squeeze.internal.report.summary.Outage;
import dev.squeeze.internal.report.summary.Timeline;
import java.time.Instant;
import java.util.List;

/** How API outages read in messages: {@code +00:16 to +00:19 (3.0 s, 2 failed ticks, in PRESSURE): TLS handshake timeout}. */
@API(status = INTERNAL, since = "0.1")
public final class ApiEvidence {

    private ApiEvidence() {
    }

    static String outage(Outage o, Instant origin) {
        return Timeline.offset(origin, o.start()) + " to " + Timeline.offset(origin, o.end())
                + (o.recovered() ? "" : " (never recovered)") + " (" + Timeline.seconds(o.duration()) + ", "
                + o.failedTicks() + " failed tick" + (o.failedTicks() == 1 ? "" : "s") + ", in " + o.phase() + "): "
                + o.firstError();
    }

    static List<String> outages(ApiAvailability a, Instant origin) {
        return a.outages().stream().map(o -> outage(o, origin)).toList();
    }

    /** {@code down for 3.0 s in 1 gap (longest 3.0 s at +00:15, in PRESSURE: TLS handshake timeout)}. */
    static String downtime(ApiAvailability a, Instant origin) {
        return a.longestOutage().map(o -> "down for " + Timeline.seconds(a.downtime()) + " in " + a.outages().size()
                + (a.outages().size() == 1 ? " gap" : " gaps") + " (longest " + Timeline.seconds(o.duration()) + " at "
                + Timeline.offset(origin, o.start()) + ", in " + o.phase() + ": " + o.firstError() + ")")
                .orElse("never down");
    }
}
