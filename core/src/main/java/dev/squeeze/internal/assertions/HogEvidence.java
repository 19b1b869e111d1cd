package dev.squeeze.internal.assertions;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;
import dev.squeeze.report.HogOutcome;
import dev.squeeze.internal.report.summary.Timeline;
import dev.squeeze.units.MemorySize;
import java.time.Instant;

/** How the hog's fate reads in messages: {@code OOM_KILLED at +00:18 (reason), peak 1.17 GiB of 1.50 GiB target}. */
@API(status = INTERNAL, since = "0.1")
public final class HogEvidence {

    private HogEvidence() {
    }

    static String fate(HogOutcome o, Instant origin) {
        if (o == null) {
            return "unknown: the report has no hog outcome";
        }
        return o.fate() + (o.at() == null ? "" : " at " + Timeline.offset(origin, o.at()))
                + (o.reason() == null || o.reason().isEmpty() ? "" : " (" + o.reason() + ")");
    }

    static String size(HogOutcome o) {
        if (o == null) {
            return "no size was reported";
        }
        return "peak " + MemorySize.ofBytes(o.peakBytes()).toHuman() + " of its "
                + MemorySize.ofBytes(o.targetBytes()).toHuman() + " target"
                + (o.restarts() > 0 ? ", " + o.restarts() + " restarts" : "");
    }
}
