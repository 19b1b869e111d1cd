package dev.squeeze.internal.report.html;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;
import dev.squeeze.internal.report.summary.Timeline;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The one time axis every chart shares, so a moment lines up vertically across charts: plot area from {@link #LEFT}
 * to {@link #WIDTH} minus {@link #RIGHT}, time from the report's start to its end.
 */
@API(status = INTERNAL, since = "0.1")
public final class TimeAxis {

    static final int WIDTH = 1160;
    static final int LEFT = 214;
    static final int RIGHT = 24;

    private static final long[] STEPS_S = {1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600};

    private final Instant origin;
    private final long spanMillis;

    TimeAxis(Instant origin, Instant end) {
        this.origin = origin;
        this.spanMillis = Math.max(1000, Duration.between(origin, end).toMillis());
    }

    Instant origin() {
        return origin;
    }

    double plotWidth() {
        return WIDTH - LEFT - RIGHT;
    }

    double x(Instant at) {
        double fraction = Duration.between(origin, at).toMillis() / (double) spanMillis;
        return LEFT + Math.max(0, Math.min(1, fraction)) * plotWidth();
    }

    double right() {
        return WIDTH - RIGHT;
    }

    /** Tick instants: a round step giving about eight labels. */
    List<Instant> ticks() {
        long step = STEPS_S[STEPS_S.length - 1];
        for (long s : STEPS_S) {
            if (spanMillis / (s * 1000) <= 10) {
                step = s;
                break;
            }
        }
        List<Instant> ticks = new ArrayList<>();
        for (long t = 0; t <= spanMillis; t += step * 1000) {
            ticks.add(origin.plusMillis(t));
        }
        return ticks;
    }

    String label(Instant at) {
        return Timeline.offset(origin, at);
    }
}
